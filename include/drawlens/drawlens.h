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
 *   (the *_default helpers do). Fields are only ever appended in later versions; see "Structs
 *   that grow" below for what each side does with a size it does not know.
 * - Free functions accept NULL.
 *
 * Structs that grow
 * - An input struct (drawlens_options, drawlens_run_options, drawlens_gpu_probe_options) is
 *   accepted at any struct_size from its first published size (drawlens 0.1.0) up to the size
 *   this library knows: the library starts from the defaults and takes the caller's bytes over
 *   them, so fields the caller's header did not have keep their defaults. A struct_size larger
 *   than the library knows is accepted when the bytes past its end are all zero (fields at their
 *   zero default); otherwise ABI_MISMATCH names the struct: the caller set a field this library
 *   does not have.
 * - An output struct is written up to the caller's struct_size and no further: a host built
 *   against an older header gets the fields it knows; one built against a newer header finds the
 *   fields this library does not know as it left them (zero the struct before the call). Sizes
 *   below the first published size are ABI_MISMATCH.
 * - The *_default helpers are macros that pass sizeof the caller's struct, so a host compiled
 *   against this header gets every field's default. The functions of the same name (call them as
 *   (drawlens_options_default)(p), also when passing NULL) remain for hosts built against 0.1.0
 *   and fill the 0.1.0 fields only.
 * - Fields marked "added after 0.1.0" are missing from structs of older hosts; the library then
 *   uses the default given beside the field.
 *
 * Status categories
 * - Status values never change. drawlens_status_category() groups them (the caller's mistake,
 *   the input's fault, a limit, the machine's environment, resources, cancellation, a bug) so a
 *   host can decide to retry, report or give up by testing one value, and keeps doing the right
 *   thing when a later version adds a status to a category.
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

/* What kind of failure a status is. Categories, like statuses, never change their values. */
typedef enum drawlens_category {
  DRAWLENS_CATEGORY_OK = 0,
  DRAWLENS_CATEGORY_CALLER = 1,      /* fix the call: INVALID_ARGUMENT, ABI_MISMATCH */
  DRAWLENS_CATEGORY_INPUT = 2,       /* the document or text is bad: DECODE, UNSUPPORTED_FORMAT, PARSE,
                                        EMPTY_INPUT, TRUNCATED, ENCRYPTED, NO_PAGES */
  DRAWLENS_CATEGORY_LIMIT = 3,       /* over a configured limit: LIMIT_EXCEEDED */
  DRAWLENS_CATEGORY_ENVIRONMENT = 4, /* the machine or installation: IO, MODEL, GPU */
  DRAWLENS_CATEGORY_RESOURCE = 5,    /* OUT_OF_MEMORY; retrying later may succeed */
  DRAWLENS_CATEGORY_CANCELLED = 6,   /* CANCELLED: the deadline or the host's callback */
  DRAWLENS_CATEGORY_INTERNAL = 7     /* INTERNAL, and any value that is not a drawlens_status */
} drawlens_category;

/* The category of a status. Added after 0.1.0; never fails. */
DRAWLENS_API drawlens_category drawlens_status_category(drawlens_status status);

/* Static name of a category, e.g. "input"; never NULL ("unknown"). Added after 0.1.0. */
DRAWLENS_API const char* drawlens_category_name(drawlens_category category);

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

/* Stages, as bits of drawlens_options.stages. Loading always runs, and a stage brings the stages
 * it needs (layout brings image preparation). DRAWLENS_STAGE_ALL is every stage of the library
 * the host runs against, including stages added after the host was built; other bits that
 * library does not know are INVALID_ARGUMENT. */
#define DRAWLENS_STAGE_LAYOUT 0x1u    /* border, title block, ruled tables */
#define DRAWLENS_STAGE_ANNOTATE 0x2u  /* dimensions, GD&T, surface finishes, notes, title fields */
#define DRAWLENS_STAGE_DETECT 0x4u    /* raster pages: the detector's annotation regions (after 0.1.0) */
#define DRAWLENS_STAGE_TOLERANCE 0x8u /* tolerance analysis of dimensions and GD&T frames (after 0.1.0) */
#define DRAWLENS_STAGE_SEGMENT 0x10u  /* linework classes (EdgNet; after 0.1.0); on request only */
#define DRAWLENS_STAGE_READ 0x20u     /* raster pages: the detected regions read by the OCR engine (after 0.1.0) */
#define DRAWLENS_STAGE_ALL 0xFFFFFFFFu
/* The default: every stage but DRAWLENS_STAGE_SEGMENT, which costs about as much as the others
 * together (after 0.1.0; before it the default was DRAWLENS_STAGE_ALL, which then was the same).
 * A value with every unknown bit set, like this one and DRAWLENS_STAGE_ALL, also asks for the
 * stages added after the host was built. */
#define DRAWLENS_STAGE_DEFAULT (DRAWLENS_STAGE_ALL & ~DRAWLENS_STAGE_SEGMENT)

typedef struct drawlens_options {
  size_t struct_size;                /* sizeof(drawlens_options); set by drawlens_options_default */
  const char* device;                /* "auto" (default), "cpu", "cuda", "cuda:N"; copied at create */
  int pdf_dpi;                       /* PDF rendering resolution, 36..1200; default 300 */
  int assumed_dpi;                   /* raster files stating no resolution and making no standard
                                        sheet (docs/design.md "Resolution"); 300 */
  int first_page;                    /* 1-based first page to analyse; default 1 */
  int last_page;                     /* 1-based last page; 0 (default) = the last page */
  int threads;                       /* pages analysed in parallel; 0 (default) = hardware threads */
  double max_megapixels;             /* per page, checked before decoding; default 150 */
  int max_pages;                     /* pages selected for analysis; default 500 */
  unsigned long long max_file_bytes; /* encoded input size; default 512 MiB */
  unsigned int stages;               /* DRAWLENS_STAGE_* bits; default DRAWLENS_STAGE_DEFAULT */
  int keep_page_images;              /* 1: results keep page pixels (overlay, page image); default 0 */
  /* Added after 0.1.0. Directory holding the .dlmodel files; copied at create. NULL (default) or
   * "": $DRAWLENS_MODELS, then the built-in places (docs/models.md, "Where models are found").
   * Otherwise it must be an existing directory: drawlens_pipeline_create returns
   * DRAWLENS_INVALID_ARGUMENT with a message naming the path when it is not. The detect stage reads
   * detector.dlmodel, the tolerance stage skinmodel.dlmodel and the segment stage edgnet.dlmodel
   * from it. */
  const char* model_directory;
  /* Added after 0.1.0. How the drawing's parts are made, for DRAWLENS_STAGE_TOLERANCE: a name
   * drawlens_process_name / drawlens_material_name gives (synonyms such as "aluminum" and
   * "wire-edm" are accepted). NULL (default) = "milling" and "steel". An unknown name is
   * INVALID_ARGUMENT at create, listing the accepted ones. */
  const char* process;
  const char* material;
} drawlens_options;

/* Fills the first size bytes of *options with the defaults above and sets struct_size = size.
 * size below the 0.1.0 size, or above sizeof(drawlens_options), leaves *options untouched. NULL is
 * ignored. Added after 0.1.0; use the drawlens_options_default macro. */
DRAWLENS_API void drawlens_options_default_sized(drawlens_options* options, size_t size);

/* For hosts built against 0.1.0: fills the 0.1.0 fields only. NULL is ignored. */
DRAWLENS_API void(drawlens_options_default)(drawlens_options* options);

/* Fills *options with the defaults above, struct_size = sizeof *options. options must not be a
 * NULL constant (call (drawlens_options_default)(NULL) for that). */
#define drawlens_options_default(options) drawlens_options_default_sized((options), sizeof *(options))

/* ---- Pipeline -------------------------------------------------------------------------------- */

typedef struct drawlens_pipeline drawlens_pipeline;
typedef struct drawlens_result drawlens_result;

/* Creates a pipeline. options may be NULL (defaults). Validates every option:
 * INVALID_ARGUMENT names the bad field; GPU when a CUDA device is demanded but unusable;
 * ABI_MISMATCH when options->struct_size is below the 0.1.0 size, or larger than this library's
 * with nonzero bytes past its end (see "Structs that grow"). On success *out is OWNED by the caller:
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
 * resolution, or 0 when unknown (that of the standard sheet the pixels make, else assumed_dpi).
 * Pixels are copied during the call. */
