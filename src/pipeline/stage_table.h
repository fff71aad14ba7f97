// The stage table: every stage the pipeline knows, as data. A stage is a row: its name (the timing
// key), the activity its stop and error messages name, the stages it needs, where it runs and the
// function that runs it on one page. Adding a stage means a row here, its module, its slot in
// PageAnalysis, the JSON writer and its C accessors.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"
#include "load/load.h"
#include "pipeline/pipeline.h"
#include "pipeline/pipeline_models.h"
#include "pipeline/worker_engines.h"
#include "prepare/prepare.h"

namespace drawlens {

// Where a stage runs: always on the CPU, or on the pipeline's device (a CUDA device when the
// pipeline resolved one, falling back to the CPU per worker when it cannot be used).
enum class Placement { cpu, pipeline_device };

// One page on its way through the stages, on one worker.
struct PageWork {
  const load::OpenedDocument& document;
  int selected = 0;       // index among the selected pages
  int cuda_ordinal = -1;  // the pipeline's CUDA device; -1 on the CPU
  WorkerEngines& engines;
  const PipelineModels& models;
  Page page;                                      // Stage::load
  std::optional<prepare::PreparedPage> prepared;  // Stage::prepare: gray and ink shared by later stages
  PageAnalysis& result;
  std::vector<Diagnostic> diagnostics;                       // in the order the stages emitted them
  tolerance::Process process = tolerance::Process::milling;  // Stage::tolerance, from the options
  tolerance::Material material = tolerance::Material::steel;

  void diagnose(const char* severity, Stage stage, std::string message) {
    diagnostics.push_back({severity, stage_name(stage), result.index, std::move(message)});
  }
};

struct StageInfo {
  Stage stage;
  const char* name;      // timing key and diagnostics stage: "layout"
  const char* activity;  // what stop and error messages call it: "layout of page 3"
  StageSet needs;        // stages that must have run on the page first
  bool intermediate;     // adds nothing to the result: runs only when a selected stage needs it
  Placement placement;
  // Runs the stage on one page; an Error fails the analysis (exceptions are caught by the caller).
  std::optional<Error> (*run)(PageWork& work);
};

// Every stage, in run order (row i is Stage i).
const std::vector<StageInfo>& stage_table();

// `requested` without intermediate stages, plus every stage a requested stage needs, transitively;
// load is always in.
StageSet with_needed_stages(StageSet requested);

}  // namespace drawlens
