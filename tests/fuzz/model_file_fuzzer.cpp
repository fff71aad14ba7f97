// libFuzzer target for model-file loading. The bytes are read twice: as a whole .dlmodel file (the
// frame's magic, lengths and CRC-32), and as the header text inside a correctly framed and
// checksummed file, so that the header's parsing and validation are fuzzed past the checksum, by
// the container's reader and by the detector's, the recognizer's and EdgNet's loaders.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detect/detect.h"
#include "model/model.h"
#include "model/model_container.h"
#include "model/sample_models.h"
#include "ocr/ocr.h"
#include "segment/segment.h"

namespace {

namespace model = drawlens::model;
namespace samples = drawlens::model::samples;

// A refusal must be MODEL; an accepted file must write back to a file that reads the same.
void check(const drawlens::Result<model::ModelFile>& read, const model::ModelExpectation& expectation) {
  if (!read.ok()) {
    if (read.error().status != drawlens::Status::model || read.error().message.empty()) __builtin_trap();
    return;
  }
  const model::ModelFile& file = read.value();
  auto rewritten = model::write_model_file(file.header, file.payload);
  if (!rewritten.ok()) __builtin_trap();
  auto again = model::read_model_file(rewritten.value().data(), rewritten.value().size(), expectation, "again");
  if (!again.ok() || again.value().payload != file.payload || again.value().header.name != file.header.name ||
      again.value().header.input_shape != file.header.input_shape ||
      again.value().header.hyperparameters != file.header.hyperparameters) {
    __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto kSamples = samples::all();
  const std::string_view header(reinterpret_cast<const char*>(data), size);
  const std::vector<std::uint8_t> payload = samples::recognizer().payload;
  auto wrapped = model::frame_model_container(header, payload.data(), payload.size());
  // The detector's, the recognizer's, the symbol classifier's and EdgNet's own checks past the
  // container (categories, resolution, alphabet, classes, widths, weights): a refusal must be MODEL
  // or INVALID_ARGUMENT, never a crash or an escaped exception.
  if (wrapped.ok()) {
    const auto detector =
        drawlens::detect::Detector::from_bytes(wrapped.value().data(), wrapped.value().size(), "detector.dlmodel");
    if (!detector.ok() && detector.error().status != drawlens::Status::model &&
        detector.error().status != drawlens::Status::invalid_argument)
      __builtin_trap();
    const auto recognizer =
        drawlens::ocr::Recognizer::from_bytes(wrapped.value().data(), wrapped.value().size(), "recognizer.dlmodel");
    if (!recognizer.ok() && recognizer.error().status != drawlens::Status::model &&
        recognizer.error().status != drawlens::Status::invalid_argument)
      __builtin_trap();
    const auto symbols =
        drawlens::ocr::SymbolClassifier::from_bytes(wrapped.value().data(), wrapped.value().size(), "symbols.dlmodel");
    if (!symbols.ok() && symbols.error().status != drawlens::Status::model &&
        symbols.error().status != drawlens::Status::invalid_argument)
      __builtin_trap();
    const auto edgnet =
        drawlens::segment::EdgNet::from_bytes(wrapped.value().data(), wrapped.value().size(), "edgnet.dlmodel");
    if (!edgnet.ok() && edgnet.error().status != drawlens::Status::model &&
        edgnet.error().status != drawlens::Status::invalid_argument)
      __builtin_trap();
  }
  for (const samples::SampleModel& sample : kSamples) {
    const model::ModelExpectation expectation = samples::expectation_for(sample.header);
    check(model::read_model_file(data, size, expectation, "fuzz.dlmodel"), expectation);
    if (wrapped.ok()) {
      check(model::read_model_file(wrapped.value().data(), wrapped.value().size(), expectation, "wrapped.dlmodel"),
            expectation);
    }
  }
  return 0;
}