DRAWLENS_API drawlens_status drawlens_analyze_pixels(const drawlens_pipeline* pipeline, const void* pixels, int width,
                                                     int height, drawlens_pixel_format format, size_t stride,
                                                     double dpi, drawlens_result** out);

/* ---- Deadlines and cancellation --------------------------------------------------------------
 * The _v2 analysis functions take per-call run options. The analysis polls them before loading,
 * before each page of a multi-page document is decoded, and before each page of each stage; when
 * they say stop it returns DRAWLENS_CANCELLED with *out NULL and a message naming where it
 * stopped. A unit of work that has started (rendering one page, the layout of one page) runs to
 * its end: docs/security.md gives the measured latency. */
/* How far an analysis got: passed to drawlens_run_options.progress after each stage of each page
 * finished. Valid during the call only. Added after 0.1.0. */
typedef struct drawlens_progress {
  size_t struct_size; /* sizeof(drawlens_progress) of the library: read only the fields it covers */
  const char* stage;  /* the stage just finished: "load", "prepare", "layout", "detect", ...; static */
  int page;           /* 0-based page of the document */
  int page_count;     /* pages being analysed */
  int steps_done;     /* stage runs finished in this analysis, this one included; unique per call */
  int steps_total;    /* stage runs the analysis makes unless it stops (pages x stages) */
} drawlens_progress;

typedef struct drawlens_run_options {
  size_t struct_size; /* sizeof(drawlens_run_options); set by drawlens_run_options_default */
  double timeout_ms;  /* give up this long after the call starts; 0 (default) = no deadline */
  /* Returns nonzero to stop. Called from the pipeline's worker threads, possibly at the same
   * time from several; must be thread-safe and quick. NULL (default) = never. */
  int (*cancel)(void* user_data);
  void* user_data; /* passed to cancel */
  /* Told after each stage of each page finished. Called from the pipeline's worker threads,
   * possibly at the same time from several, so reports may arrive out of order (steps_done says
   * which is newer); must be thread-safe and quick. NULL (default) = none. Added after 0.1.0. */
  void (*progress)(const drawlens_progress* progress, void* progress_user_data);
  void* progress_user_data; /* passed to progress */
} drawlens_run_options;

/* As drawlens_options_default_sized, for run options. Added after 0.1.0. */
DRAWLENS_API void drawlens_run_options_default_sized(drawlens_run_options* run, size_t size);

/* For hosts built against 0.1.0: fills the 0.1.0 fields only. NULL is ignored. */
DRAWLENS_API void(drawlens_run_options_default)(drawlens_run_options* run);

/* Fills *run with the defaults above, struct_size = sizeof *run. */
#define drawlens_run_options_default(run) drawlens_run_options_default_sized((run), sizeof *(run))

/* drawlens_analyze_file/_memory/_pixels with run options; run may be NULL (no deadline, no
 * callback). INVALID_ARGUMENT for a negative or NaN timeout_ms; ABI_MISMATCH for an unknown
 * struct_size. */
DRAWLENS_API drawlens_status drawlens_analyze_file_v2(const drawlens_pipeline* pipeline, const char* path,
                                                      const drawlens_run_options* run, drawlens_result** out);
DRAWLENS_API drawlens_status drawlens_analyze_memory_v2(const drawlens_pipeline* pipeline, const void* data,
                                                        size_t size, const drawlens_run_options* run,
                                                        drawlens_result** out);
DRAWLENS_API drawlens_status drawlens_analyze_pixels_v2(const drawlens_pipeline* pipeline, const void* pixels,
                                                        int width, int height, drawlens_pixel_format format,
                                                        size_t stride, double dpi, const drawlens_run_options* run,
                                                        drawlens_result** out);

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
  DRAWLENS_DPI_ASSUMED = 3 /* none known, or a screen's 72/96: the standard sheet's, else assumed_dpi */
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

/* ---- Dimensions, GD&T frames, title fields, surface finishes, notes, general tolerance -------- */

/* Where an item's text was read from. Added after 0.1.0: structs from a 0.1.0 library read 0,
 * which is what 0.1.0 did (the text layer). */
typedef enum drawlens_source {
  DRAWLENS_SOURCE_TEXT_LAYER = 0, /* the PDF's text layer */
  DRAWLENS_SOURCE_RECOGNIZER = 1, /* drawlens's text recognizer on the page pixels */
  DRAWLENS_SOURCE_TESSERACT = 2,  /* Tesseract on the page pixels */
  DRAWLENS_SOURCE_CALLER = 3,     /* text the host passed to drawlens_parse_* */
  DRAWLENS_SOURCE_MAX_ENUM = 0x7FFFFFFF
} drawlens_source;

/* The JSON's name of a source: "text_layer", "recognizer", "tesseract", "caller"; "unknown" for
 * other values. Static, never NULL. Added after 0.1.0. */
DRAWLENS_API const char* drawlens_source_name(drawlens_source source);

typedef enum drawlens_size_type {
  DRAWLENS_SIZE_LINEAR = 0,
  DRAWLENS_SIZE_DIAMETER = 1,           /* Ø */
  DRAWLENS_SIZE_RADIUS = 2,             /* R */
  DRAWLENS_SIZE_SPHERICAL_DIAMETER = 3, /* SØ */
  DRAWLENS_SIZE_SPHERICAL_RADIUS = 4,   /* SR */
  DRAWLENS_SIZE_ANGLE = 5,
  DRAWLENS_SIZE_CHAMFER = 6, /* 1x45°, C1, 1x2 */
  DRAWLENS_SIZE_THREAD = 7,  /* M8x1.25-6g, 1/4-20 UNC-2B, G 1/2 */
  DRAWLENS_SIZE_WIDTH_ACROSS_FLATS = 8,
  DRAWLENS_SIZE_SQUARE = 9,      /* □ */
  DRAWLENS_SIZE_ARC_LENGTH = 10, /* ⌒ */
  DRAWLENS_SIZE_DEPTH = 11       /* ↧ */
} drawlens_size_type;

typedef enum drawlens_unit {
  DRAWLENS_UNIT_MM = 0,
  DRAWLENS_UNIT_INCH = 1,
  DRAWLENS_UNIT_DEG = 2,
  DRAWLENS_UNIT_MAX_ENUM = 0x7FFFFFFF /* not a unit: makes any int a defined value to refuse */
} drawlens_unit;

typedef enum drawlens_tolerance_kind {
  DRAWLENS_TOLERANCE_NONE = 0,      /* untoleranced, basic or reference */
  DRAWLENS_TOLERANCE_SYMMETRIC = 1, /* ±t */
  DRAWLENS_TOLERANCE_DEVIATION = 2, /* +a/-b, inline or stacked */
  DRAWLENS_TOLERANCE_LIMITS = 3,    /* 25.10/25.00: nominal is the middle of the limits */
  DRAWLENS_TOLERANCE_FIT = 4,       /* ISO 286 class: H7, g6, H7/g6 */
  DRAWLENS_TOLERANCE_GENERAL = 5,   /* from the general tolerance class (ISO 2768-1) */
  DRAWLENS_TOLERANCE_MAX = 6,
  DRAWLENS_TOLERANCE_MIN = 7
} drawlens_tolerance_kind;

/* Bits of drawlens_dimension.flags. */
#define DRAWLENS_FLAG_BASIC 0x1u /* theoretically exact, boxed */
#define DRAWLENS_FLAG_REFERENCE 0x2u
#define DRAWLENS_FLAG_TYPICAL 0x4u
#define DRAWLENS_FLAG_GENERAL 0x8u /* tolerance from the general tolerance class */
#define DRAWLENS_FLAG_THRU 0x10u
#define DRAWLENS_FLAG_CONTROLLED_RADIUS 0x20u
#define DRAWLENS_FLAG_STATISTICAL 0x40u
#define DRAWLENS_FLAG_ALL_AROUND 0x80u
#define DRAWLENS_FLAG_ENVELOPE 0x100u
#define DRAWLENS_FLAG_INDEPENDENCY 0x200u
#define DRAWLENS_FLAG_FREE_STATE 0x400u
#define DRAWLENS_FLAG_NOT_TO_SCALE 0x800u

