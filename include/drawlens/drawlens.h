/* drawlens: reads mechanical engineering drawings.
 *
 * This header is the library's stable C ABI and its specification. Example:
 *
 *   drawlens_options options;
 *   drawlens_options_default(&options);
 *   drawlens_pipeline* pipeline = NULL;
 *   drawlens_result* result = NULL;
 *   if (drawlens_pipeline_create(&options, &pipeline) != DRAWLENS_OK ||
 *       drawlens_analyze_file(pipeline, "part.pdf", &result) != DRAWLENS_OK) {
 *     fprintf(stderr, "drawlens: %s\n", drawlens_last_error());
 *   } else {
 *     const char* json = NULL;
 *     drawlens_result_json(result, &json);   (borrowed: lives as long as result)
 *     puts(json);
 *   }
 *   drawlens_result_free(result);
 *   drawlens_pipeline_free(pipeline);
 *
 * Conventions
 * - A call that can fail returns a drawlens_status and writes results through out-parameters;
 *   on failure drawlens_last_error() names the problem (file, page, stage, option).
 * - No C++ exception ever crosses this interface; internal failures become DRAWLENS_INTERNAL.
 * - Every pointer the library returns is either BORROWED (valid as long as the handle it came
 *   from; never free it) or OWNED (free it with drawlens_free). Each function says which.
 * - Structs the caller passes in or out start with struct_size; set it to sizeof the struct
 *   (the *_default / *_init helpers do). Fields are only ever appended in later versions.
 * - Free functions accept NULL.
 *
 * Threading
 * - A drawlens_pipeline may be used by many threads at once. A drawlens_result is immutable and
 *   may be read from many threads. drawlens_last_error() is per thread.
 */
#ifndef DRAWLENS_DRAWLENS_H
#define DRAWLENS_DRAWLENS_H

#include <stddef.h>

/* Version: the single source of truth; CMake reads these lines. */
#define DRAWLENS_VERSION_MAJOR 0
#define DRAWLENS_VERSION_MINOR 1
#define DRAWLENS_VERSION_PATCH 0
#define DRAWLENS_VERSION_STRING "0.1.0"
#define DRAWLENS_VERSION_NUMBER (DRAWLENS_VERSION_MAJOR * 10000 + DRAWLENS_VERSION_MINOR * 100 + DRAWLENS_VERSION_PATCH)

#if defined(_WIN32)
#if defined(DRAWLENS_BUILDING)
#define DRAWLENS_API __declspec(dllexport)
#else
#define DRAWLENS_API __declspec(dllimport)
#endif
#else
#define DRAWLENS_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Status ---------------------------------------------------------------------------------
 * Values never change; new ones are only added. */
typedef enum drawlens_status {
  DRAWLENS_OK = 0,
  DRAWLENS_INVALID_ARGUMENT = 1,   /* NULL handle/pointer, out-of-range option or index */
  DRAWLENS_IO = 2,                 /* file missing, unreadable, a directory */
  DRAWLENS_DECODE = 3,             /* corrupt data in a recognized format */
  DRAWLENS_UNSUPPORTED_FORMAT = 4, /* not PNG, JPEG, TIFF, BMP, WebP or PDF */
  DRAWLENS_LIMIT_EXCEEDED = 5,     /* over max_megapixels, max_pages or max_file_bytes */
  DRAWLENS_MODEL = 6,              /* model file missing, corrupt or of the wrong version */
  DRAWLENS_GPU = 7,                /* CUDA device requested but unusable */
  DRAWLENS_OUT_OF_MEMORY = 8,
  DRAWLENS_CANCELLED = 9,
  DRAWLENS_PARSE = 10,        /* text that does not follow the expected grammar */
  DRAWLENS_ABI_MISMATCH = 11, /* struct_size unknown to this library version */
  DRAWLENS_EMPTY_INPUT = 12,  /* zero-byte file or buffer */
  DRAWLENS_TRUNCATED = 13,    /* the data ends before its format says it must */
  DRAWLENS_ENCRYPTED = 14,    /* a PDF that needs a password */
  DRAWLENS_NO_PAGES = 15,     /* a valid document with zero pages */
  DRAWLENS_INTERNAL = 99      /* a bug in drawlens; the message says where */
} drawlens_status;

/* Static name of a status, e.g. "DRAWLENS_DECODE"; never NULL ("DRAWLENS_UNKNOWN_STATUS"). */
DRAWLENS_API const char* drawlens_status_name(drawlens_status status);

