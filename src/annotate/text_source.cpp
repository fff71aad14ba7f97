// The names of where an item's text was read from, as the result JSON and the C ABI spell them.
#include "annotate/annotate.h"

namespace drawlens::annotate {

const char* source_name(TextSource source) {
  switch (source) {
    case TextSource::text_layer: return "text_layer";
    case TextSource::recognizer: return "recognizer";
    case TextSource::tesseract: return "tesseract";
  }
  return "text_layer";  // the default source, as the JSON writer always answered
}

}  // namespace drawlens::annotate