typedef struct drawlens_dimension {
  size_t struct_size;     /* caller sets sizeof(drawlens_dimension) */
  const char* text;       /* as read, UTF-8; BORROWED (see the function) */
  const char* normalized; /* canonical spelling, e.g. "4x Ø6.60 +0.40/-0.10"; BORROWED */
  drawlens_size_type size_type;
  int count; /* identical features ("4x"); 1 when not printed */
  double nominal;
  drawlens_unit unit;
  drawlens_tolerance_kind tolerance_kind;
  int has_deviations;                      /* 1: the four values below are set */
  double upper_deviation, lower_deviation; /* relative to nominal */
  double upper_limit, lower_limit;         /* absolute */
  const char* hole_class;                  /* ISO 286 class, e.g. "H7", or ""; BORROWED */
  const char* shaft_class;                 /* e.g. "g6", or ""; BORROWED */
  const char* it_grade;                    /* "IT01".."IT18", or "" when unknown; static */
  unsigned int flags;                      /* DRAWLENS_FLAG_* bits */
  const char* thread;                      /* thread designation ("M8x1.25-6g") or ""; BORROWED */
  double depth;                            /* hole or thread depth; 0 when not given */
  double confidence;                       /* in [0, 1]; lowered by repaired OCR variants */
  drawlens_box box;                        /* on the page; zero for drawlens_parse_dimension */
  int angle;                               /* text rotation on the page in degrees */
  drawlens_source source;                  /* added after 0.1.0 */
} drawlens_dimension;

typedef enum drawlens_characteristic {
  DRAWLENS_GDT_STRAIGHTNESS = 0,
  DRAWLENS_GDT_FLATNESS = 1,
  DRAWLENS_GDT_CIRCULARITY = 2,
  DRAWLENS_GDT_CYLINDRICITY = 3,
  DRAWLENS_GDT_LINE_PROFILE = 4,
  DRAWLENS_GDT_SURFACE_PROFILE = 5,
  DRAWLENS_GDT_PERPENDICULARITY = 6,
  DRAWLENS_GDT_ANGULARITY = 7,
  DRAWLENS_GDT_PARALLELISM = 8,
  DRAWLENS_GDT_POSITION = 9,
  DRAWLENS_GDT_CONCENTRICITY = 10,
  DRAWLENS_GDT_SYMMETRY = 11,
  DRAWLENS_GDT_CIRCULAR_RUNOUT = 12,
  DRAWLENS_GDT_TOTAL_RUNOUT = 13
} drawlens_characteristic;

typedef struct drawlens_gdt_frame {
  size_t struct_size;     /* caller sets sizeof(drawlens_gdt_frame) */
  const char* text;       /* as read; BORROWED */
  const char* normalized; /* compartments joined by '|', rows by '\n'; BORROWED */
  drawlens_characteristic characteristic;
  size_t segment_count; /* rows: 1 for a single frame */
  /* First row: */
  double tolerance;
  int zone_diameter;  /* 1: Ø zone, 2: SØ zone, 0: width zone */
  const char* datums; /* datum labels in precedence order joined by '|', e.g. "A|B|C"; BORROWED */
  double confidence;
  drawlens_box box;       /* zero for drawlens_parse_gdt */
  drawlens_source source; /* added after 0.1.0 */
} drawlens_gdt_frame;

/* The JSON's names of dimension and frame values: a size type ("diameter"), a unit ("mm"), a
 * tolerance kind ("deviation"), one DRAWLENS_FLAG_* bit ("basic", "thru") and a characteristic
 * ("position"). "unknown" for any other value (a flag must be exactly one known bit). Static, never
 * NULL. Added after 0.1.0. */
DRAWLENS_API const char* drawlens_size_type_name(drawlens_size_type size_type);
DRAWLENS_API const char* drawlens_unit_name(drawlens_unit unit);
DRAWLENS_API const char* drawlens_tolerance_kind_name(drawlens_tolerance_kind kind);
DRAWLENS_API const char* drawlens_flag_name(unsigned int flag);
DRAWLENS_API const char* drawlens_characteristic_name(drawlens_characteristic characteristic);

typedef struct drawlens_title_field {
  size_t struct_size; /* caller sets sizeof(drawlens_title_field) */
  const char* key;    /* "part_number", "drawing_number", "title", "material", "scale", ...; static */
  const char* label;  /* as printed, or "" ; BORROWED */
  const char* value;  /* as printed; BORROWED */
  drawlens_box box;   /* the value's cell */
  double confidence;
  drawlens_source source; /* added after 0.1.0 */
} drawlens_title_field;

/* Added after 0.1.0, like the structs and functions below. */
typedef struct drawlens_surface_finish {
  size_t struct_size;    /* caller sets sizeof(drawlens_surface_finish) */
  const char* text;      /* canonical spelling, e.g. "Ra 1.6"; BORROWED */
  const char* parameter; /* "Ra", "Rz", "Rq", "Rmax", ... or "N" for an ISO 1302 grade; BORROWED */
  double value;
  const char* unit; /* "um", "uin", "percent" or "grade"; BORROWED */
  int lower_limit;  /* 1: the value is a lower limit ("L"); 0: an upper limit */
  drawlens_box box;
  double confidence;
  drawlens_source source;
} drawlens_surface_finish;

typedef struct drawlens_note {
  size_t struct_size; /* caller sets sizeof(drawlens_note) */
  const char* text;   /* UTF-8; BORROWED */
  drawlens_box box;
  double confidence;
  drawlens_source source;
} drawlens_note;

typedef struct drawlens_general_tolerance {
  size_t struct_size;          /* caller sets sizeof(drawlens_general_tolerance) */
  int found;                   /* 1: the page states a general tolerance; 0: every field below is zero */
  const char* standard;        /* "ISO 2768-1", "ISO 22081", "DIN 7168"; BORROWED */
  const char* linear_class;    /* "f", "m", "c", "v", or "" when not given; static */
  const char* geometric_class; /* "H", "K", "L", or "" when not given; BORROWED */
  const char* text;            /* as read, e.g. "ISO 2768-mK"; BORROWED */
  const char* note;            /* e.g. that ISO 2768-2 is withdrawn, or ""; BORROWED */
  drawlens_box box;
  double confidence;
  drawlens_source source;
} drawlens_general_tolerance;

/* Dimensions, GD&T frames and title-block fields found on a page. Strings are BORROWED from the
 * result. */
DRAWLENS_API drawlens_status drawlens_result_dimension_count(const drawlens_result* result, size_t page, size_t* out);
DRAWLENS_API drawlens_status drawlens_result_dimension(const drawlens_result* result, size_t page, size_t index,
                                                       drawlens_dimension* out);
DRAWLENS_API drawlens_status drawlens_result_gdt_frame_count(const drawlens_result* result, size_t page, size_t* out);
DRAWLENS_API drawlens_status drawlens_result_gdt_frame(const drawlens_result* result, size_t page, size_t index,
                                                       drawlens_gdt_frame* out);
DRAWLENS_API drawlens_status drawlens_result_title_field_count(const drawlens_result* result, size_t page, size_t* out);
DRAWLENS_API drawlens_status drawlens_result_title_field(const drawlens_result* result, size_t page, size_t index,
                                                         drawlens_title_field* out);

/* Surface texture symbols and free-text notes of a page, and the general tolerance it states
 * (out->found = 0 when none). Strings are BORROWED from the result. Added after 0.1.0. */
DRAWLENS_API drawlens_status drawlens_result_surface_finish_count(const drawlens_result* result, size_t page,
                                                                  size_t* out);
DRAWLENS_API drawlens_status drawlens_result_surface_finish(const drawlens_result* result, size_t page, size_t index,
                                                            drawlens_surface_finish* out);
DRAWLENS_API drawlens_status drawlens_result_note_count(const drawlens_result* result, size_t page, size_t* out);
DRAWLENS_API drawlens_status drawlens_result_note(const drawlens_result* result, size_t page, size_t index,
                                                  drawlens_note* out);
DRAWLENS_API drawlens_status drawlens_result_general_tolerance(const drawlens_result* result, size_t page,
                                                               drawlens_general_tolerance* out);

/* A datum feature symbol: the letter in a box on a triangle that touches the feature (ASME Y14.5,
 * ISO 5459), read from a text layer's letter in its ruled box or from a detected region. Added
 * after 0.1.0. */
