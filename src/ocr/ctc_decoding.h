// CTC decoding of the recognizer's column distributions: greedy (best token per column) or prefix
// beam search, then a forced alignment of the chosen tokens that says where each character peaks,
// how sure the network is of it, and what else it could be.
#pragma once

#include <vector>

#include "ocr/alphabet.h"
#include "ocr/ocr.h"

namespace drawlens::ocr {

// log_probabilities: row-major [columns][1 + characters * kTrackCount] (joint_log_probabilities of
// one crop, its own columns only). Blank is index 0.
struct ColumnDistributions {
  const float* log_probabilities = nullptr;
  int columns = 0;
  int tokens = 0;  // 1 + characters * kTrackCount
};

std::vector<Token> greedy_tokens(const ColumnDistributions& d);
std::vector<Token> beam_tokens(const ColumnDistributions& d, int beam_width);

// The reading of `tokens`: text, per-character confidence (the probability of the token at the
// column the best CTC alignment puts it) and, for characters below alternatives_below, up to three
// other characters with their probabilities at that column. The reading's confidence is the
// lowest character's (1 for an empty reading of a column run that is all blank).
Reading reading_of(const ColumnDistributions& d, const std::vector<Token>& tokens, double alternatives_below);

}  // namespace drawlens::ocr
