// The server's Prometheus metrics: counters, gauges and histograms with fixed label sets, rendered
// in the Prometheus text exposition format (version 0.0.4) for GET /metrics.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace drawlens::serve {

class Metrics {
 public:
  Metrics();

  // One answered request: its route pattern (not the raw path, so label values stay few), method,
  // HTTP status and seconds from arrival to answer.
  void record_request(const std::string& route, const std::string& method, int status, double seconds);
  // One analysed drawing of `pages` pages that took `seconds` in the pipeline, with the result's
  // milliseconds per stage (its "timings_ms"; "total" is the wall time and is skipped).
  void record_analysis(const std::string& route, std::size_t pages, double seconds,
                       const std::map<std::string, double>& stage_milliseconds);
  // Gauges read when /metrics is scraped.
  struct Gauges {
    int busy_workers = 0;
    int queued_requests = 0;
    int workers = 0;
    std::size_t kept_results = 0;
    double uptime_seconds = 0;
    // Only when the pipeline runs on a GPU: bytes in use on it (NVML), else negative.
    double gpu_memory_used_bytes = -1;
  };
  std::string render(const Gauges& gauges, const std::string& version) const;

 private:
  struct Histogram {
    std::vector<std::uint64_t> bucket_counts;  // per upper bound in kBuckets, not cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };
  void observe(Histogram& histogram, double seconds);
  void render_histogram(std::string& out, const std::string& name, const std::string& labels,
                        const Histogram& histogram) const;

  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t> requests_;  // rendered label set -> count
  std::map<std::string, Histogram> request_seconds_;
  std::map<std::string, Histogram> analysis_seconds_;
  std::map<std::string, Histogram> stage_seconds_;
  std::uint64_t drawings_ = 0;
  std::uint64_t pages_ = 0;
};

}  // namespace drawlens::serve