typedef struct drawlens_datum_feature {
  size_t struct_size; /* caller sets sizeof(drawlens_datum_feature) */
  const char* label;  /* "A"; a datum target "A1"; BORROWED */
  drawlens_box box;   /* the symbol's box */
  double confidence;
  drawlens_source source;
} drawlens_datum_feature;

/* The datum feature symbols of a page, in reading order. Strings are BORROWED from the result. */
DRAWLENS_API drawlens_status drawlens_result_datum_feature_count(const drawlens_result* result, size_t page,
                                                                 size_t* out);
DRAWLENS_API drawlens_status drawlens_result_datum_feature(const drawlens_result* result, size_t page, size_t index,
                                                           drawlens_datum_feature* out);

/* ---- Parsing text a host already has --------------------------------------------------------- */

/* Parses one dimension text ("Ø25 H7", "+0.40 4xØ6.60-0.10", "M8x1.25-6g ↧12"). default_unit is
 * the unit of plain numbers. general_tolerance, when not NULL, names the general tolerance that
 * applies to untoleranced sizes (e.g. "ISO 2768-mK"). PARSE names the offending byte position;
 * ambiguous text ("25 1") is refused as ambiguous. Strings in *out are BORROWED from this thread:
 * valid until its next drawlens_parse_* call. out->source is DRAWLENS_SOURCE_CALLER. */
DRAWLENS_API drawlens_status drawlens_parse_dimension(const char* text, drawlens_unit default_unit,
                                                      const char* general_tolerance, drawlens_dimension* out);

/* Parses a feature control frame: compartments separated by '|', rows by '\n'
 * ("⌖|Ø0.2Ⓜ|A|B|C"). Strings in *out are BORROWED as for drawlens_parse_dimension. */
DRAWLENS_API drawlens_status drawlens_parse_gdt(const char* text, drawlens_gdt_frame* out);

/* ISO 286 limits of a tolerance class ("H7", "g6", "js6") at a nominal size in mm: the upper and
 * lower deviations in mm. INVALID_ARGUMENT names sizes or classes the standard does not define. */
DRAWLENS_API drawlens_status drawlens_iso286_limits(double nominal_mm, const char* tolerance_class, double* upper,
                                                    double* lower);

typedef enum drawlens_parse_kind {
  /* Whichever the text is, read as `analyze` reads page text: a surface texture ("Ra 1.6"), a GD&T
   * frame (has a characteristic symbol), a general tolerance ("ISO 2768-mK"), a dimension, and
   * last a note (any other text with a word; "kind":"note"). Other text is a PARSE error. */
  DRAWLENS_PARSE_AUTO = 0,
  DRAWLENS_PARSE_DIMENSION = 1,
  DRAWLENS_PARSE_GDT = 2,
  DRAWLENS_PARSE_SURFACE_TEXTURE = 3,       /* "Ra 1.6" */
  DRAWLENS_PARSE_GENERAL_TOLERANCE = 4,     /* "ISO 2768-mK" */
  DRAWLENS_PARSE_KIND_MAX_ENUM = 0x7FFFFFFF /* not a kind: makes any int a defined value to refuse */
} drawlens_parse_kind;

/* Parses text as kind and returns the value as JSON (the schema's shapes plus "kind",
 * "normalized" and "confidence"). *json is OWNED: drawlens_free it. */
DRAWLENS_API drawlens_status drawlens_parse_json(const char* text, drawlens_parse_kind kind, char** json);

/* ---- GPU probe -------------------------------------------------------------------------------
 * The GPU assessment behind `drawlens gpu`: the GPUs (CUDA runtime, and NVML loaded at run time so
 * that the library never links it), the software drawlens was built with, and, when asked, each
 * GPU stage's measured memory need against free VRAM and its energy per page.
 * A machine without a GPU, driver or CUDA build is an answer, not an error: the probe is created
 * with usable_device_count 0 and a reason ("no CUDA device: ...").
 * Numbers the hardware or driver does not report are -1. Strings are never NULL. */

typedef struct drawlens_gpu_probe drawlens_gpu_probe;

typedef struct drawlens_gpu_probe_options {
  size_t struct_size;    /* sizeof(drawlens_gpu_probe_options); set by drawlens_gpu_probe_options_default */
  int measure;           /* 1: run the GPU stages on cuda:0 (about energy_seconds + 1 s); default 0 */
  double safety_margin;  /* share of free VRAM the memory plan leaves free, 0 <= x < 1; default 0.2 */
  double energy_seconds; /* length of the energy run, 0.1..60; default 3 */
} drawlens_gpu_probe_options;

/* As drawlens_options_default_sized, for probe options. Added after 0.1.0. */
DRAWLENS_API void drawlens_gpu_probe_options_default_sized(drawlens_gpu_probe_options* options, size_t size);

/* For hosts built against 0.1.0: fills the 0.1.0 fields only. NULL is ignored. */
DRAWLENS_API void(drawlens_gpu_probe_options_default)(drawlens_gpu_probe_options* options);

/* Fills *options with the defaults above, struct_size = sizeof *options. */
#define drawlens_gpu_probe_options_default(options) \
  drawlens_gpu_probe_options_default_sized((options), sizeof *(options))

/* Probes the machine. options may be NULL (defaults: no measurement). INVALID_ARGUMENT names a bad
 * option; ABI_MISMATCH when options->struct_size is unknown. A failed measurement is reported in
 * the plan's status, not as an error. On success *out is OWNED: free it with drawlens_gpu_probe_free. */
DRAWLENS_API drawlens_status drawlens_gpu_probe_create(const drawlens_gpu_probe_options* options,
                                                       drawlens_gpu_probe** out);

/* NULL is fine. */
DRAWLENS_API void drawlens_gpu_probe_free(drawlens_gpu_probe* probe);

/* Strings in the structs below are BORROWED from the probe. */
typedef struct drawlens_gpu_summary {
  size_t struct_size;         /* caller sets sizeof(drawlens_gpu_summary) */
  int built_with_cuda;        /* 1 when drawlens was compiled with its CUDA kernels */
  int cuda_runtime_version;   /* e.g. 13000 for 13.0; 0 unknown */
  int cuda_driver_version;    /* newest CUDA the driver supports; 0 without a driver */
  const char* driver_version; /* NVIDIA driver, e.g. "580.82.07"; "" unknown */
  int nvml_loaded;            /* 1 when libnvidia-ml.so.1 was loaded and started */
  const char* nvml_status;    /* why it was not; "" when it was */
  size_t device_count;        /* GPUs seen by NVML or the CUDA runtime */
  size_t usable_device_count; /* of them, those this process can run CUDA kernels on */
  const char* reason;         /* "no CUDA device: ..." when usable_device_count is 0; else "" */
  int libtorch_cuda;          /* 1 LibTorch sees CUDA, 0 it does not, -1 unknown (not linked yet) */
  size_t component_count;     /* software components, see drawlens_gpu_probe_component */
  const char* verdict;        /* what drawlens can run on the GPU, one paragraph */
} drawlens_gpu_summary;

typedef struct drawlens_gpu_device {
  size_t struct_size; /* caller sets sizeof(drawlens_gpu_device) */
  int index;          /* NVML's index, or the CUDA ordinal when NVML is missing */
  int cuda_ordinal;   /* N of device "cuda:N" in this process; -1 when CUDA cannot use it here */
  const char* name;
  const char* pci_bus_id; /* "" unknown */
  int compute_major, compute_minor;
  int multiprocessors;
  long long memory_total_bytes, memory_used_bytes, memory_free_bytes;
  int temperature_c;
  double power_watts, power_limit_watts;
  int utilization_gpu_percent, utilization_memory_percent;
  int clock_sm_mhz, clock_memory_mhz;
  int ecc_enabled; /* 1 on, 0 off, -1 unknown or unsupported */
  int mig_enabled; /* 1 on, 0 off, -1 unknown or unsupported */
} drawlens_gpu_device;

typedef struct drawlens_gpu_component {
  size_t struct_size;  /* caller sets sizeof(drawlens_gpu_component) */
  const char* name;    /* "OpenCV", "CUDA runtime", "cuDNN", "LibTorch", "Tesseract", "XGBoost" */
  const char* version; /* "" when not found when drawlens was built */
  int linked;          /* 1: libdrawlens links it; 0: only its version was found at build time */
  const char* note;
} drawlens_gpu_component;

