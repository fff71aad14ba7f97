// C entry points of the GPU probe: options, creation, typed accessors over the immutable report
// (unknown readings become -1), and its JSON.
#include <cstring>
#include <memory>
#include <string>

#include "capi/guard.h"
#include "capi/handles.h"

namespace {

using drawlens::capi::bad_out_struct;
using drawlens::capi::fail;
using drawlens::capi::guard;
using drawlens::capi::is_null;
using drawlens::capi::out_of_range;
using drawlens::capi::write_out_struct;
using drawlens::capi::zeroed_struct;
namespace gpu = drawlens::gpu;

template <typename T>
long long bytes_or_unknown(const std::optional<T>& value) {
  return value ? static_cast<long long>(*value) : -1;
}

int int_or_unknown(const std::optional<int>& value) {
  return value.value_or(-1);
}

int flag_or_unknown(const std::optional<bool>& value) {
  return value ? (*value ? 1 : 0) : -1;
}

drawlens_gpu_probe_options default_probe_options() {
  auto options = drawlens::capi::zeroed_struct<drawlens_gpu_probe_options>();
  const gpu::ProbeOptions defaults;
  options.measure = defaults.measure ? 1 : 0;
  options.safety_margin = defaults.safety_margin;
  options.energy_seconds = defaults.energy_seconds;
  return options;
}

void fill_device(const gpu::GpuDevice& d, drawlens_gpu_device* out) {
  out->index = d.index;
  out->cuda_ordinal = d.cuda_ordinal;
  out->name = d.name.c_str();
  out->pci_bus_id = d.pci_bus_id.c_str();
  out->compute_major = int_or_unknown(d.compute_major);
  out->compute_minor = int_or_unknown(d.compute_minor);
  out->multiprocessors = int_or_unknown(d.multiprocessors);
  out->memory_total_bytes = bytes_or_unknown(d.memory_total_bytes);
  out->memory_used_bytes = bytes_or_unknown(d.memory_used_bytes);
  out->memory_free_bytes = bytes_or_unknown(d.memory_free_bytes);
  out->temperature_c = int_or_unknown(d.temperature_c);
  out->power_watts = d.power_watts.value_or(-1);
  out->power_limit_watts = d.power_limit_watts.value_or(-1);
  out->utilization_gpu_percent = int_or_unknown(d.utilization_gpu_percent);
  out->utilization_memory_percent = int_or_unknown(d.utilization_memory_percent);
  out->clock_sm_mhz = int_or_unknown(d.clock_sm_mhz);
  out->clock_memory_mhz = int_or_unknown(d.clock_memory_mhz);
  out->ecc_enabled = flag_or_unknown(d.ecc_enabled);
  out->mig_enabled = flag_or_unknown(d.mig_enabled);
}

void fill_plan(const gpu::GpuReport& r, drawlens_gpu_plan* out) {
  out->measured = r.measured ? 1 : 0;
  out->status = r.measure_status.c_str();
  out->cuda_ordinal = r.measured ? r.plan_device : -1;
  out->free_bytes = r.measured ? static_cast<long long>(r.plan.free_bytes) : -1;
  out->safety_margin = r.plan.safety_margin;
  out->budget_bytes = r.measured ? static_cast<long long>(r.plan.budget_bytes) : -1;
  out->need_bytes = r.measured ? static_cast<long long>(r.plan.need_bytes) : -1;
  out->stage_count = r.plan.stages.size();
  out->all_fit = r.plan.all_fit ? 1 : 0;
  const gpu::EnergyMeasurement& e = r.energy;
  out->energy_pages = e.pages;
  out->seconds_per_page = e.pages > 0 ? e.seconds / e.pages : -1;
  out->joules_per_page = e.pages > 0 && e.joules ? *e.joules / e.pages : -1;
  out->mean_power_watts = e.mean_watts.value_or(-1);
}

}  // namespace

