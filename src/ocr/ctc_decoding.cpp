// Greedy and prefix-beam CTC decoding, and the forced alignment behind the confidences
// (ctc_decoding.h).
#include "ocr/ctc_decoding.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace drawlens::ocr {
namespace {

constexpr float kMinusInfinity = -std::numeric_limits<float>::infinity();
constexpr int kTokensPerColumn = 8;  // beam search extends only the likeliest tokens of a column
constexpr int kAlternatives = 3;

int token_id(const Token& t) {
  return 1 + t.character * kTrackCount + static_cast<int>(t.track);
}
Token token_of(int id) {
  return {(id - 1) / kTrackCount, static_cast<Track>((id - 1) % kTrackCount)};
}

float log_add(float a, float b) {
  if (a == kMinusInfinity) return b;
  if (b == kMinusInfinity) return a;
  const float high = std::max(a, b);
  return high + std::log1p(std::exp(std::min(a, b) - high));
}

const float* column(const ColumnDistributions& d, int t) {
  return d.log_probabilities + static_cast<std::ptrdiff_t>(t) * d.tokens;
}

// The columns the most likely CTC alignment of `ids` gives each id (Viterbi over the usual
// blank-interleaved state sequence); each id's column is where its state is most probable.
std::vector<int> aligned_columns(const ColumnDistributions& d, const std::vector<int>& ids) {
  const int states = 2 * static_cast<int>(ids.size()) + 1;
  std::vector<float> score(static_cast<std::size_t>(states), kMinusInfinity), next(score.size());
  std::vector<std::vector<int>> from(static_cast<std::size_t>(d.columns), std::vector<int>(score.size(), -1));
  auto label = [&](int s) { return s % 2 == 0 ? 0 : ids[static_cast<std::size_t>(s / 2)]; };
  score[0] = column(d, 0)[0];
  if (states > 1) score[1] = column(d, 0)[label(1)];
  for (int t = 1; t < d.columns; ++t) {
    const float* p = column(d, t);
    for (int s = 0; s < states; ++s) {
      float best = score[static_cast<std::size_t>(s)];
      int origin = s;
      if (s >= 1 && score[static_cast<std::size_t>(s - 1)] > best)
        best = score[static_cast<std::size_t>(s - 1)], origin = s - 1;
      if (s >= 2 && s % 2 == 1 && label(s) != label(s - 2) && score[static_cast<std::size_t>(s - 2)] > best)
        best = score[static_cast<std::size_t>(s - 2)], origin = s - 2;
      next[static_cast<std::size_t>(s)] = best == kMinusInfinity ? kMinusInfinity : best + p[label(s)];
      from[static_cast<std::size_t>(t)][static_cast<std::size_t>(s)] = origin;
    }
    std::swap(score, next);
  }
  int s = states - 1;
  if (states > 1 && score[static_cast<std::size_t>(states - 2)] > score[static_cast<std::size_t>(s)]) s = states - 2;
  std::vector<int> best_column(ids.size(), 0);
  std::vector<float> best_probability(ids.size(), kMinusInfinity);
  for (int t = d.columns - 1; t >= 0 && s >= 0; --t) {
    if (s % 2 == 1) {
      const auto k = static_cast<std::size_t>(s / 2);
      const float p = column(d, t)[label(s)];
      if (p > best_probability[k]) best_probability[k] = p, best_column[k] = t;
    }
    if (t > 0) s = from[static_cast<std::size_t>(t)][static_cast<std::size_t>(s)];
  }
  return best_column;
}

struct Beam {
  float blank = kMinusInfinity;      // ends in a blank
  float non_blank = kMinusInfinity;  // ends in its last token
  float total() const { return log_add(blank, non_blank); }
};

}  // namespace

std::vector<Token> greedy_tokens(const ColumnDistributions& d) {
  std::vector<Token> tokens;
  int previous = 0;
  for (int t = 0; t < d.columns; ++t) {
    const float* p = column(d, t);
    const int best = static_cast<int>(std::max_element(p, p + d.tokens) - p);
    if (best != 0 && best != previous) tokens.push_back(token_of(best));
    previous = best;
  }
  return tokens;
}