/* The memory plan and energy measurement (options.measure = 1 on a machine with a CUDA device). */
typedef struct drawlens_gpu_plan {
  size_t struct_size;   /* caller sets sizeof(drawlens_gpu_plan) */
  int measured;         /* 1 when the stages were run on a GPU */
  const char* status;   /* why not; "" when measured */
  int cuda_ordinal;     /* the device measured; -1 none */
  long long free_bytes; /* free VRAM before the stages ran; -1 unknown */
  double safety_margin;
  long long budget_bytes;  /* free_bytes * (1 - safety_margin); -1 unknown */
  long long need_bytes;    /* the stages' peaks together; -1 unknown */
  size_t stage_count;      /* see drawlens_gpu_probe_stage */
  int all_fit;             /* 1 when every stage fits the budget together */
  int energy_pages;        /* pages prepared in the energy run; 0 when not run */
  double seconds_per_page; /* -1 unknown */
  double joules_per_page;  /* GPU board energy per page (NVML power); -1 unknown */
  double mean_power_watts; /* -1 unknown */
} drawlens_gpu_plan;

typedef struct drawlens_gpu_stage {
  size_t struct_size;      /* caller sets sizeof(drawlens_gpu_stage) */
  const char* name;        /* "prepare"; model stages add theirs when they land */
  const char* description; /* what was run to measure it */
  long long peak_bytes;    /* measured peak device memory; -1 unmeasured */
  int fits;                /* 1 when it fits the budget together with the stages before it */
} drawlens_gpu_stage;

DRAWLENS_API drawlens_status drawlens_gpu_probe_summary(const drawlens_gpu_probe* probe, drawlens_gpu_summary* out);
DRAWLENS_API drawlens_status drawlens_gpu_probe_device(const drawlens_gpu_probe* probe, size_t index,
                                                       drawlens_gpu_device* out);
DRAWLENS_API drawlens_status drawlens_gpu_probe_component(const drawlens_gpu_probe* probe, size_t index,
                                                          drawlens_gpu_component* out);
DRAWLENS_API drawlens_status drawlens_gpu_probe_plan(const drawlens_gpu_probe* probe, drawlens_gpu_plan* out);
DRAWLENS_API drawlens_status drawlens_gpu_probe_stage(const drawlens_gpu_probe* probe, size_t index,
                                                      drawlens_gpu_stage* out);

/* The whole assessment as JSON ("schema": "drawlens.gpu/1"). BORROWED: lives as long as probe. */
DRAWLENS_API drawlens_status drawlens_gpu_probe_json(const drawlens_gpu_probe* probe, const char** out);

/* ---- Detector ---------------------------------------------------------------------------------
 * The trained region detector on its own (docs/detector.md): finds the dimensions (with their
 * tolerances), GD&T frames, datum features, surface-finish symbols and notes of a raster page as
 * oriented boxes. It reads <model_directory>/detector.dlmodel. Added after 0.1.0.
 * A detector may be used from several threads at once. */

typedef struct drawlens_detector drawlens_detector;
typedef struct drawlens_detections drawlens_detections;

typedef struct drawlens_detector_options {
  size_t struct_size;          /* sizeof(drawlens_detector_options); set by drawlens_detector_options_default */
  const char* model_directory; /* NULL or "": the models directory search (docs/models.md) */
  int threads;                 /* LibTorch intra-op threads (process-wide); 0 leaves them; default 0 */
  double score_threshold;      /* 0 < x < 1: a cell is in a region above this probability; default 0.5 */
  int cuda_device;             /* -1: the CPU (default); a CUDA ordinal runs the network there in float16 */
} drawlens_detector_options;

DRAWLENS_API void drawlens_detector_options_default_sized(drawlens_detector_options* options, size_t size);

/* Fills *options with the defaults above, struct_size = sizeof *options. */
#define drawlens_detector_options_default(options) drawlens_detector_options_default_sized((options), sizeof *(options))

/* Loads the detector. options may be NULL (defaults). MODEL names the file when it is missing,
 * damaged or another model's; INVALID_ARGUMENT names a bad option; GPU when cuda_device cannot be
 * used. On success *out is OWNED: free it with drawlens_detector_free. */
DRAWLENS_API drawlens_status drawlens_detector_create(const drawlens_detector_options* options,
                                                      drawlens_detector** out);
DRAWLENS_API void drawlens_detector_free(drawlens_detector* detector);

typedef enum drawlens_detection_category {
  DRAWLENS_DETECTION_DIMENSION = 0, /* a size with its tolerance, fit or stacked deviations */
  DRAWLENS_DETECTION_GDT_FRAME = 1,
  DRAWLENS_DETECTION_DATUM_FEATURE = 2,
  DRAWLENS_DETECTION_SURFACE_FINISH = 3,
  DRAWLENS_DETECTION_NOTE = 4
} drawlens_detection_category;

/* "dimension", "gdt_frame", "datum_feature", "surface_finish", "note"; "unknown" otherwise. */
DRAWLENS_API const char* drawlens_detection_category_name(drawlens_detection_category category);

typedef struct drawlens_detection {
  size_t struct_size; /* caller sets sizeof(drawlens_detection) */
  drawlens_detection_category category;
  double centre_x, centre_y; /* page pixels */
  double width, height;      /* width along the reading direction */
  double angle;              /* reading direction, degrees counter-clockwise as displayed, (-180, 180] */
  double corners[8];         /* x, y of bottom-left, bottom-right, top-right, top-left in reading order */
  double score;              /* 0..1 */
  /* Added after 0.1.0: what the read stage (DRAWLENS_STAGE_READ) read in the region. text is NULL
   * when the stage did not run, and always from drawlens_detector_detect; "" when the region held
   * nothing readable. BORROWED: valid as long as the result. */
  const char* text;            /* UTF-8 */
  double text_confidence;      /* 0..1: the reader's (its lowest character or word) */
  drawlens_source text_source; /* DRAWLENS_SOURCE_RECOGNIZER or DRAWLENS_SOURCE_TESSERACT */
} drawlens_detection;

/* Detects on caller pixels (as drawlens_analyze_pixels: rows stride bytes apart, copied during the
 * call); dpi > 0 is the page resolution. The pixel limits of drawlens_options apply with their
 * defaults. On success *out is OWNED: free it with drawlens_detections_free. Highest score first. */
DRAWLENS_API drawlens_status drawlens_detector_detect(const drawlens_detector* detector, const void* pixels, int width,
                                                      int height, drawlens_pixel_format format, size_t stride,
                                                      double dpi, drawlens_detections** out);
DRAWLENS_API drawlens_status drawlens_detections_count(const drawlens_detections* detections, size_t* out);
DRAWLENS_API drawlens_status drawlens_detections_get(const drawlens_detections* detections, size_t index,
                                                     drawlens_detection* out);
DRAWLENS_API void drawlens_detections_free(drawlens_detections* detections);

/* The detections of an analysed page (DRAWLENS_STAGE_DETECT, raster pages only; 0 for a page read
 * from its PDF text layer or when the stage did not run), highest score first, each with its
 * reading when DRAWLENS_STAGE_READ ran. */
DRAWLENS_API drawlens_status drawlens_result_detection_count(const drawlens_result* result, size_t page, size_t* out);
DRAWLENS_API drawlens_status drawlens_result_detection(const drawlens_result* result, size_t page, size_t index,
                                                       drawlens_detection* out);

/* ---- OcrEngine ---------------------------------------------------------------------------------
 * Reads the text of crops on its own (docs/ocr.md): a trained recognizer for dimensions,
 * tolerances (stacked ones as "upper\nlower" after the shared lead), GD&T frames ("|" between
 * cells, the symbols and circled modifiers as their Unicode characters) and codes, with
 * per-character confidence and alternatives; Tesseract for prose with per-word confidence. It reads
 * <model_directory>/recognizer.dlmodel. Added after 0.1.0. An engine may be used from several
 * threads at once. */

typedef struct drawlens_ocr_engine drawlens_ocr_engine;
typedef struct drawlens_reading drawlens_reading;

