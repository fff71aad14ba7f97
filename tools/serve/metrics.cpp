// Prometheus text exposition of the server's metrics (metrics.h).
#include "metrics.h"

#include <cstdio>

namespace drawlens::serve {
namespace {

// Seconds; spans a health check (1 ms) to a large multi-page PDF under load (2 min).
constexpr double kBuckets[] = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120};
constexpr std::size_t kBucketCount = sizeof kBuckets / sizeof kBuckets[0];

// A label value with the three characters the format escapes.
std::string escaped(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string number(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

void header(std::string& out, const char* name, const char* type, const char* help) {
  out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
}

void sample(std::string& out, const std::string& name, const std::string& labels, double value) {
  out += name;
  if (!labels.empty()) out += "{" + labels + "}";
  out += " " + number(value) + "\n";
}

}  // namespace

Metrics::Metrics() = default;

void Metrics::observe(Histogram& histogram, double seconds) {
  if (histogram.bucket_counts.empty()) histogram.bucket_counts.assign(kBucketCount, 0);
  for (std::size_t i = 0; i < kBucketCount; ++i) {
    if (seconds <= kBuckets[i]) {
      ++histogram.bucket_counts[i];
      break;
    }
  }
  ++histogram.count;
  histogram.sum += seconds;
}

void Metrics::record_request(const std::string& route, const std::string& method, int status, double seconds) {
  const std::string route_label = "route=\"" + escaped(route) + "\"";
  const std::lock_guard lock(mutex_);
  ++requests_[route_label + ",method=\"" + escaped(method) + "\",status=\"" + std::to_string(status) + "\""];
  observe(request_seconds_[route_label], seconds);
}

void Metrics::record_analysis(const std::string& route, std::size_t pages, double seconds,
                              const std::map<std::string, double>& stage_milliseconds) {
  const std::lock_guard lock(mutex_);
  ++drawings_;
  pages_ += pages;
  observe(analysis_seconds_["route=\"" + escaped(route) + "\""], seconds);
  for (const auto& [stage, milliseconds] : stage_milliseconds) {
    if (stage != "total") observe(stage_seconds_["stage=\"" + escaped(stage) + "\""], milliseconds / 1000.0);
  }
}

void Metrics::render_histogram(std::string& out, const std::string& name, const std::string& labels,
                               const Histogram& histogram) const {
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kBucketCount; ++i) {
    cumulative += histogram.bucket_counts.empty() ? 0 : histogram.bucket_counts[i];
    sample(out, name + "_bucket", labels + ",le=\"" + number(kBuckets[i]) + "\"", static_cast<double>(cumulative));
  }
  sample(out, name + "_bucket", labels + ",le=\"+Inf\"", static_cast<double>(histogram.count));
  sample(out, name + "_sum", labels, histogram.sum);
  sample(out, name + "_count", labels, static_cast<double>(histogram.count));
}

std::string Metrics::render(const Gauges& gauges, const std::string& version) const {
  std::string out;
  const std::lock_guard lock(mutex_);
  header(out, "drawlens_build_info", "gauge", "The drawlens library serving, as a label.");
  sample(out, "drawlens_build_info", "version=\"" + escaped(version) + "\"", 1);
  header(out, "drawlens_http_requests_total", "counter", "HTTP requests answered, by route, method and status.");
  for (const auto& [labels, count] : requests_) sample(out, "drawlens_http_requests_total", labels, double(count));
  header(out, "drawlens_http_request_duration_seconds", "histogram",
         "Seconds from a request's arrival to its answer, by route.");
  for (const auto& [labels, histogram] : request_seconds_) {
    render_histogram(out, "drawlens_http_request_duration_seconds", labels, histogram);
  }
  header(out, "drawlens_analysis_duration_seconds", "histogram",
         "Seconds the pipeline spent on one drawing, by route (queue wait excluded).");
  for (const auto& [labels, histogram] : analysis_seconds_) {
    render_histogram(out, "drawlens_analysis_duration_seconds", labels, histogram);
  }
  header(out, "drawlens_stage_duration_seconds", "histogram",
         "Seconds per pipeline stage for one drawing, summed over its pages.");
  for (const auto& [labels, histogram] : stage_seconds_) {
    render_histogram(out, "drawlens_stage_duration_seconds", labels, histogram);
  }
  header(out, "drawlens_drawings_processed_total", "counter", "Drawings analysed successfully.");
  sample(out, "drawlens_drawings_processed_total", "", static_cast<double>(drawings_));
  header(out, "drawlens_pages_processed_total", "counter", "Pages analysed successfully.");
  sample(out, "drawlens_pages_processed_total", "", static_cast<double>(pages_));
  header(out, "drawlens_workers", "gauge", "Analyses the server runs at once.");
  sample(out, "drawlens_workers", "", gauges.workers);
  header(out, "drawlens_workers_busy", "gauge", "Analyses running now.");
  sample(out, "drawlens_workers_busy", "", gauges.busy_workers);
  header(out, "drawlens_queue_depth", "gauge", "Requests waiting for a worker.");
  sample(out, "drawlens_queue_depth", "", gauges.queued_requests);
  header(out, "drawlens_kept_results", "gauge", "Results kept for /api/v1/download.");
  sample(out, "drawlens_kept_results", "", static_cast<double>(gauges.kept_results));
  header(out, "drawlens_uptime_seconds", "gauge", "Seconds since the server started.");
  sample(out, "drawlens_uptime_seconds", "", gauges.uptime_seconds);
  if (gauges.gpu_memory_used_bytes >= 0) {
    header(out, "drawlens_gpu_memory_used_bytes", "gauge", "Memory in use on the GPU the pipeline runs on.");
    sample(out, "drawlens_gpu_memory_used_bytes", "", gauges.gpu_memory_used_bytes);
  }
  return out;
}

}  // namespace drawlens::serve