/* This thread's last error message (UTF-8), "" if none. BORROWED: valid until this thread's next
 * drawlens call. Never NULL. */
DRAWLENS_API const char* drawlens_last_error(void);

/* Run-time version, e.g. "0.1.0"; static. */
DRAWLENS_API const char* drawlens_version(void);

/* JSON describing the build: versions of the libraries drawlens was built with, whether CUDA is
 * compiled in, and the CUDA devices seen now. Static, never NULL. */
DRAWLENS_API const char* drawlens_build_info(void);

/* Frees memory the library handed out as OWNED. NULL is fine. */
DRAWLENS_API void drawlens_free(void* memory);

/* ---- Options --------------------------------------------------------------------------------- */

/* Stages, as bits of drawlens_options.stages. Loading always runs. */
#define DRAWLENS_STAGE_LAYOUT 0x1u
#define DRAWLENS_STAGE_ALL 0x1u

typedef struct drawlens_options {
  size_t struct_size;                /* sizeof(drawlens_options); set by drawlens_options_default */
  const char* device;                /* "auto" (default), "cpu", "cuda", "cuda:N"; copied at create */
  int pdf_dpi;                       /* PDF rendering resolution, 36..1200; default 300 */
  int assumed_dpi;                   /* reported for raster files without resolution metadata; 300 */
  int first_page;                    /* 1-based first page to analyse; default 1 */
  int last_page;                     /* 1-based last page; 0 (default) = the last page */
  int threads;                       /* pages analysed in parallel; 0 (default) = hardware threads */
  double max_megapixels;             /* per page, checked before decoding; default 150 */
  int max_pages;                     /* pages selected for analysis; default 500 */
  unsigned long long max_file_bytes; /* encoded input size; default 512 MiB */
  unsigned int stages;               /* DRAWLENS_STAGE_* bits; default DRAWLENS_STAGE_ALL */
  int keep_page_images;              /* 1: results keep page pixels (overlay, page image); default 0 */
} drawlens_options;

/* Fills *options with the defaults above, struct_size included. NULL is ignored. */
DRAWLENS_API void drawlens_options_default(drawlens_options* options);

/* ---- Pipeline -------------------------------------------------------------------------------- */

typedef struct drawlens_pipeline drawlens_pipeline;
typedef struct drawlens_result drawlens_result;

/* Creates a pipeline. options may be NULL (defaults). Validates every option:
 * INVALID_ARGUMENT names the bad field; GPU when a CUDA device is demanded but unusable;
 * ABI_MISMATCH when options->struct_size is unknown. On success *out is OWNED by the caller:
 * free it with drawlens_pipeline_free. */
DRAWLENS_API drawlens_status drawlens_pipeline_create(const drawlens_options* options, drawlens_pipeline** out);

/* NULL is fine. Results created by the pipeline stay valid after it is freed. */
DRAWLENS_API void drawlens_pipeline_free(drawlens_pipeline* pipeline);

/* The device the pipeline resolved ("cpu" or "cuda:N"). BORROWED from the pipeline. */
DRAWLENS_API const char* drawlens_pipeline_device(const drawlens_pipeline* pipeline);

/* Analyses a file (PNG, JPEG, TIFF with all pages, BMP, WebP, PDF; the format is detected from
 * its bytes). On success *out is OWNED: free with drawlens_result_free. On failure *out is NULL. */
DRAWLENS_API drawlens_status drawlens_analyze_file(const drawlens_pipeline* pipeline, const char* path,
                                                   drawlens_result** out);

/* The same for an encoded file held in memory; data is only read during the call. */
DRAWLENS_API drawlens_status drawlens_analyze_memory(const drawlens_pipeline* pipeline, const void* data, size_t size,
                                                     drawlens_result** out);

typedef enum drawlens_pixel_format {
  DRAWLENS_PIXELS_GRAY8 = 1, /* one byte per pixel */
  DRAWLENS_PIXELS_RGB8 = 3,  /* R, G, B bytes */
  DRAWLENS_PIXELS_RGBA8 = 4  /* R, G, B, A bytes; transparent counts as white paper */
} drawlens_pixel_format;

/* Analyses caller pixels: height rows of width pixels, rows stride bytes apart. dpi is the page
 * resolution, or 0 when unknown (assumed_dpi is reported). Pixels are copied during the call. */