typedef struct drawlens_ocr_options {
  size_t struct_size;              /* sizeof(drawlens_ocr_options); set by drawlens_ocr_options_default */
  const char* model_directory;     /* NULL or "": the models directory search (docs/models.md) */
  int threads;                     /* LibTorch intra-op threads (process-wide); 0 leaves them; default 0 */
  int cuda_device;                 /* -1: the CPU (default); a CUDA ordinal runs the recognizer there in float16 */
  int beam_width;                  /* 1: greedy decoding (default); 2..64: prefix beam search of that width */
  const char* tesseract_languages; /* NULL: "eng+deu" (default); "": no Tesseract */
  double tesseract_below;          /* DRAWLENS_OCR_AUTO: recognizer readings under this confidence also go
                                      to Tesseract, the surer reading kept; 0..1, default 0.5 */
} drawlens_ocr_options;

DRAWLENS_API void drawlens_ocr_options_default_sized(drawlens_ocr_options* options, size_t size);

/* Fills *options with the defaults above, struct_size = sizeof *options. */
#define drawlens_ocr_options_default(options) drawlens_ocr_options_default_sized((options), sizeof *(options))

/* Loads the recognizer and checks Tesseract's language data. options may be NULL (defaults). MODEL
 * names recognizer.dlmodel when it is missing or damaged, or the Tesseract languages that cannot be
 * loaded; INVALID_ARGUMENT names a bad option; GPU when cuda_device cannot be used. On success *out
 * is OWNED: free it with drawlens_ocr_engine_free. */
DRAWLENS_API drawlens_status drawlens_ocr_engine_create(const drawlens_ocr_options* options, drawlens_ocr_engine** out);
DRAWLENS_API void drawlens_ocr_engine_free(drawlens_ocr_engine* engine);

typedef enum drawlens_ocr_mode {
  DRAWLENS_OCR_AUTO = 0,       /* the recognizer, and Tesseract where it is unsure (tesseract_below) */
  DRAWLENS_OCR_RECOGNIZER = 1, /* dimensions, tolerances, frames, codes */
  DRAWLENS_OCR_TESSERACT = 2   /* prose: notes, title-block and table cells */
} drawlens_ocr_mode;

/* One upright crop of caller pixels (as drawlens_analyze_pixels: rows stride bytes apart, copied
 * during the call). */
typedef struct drawlens_crop {
  const void* pixels;
  int width, height;
  drawlens_pixel_format format;
  size_t stride;
} drawlens_crop;

/* Reads count crops (the recognizer batches them) at resolution dpi (10..4800; Tesseract uses it).
 * out: the caller's array of count pointers; on success each is OWNED (drawlens_reading_free), on
 * failure each is NULL and the status names the bad crop. A crop without text reads as "". */
DRAWLENS_API drawlens_status drawlens_ocr_read(const drawlens_ocr_engine* engine, const drawlens_crop* crops,
                                               size_t count, drawlens_ocr_mode mode, double dpi,
                                               drawlens_reading** out);

typedef enum drawlens_reading_source {
  DRAWLENS_READING_RECOGNIZER = 0,
  DRAWLENS_READING_TESSERACT = 1
} drawlens_reading_source;

typedef struct drawlens_reading_info {
  size_t struct_size; /* caller sets sizeof(drawlens_reading_info) */
  const char* text;   /* UTF-8; BORROWED from the reading */
  double confidence;  /* 0..1: the lowest character's or word's; 1 when the text is empty */
  drawlens_reading_source source;
  size_t character_count; /* recognizer readings */
  size_t word_count;      /* Tesseract readings */
} drawlens_reading_info;

/* The line a recognized character is on: the main line, or the upper or lower of a stacked pair. */
typedef enum drawlens_text_track {
  DRAWLENS_TRACK_MAIN = 0,
  DRAWLENS_TRACK_UPPER = 1,
  DRAWLENS_TRACK_LOWER = 2
} drawlens_text_track;

typedef struct drawlens_read_character {
  size_t struct_size;    /* caller sets sizeof(drawlens_read_character) */
  const char* character; /* one UTF-8 character; BORROWED from the reading */
  double confidence;     /* 0..1 */
  drawlens_text_track track;
  double x;                 /* where it peaks, in crop pixels from the left */
  size_t alternative_count; /* 0..3: likeliest other characters, given when confidence is under 0.9 */
  const char* alternatives[3];
  double alternative_probabilities[3];
} drawlens_read_character;

typedef struct drawlens_read_word {
  size_t struct_size;      /* caller sets sizeof(drawlens_read_word) */
  const char* text;        /* UTF-8; BORROWED from the reading */
  double confidence;       /* 0..1 */
  int x, y, width, height; /* in crop pixels */
} drawlens_read_word;

DRAWLENS_API drawlens_status drawlens_reading_get_info(const drawlens_reading* reading, drawlens_reading_info* out);
DRAWLENS_API drawlens_status drawlens_reading_character(const drawlens_reading* reading, size_t index,
                                                        drawlens_read_character* out);
DRAWLENS_API drawlens_status drawlens_reading_word(const drawlens_reading* reading, size_t index,
                                                   drawlens_read_word* out);
DRAWLENS_API void drawlens_reading_free(drawlens_reading* reading);

/* ---- SkinModel: tolerance analysis ----------------------------------------------------------
 * What each toleranced feature asks of manufacturing (docs/tolerance.md): its zone and ISO 286
 * grade, the deviation a process and material are predicted to give (an XGBoost model trained on a
 * process-capability simulation, <model_directory>/skinmodel.dlmodel), yield, Cp/Cpk, a rating with
 * its reason, the processes that would hold it, and the tolerances that drive cost. Also ISO 286
 * fits, stack-ups and GD&T frame checks. Added after 0.1.0. A skin model may be used from several
 * threads at once. */

typedef enum drawlens_process {
  DRAWLENS_PROCESS_TURNING = 0,
  DRAWLENS_PROCESS_MILLING = 1,
  DRAWLENS_PROCESS_GRINDING = 2,
  DRAWLENS_PROCESS_DRILLING = 3,
  DRAWLENS_PROCESS_REAMING = 4,
  DRAWLENS_PROCESS_BORING = 5,
  DRAWLENS_PROCESS_EDM = 6,
  DRAWLENS_PROCESS_CASTING = 7,
  DRAWLENS_PROCESS_FORGING = 8,
  DRAWLENS_PROCESS_SHEET_METAL = 9,
  DRAWLENS_PROCESS_ADDITIVE = 10
} drawlens_process;

typedef enum drawlens_material {
  DRAWLENS_MATERIAL_STEEL = 0,
  DRAWLENS_MATERIAL_STAINLESS = 1,
  DRAWLENS_MATERIAL_ALUMINIUM = 2,
  DRAWLENS_MATERIAL_TITANIUM = 3,
  DRAWLENS_MATERIAL_BRASS = 4,
  DRAWLENS_MATERIAL_CAST_IRON = 5,
  DRAWLENS_MATERIAL_PLASTIC = 6
} drawlens_material;

/* What is toleranced: a size, or a GD&T characteristic (in drawlens_characteristic's order + 2). */
typedef enum drawlens_feature_class {
  DRAWLENS_FEATURE_LINEAR_SIZE = 0,
  DRAWLENS_FEATURE_DIAMETER_SIZE = 1,
  DRAWLENS_FEATURE_STRAIGHTNESS = 2,
  DRAWLENS_FEATURE_FLATNESS = 3,
  DRAWLENS_FEATURE_CIRCULARITY = 4,
  DRAWLENS_FEATURE_CYLINDRICITY = 5,
  DRAWLENS_FEATURE_LINE_PROFILE = 6,
  DRAWLENS_FEATURE_SURFACE_PROFILE = 7,
  DRAWLENS_FEATURE_PERPENDICULARITY = 8,
  DRAWLENS_FEATURE_ANGULARITY = 9,
  DRAWLENS_FEATURE_PARALLELISM = 10,
  DRAWLENS_FEATURE_POSITION = 11,
  DRAWLENS_FEATURE_CONCENTRICITY = 12,
  DRAWLENS_FEATURE_SYMMETRY = 13,
  DRAWLENS_FEATURE_CIRCULAR_RUNOUT = 14,
  DRAWLENS_FEATURE_TOTAL_RUNOUT = 15
} drawlens_feature_class;

/* Manufacturability by Cpk: easy >= 1.67, capable >= 1.33, marginal >= 1.0, difficult >= 0.5. */
typedef enum drawlens_rating {
  DRAWLENS_RATING_EASY = 0,
  DRAWLENS_RATING_CAPABLE = 1,
  DRAWLENS_RATING_MARGINAL = 2,
  DRAWLENS_RATING_DIFFICULT = 3,
  DRAWLENS_RATING_INFEASIBLE = 4
} drawlens_rating;

