// Page range and size limits, applied before any page is decoded.
#include <cmath>
#include <string>

#include "load/decoders.h"

namespace drawlens::load {

Result<PageRange> select_pages(int page_count, const Options& options, const std::string& label) {
  if (page_count <= 0) return make_error(Status::no_pages, label + " has no pages");
  const int last = options.last_page == 0 ? page_count : options.last_page;
  if (options.first_page > page_count) {
    return make_error(Status::invalid_argument, label + ": page range starts at page " +
                                                    std::to_string(options.first_page) + " but the document has " +
                                                    std::to_string(page_count) + " page(s)");
  }
  PageRange range{options.first_page - 1, (last > page_count ? page_count : last) - 1};
  if (range.count() > options.limits.max_pages) {
    return make_error(Status::limit_exceeded, label + ": " + std::to_string(range.count()) +
                                                  " pages selected, over the limit of " +
                                                  std::to_string(options.limits.max_pages) + " (max_pages)");
  }
  return range;
}

namespace {

// A size for messages. PDF media boxes are arbitrary reals (fuzzer finding: 7e77 points), so
// only what a long long holds is cast.
std::string size_text(double value) {
  if (std::isnan(value)) return "undefined";
  if (std::abs(value) >= 1e15) return value > 0 ? "over 10^15" : "under -10^15";
  return std::to_string(static_cast<long long>(value));
}

}  // namespace

Result<bool> check_page_size(double width, double height, int page, const Options& options, const std::string& label) {
  const double megapixels = width * height / 1e6;
  if (!(width >= 1) || !(height >= 1)) {  // also NaN
    return make_error(Status::decode, label + " page " + std::to_string(page + 1) +
                                          " has an empty or undefined size (" + size_text(width) + "x" +
                                          size_text(height) + ")");
  }
  if (megapixels > options.limits.max_megapixels) {
    return make_error(Status::limit_exceeded, label + " page " + std::to_string(page + 1) + " is " + size_text(width) +
                                                  "x" + size_text(height) + " pixels (" + size_text(megapixels) +
                                                  " MP), over the limit of " +
                                                  size_text(options.limits.max_megapixels) + " MP (max_megapixels)");
  }
  return true;
}

}  // namespace drawlens::load