std::vector<Token> beam_tokens(const ColumnDistributions& d, int beam_width) {
  std::map<std::vector<int>, Beam> beams;
  beams[{}].blank = 0;
  std::vector<int> order(static_cast<std::size_t>(d.tokens));
  for (int t = 0; t < d.columns; ++t) {
    const float* p = column(d, t);
    for (int i = 0; i < d.tokens; ++i) order[static_cast<std::size_t>(i)] = i;
    const int considered = std::min(kTokensPerColumn, d.tokens);
    std::partial_sort(order.begin(), order.begin() + considered, order.end(),
                      [&](int a, int b) { return p[a] > p[b]; });
    std::map<std::vector<int>, Beam> next;
    for (const auto& [prefix, beam] : beams) {
      const float total = beam.total();
      next[prefix].blank = log_add(next[prefix].blank, total + p[0]);
      if (!prefix.empty()) next[prefix].non_blank = log_add(next[prefix].non_blank, beam.non_blank + p[prefix.back()]);
      for (int k = 0; k < considered; ++k) {
        const int id = order[static_cast<std::size_t>(k)];
        if (id == 0) continue;
        std::vector<int> extended = prefix;
        extended.push_back(id);
        // Repeating the last token needs a blank between: only the blank-ending mass extends it.
        const float from = !prefix.empty() && prefix.back() == id ? beam.blank : total;
        next[extended].non_blank = log_add(next[extended].non_blank, from + p[id]);
      }
    }
    std::vector<std::pair<float, const std::vector<int>*>> ranked;
    for (const auto& [prefix, beam] : next) ranked.emplace_back(beam.total(), &prefix);
    const auto keep = std::min<std::size_t>(static_cast<std::size_t>(beam_width), ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    std::map<std::vector<int>, Beam> kept;
    for (std::size_t i = 0; i < keep; ++i) kept.emplace(*ranked[i].second, next.at(*ranked[i].second));
    beams = std::move(kept);
  }
  const auto best = std::max_element(beams.begin(), beams.end(),
                                     [](const auto& a, const auto& b) { return a.second.total() < b.second.total(); });
  std::vector<Token> tokens;
  for (int id : best->first) tokens.push_back(token_of(id));
  return tokens;
}

Reading reading_of(const ColumnDistributions& d, const std::vector<Token>& tokens, double alternatives_below) {
  Reading reading;
  reading.source = ReadingSource::recognizer;
  const auto& a = alphabet();
  // Spaces at either end (a gap before a crop's first glyph) are no part of the text.
  const auto space = [&a](const Token& t) { return a[static_cast<std::size_t>(t.character)] == " "; };
  std::size_t first = 0, last = tokens.size();
  while (first < last && space(tokens[first])) ++first;
  while (last > first && space(tokens[last - 1])) --last;
  reading.text = text_of(std::vector<Token>(tokens.begin() + static_cast<std::ptrdiff_t>(first),
                                            tokens.begin() + static_cast<std::ptrdiff_t>(last)));
  reading.confidence = 1.0;
  if (first == last || d.columns == 0) return reading;
  std::vector<int> ids;
  for (const Token& t : tokens) ids.push_back(token_id(t));
  const auto columns = aligned_columns(d, ids);
  const int characters = (d.tokens - 1) / kTrackCount;
  for (std::size_t i = first; i < last; ++i) {
    const float* p = column(d, columns[i]);
    CharacterReading c;
    c.character = a[static_cast<std::size_t>(tokens[i].character)];
    c.track = tokens[i].track;
    c.column = columns[i];
    c.confidence = std::exp(p[ids[i]]);
    if (c.confidence < alternatives_below) {
      // Characters by their probability summed over the tracks.
      std::vector<std::pair<double, int>> others;
      for (int k = 0; k < characters; ++k) {
        if (k == tokens[i].character) continue;
        double sum = 0;
        for (int track = 0; track < kTrackCount; ++track) sum += std::exp(p[1 + k * kTrackCount + track]);
        others.emplace_back(sum, k);
      }
      const auto n = std::min<std::size_t>(kAlternatives, others.size());
      std::partial_sort(others.begin(), others.begin() + static_cast<std::ptrdiff_t>(n), others.end(),
                        [](const auto& x, const auto& y) { return x.first > y.first; });
      for (std::size_t k = 0; k < n; ++k)
        c.alternatives.push_back({a[static_cast<std::size_t>(others[k].second)], others[k].first});
    }
    reading.confidence = std::min(reading.confidence, c.confidence);
    reading.characters.push_back(std::move(c));
  }
  return reading;
}

}  // namespace drawlens::ocr