/* Names as the JSON spells them ("sheet_metal", "cast_iron", "diameter_size", "marginal");
 * "unknown" for values outside the enum. Static, never NULL. */
DRAWLENS_API const char* drawlens_process_name(drawlens_process process);
DRAWLENS_API const char* drawlens_material_name(drawlens_material material);
DRAWLENS_API const char* drawlens_feature_class_name(drawlens_feature_class feature_class);
DRAWLENS_API const char* drawlens_rating_name(drawlens_rating rating);

/* A feature to analyse or stack, in millimetres. Arrays of it are read with the first element's
 * struct_size as the stride (set every element's struct_size to sizeof(drawlens_feature)). */
typedef struct drawlens_feature {
  size_t struct_size; /* caller sets sizeof(drawlens_feature) */
  const char* id;     /* the caller's name, copied; stack-up links refer to it; NULL = "" */
  drawlens_feature_class feature_class;
  double size_mm;  /* nominal size (> 0); for a GD&T feature the size of the feature it controls */
  double upper_mm; /* size: upper deviation; GD&T: the tolerance */
  double lower_mm; /* size: lower deviation (< upper_mm); GD&T: 0 */
} drawlens_feature;

typedef struct drawlens_tolerance_analysis {
  size_t struct_size; /* caller sets sizeof(drawlens_tolerance_analysis) */
  const char* id;     /* a result: "p0-d3" (dimension 3) or "p0-g1" (frame 1); a report: the caller's id */
  const char* text;   /* the annotation as normalised; a report: the id */
  drawlens_feature_class feature_class;
  double size_mm;
  int size_assumed; /* 1: a frame's size was not found; 50 mm was assumed */
  double upper_mm, lower_mm, zone_mm;
  int general;                                       /* 1: toleranced by the general tolerance (ISO 2768) */
  const char* general_class;                         /* then the class that applies, e.g. "ISO 2768-m"; "" otherwise */
  int has_fit;                                       /* 1: a hole/shaft pair ("Ø20 H7/g6"); the zone is the hole's */
  double fit_min_clearance_mm, fit_max_clearance_mm; /* negative: interference */
  int it_grade; /* ISO 286 grade of the zone at size_mm: 1..18, 0 = IT0, -1 = IT01, -2 = none */
  drawlens_process process;
  drawlens_material material;
  double mean_mm, sigma_mm, q05_mm, q50_mm, q95_mm; /* size: deviation from nominal; GD&T: measured value */
  double yield;                                     /* probability that a part conforms, 0..1 */
  double cp;                                        /* two-sided sizes; -1 for one-sided GD&T zones */
  double cpk;                                       /* ISO 22514-2 */
  drawlens_rating rating;
  const char* reason;             /* why the rating, one sentence */
  unsigned int capable_processes; /* when below capable: bit (1u << process) for each process that would be */
  double tightness;               /* 6 sigma / zone (GD&T: 99.865 % value / zone) */
  int cost_driver;                /* 1: among the tolerances that drive cost */
  int dimension_index;            /* a result: the page's dimension it came from, else -1 */
  int gdt_frame_index;            /* a result: the page's GD&T frame it came from, else -1 */
} drawlens_tolerance_analysis;

typedef struct drawlens_skin_model drawlens_skin_model;
typedef struct drawlens_tolerance_report drawlens_tolerance_report;

/* Loads a skin model. path: a .dlmodel file (e.g. one drawlens_skin_model_save wrote), a directory
 * holding skinmodel.dlmodel, or NULL / "" for the models directory search (docs/models.md). MODEL
 * names the file when it is missing, damaged or another model's. *out is OWNED: free it with
 * drawlens_skin_model_free. */
DRAWLENS_API drawlens_status drawlens_skin_model_load(const char* path, drawlens_skin_model** out);
/* Trains a skin model on measured parts (a CSV file, docs/tolerance.md "Measurements CSV"): boosting
 * continues from base (NULL: the measurements alone) for rounds > 0 rounds, with seed. The 90 %
 * intervals are calibrated on the measurements. INVALID_ARGUMENT names the line and column of a bad
 * cell. *out is OWNED. */
DRAWLENS_API drawlens_status drawlens_skin_model_train_csv(const drawlens_skin_model* base, const char* csv_path,
                                                           int rounds, unsigned long long seed,
                                                           drawlens_skin_model** out);
/* Writes the model as a .dlmodel file; IO names the path when it cannot be written. */
DRAWLENS_API drawlens_status drawlens_skin_model_save(const drawlens_skin_model* model, const char* path);
DRAWLENS_API void drawlens_skin_model_free(drawlens_skin_model* model);

/* Analyses count features under one process and material. INVALID_ARGUMENT names a bad feature
 * (its index and why). *out is OWNED: free it with drawlens_tolerance_report_free. */
DRAWLENS_API drawlens_status drawlens_skin_model_analyze(const drawlens_skin_model* model,
                                                         const drawlens_feature* features, size_t count,
                                                         drawlens_process process, drawlens_material material,
                                                         drawlens_tolerance_report** out);
/* Analyses the dimensions and GD&T frames of one page of a result (the annotate stage must have run),
 * as DRAWLENS_STAGE_TOLERANCE does, under another process or material. *out is OWNED. */
DRAWLENS_API drawlens_status drawlens_skin_model_analyze_result(const drawlens_skin_model* model,
                                                                const drawlens_result* result, size_t page,
                                                                drawlens_process process, drawlens_material material,
                                                                drawlens_tolerance_report** out);
DRAWLENS_API drawlens_status drawlens_tolerance_report_count(const drawlens_tolerance_report* report, size_t* out);
DRAWLENS_API drawlens_status drawlens_tolerance_report_get(const drawlens_tolerance_report* report, size_t index,
                                                           drawlens_tolerance_analysis* out);
/* The report as a JSON array of the schema's tolerance_analysis objects. BORROWED: lives as long as
 * report. */
DRAWLENS_API drawlens_status drawlens_tolerance_report_json(const drawlens_tolerance_report* report, const char** out);
DRAWLENS_API void drawlens_tolerance_report_free(drawlens_tolerance_report* report);

/* The tolerance stage's analyses of a page (DRAWLENS_STAGE_TOLERANCE; 0 when it did not run). */
DRAWLENS_API drawlens_status drawlens_result_tolerance_count(const drawlens_result* result, size_t page, size_t* out);
DRAWLENS_API drawlens_status drawlens_result_tolerance(const drawlens_result* result, size_t page, size_t index,
                                                       drawlens_tolerance_analysis* out);

/* A hole/shaft fit from ISO 286 at a nominal size in mm: clearances in mm (negative: interference),
 * e.g. 20, "H7", "g6" -> +0.007, +0.041. PARSE or INVALID_ARGUMENT name a bad class or size. */
DRAWLENS_API drawlens_status drawlens_iso286_fit(double nominal_mm, const char* hole_class, const char* shaft_class,
                                                 double* min_clearance_mm, double* max_clearance_mm);

/* Checks a feature control frame (text as drawlens_parse_gdt reads it) for internal consistency;
 * size_zone_mm > 0 is the size tolerance of the feature it controls (form must refine it), 0 when
 * unknown. *json is OWNED (free with drawlens_free): {"frame", "consistent", "findings": [{"rule",
 * "severity", "message"}]}. PARSE when the text is not a frame. */
DRAWLENS_API drawlens_status drawlens_validate_gdt_json(const char* frame_text, double size_zone_mm, char** json);

/* Stack-ups over size features by id: worst case, RSS and a seeded Monte Carlo simulation. */
typedef struct drawlens_stack_link {
  size_t struct_size;     /* caller sets sizeof(drawlens_stack_link); arrays use the first's as stride */
  const char* feature_id; /* a feature's id */
  int direction;          /* +1 adds the dimension to the closing dimension, -1 subtracts it */
} drawlens_stack_link;

typedef struct drawlens_stack_up_options {
  size_t struct_size;         /* sizeof(drawlens_stack_up_options); set by drawlens_stack_up_options_default */
  unsigned long long samples; /* Monte Carlo samples, 1..5e7; default 1e6 */
  unsigned long long seed;    /* default 1 */
  int uniform;                /* 1: each link uniform over its zone; 0 (default): normal, zone = ±3 sigma */
} drawlens_stack_up_options;