DRAWLENS_API drawlens_status drawlens_analyze_pixels(const drawlens_pipeline* pipeline, const void* pixels, int width,
                                                     int height, drawlens_pixel_format format, size_t stride,
                                                     double dpi, drawlens_result** out);

/* NULL is fine. */
DRAWLENS_API void drawlens_result_free(drawlens_result* result);

/* ---- Results: typed accessors ---------------------------------------------------------------- */

typedef struct drawlens_box {
  int x, y, width, height; /* page pixels, origin top-left */
} drawlens_box;

typedef enum drawlens_dpi_source {
  DRAWLENS_DPI_RENDER = 0, /* PDF rendered at this dpi */
  DRAWLENS_DPI_FILE = 1,   /* from the image's metadata */
  DRAWLENS_DPI_CALLER = 2, /* given with pixel input */
  DRAWLENS_DPI_ASSUMED = 3 /* none known: options.assumed_dpi */
} drawlens_dpi_source;

typedef struct drawlens_page {
  size_t struct_size; /* caller sets sizeof(drawlens_page) */
  int index;          /* 0-based page number in the source document */
  int width, height;  /* pixels */
  double dpi;
  drawlens_dpi_source dpi_source;
  size_t word_count; /* text-layer words (PDF); 0 for raster input */
  int has_border;    /* 1 when the layout stage found a drawing frame */
  drawlens_box border;
  size_t table_count;    /* ruled tables, the title block included */
  int title_block_table; /* index of the title block among the tables, -1 when none */
} drawlens_page;

typedef struct drawlens_word {
  size_t struct_size; /* caller sets sizeof(drawlens_word) */
  const char* text;   /* UTF-8, BORROWED from the result */
  drawlens_box box;
  int rotation; /* reading direction, degrees counter-clockwise: 0, 90, 180, 270 */
} drawlens_word;

typedef enum drawlens_table_kind { DRAWLENS_TABLE_RULED = 0, DRAWLENS_TABLE_TITLE_BLOCK = 1 } drawlens_table_kind;

typedef struct drawlens_table {
  size_t struct_size; /* caller sets sizeof(drawlens_table) */
  drawlens_table_kind kind;
  drawlens_box box;
  int rows, cols; /* distinct ruling rows and columns */
  size_t cell_count;
} drawlens_table;

typedef struct drawlens_cell {
  size_t struct_size; /* caller sets sizeof(drawlens_cell) */
  drawlens_box box;
  int row, col, row_span, col_span;
  const char* text; /* text-layer words inside the cell, UTF-8, "" if none; BORROWED */
} drawlens_cell;

/* Number of analysed pages (the selected page range). */
DRAWLENS_API drawlens_status drawlens_result_page_count(const drawlens_result* result, size_t* out);
DRAWLENS_API drawlens_status drawlens_result_page(const drawlens_result* result, size_t page, drawlens_page* out);
DRAWLENS_API drawlens_status drawlens_result_word(const drawlens_result* result, size_t page, size_t word,
                                                  drawlens_word* out);
DRAWLENS_API drawlens_status drawlens_result_table(const drawlens_result* result, size_t page, size_t table,
                                                   drawlens_table* out);
DRAWLENS_API drawlens_status drawlens_result_cell(const drawlens_result* result, size_t page, size_t table, size_t cell,
                                                  drawlens_cell* out);

/* The whole result as JSON (docs/schema/result.schema.json, "schema_version" inside).
 * BORROWED: lives as long as result. */
DRAWLENS_API drawlens_status drawlens_result_json(const drawlens_result* result, const char** out);

typedef struct drawlens_image {
  size_t struct_size;          /* caller sets sizeof(drawlens_image) */
  const unsigned char* pixels; /* 8-bit gray, BORROWED from the result */
  int width, height;
  size_t stride; /* bytes between rows */
} drawlens_image;

/* The page as analysed. Needs options.keep_page_images = 1, else INVALID_ARGUMENT. */
DRAWLENS_API drawlens_status drawlens_result_page_image(const drawlens_result* result, size_t page,
                                                        drawlens_image* out);

/* The page with the findings drawn over it, as PNG bytes. *png is OWNED: drawlens_free it.
 * Needs options.keep_page_images = 1, else INVALID_ARGUMENT. */
DRAWLENS_API drawlens_status drawlens_result_overlay_png(const drawlens_result* result, size_t page,
                                                         unsigned char** png, size_t* size);

#ifdef __cplusplus
}
#endif

#endif /* DRAWLENS_DRAWLENS_H */
