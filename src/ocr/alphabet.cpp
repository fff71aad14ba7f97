// The drawing alphabet and the text <-> token mapping (alphabet.h).
#include "ocr/alphabet.h"

#include <algorithm>
#include <unordered_map>

namespace drawlens::ocr {
namespace {

std::vector<std::string> make_alphabet() {
  std::vector<std::string> a;
  for (char c = '0'; c <= '9'; ++c) a.emplace_back(1, c);
  for (char c = 'A'; c <= 'Z'; ++c) a.emplace_back(1, c);
  for (char c = 'a'; c <= 'z'; ++c) a.emplace_back(1, c);
  for (const char* s : {" ", ".", ",", "+", "-", "(", ")", "[", "]", "/", ":", "=", "%", "#", "&", "'", "\"", "|", "*",
                        "_", ";", "!", "?", "<", ">", "@", "±", "°", "×", "Ø", "□", "↧", "⌴", "⌵",
                        // GD&T characteristics: straightness, flatness, circularity, cylindricity, profile
                        // of a line and of a surface, angularity, perpendicularity, parallelism, position,
                        // concentricity, symmetry, circular and total runout.
                        "⏤", "⏥", "○", "⌭", "⌒", "⌓", "∠", "⟂", "⫽", "⌖", "◎", "⌯", "↗", "⌰",
                        // Circled modifiers.
                        "Ⓜ", "Ⓛ", "Ⓟ", "Ⓕ", "Ⓣ", "Ⓤ", "Ⓔ", "Ⓢ", "Ä", "Ö", "Ü", "ä", "ö", "ü", "ß"})
    a.emplace_back(s);
  return a;
}

const std::unordered_map<std::string, int>& index_of_character() {
  static const std::unordered_map<std::string, int> map = [] {
    std::unordered_map<std::string, int> m;
    const auto& a = alphabet();
    for (std::size_t i = 0; i < a.size(); ++i) m.emplace(a[i], static_cast<int>(i));
    return m;
  }();
  return map;
}

// Bytes in the UTF-8 sequence led by `lead`, 0 when it cannot lead one.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

bool is_digit(const std::string& c) {
  return c.size() == 1 && c[0] >= '0' && c[0] <= '9';
}

// How many leading characters of a line with no space stay on the main track: a size prefix
// ("Ø", "R", "SØ", "SR", "□", "M") directly before a digit, else none.
std::size_t prefix_length(const std::vector<std::string>& line) {
  std::size_t n = 0;
  while (n < line.size() && n < 2 && !is_digit(line[n])) ++n;
  if (n == 0 || n >= line.size() || !is_digit(line[n])) return 0;
  static const std::vector<std::string> prefixes[] = {{"Ø"}, {"R"}, {"S", "Ø"}, {"S", "R"}, {"□"}, {"M"}};
  for (const auto& prefix : prefixes)
    if (prefix.size() == n && std::equal(prefix.begin(), prefix.end(), line.begin())) return n;
  return 0;
}

}  // namespace

const std::vector<std::string>& alphabet() {
  static const std::vector<std::string> characters = make_alphabet();
  return characters;
}

std::optional<int> character_index(std::string_view character) {
  const auto& map = index_of_character();
  const auto found = map.find(std::string(character));
  if (found == map.end()) return std::nullopt;
  return found->second;
}

std::vector<std::string> utf8_characters(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = sequence_length(static_cast<unsigned char>(text[i]));
    bool valid = n > 0 && i + n <= text.size();
    for (std::size_t k = 1; valid && k < n; ++k) valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (!valid) {
      out.emplace_back("\xEF\xBF\xBD");
      ++i;
      continue;
    }
    std::string c(text.substr(i, n));
    if (c == "\xE2\x88\x92") c = "-";         // U+2212 minus sign
    if (c == "\xE2\x8C\x80") c = "\xC3\x98";  // U+2300 diameter sign as Ø
    out.push_back(std::move(c));
    i += n;
  }
  return out;
}

std::optional<std::vector<Token>> tokens_of(std::string_view text) {
  const auto characters = utf8_characters(text);
  std::vector<std::vector<std::string>> lines(1);
  for (const auto& c : characters) {
    if (c == "\n") {
      lines.emplace_back();
    } else {
      lines.back().push_back(c);
    }
  }
  if (lines.size() > 2) return std::nullopt;
  std::vector<Token> tokens;
  auto push = [&](const std::string& c, Track track) {
    const auto index = character_index(c);
    if (!index) return false;
    tokens.push_back({*index, track});
    return true;
  };
  if (lines.size() == 1) {
    for (const auto& c : lines[0])
      if (!push(c, Track::main)) return std::nullopt;
    return tokens;
  }
  const auto& first = lines[0];
  const auto& second = lines[1];
  const auto last_space = std::find(first.rbegin(), first.rend(), " ");
  const std::size_t lead =
      last_space != first.rend() ? static_cast<std::size_t>(first.rend() - last_space) : prefix_length(first);
  for (std::size_t i = 0; i < lead; ++i)
    if (!push(first[i], Track::main)) return std::nullopt;
  const std::size_t upper_count = first.size() - lead, lower_count = second.size();
  std::size_t u = 0, l = 0;
  while (u < upper_count || l < lower_count) {
    // Characters at fractions (k + 0.5) / count along their lines, the upper first on a tie.
    const bool take_upper =
        l == lower_count || (u < upper_count && (2.0 * u + 1) * static_cast<double>(lower_count) <=
                                                    (2.0 * l + 1) * static_cast<double>(upper_count));
    if (take_upper) {
      if (!push(first[lead + u++], Track::upper)) return std::nullopt;
    } else {
      if (!push(second[l++], Track::lower)) return std::nullopt;
    }
  }
  return tokens;
}

std::string text_of(const std::vector<Token>& tokens) {
  std::string main, upper, lower;
  const auto& a = alphabet();
  for (const Token& t : tokens) {
    const std::string& c = a[static_cast<std::size_t>(t.character)];
    (t.track == Track::main ? main : t.track == Track::upper ? upper : lower) += c;
  }
  std::string text = main + upper;
  if (!lower.empty()) text += "\n" + lower;
  return text;
}

std::optional<std::string> normalized(std::string_view text) {
  const auto tokens = tokens_of(text);
  if (!tokens) return std::nullopt;
  return text_of(*tokens);
}

}  // namespace drawlens::ocr
