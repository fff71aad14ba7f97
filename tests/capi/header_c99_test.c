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
  printf("C99 header test: %s\n", drawlens_status_name(DRAWLENS_OK));
  return 0;
}
