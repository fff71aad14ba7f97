// `drawlens tolerance FILE` (the tolerance stage's analysis of a drawing as a table, or JSON) and
// `drawlens train-skin MEASUREMENTS.csv --out FILE` (a skin model retrained on measured parts).
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "drawlens/drawlens.hpp"

namespace drawlens::cli {
namespace {

struct ToleranceArguments {
  std::string file;
  std::string process = "milling";
  std::string material = "steel";
  std::string models;
  std::string skin_model;  // a retrained .dlmodel; empty: the installed one
  bool json = false;
};

std::string grade_text(const std::optional<int>& grade) {
  if (!grade) return "-";
  return *grade == -1 ? "IT01" : "IT" + std::to_string(*grade);
}

void print_table(const Page& page, const std::vector<ToleranceAnalysis>& analyses) {
  std::printf("page %d: %zu toleranced features\n", page.index + 1, analyses.size());
  if (analyses.empty()) return;
  std::printf("  %-7s %-17s %-26s %9s %-5s %10s %6s %7s  %s\n", "id", "feature", "annotation", "zone mm", "IT",
              "sigma mm", "Cpk", "yield", "rating");
  for (const ToleranceAnalysis& a : analyses) {
    std::string text = a.text.size() > 26 ? a.text.substr(0, 25) + "~" : a.text;
    for (char& c : text) {
      if (c == '\n') c = ' ';
    }
    std::printf("  %-7s %-17s %-26s %9.4f %-5s %10.5f %6.2f %6.1f%%  %s%s\n", a.id.c_str(),
                drawlens_feature_class_name(a.feature_class), text.c_str(), a.zone_mm, grade_text(a.it_grade).c_str(),
                a.sigma_mm, a.cpk, 100.0 * a.yield, drawlens_rating_name(a.rating),
                a.cost_driver ? " *cost driver*" : "");
  }
  for (const ToleranceAnalysis& a : analyses) {
    if (a.cost_driver) std::printf("  %s: %s\n", a.id.c_str(), a.reason.c_str());
  }
}

void print_frame_checks(const nlohmann::json& page) {
  const auto tolerances = page.find("tolerances");
  if (tolerances == page.end()) return;
  for (const auto& check : (*tolerances)["frame_checks"]) {
    for (const auto& finding : check["findings"]) {
      std::printf("  %s %s: %s\n", check["id"].get<std::string>().c_str(),
                  finding["severity"].get<std::string>().c_str(), finding["message"].get<std::string>().c_str());
    }
  }
  for (const auto& skipped : (*tolerances)["not_analysed"]) {
    std::printf("  %s not analysed: %s\n", skipped["id"].get<std::string>().c_str(),
                skipped["reason"].get<std::string>().c_str());
  }
}

// The enum value whose C name is `text` (the pipeline has accepted the name, synonyms included, so
// only a retrained model's direct call needs this; it takes the canonical names).
template <typename Enum>
Enum named(const std::string& text, int count, const char* (*name_of)(Enum), const char* what) {
  for (int i = 0; i < count; ++i) {
    if (text == name_of(static_cast<Enum>(i))) return static_cast<Enum>(i);
  }
  throw Error(DRAWLENS_INVALID_ARGUMENT, std::string("--") + what + " '" + text +
                                             "' with --skin-model must be one of "
                                             "the canonical names (drawlens tolerance --help)");
}

int run_tolerance(const ToleranceArguments& args) {
  Options options;
  options.process(args.process).material(args.material).model_directory(args.models);
  // A retrained model is applied to the annotations by the standalone SkinModel instead of the stage.
  std::unique_ptr<SkinModel> retrained;
  if (!args.skin_model.empty()) {
    retrained = std::make_unique<SkinModel>(args.skin_model);
    options.stages(DRAWLENS_STAGE_LAYOUT | DRAWLENS_STAGE_DETECT | DRAWLENS_STAGE_READ | DRAWLENS_STAGE_ANNOTATE);
  }
  Pipeline pipeline(options);
  const Result result = pipeline.analyze(Document::file(args.file));
  const std::vector<Page> pages = result.pages();
  const nlohmann::json document = nlohmann::json::parse(result.json());
  nlohmann::json reports = nlohmann::json::array();
  for (std::size_t i = 0; i < pages.size(); ++i) {
    std::vector<ToleranceAnalysis> analyses = pages[i].tolerances;
    if (retrained) {
      analyses = retrained->analyze(result, i, named(args.process, 11, drawlens_process_name, "process"),
                                    named(args.material, 7, drawlens_material_name, "material"));
    }
    if (args.json) {
      reports.push_back(document["pages"][i].value("tolerances", nlohmann::json(nullptr)));
      continue;
    }
    print_table(pages[i], analyses);
    print_frame_checks(document["pages"][i]);
  }
  if (args.json) std::cout << reports.dump(2) << "\n";
  return 0;
}

}  // namespace

std::function<int()> add_tolerance_command(CLI::App& app) {
  auto* command = app.add_subcommand("tolerance", "Tolerance analysis of a drawing's dimensions and GD&T frames");
  auto args = std::make_shared<ToleranceArguments>();
  command->add_option("file", args->file, "Drawing (PDF with a text layer, or an image)")->required();
  command->add_option("--process", args->process,
                      "turning, milling, grinding, drilling, reaming, boring, edm, casting, forging, sheet_metal, "
                      "additive (default milling)");
  command->add_option("--material", args->material,
                      "steel, stainless, aluminium, titanium, brass, cast_iron, plastic (default steel)");
  command->add_option("--models", args->models, "Directory of the .dlmodel files (default: the models search)");
  auto* skin =
      command->add_option("--skin-model", args->skin_model, "A retrained skin model (.dlmodel) to use instead");
  command->add_flag("--json", args->json, "Print each page's tolerance analysis as the result schema's JSON")
      ->excludes(skin);
  return [args] { return run_tolerance(*args); };
}

std::function<int()> add_train_skin_command(CLI::App& app) {
  auto* command = app.add_subcommand("train-skin", "Retrain the skin model on measured parts (CSV)");
  auto csv = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto base = std::make_shared<std::string>();
  auto rounds = std::make_shared<int>(50);
  auto seed = std::make_shared<unsigned long long>(1);
  auto scratch = std::make_shared<bool>(false);
  command->add_option("measurements", *csv, "CSV of measured parts (docs/tolerance.md, \"Measurements CSV\")")
      ->required();
  command->add_option("--out", *out, "The .dlmodel file to write")->required();
  command->add_option("--base", *base, "Model to continue from (default: the installed skinmodel.dlmodel)");
  command->add_flag("--from-scratch", *scratch, "Train on the measurements alone, without a base model");
  command->add_option("--rounds", *rounds, "Boosting rounds added (default 50)")->check(CLI::Range(1, 100000));
  command->add_option("--seed", *seed, "Training seed (default 1)");
  return [=] {
    std::unique_ptr<SkinModel> prior;
    if (!*scratch) prior = std::make_unique<SkinModel>(*base);
    const SkinModel trained = SkinModel::train_csv(*csv, *rounds, *seed, prior.get());
    trained.save(*out);
    std::printf("wrote %s (%d rounds on %s%s)\n", out->c_str(), *rounds, csv->c_str(),
                *scratch ? ", from scratch" : ", continuing from the base model");
    return 0;
  };
}

}  // namespace drawlens::cli
