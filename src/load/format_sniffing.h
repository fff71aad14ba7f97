// Recognizes a drawing's file format from its first bytes, never from its name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/document.h"

namespace drawlens::load {

std::optional<Format> sniff_format(const std::uint8_t* data, std::size_t size);

}  // namespace drawlens::load