DRAWLENS_API void drawlens_stack_up_options_default_sized(drawlens_stack_up_options* options, size_t size);
#define drawlens_stack_up_options_default(options) drawlens_stack_up_options_default_sized((options), sizeof *(options))

typedef struct drawlens_stack_up_result {
  size_t struct_size;                              /* caller sets sizeof(drawlens_stack_up_result) */
  double nominal_mm;                               /* the closing dimension's nominal */
  double worst_case_upper_mm, worst_case_lower_mm; /* deviations from nominal */
  double rss_upper_mm, rss_lower_mm;
  double monte_carlo_mean_mm, monte_carlo_sigma_mm;    /* the closing dimension */
  double q00135_mm, q05_mm, q50_mm, q95_mm, q99865_mm; /* its quantiles */
  unsigned long long samples;
} drawlens_stack_up_result;

/* options may be NULL (defaults). INVALID_ARGUMENT names an unknown or non-size feature id, a
 * direction other than ±1 or no links; LIMIT_EXCEEDED more than 5e7 samples. */
DRAWLENS_API drawlens_status drawlens_stack_up(const drawlens_feature* features, size_t feature_count,
                                               const drawlens_stack_link* links, size_t link_count,
                                               const drawlens_stack_up_options* options, drawlens_stack_up_result* out);

/* ---- Linework segmentation (EdgNet) ----------------------------------------------------------
 * With DRAWLENS_STAGE_SEGMENT the page's ink is vectorized into lines, circular arcs and cubic
 * Béziers, and each primitive is classified by a trained graph network (docs/segment.md; it reads
 * <model_directory>/edgnet.dlmodel). Added after 0.1.0. */

typedef enum drawlens_line_class {
  DRAWLENS_LINE_CONTOUR = 0, /* visible outline */
  DRAWLENS_LINE_HIDDEN = 1,  /* dashed hidden edge */
  DRAWLENS_LINE_CENTRE = 2,  /* chain line: axes, centres, pitch circles */
  DRAWLENS_LINE_HATCH = 3,
  DRAWLENS_LINE_DIMENSION = 4, /* dimension, extension and leader lines, arrowheads */
  DRAWLENS_LINE_TEXT = 5,      /* strokes of lettering */
  DRAWLENS_LINE_GDT = 6,       /* feature control frames, datum and surface-finish symbols */
  DRAWLENS_LINE_BORDER = 7,    /* the drawing frame and its zone marks */
  DRAWLENS_LINE_TITLE_BLOCK = 8
} drawlens_line_class;

/* "contour", "hidden", "centre", "hatch", "dimension", "text", "gdt", "border", "title_block";
 * "unknown" otherwise. */
DRAWLENS_API const char* drawlens_line_class_name(drawlens_line_class line_class);

typedef enum drawlens_primitive_kind {
  DRAWLENS_PRIMITIVE_LINE = 0,  /* points: start, end */
  DRAWLENS_PRIMITIVE_ARC = 1,   /* points: start, the point halfway along, end; centre and radius set */
  DRAWLENS_PRIMITIVE_BEZIER = 2 /* points: the cubic's four control points, start to end */
} drawlens_primitive_kind;

/* "line", "arc", "bezier"; "unknown" otherwise. */
DRAWLENS_API const char* drawlens_primitive_kind_name(drawlens_primitive_kind kind);

typedef struct drawlens_segment {
  size_t struct_size; /* caller sets sizeof(drawlens_segment) */
  drawlens_line_class line_class;
  drawlens_primitive_kind kind;
  int point_count;                   /* 2, 3 or 4, as kind says */
  double points[8];                  /* x, y of each point, page pixels; unused pairs 0 */
  double centre_x, centre_y, radius; /* arcs; 0 otherwise */
  double length;                     /* along the curve, page pixels */
  double stroke_width;               /* mean ink width across the stroke, page pixels */
  double confidence;                 /* the class's probability, 0..1 */
  /* Added after 0.1.0. A hidden or centre line (or circle) drawn in dashes is one line (or arc)
     through them: */
  int dash_count;     /* its dashes; 1 for a solid piece */
  double dash_length; /* mean length of a dash, page pixels; 0 for a solid piece */
  double gap_length;  /* mean gap between its dashes, page pixels */
} drawlens_segment;

/* EdgNet on its own, on caller pixels. An EdgNet may be used from several threads at once. */
typedef struct drawlens_edgnet drawlens_edgnet;
typedef struct drawlens_segments drawlens_segments;

typedef struct drawlens_edgnet_options {
  size_t struct_size;          /* sizeof(drawlens_edgnet_options); set by drawlens_edgnet_options_default */
  const char* model_directory; /* NULL or "": the models directory search (docs/models.md) */
  int threads;                 /* LibTorch intra-op threads (process-wide); 0 leaves them; default 0 */
  int cuda_device;             /* -1: the CPU (default); a CUDA ordinal runs the network there */
} drawlens_edgnet_options;

DRAWLENS_API void drawlens_edgnet_options_default_sized(drawlens_edgnet_options* options, size_t size);

/* Fills *options with the defaults above, struct_size = sizeof *options. */
#define drawlens_edgnet_options_default(options) drawlens_edgnet_options_default_sized((options), sizeof *(options))

/* Loads EdgNet. options may be NULL (defaults). MODEL names the file when it is missing, damaged
 * or another model's; INVALID_ARGUMENT names a bad option; GPU when cuda_device cannot be used.
 * On success *out is OWNED: free it with drawlens_edgnet_free. */
DRAWLENS_API drawlens_status drawlens_edgnet_create(const drawlens_edgnet_options* options, drawlens_edgnet** out);
DRAWLENS_API void drawlens_edgnet_free(drawlens_edgnet* edgnet);

/* Vectorizes and classifies the linework of caller pixels (as drawlens_analyze_pixels: rows stride
 * bytes apart, copied during the call); dpi > 0 is the page resolution. A page that is not dark
 * ink on light paper gives an empty list. On success *out is OWNED: free it with
 * drawlens_segments_free. */
DRAWLENS_API drawlens_status drawlens_edgnet_segment(const drawlens_edgnet* edgnet, const void* pixels, int width,
                                                     int height, drawlens_pixel_format format, size_t stride,
                                                     double dpi, drawlens_segments** out);
DRAWLENS_API drawlens_status drawlens_segments_count(const drawlens_segments* segments, size_t* out);
DRAWLENS_API drawlens_status drawlens_segments_get(const drawlens_segments* segments, size_t index,
                                                   drawlens_segment* out);
DRAWLENS_API void drawlens_segments_free(drawlens_segments* segments);

/* The classified primitives of an analysed page (0 when DRAWLENS_STAGE_SEGMENT did not run). */
DRAWLENS_API drawlens_status drawlens_result_segment_count(const drawlens_result* result, size_t page, size_t* out);
DRAWLENS_API drawlens_status drawlens_result_segment(const drawlens_result* result, size_t page, size_t index,
                                                     drawlens_segment* out);

/* What a dimension is tied to among its page's segments (docs/segment.md, "Dimensions and their
 * linework"). Added after 0.1.0. */
typedef enum drawlens_linework {
  DRAWLENS_LINEWORK_LINES = 0,  /* its dimension, extension and leader lines and arrowheads */
  DRAWLENS_LINEWORK_FEATURE = 1 /* the contour, hidden or centre lines it measures */
} drawlens_linework;

/* The segment indices (for drawlens_result_segment, ascending) of dimension `dimension` of the page,
 * as `which` says. *count receives how many there are; up to `capacity` of them are written to
 * `indices`, which may be NULL when capacity is 0 (call so first to size the array). None when
 * DRAWLENS_STAGE_SEGMENT did not run. INVALID_ARGUMENT for a bad `which`, page or dimension index,
 * a NULL count, or NULL indices with capacity > 0. */
DRAWLENS_API drawlens_status drawlens_result_dimension_linework(const drawlens_result* result, size_t page,
                                                                size_t dimension, drawlens_linework which,
                                                                size_t* indices, size_t capacity, size_t* count);

#ifdef __cplusplus
}
#endif

#endif /* DRAWLENS_DRAWLENS_H */
