// Surface texture requirements (ISO 1302 / ISO 21920 / ASME Y14.36) as printed on the symbol:
//   texture := (U | L)? parameter max? ("(" level ")")? ("=" | ":")? value unit? (max | min)?
// e.g. "Ra 1.6", "Ra1,6", "U Rz 0.8", "N7", "Ra 32 µin", "Rmr(0.5) 70%".
#include <array>
#include <cctype>
#include <optional>

#include "parse/drawing_text.h"
#include "parse/parse.h"
#include "parse/surface_parameters.h"

namespace drawlens::parse {
namespace {

// ASME Y14.36 reads a bare value as Ra; accepting it is a guess about the parameter.
constexpr double kDefaultParameterPenalty = 0.1;

enum class ValueKind { height, dimensionless, ratio, grade };

struct Parameter {
  std::string_view name;
  ValueKind kind;
};

constexpr std::array<Parameter, 20> kParameters{{
    {"Ra", ValueKind::height},         {"Rz", ValueKind::height},  {"Rq", ValueKind::height},
    {"Rt", ValueKind::height},         {"Rp", ValueKind::height},  {"Rv", ValueKind::height},
    {"Rmax", ValueKind::height},       {"Rsm", ValueKind::height}, {"Rsk", ValueKind::dimensionless},
    {"Rku", ValueKind::dimensionless}, {"Rmr", ValueKind::ratio},  {"Wa", ValueKind::height},
    {"Wz", ValueKind::height},         {"Wt", ValueKind::height},  {"Pa", ValueKind::height},
    {"Pt", ValueKind::height},         {"Sa", ValueKind::height},  {"Sq", ValueKind::height},
    {"Sz", ValueKind::height},         {"N", ValueKind::grade},
}};

constexpr int kFinestGrade = 1;
constexpr int kCoarsestGrade = 12;
constexpr double kFullRatioPercent = 100.0;

bool same_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(a[k])) != std::tolower(static_cast<unsigned char>(b[k]))) return false;
  }
  return true;
}

std::optional<Parameter> parameter_named(std::string_view word) {
  for (const Parameter& parameter : kParameters) {
    if (same_ignoring_case(parameter.name, word)) return parameter;
  }
  return std::nullopt;
}

// "um" (µm and μm lex to it), "uin" (µin), and their spelled-out forms; "" for other words.
std::string_view unit_named(std::string_view word) {
  for (std::string_view um : {"um", "micron", "microns", "micrometer", "micrometers", "micrometre", "micrometres"}) {
    if (same_ignoring_case(word, um)) return "um";
  }
  for (std::string_view uin : {"uin", "microin", "microinch", "microinches"}) {
    if (same_ignoring_case(word, uin)) return "uin";
  }
  return "";
}

class TextureParser {
 public:
  TextureParser(std::string_view text, std::vector<Token> tokens) : text_(text), tokens_(std::move(tokens)) {}

  Result<SurfaceTexture> run() {
    read_limit();
    if (auto error = read_parameter()) return *error;
    if (auto error = read_level()) return *error;
    if (peek() != nullptr && (peek()->is(U'=') || peek()->is(U':'))) ++next_;
    if (auto error = read_value()) return *error;
    if (auto error = read_unit()) return *error;
    read_limit_suffix();
    if (const Token* extra = peek()) return fail("unexpected '" + std::string(text_.substr(extra->offset)) + "'");
    if (auto error = check_value()) return *error;
    return finish();
  }

 private:
  const Token* peek(std::size_t ahead = 0) const {
    return next_ + ahead < tokens_.size() ? &tokens_[next_ + ahead] : nullptr;
  }
  Error fail(const std::string& problem) const {
    return make_error(Status::parse, "surface texture '" + std::string(text_) + "': " + problem);
  }

  void read_limit() {
    if (peek() != nullptr && peek()->kind == TokenKind::word && (peek()->spelled == "U" || peek()->spelled == "L")) {
      texture_.lower_limit = peek()->spelled == "L";
      prefix_ = peek()->spelled + " ";
      ++next_;
    }
  }

  // The parameter word, possibly fused with ISO 1302's max-rule ("Ramax"); a bare value with a
  // microinch unit is ASME's default Ra.
  std::optional<Error> read_parameter() {
    const Token* word = peek();
    if (word != nullptr && word->kind == TokenKind::number && peek(1) != nullptr &&
        unit_named(peek(1)->spelled) == "uin") {
      parameter_ = Parameter{"Ra", ValueKind::height};
      texture_.confidence_penalty += kDefaultParameterPenalty;
      return std::nullopt;
    }
    if (word == nullptr || word->kind != TokenKind::word) return fail("no texture parameter (Ra, Rz, N...)");
    std::string spelled = word->spelled;
    const bool fused_max = spelled.size() > 3 && same_ignoring_case(spelled.substr(spelled.size() - 3), "max") &&
                           parameter_named(spelled.substr(0, spelled.size() - 3));
    if (fused_max) spelled.resize(spelled.size() - 3), max_rule_ = true;
    parameter_ = parameter_named(spelled);
    if (!parameter_) return fail("unknown parameter '" + word->spelled + "'");
    ++next_;
    if (!max_rule_ && peek() != nullptr && peek()->is_word("max") && peek(1) != nullptr &&
        peek(1)->kind == TokenKind::number) {
      max_rule_ = true;
      ++next_;
    }
    return std::nullopt;
  }

