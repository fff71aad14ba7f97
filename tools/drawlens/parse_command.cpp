// `drawlens parse TEXT...`: the parse stage on text from the command line, printed as JSON.
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "commands.h"
#include "drawlens/drawlens.hpp"

namespace drawlens::cli {

std::function<int()> add_parse_command(CLI::App& app) {
  auto* command = app.add_subcommand("parse", "Parse dimension, GD&T, surface-texture or general-tolerance text");
  auto kind = std::make_shared<drawlens_parse_kind>(DRAWLENS_PARSE_AUTO);
  // The texts are the arguments as typed. A positional option would split "[25]" (a reference or
  // alternate-unit dimension) as CLI11's own list syntax, so they are taken as extras instead.
  command->allow_extras();
  command->footer(
      "Positionals:\n  TEXT ...                    Text to parse, e.g. \"Ø25 H7\", \"[25]\" or \"⌖|Ø0.2Ⓜ|A|B\"");
  const std::map<std::string, drawlens_parse_kind> kinds = {{"auto", DRAWLENS_PARSE_AUTO},
                                                            {"dimension", DRAWLENS_PARSE_DIMENSION},
                                                            {"gdt", DRAWLENS_PARSE_GDT},
                                                            {"surface", DRAWLENS_PARSE_SURFACE_TEXTURE},
                                                            {"general", DRAWLENS_PARSE_GENERAL_TOLERANCE}};
  command->add_option("--kind", *kind, "What the text is (default: auto)")
      ->transform(CLI::CheckedTransformer(kinds, CLI::ignore_case));
  return [command, kind] {
    const std::vector<std::string> texts = command->remaining();
    if (texts.empty()) {
      std::cerr << "drawlens parse: give at least one text to parse (see drawlens parse --help)\n";
      return 2;
    }
    int failures = 0;
    for (const std::string& text : texts) {
      try {
        std::cout << parse_json(text, *kind) << "\n";
      } catch (const Error& e) {
        std::cerr << "drawlens parse: " << e.what() << "\n";
        ++failures;
      }
    }
    return failures == 0 ? 0 : 1;
  };
}

}  // namespace drawlens::cli
