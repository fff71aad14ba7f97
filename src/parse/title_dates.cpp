// Title-block dates to ISO 8601: year first ("2026-11-24", "2026/11/24", "2026.11.24", "2026년 11월
// 24일"), day first with dots ("24.11.2026"), month names ("24-Nov-2026", "Nov 24, 2026",
// "24. März 2026"), and slashes or dashes with the year last when day and month can be told apart.
#include <array>
#include <cstdio>

#include "parse/title_labels.h"

namespace drawlens::parse {
namespace {

constexpr int kEarliestYear = 1900;
constexpr int kLatestYear = 2199;
// Two-digit years: below the pivot they are 20xx, from it 19xx ("24.11.26" is 2026).
constexpr int kCenturyPivot = 70;

struct DatePart {
  bool is_month = false;
  int value = 0;
  int digits = 0;
  char separator_before = ' ';  // the first non-space separator since the previous part
};

struct MonthName {
  std::string_view name;
  int month;
};

constexpr std::array<MonthName, 20> kMonths{{
    {"january", 1},  {"februar", 2},  {"february", 2},  {"march", 3},     {"maerz", 3},
    {"mrz", 3},      {"april", 4},    {"may", 5},       {"mai", 5},       {"june", 6},
    {"juni", 6},     {"july", 7},     {"juli", 7},      {"august", 8},    {"september", 9},
    {"october", 10}, {"oktober", 10}, {"november", 11}, {"december", 12}, {"dezember", 12},
}};

// Full names and abbreviations of at least three letters ("Nov", "Sept", "Dez", "Mär").
int month_named(std::string_view word) {
  for (const MonthName& month : kMonths) {
    if (word == month.name || (word.size() >= 3 && month.name.substr(0, word.size()) == word)) return month.month;
  }
  return 0;
}

bool is_korean_date_unit(std::string_view rest) {
  return rest.substr(0, 3) == "\uB144" || rest.substr(0, 3) == "\uC6D4" || rest.substr(0, 3) == "\uC77C";  // 년 월 일
}

Error date_error(std::string_view text, const std::string& problem) {
  return make_error(Status::parse, "date '" + std::string(text) + "': " + problem);
}

Result<std::vector<DatePart>> date_parts(std::string_view folded, std::string_view text) {
  std::vector<DatePart> parts;
  char separator = ' ';
  for (std::size_t i = 0; i < folded.size();) {
    const char c = folded[i];
    const std::size_t start = i;
    if (c >= '0' && c <= '9') {
      while (i < folded.size() && folded[i] >= '0' && folded[i] <= '9') ++i;
      if (i - start > 4) return date_error(text, "number too long for a date");
      parts.push_back(
          {false, std::stoi(std::string(folded.substr(start, i - start))), static_cast<int>(i - start), separator});
      separator = ' ';
    } else if (c >= 'a' && c <= 'z') {
      while (i < folded.size() && folded[i] >= 'a' && folded[i] <= 'z') ++i;
      const int month = month_named(folded.substr(start, i - start));
      if (month == 0) return date_error(text, "unknown word '" + std::string(folded.substr(start, i - start)) + "'");
      parts.push_back({true, month, 0, separator});
      separator = ' ';
    } else if (std::string_view(" .,/-").find(c) != std::string_view::npos || is_korean_date_unit(folded.substr(i))) {
      if (separator == ' ') separator = c == ' ' ? ' ' : static_cast<char>(c < 0 ? '.' : c);
      i += c < 0 ? 3 : 1;
    } else {
      return date_error(text, "unexpected character at byte " + std::to_string(i));
    }
  }
  return parts;
}

struct CalendarDate {
  int year = 0;
  int month = 0;
  int day = 0;
  int year_digits = 4;
};

// Day and month of "a/b/yyyy": told apart only when one of them exceeds 12 (or both are equal).
Result<CalendarDate> day_and_month(const DatePart& a, const DatePart& b, const DatePart& year, std::string_view text) {
  if (b.separator_before == '.' || a.value == b.value) return CalendarDate{year.value, b.value, a.value, year.digits};
  if (a.value > 12 && b.value <= 12) return CalendarDate{year.value, b.value, a.value, year.digits};
  if (b.value > 12 && a.value <= 12) return CalendarDate{year.value, a.value, b.value, year.digits};
  if (a.value <= 12 && b.value <= 12) {
    return date_error(text, "ambiguous: " + std::to_string(a.value) + " and " + std::to_string(b.value) +
                                " could each be the day or the month; write YYYY-MM-DD or DD.MM.YYYY");
  }
  return date_error(text, "no month in it");
}

Result<CalendarDate> arrange(const std::vector<DatePart>& parts, std::string_view text) {
  int months = 0;
  for (const DatePart& part : parts) months += part.is_month ? 1 : 0;
  if (parts.size() != 3 || months > 1) return date_error(text, "expected day, month and year");
  const DatePart& a = parts[0];
  const DatePart& b = parts[1];
  const DatePart& c = parts[2];
  if (months == 0 && a.digits == 4) return CalendarDate{a.value, b.value, c.value, 4};
  if (months == 0 && a.digits <= 2 && b.digits <= 2) {
    return day_and_month(a, b, c, text);
  }
  if (b.is_month && a.digits == 4) return CalendarDate{a.value, b.value, c.value, 4};
  if (b.is_month && a.digits <= 2) return CalendarDate{c.value, b.value, a.value, c.digits};
  if (a.is_month && b.digits <= 2) return CalendarDate{c.value, a.value, b.value, c.digits};
  return date_error(text, "expected day, month and year");
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

}  // namespace

Result<std::string> parse_date(std::string_view text) {
  const std::string_view value = title::strip_label(text, TitleKey::date);
  if (value.empty()) return date_error(text, "no date");
  auto parts = date_parts(title::fold_letters(value), text);
  if (!parts) return parts.error();
  auto arranged = arrange(parts.value(), text);
  if (!arranged) return arranged.error();
  CalendarDate date = arranged.value();
  if (date.year_digits == 2) date.year += date.year < kCenturyPivot ? 2000 : 1900;
  if (date.year_digits != 2 && date.year_digits != 4) return date_error(text, "the year needs 4 digits");
  if (date.year < kEarliestYear || date.year > kLatestYear) return date_error(text, "year out of range 1900-2199");
  if (date.month < 1 || date.month > 12) return date_error(text, "month out of range");
  if (date.day < 1 || date.day > days_in_month(date.year, date.month))
    return date_error(text, "no such day in that month");
  char iso[48];  // room for any int the compiler cannot rule out
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", date.year, date.month, date.day);
  return std::string(iso);
}

}  // namespace drawlens::parse
