// How far an analysis got: the pipeline reports each finished stage of each page to a host callback
// (drawlens_run_options.progress). Copyable and cheap; called from worker threads.
#pragma once

namespace drawlens {

struct ProgressStep {
  const char* stage = "";  // the stage just finished ("layout"); static
  int page = 0;            // 0-based page of the document
  int page_count = 0;      // pages being analysed
  int steps_done = 0;      // stage runs finished in this analysis, this one included (unique per analysis)
  int steps_total = 0;     // stage runs the analysis makes unless it stops
};

class ProgressReporter {
 public:
  // Called from any worker thread, also concurrently, so steps may arrive out of order.
  using Callback = void (*)(const ProgressStep& step, void* user_data);

  ProgressReporter() = default;  // reports nothing
  ProgressReporter(Callback callback, void* user_data) : callback_(callback), user_data_(user_data) {}

  void report(const ProgressStep& step) const {
    if (callback_ != nullptr) callback_(step, user_data_);
  }

 private:
  Callback callback_ = nullptr;
  void* user_data_ = nullptr;
};

}  // namespace drawlens
