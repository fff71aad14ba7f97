// Inputs made to hurt a reader, for the limit tests and the limits benchmark: decompression bombs
// that state huge page sizes in a few bytes, a PDF with thousands of pages, a sparse huge file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace drawlens::hostile {

using Bytes = std::vector<std::uint8_t>;

// A well-formed 8-bit gray PNG whose header states width x height; its one compressed row is a
// few bytes, so decoding it would inflate to width x height bytes from almost nothing.
Bytes png_bomb(std::uint32_t width, std::uint32_t height);

// A little-endian TIFF with one gray page of width x height whose single strip claims the whole
// image; the file is a few hundred bytes.
Bytes tiff_bomb(std::uint32_t width, std::uint32_t height);

// A valid PDF of `pages` empty pages of width_pt x height_pt points.
Bytes pdf_with_pages(int pages, double width_pt = 595.0, double height_pt = 842.0);

// Creates (or replaces) a sparse file of `bytes` bytes at path: huge on paper, no disk used.
// Returns false when the file system refuses.
bool make_sparse_file(const std::string& path, std::uint64_t bytes);

}  // namespace drawlens::hostile
