// The evaluation report as Markdown: per protocol, a totals table by category and a row per file;
// then detection AP and segmentation, totals and per file.
#include <cstdio>
#include <sstream>

#include "eval.h"
#include "report_sections.h"

namespace drawlens::eval {

std::string figure(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", value);
  return text;
}

std::string figure(const std::optional<double>& value) {
  return value ? figure(*value) : "—";
}

namespace {

std::string value_figure(const Counts& counts, Category category) {
  return category == Category::dimensions ? figure(counts.value_accuracy()) : "—";
}

const char* protocol_title(Protocol protocol) {
  return protocol == Protocol::strict ? "strict: one-to-one (Hungarian) on box IoU ≥ 0.5, title fields by key"
                                      : "edocr: best prediction per truth at box IoU ≥ 0.2, CER over those pairs";
}

void write_totals(std::ostringstream& out, const CategoryCounts& totals) {
  out << "| category | truth | predicted | matched | precision | recall | F1 | exact | value | cells | CER |\n"
      << "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";
  for (Category category : kCategories) {
    const Counts& c = totals[category];
    out << "| " << category_name(category) << " | " << c.truth << " | " << c.predicted << " | " << c.matched_truth
        << " | " << figure(c.precision()) << " | " << figure(c.recall()) << " | " << figure(c.f1()) << " | "
        << figure(c.exact_accuracy()) << " | " << value_figure(c, category) << " | "
        << (category == Category::tables ? figure(c.cell_accuracy()) : "—") << " | " << figure(c.cer()) << " |\n";
  }
}

void write_files(std::ostringstream& out, const std::vector<FileScores>& files, Protocol protocol) {
  out << "| file | dim P | dim R | dim F1 | dim exact | dim value | dim CER | gdt F1 | gdt CER | title F1 | title "
         "exact |\n"
      << "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";
  for (const FileScores& file : files) {
    const CategoryCounts& c = file.counts[protocol];
    const Counts& d = c[Category::dimensions];
    const Counts& g = c[Category::gdt_frames];
    const Counts& t = c[Category::title_fields];
    out << "| " << file.name << (file.prediction_missing ? " (no prediction)" : "") << " | " << figure(d.precision())
        << " | " << figure(d.recall()) << " | " << figure(d.f1()) << " | " << figure(d.exact_accuracy()) << " | "
        << figure(d.value_accuracy()) << " | " << figure(d.cer()) << " | " << figure(g.f1()) << " | " << figure(g.cer())
        << " | " << figure(t.f1()) << " | " << figure(t.exact_accuracy()) << " |\n";
  }
}

void write_file_figures(std::ostringstream& out, const std::vector<FileScores>& files) {
  out << "| file | mAP@0.5 | mAP@0.5:0.95 | seg pages | pixel acc | foreground acc | mean IoU |\n"
      << "|---|--:|--:|--:|--:|--:|--:|\n";
  for (const FileScores& file : files) {
    const SegmentationCounts& s = file.segmentation;
    out << "| " << file.name << " | " << figure(file.detection.map_50()) << " | " << figure(file.detection.map_50_95())
        << " | " << s.pages << " | " << figure(s.pixel_accuracy()) << " | " << figure(s.foreground_accuracy()) << " | "
        << figure(s.mean_iou()) << " |\n";
  }
}

}  // namespace

std::string markdown_report(const Report& report, const std::vector<Protocol>& protocols) {
  std::ostringstream out;
  out << "# drawlens eval\n\ntruth: `" << report.truth_path << "`, prediction: `" << report.prediction_path
      << "`, files: " << report.files.size() << "\n";
  for (Protocol protocol : protocols) {
    out << "\n## " << protocol_title(protocol) << "\n\n### totals\n\n";
    write_totals(out, report.totals[protocol]);
    out << "\n### per file\n\n";
    write_files(out, report.files, protocol);
  }
  out << "\n## detection: COCO-style AP, predictions ranked by confidence\n\n";
  write_detection(out, report.detection);
  out << "\n## segmentation: segments rasterised to class masks\n\n";
  write_segmentation(out, report.segmentation);
  out << "\n## vectorization: predicted segments against the truth's primitives\n\n";
  write_vectorization(out, report.vectorization);
  out << "\n## linework links: dimensions tied to their lines and feature\n\n";
  write_links(out, report.links);
  out << "\n## detection and segmentation per file\n\n";
  write_file_figures(out, report.files);
  if (!report.unpaired_predictions.empty()) {
    out << "\nPrediction files without truth (not scored):";
    for (const std::string& name : report.unpaired_predictions) out << " `" << name << "`";
    out << "\n";
  }
  return out.str();
}

}  // namespace drawlens::eval
