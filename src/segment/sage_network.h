// EdgNet's network: GraphSAGE with mean aggregation (Hamilton et al. 2017; as PyG's SAGEConv,
// lin_l(mean of the neighbours) + lin_r(self)) in residual blocks, over the normalized node
// features, and a two-layer head giving each primitive's class logits. Shared by EdgNet
// (inference) and tools/train/edgnet (training); torch stays out of other headers.
#pragma once

#include <torch/torch.h>
#include <nlohmann/json.hpp>

namespace drawlens::segment {

// The model file's hyperparameters carry it, so a trained file rebuilds its network.
struct NetworkShape {
  int hidden = 64;
  int layers = 5;  // SAGE convolutions

  nlohmann::json to_json() const;
  // Throws std::invalid_argument naming the bad field.
  static NetworkShape from_json(const nlohmann::json& json);
};

class SageConvImpl : public torch::nn::Module {
 public:
  SageConvImpl(int in, int out);
  // x [N, in]; messages flow from source[e] to target[e]; inverse_degree [N, 1] of the targets.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& source, const torch::Tensor& target,
                        const torch::Tensor& inverse_degree);

 private:
  torch::nn::Linear neighbours_{nullptr}, self_{nullptr};
};
TORCH_MODULE(SageConv);

// 1 / in-degree of every node ([N, 1]; 1 for a node without neighbours): computed once per graph.
torch::Tensor inverse_degree(const torch::Tensor& target, std::int64_t nodes, const torch::TensorOptions& options);

class EdgNetNetworkImpl : public torch::nn::Module {
 public:
  EdgNetNetworkImpl(const NetworkShape& shape, int features, int classes);
  // x [N, features] raw features (normalized inside with the stored statistics); edges as above.
  // Returns logits [N, classes].
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& source, const torch::Tensor& target);
  // The training program sets the feature statistics of its data; they are saved with the weights.
  void set_feature_statistics(const torch::Tensor& mean, const torch::Tensor& std);
  const NetworkShape& shape() const { return shape_; }

 private:
  NetworkShape shape_;
  torch::Tensor feature_mean_, feature_scale_;
  torch::nn::Linear input_{nullptr};
  torch::nn::ModuleList convs_{nullptr}, norms_{nullptr};
  torch::nn::Linear hidden_{nullptr}, output_{nullptr};
};
TORCH_MODULE(EdgNetNetwork);

}  // namespace drawlens::segment
