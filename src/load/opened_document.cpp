// An opened document hands out its selected pages one at a time, serializing its decoder.
#include "load/decoders.h"

namespace drawlens::load {

OpenedDocument::OpenedDocument(std::unique_ptr<State> state) : state_(std::move(state)) {}
OpenedDocument::OpenedDocument(OpenedDocument&&) noexcept = default;
OpenedDocument& OpenedDocument::operator=(OpenedDocument&&) noexcept = default;
OpenedDocument::~OpenedDocument() = default;

const std::string& OpenedDocument::name() const {
  return state_->name;
}
Format OpenedDocument::format() const {
  return state_->input.format;
}
std::uint64_t OpenedDocument::bytes() const {
  return state_->bytes;
}
int OpenedDocument::page_count() const {
  return state_->input.page_count;
}
int OpenedDocument::selected_count() const {
  return state_->input.range.count();
}

int OpenedDocument::source_index(int i) const {
  return state_->input.range.first + i;
}

Result<Page> OpenedDocument::decode_page(int i) const {
  if (i < 0 || i >= selected_count()) {
    return make_error(Status::invalid_argument, "page " + std::to_string(i + 1) + " of the selection does not exist (" +
                                                    std::to_string(selected_count()) + " selected)");
  }
  std::lock_guard<std::mutex> lock(state_->decoding);
  return state_->input.decoder->decode(source_index(i));
}

}  // namespace drawlens::load
