// Scores a model on pages with class masks a person or another program made (the real DXF
// drawings of tools/dxf_check, any page + mask pair): every NAME.png of a directory with its
// NAME.mask.png, vectorized, labelled from the mask and classified; the figures per page and pooled.
#pragma once

#include <string>

namespace drawlens::train {

// Pages are read at the resolution their file states, `dpi` where it states none. Prints one line per
// page and the pooled figures, and writes them as JSON to directory/scores.json.
// Returns the process exit status.
int score_pages(const std::string& directory, const std::string& model_path, double dpi, int threads);

}  // namespace drawlens::train
