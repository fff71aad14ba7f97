// `drawlens import-labelme --in A.json --out T.json [--image I]`: LabelMe (eDOCr2) annotations as
// result-schema truth for `drawlens eval` (see docs/eval.md).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

#include "commands.h"
#include "drawlens/drawlens.hpp"
#include "labelme_truth.h"

namespace drawlens::cli {
namespace {

namespace fs = std::filesystem;

struct ImportArguments {
  std::string annotation;
  std::string output;
  std::string image;
};

// The image: --image, else the annotation's imagePath beside the annotation file.
fs::path image_path(const ImportArguments& args, const nlohmann::json& annotation) {
  if (!args.image.empty()) return args.image;
  if (!annotation.contains("imagePath") || !annotation["imagePath"].is_string()) {
    throw std::runtime_error(args.annotation + ": no \"imagePath\"; name the image with --image");
  }
  const fs::path beside = fs::path(args.annotation).parent_path() / annotation["imagePath"].get<std::string>();
  std::error_code error;
  if (!fs::is_regular_file(beside, error)) {
    throw std::runtime_error(beside.string() +
                             " (the annotation's imagePath): no such file; name the image with --image");
  }
  return beside;
}

}  // namespace

std::function<int()> add_import_labelme_command(CLI::App& app) {
  auto* command = app.add_subcommand("import-labelme", "Convert a LabelMe (eDOCr2) annotation into truth result JSON");
  auto args = std::make_shared<ImportArguments>();
  command->add_option("--in", args->annotation, "LabelMe annotation JSON")->required();
  command->add_option("--out", args->output, "Truth result JSON to write")->required();
  command->add_option("--image", args->image, "The annotated image (default: the annotation's imagePath beside it)");
  return [args] {
    const nlohmann::json annotation = labelme::read_annotation(args->annotation);
    const fs::path image = image_path(*args, annotation);
    // Loading only: the source description and the page's size and dpi, as drawlens analyze reports them.
    const Pipeline pipeline(Options().stages(0));
    const nlohmann::json loaded = nlohmann::json::parse(pipeline.analyze(Document::file(image.string())).json());
    labelme::Truth truth;
    try {
      truth = labelme::truth_from_annotation(annotation, loaded);
    } catch (const std::runtime_error& e) {
      throw std::runtime_error(args->annotation + ": " + e.what());
    }
    std::ofstream out(args->output, std::ios::binary);
    if (!out || !(out << truth.document.dump(2) << "\n"))
      throw std::runtime_error(args->output + ": cannot be written");
    std::cerr << args->output << ": " << truth.dimensions << " dimensions (" << truth.parsed
              << " read by the grammar), " << truth.notes << " other_info notes\n";
    return 0;
  };
}

}  // namespace drawlens::cli
