/* Compiles drawlens.h as strict C99 (-std=c99 -pedantic -Werror) and uses it from C. */
#include "drawlens/drawlens.h"

#include <stdio.h>
#include <string.h>

int main(void) {
  drawlens_options options;
  drawlens_pipeline* pipeline = NULL;
  drawlens_options_default(&options);
  if (options.struct_size != sizeof options || options.pdf_dpi != 300) return 1;
  if (drawlens_pipeline_create(&options, &pipeline) != DRAWLENS_OK) return 2;
  if (strcmp(drawlens_version(), DRAWLENS_VERSION_STRING) != 0) return 3;
  if (drawlens_pipeline_create(&options, NULL) != DRAWLENS_INVALID_ARGUMENT) return 4;
  if (strstr(drawlens_last_error(), "NULL") == NULL) return 5;
  drawlens_pipeline_free(pipeline);
  {
    drawlens_gpu_probe* probe = NULL;
    drawlens_gpu_summary summary;
    memset(&summary, 0, sizeof summary);
    summary.struct_size = sizeof summary;
    if (drawlens_gpu_probe_create(NULL, &probe) != DRAWLENS_OK) return 6;
    if (drawlens_gpu_probe_summary(probe, &summary) != DRAWLENS_OK || summary.verdict == NULL) return 7;
    drawlens_gpu_probe_free(probe);
  }
  {
    /* The 0.1.0 function names still link; the macros pass the caller's sizeof. */
    drawlens_run_options run;
    drawlens_surface_finish finish;
    (drawlens_options_default)(&options);
    (drawlens_run_options_default)(NULL);
    drawlens_run_options_default(&run);
    if (run.struct_size != sizeof run || options.struct_size >= sizeof options) return 8;
    if (drawlens_status_category(DRAWLENS_DECODE) != DRAWLENS_CATEGORY_INPUT) return 9;
    memset(&finish, 0, sizeof finish);
    finish.struct_size = sizeof finish;
    if (drawlens_result_surface_finish(NULL, 0, 0, &finish) != DRAWLENS_INVALID_ARGUMENT) return 10;
    if (finish.source != DRAWLENS_SOURCE_TEXT_LAYER) return 11;
  }
  printf("C99 header test: %s\n", drawlens_status_name(DRAWLENS_OK));
  return 0;
}
