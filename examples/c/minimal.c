/* The smallest C host: analyse a drawing and print its JSON result. Usage: minimal FILE */
#include <drawlens/drawlens.h>
#include <stdio.h>

int main(int argc, char** argv) {
  drawlens_pipeline* pipeline = NULL;
  drawlens_result* result = NULL;
  const char* json = NULL;
  int exit_code = 0;
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE\n", argv[0]);
    return 2;
  }
  if (drawlens_pipeline_create(NULL, &pipeline) != DRAWLENS_OK ||
      drawlens_analyze_file(pipeline, argv[1], &result) != DRAWLENS_OK ||
      drawlens_result_json(result, &json) != DRAWLENS_OK) {
    fprintf(stderr, "drawlens: %s\n", drawlens_last_error());
    exit_code = 1;
  } else {
    puts(json);
  }
  drawlens_result_free(result);
  drawlens_pipeline_free(pipeline);
  return exit_code;
}
