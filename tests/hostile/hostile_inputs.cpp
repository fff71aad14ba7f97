// Builds the hostile inputs byte by byte (PNG chunks with zlib's CRC, a classic TIFF directory, a
// PDF with a correct cross-reference table), so that each is well formed up to the point a
// careless reader would start allocating.
#include "hostile_inputs.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <string>

namespace drawlens::hostile {
namespace {

void put_be32(Bytes& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}
void put_le16(Bytes& out, std::uint16_t v) {
  out.push_back(static_cast<std::uint8_t>(v));
  out.push_back(static_cast<std::uint8_t>(v >> 8));
}
void put_le32(Bytes& out, std::uint32_t v) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

void png_chunk(Bytes& out, const char type[4], const Bytes& data) {
  put_be32(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t type_at = out.size();
  out.insert(out.end(), type, type + 4);
  out.insert(out.end(), data.begin(), data.end());
  const uLong crc = crc32(0L, out.data() + type_at, static_cast<uInt>(4 + data.size()));
  put_be32(out, static_cast<std::uint32_t>(crc));
}

// One TIFF directory entry: tag, type (3 SHORT, 4 LONG), count 1, value.
void tiff_entry(Bytes& out, std::uint16_t tag, std::uint16_t type, std::uint32_t value) {
  put_le16(out, tag);
  put_le16(out, type);
  put_le32(out, 1);
  if (type == 3) {
    put_le16(out, static_cast<std::uint16_t>(value));
    put_le16(out, 0);
  } else {
    put_le32(out, value);
  }
}

}  // namespace

Bytes png_bomb(std::uint32_t width, std::uint32_t height) {
  Bytes out = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  Bytes header;
  put_be32(header, width);
  put_be32(header, height);
  header.insert(header.end(), {8, 0, 0, 0, 0});  // 8-bit gray, deflate, adaptive filter, no interlace
  png_chunk(out, "IHDR", header);
  const Bytes row(1 + 64, 0);  // filter byte and the first pixels of row one
  uLongf packed_size = compressBound(row.size());
  Bytes packed(packed_size);
  compress(packed.data(), &packed_size, row.data(), row.size());
  packed.resize(packed_size);
  png_chunk(out, "IDAT", packed);
  png_chunk(out, "IEND", {});
  return out;
}

Bytes tiff_bomb(std::uint32_t width, std::uint32_t height) {
  constexpr std::uint16_t kEntries = 10;
  constexpr std::uint32_t kIfdOffset = 8;
  constexpr std::uint32_t kStripOffset = kIfdOffset + 2 + kEntries * 12 + 4;
  Bytes out = {'I', 'I', 42, 0};
  put_le32(out, kIfdOffset);
  put_le16(out, kEntries);
  tiff_entry(out, 256, 4, width);         // ImageWidth
  tiff_entry(out, 257, 4, height);        // ImageLength
  tiff_entry(out, 258, 3, 8);             // BitsPerSample
  tiff_entry(out, 259, 3, 32946);         // Compression: deflate
  tiff_entry(out, 262, 3, 1);             // Photometric: black is zero
  tiff_entry(out, 273, 4, kStripOffset);  // StripOffsets
  tiff_entry(out, 277, 3, 1);             // SamplesPerPixel
  tiff_entry(out, 278, 4, height);        // RowsPerStrip: one strip
  tiff_entry(out, 279, 4, 16);            // StripByteCounts
  tiff_entry(out, 284, 3, 1);             // PlanarConfiguration: contiguous
  put_le32(out, 0);                       // no next directory
  out.insert(out.end(), 16, 0);           // the "strip"
  return out;
}

Bytes pdf_with_pages(int pages, double width_pt, double height_pt) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  auto object = [&](const std::string& body) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  object("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(3 + i) + " 0 R ";
  object("<< /Type /Pages /Count " + std::to_string(pages) + " /Kids [" + kids + "] >>");
  char media_box[512];  // %.2f of an absurd size has hundreds of digits
  std::snprintf(media_box, sizeof media_box, "[0 0 %.2f %.2f]", width_pt, height_pt);
  for (int i = 0; i < pages; ++i) object(std::string("<< /Type /Page /Parent 2 0 R /MediaBox ") + media_box + " >>");
  const std::size_t xref_at = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref_at) + "\n%%EOF\n";
  return Bytes(pdf.begin(), pdf.end());
}

bool make_sparse_file(const std::string& path, std::uint64_t bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return false;
  const bool sized = ::ftruncate(fd, static_cast<off_t>(bytes)) == 0;
  ::close(fd);
  return sized;
}

}  // namespace drawlens::hostile