extern "C" {

DRAWLENS_API void drawlens_gpu_probe_options_default_sized(drawlens_gpu_probe_options* options, size_t size) {
  drawlens::capi::write_defaults(default_probe_options(), options, size);
}

DRAWLENS_API void(drawlens_gpu_probe_options_default)(drawlens_gpu_probe_options* options) {
  drawlens::capi::write_defaults(default_probe_options(), options,
                                 drawlens::capi::FirstPublished<drawlens_gpu_probe_options>::size);
}

DRAWLENS_API drawlens_status drawlens_gpu_probe_create(const drawlens_gpu_probe_options* options,
                                                       drawlens_gpu_probe** out) {
  return guard("drawlens_gpu_probe_create", [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(out, "drawlens_gpu_probe_create", "out", status)) return status;
    *out = nullptr;
    drawlens_gpu_probe_options o = default_probe_options();
    if ((status = drawlens::capi::read_in(options, "drawlens_gpu_probe_create", "options", o)) != DRAWLENS_OK)
      return status;
    if (o.measure != 0 && o.measure != 1) {
      return fail(DRAWLENS_INVALID_ARGUMENT, "drawlens_gpu_probe_create: invalid option: measure must be 0 or 1");
    }
    auto report = gpu::probe_gpus({o.measure == 1, o.safety_margin, o.energy_seconds, drawlens::measure_stages});
    if (!report) {
      return fail(static_cast<drawlens_status>(report.error().status),
                  "drawlens_gpu_probe_create: " + report.error().message);
    }
    auto probe = std::make_unique<drawlens_gpu_probe>();
    probe->report = std::move(report).value();
    probe->json = gpu::gpu_report_json(probe->report);
    *out = probe.release();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API void drawlens_gpu_probe_free(drawlens_gpu_probe* probe) {
  delete probe;
}

DRAWLENS_API drawlens_status drawlens_gpu_probe_summary(const drawlens_gpu_probe* probe, drawlens_gpu_summary* out) {
  return guard("drawlens_gpu_probe_summary", [&] {
    const char* fn = "drawlens_gpu_probe_summary";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(probe, fn, "probe", status) || bad_out_struct(out, fn, status)) return status;
    const gpu::GpuReport& r = probe->report;
    auto view = zeroed_struct<drawlens_gpu_summary>();
    view.built_with_cuda = r.built_with_cuda ? 1 : 0;
    view.cuda_runtime_version = r.cuda_runtime_version;
    view.cuda_driver_version = r.cuda_driver_version;
    view.driver_version = r.driver_version.c_str();
    view.nvml_loaded = r.nvml_loaded ? 1 : 0;
    view.nvml_status = r.nvml_status.c_str();
    view.device_count = r.devices.size();
    view.usable_device_count = r.usable_devices;
    view.reason = r.reason.c_str();
    view.libtorch_cuda = flag_or_unknown(r.libtorch_cuda);
    view.component_count = r.software.size();
    view.verdict = r.verdict.c_str();
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_gpu_probe_device(const drawlens_gpu_probe* probe, size_t index,
                                                       drawlens_gpu_device* out) {
  return guard("drawlens_gpu_probe_device", [&] {
    const char* fn = "drawlens_gpu_probe_device";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(probe, fn, "probe", status) || bad_out_struct(out, fn, status)) return status;
    if (index >= probe->report.devices.size()) return out_of_range(fn, "device", index, probe->report.devices.size());
    auto view = zeroed_struct<drawlens_gpu_device>();
    fill_device(probe->report.devices[index], &view);
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_gpu_probe_component(const drawlens_gpu_probe* probe, size_t index,
                                                          drawlens_gpu_component* out) {
  return guard("drawlens_gpu_probe_component", [&] {
    const char* fn = "drawlens_gpu_probe_component";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(probe, fn, "probe", status) || bad_out_struct(out, fn, status)) return status;
    if (index >= probe->report.software.size())
      return out_of_range(fn, "component", index, probe->report.software.size());
    const gpu::SoftwareComponent& c = probe->report.software[index];
    auto view = zeroed_struct<drawlens_gpu_component>();
    view.name = c.name.c_str();
    view.version = c.version.c_str();
    view.linked = c.linked ? 1 : 0;
    view.note = c.note.c_str();
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_gpu_probe_plan(const drawlens_gpu_probe* probe, drawlens_gpu_plan* out) {
  return guard("drawlens_gpu_probe_plan", [&] {
    const char* fn = "drawlens_gpu_probe_plan";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(probe, fn, "probe", status) || bad_out_struct(out, fn, status)) return status;
    auto view = zeroed_struct<drawlens_gpu_plan>();
    fill_plan(probe->report, &view);
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_gpu_probe_stage(const drawlens_gpu_probe* probe, size_t index,
                                                      drawlens_gpu_stage* out) {
  return guard("drawlens_gpu_probe_stage", [&] {
    const char* fn = "drawlens_gpu_probe_stage";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(probe, fn, "probe", status) || bad_out_struct(out, fn, status)) return status;
    const auto& stages = probe->report.plan.stages;
    if (index >= stages.size()) return out_of_range(fn, "stage", index, stages.size());
    auto view = zeroed_struct<drawlens_gpu_stage>();
    view.name = stages[index].need.name.c_str();
    view.description = stages[index].need.description.c_str();
    view.peak_bytes = bytes_or_unknown(stages[index].need.peak_bytes);
    view.fits = stages[index].fits ? 1 : 0;
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_gpu_probe_json(const drawlens_gpu_probe* probe, const char** out) {
  return guard("drawlens_gpu_probe_json", [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(probe, "drawlens_gpu_probe_json", "probe", status) ||
        is_null(out, "drawlens_gpu_probe_json", "out", status))
      return status;
    *out = probe->json.c_str();
    return DRAWLENS_OK;
  });
}

}  // extern "C"
