// What the Recognizer and the SymbolClassifier share in loading (network_loading.h).
#include "ocr/network_loading.h"

namespace drawlens::ocr {

std::string options_problem(const RecognizerOptions& o) {
  if (o.threads < 0 || o.threads > 1024) return "threads must be 0..1024";
  if (o.beam_width < 1 || o.beam_width > 64) return "beam_width must be 1..64";
  if (!(o.alternatives_below >= 0 && o.alternatives_below <= 1)) return "alternatives_below must be in [0, 1]";
  if (o.batch < 1 || o.batch > 1024) return "batch must be 1..1024";
  if (o.cuda_device < -1 || o.cuda_device > 255) return "cuda_device must be -1 (CPU) or a CUDA ordinal";
  return {};
}

Result<NetworkPlacement> place_network(torch::nn::Module& network, const RecognizerOptions& options, const char* who) {
  NetworkPlacement placement;
  if (options.cuda_device >= 0) {
    if (!torch::cuda::is_available() || options.cuda_device >= static_cast<int>(torch::cuda::device_count()))
      return make_error(Status::gpu, std::string(who) + ": CUDA device " + std::to_string(options.cuda_device) +
                                         " is not available to LibTorch (" +
                                         std::to_string(torch::cuda::device_count()) + " devices)");
    placement.device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(options.cuda_device));
    placement.dtype = torch::kFloat16;
    network.to(placement.device, placement.dtype);
  }
  if (options.threads > 0) torch::set_num_threads(options.threads);
  return placement;
}

}  // namespace drawlens::ocr
