// GraphSAGE layers and EdgNet's network (sage_network.h).
#include "segment/sage_network.h"

#include <stdexcept>

namespace drawlens::segment {

nlohmann::json NetworkShape::to_json() const {
  return {{"hidden", hidden}, {"layers", layers}};
}

NetworkShape NetworkShape::from_json(const nlohmann::json& json) {
  NetworkShape s;
  s.hidden = json.value("hidden", s.hidden);
  s.layers = json.value("layers", s.layers);
  if (s.hidden < 4 || s.hidden > 1024) throw std::invalid_argument("network.hidden must be 4..1024");
  if (s.layers < 1 || s.layers > 16) throw std::invalid_argument("network.layers must be 1..16");
  return s;
}

SageConvImpl::SageConvImpl(int in, int out)
    : neighbours_(register_module("neighbours", torch::nn::Linear(in, out))),
      self_(register_module("self", torch::nn::Linear(torch::nn::LinearOptions(in, out).bias(false)))) {}

torch::Tensor SageConvImpl::forward(const torch::Tensor& x, const torch::Tensor& source, const torch::Tensor& target,
                                    const torch::Tensor& inverse_degree) {
  torch::Tensor mean = torch::zeros_like(x).index_add_(0, target, x.index_select(0, source)) * inverse_degree;
  return neighbours_(mean) + self_(x);
}

torch::Tensor inverse_degree(const torch::Tensor& target, std::int64_t nodes, const torch::TensorOptions& options) {
  torch::Tensor degree = torch::zeros({nodes}, options).index_add_(0, target, torch::ones({target.size(0)}, options));
  return (1.0 / degree.clamp_min(1)).unsqueeze(1);
}

EdgNetNetworkImpl::EdgNetNetworkImpl(const NetworkShape& shape, int features, int classes) : shape_(shape) {
  feature_mean_ = register_buffer("feature_mean", torch::zeros({features}));
  feature_scale_ = register_buffer("feature_scale", torch::ones({features}));
  input_ = register_module("input", torch::nn::Linear(features, shape.hidden));
  convs_ = register_module("convs", torch::nn::ModuleList());
  norms_ = register_module("norms", torch::nn::ModuleList());
  for (int i = 0; i < shape.layers; ++i) {
    convs_->push_back(SageConv(shape.hidden, shape.hidden));
    norms_->push_back(torch::nn::LayerNorm(torch::nn::LayerNormOptions({shape.hidden})));
  }
  hidden_ = register_module("hidden", torch::nn::Linear(shape.hidden, shape.hidden));
  output_ = register_module("output", torch::nn::Linear(shape.hidden, classes));
}

void EdgNetNetworkImpl::set_feature_statistics(const torch::Tensor& mean, const torch::Tensor& std) {
  torch::NoGradGuard no_grad;
  feature_mean_.copy_(mean);
  feature_scale_.copy_(1.0 / std.clamp_min(1e-3));
}

torch::Tensor EdgNetNetworkImpl::forward(const torch::Tensor& x, const torch::Tensor& source,
                                         const torch::Tensor& target) {
  const torch::Tensor inverse = inverse_degree(target, x.size(0), x.options());
  torch::Tensor h = torch::relu(input_((x - feature_mean_) * feature_scale_));
  for (std::size_t i = 0; i < convs_->size(); ++i) {
    torch::Tensor update = convs_[i]->as<SageConv>()->forward(h, source, target, inverse);
    h = h + torch::relu(norms_[i]->as<torch::nn::LayerNorm>()->forward(update));
  }
  return output_(torch::relu(hidden_(h)));
}

}  // namespace drawlens::segment