  // Rmr's section level: "Rmr(0.5)".
  std::optional<Error> read_level() {
    if (peek() == nullptr || !peek()->is(U'(')) return std::nullopt;
    if (parameter_->kind != ValueKind::ratio) return fail("only Rmr takes a section level in parentheses");
    if (peek(1) == nullptr || peek(1)->kind != TokenKind::number || peek(2) == nullptr || !peek(2)->is(U')')) {
      return fail("malformed section level, expected e.g. Rmr(0.5)");
    }
    level_ = "(" + peek(1)->spelled + ")";
    next_ += 3;
    return std::nullopt;
  }

  std::optional<Error> read_value() {
    const Token* value = peek();
    if (value != nullptr && value->is(U'-')) return fail("negative value");
    if (value == nullptr || value->kind != TokenKind::number) {
      return fail("no value after " + std::string(parameter_->name));
    }
    texture_.value = value->value;
    value_text_ = value->spelled;
    ++next_;
    return std::nullopt;
  }

  std::optional<Error> read_unit() {
    const Token* unit = peek();
    const ValueKind kind = parameter_->kind;
    texture_.unit = kind == ValueKind::grade ? "grade" : kind == ValueKind::ratio ? "percent" : "um";
    if (unit == nullptr || unit->is_word("max") || unit->is_word("min")) return std::nullopt;
    if (unit->is(U'%')) {
      if (kind != ValueKind::ratio) return fail("'%' belongs to Rmr only");
      ++next_;
      return std::nullopt;
    }
    const std::string_view named = unit->kind == TokenKind::word ? unit_named(unit->spelled) : "";
    if (named.empty()) return std::nullopt;
    if (kind != ValueKind::height) return fail(std::string(parameter_->name) + " takes no length unit");
    texture_.unit = std::string(named);
    ++next_;
    return std::nullopt;
  }

  void read_limit_suffix() {
    if (peek() == nullptr) return;
    if (peek()->is_word("min")) texture_.lower_limit = true, ++next_;
    if (peek() != nullptr && peek()->is_word("max") && !max_rule_) max_rule_ = true, ++next_;
  }

  std::optional<Error> check_value() const {
    const double value = texture_.value;
    if (parameter_->kind == ValueKind::grade) {
      const bool in_range = value >= kFinestGrade && value <= kCoarsestGrade;  // before any cast: no overflow
      if (!in_range || value != static_cast<int>(value)) return fail("roughness grade must be N1 to N12");
    }
    if (parameter_->kind == ValueKind::ratio && value > kFullRatioPercent) return fail("material ratio over 100%");
    return std::nullopt;
  }

  SurfaceTexture finish() {
    texture_.parameter = std::string(parameter_->name);
    const bool grade = parameter_->kind == ValueKind::grade;
    std::string normalized = prefix_ + texture_.parameter + (max_rule_ ? "max" : "") + level_;
    normalized += (grade ? "" : " ") + value_text_;
    if (texture_.unit == "uin") normalized += " \u00B5in";
    if (texture_.unit == "percent") normalized += "%";
    texture_.normalized = normalized;
    return texture_;
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  std::size_t next_ = 0;
  std::optional<Parameter> parameter_;
  bool max_rule_ = false;
  std::string prefix_;
  std::string level_;
  std::string value_text_;
  SurfaceTexture texture_;
};

}  // namespace

bool starts_with_surface_parameter(std::string_view text) {
  for (const Parameter& parameter : kParameters) {
    if (text.substr(0, parameter.name.size()) != parameter.name) continue;
    const char next = text.size() > parameter.name.size() ? text[parameter.name.size()] : '\0';
    const bool digit = next >= '0' && next <= '9';
    if (digit || (parameter.kind != ValueKind::grade && (next == ' ' || next == '='))) return true;
  }
  return false;
}

Result<SurfaceTexture> parse_surface_texture(std::string_view text) {
  auto lexed = lex_drawing_text(text);
  if (!lexed) return make_error(Status::parse, "surface texture: " + lexed.error().message);
  if (lexed.value().tokens.empty()) return make_error(Status::parse, "surface texture: empty text");
  const double lexer_penalty = lexed.value().repair_penalty;
  auto texture = TextureParser(text, std::move(lexed).value().tokens).run();
  if (texture) texture.value().confidence_penalty += lexer_penalty;
  return texture;
}

}  // namespace drawlens::parse
