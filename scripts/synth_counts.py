#!/usr/bin/env python3
"""Counts what a `drawlens synth` set holds, per category, from its truth JSON files.

Usage: scripts/synth_counts.py DIR    (prints a Markdown table; the figures docs/synth.md and the
session notes quote come from it)
"""
import collections
import json
import pathlib
import re
import sys


def main() -> int:
    if len(sys.argv) != 2 or not pathlib.Path(sys.argv[1]).is_dir():
        print(__doc__, file=sys.stderr)
        return 2
    counts = collections.Counter()
    for path in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        counts["drawings"] += 1
        message = document["diagnostics"][0]["message"]
        part = re.search(r"part (\w+)", message)
        views = re.search(r"views ([\w+]+)", message)
        if part:
            counts["part " + part.group(1)] += 1
        if views:
            counts[f"{len(views.group(1).split('+'))} view(s)"] += 1
        for page in document["pages"]:
            for key in ("dimensions", "gdt_frames", "datum_features", "surface_finishes", "notes", "title_fields"):
                counts[key] += len(page.get(key, []))
            for dimension in page.get("dimensions", []):
                counts["dimension " + dimension.get("size_type", "?")] += 1
                counts["tolerance " + (dimension.get("tolerance") or {}).get("kind", "none")] += 1
            for frame in page.get("gdt_frames", []):
                rows = len(frame.get("segments", []))
                counts["frames with %d row(s)" % rows] += 1
            tables = page.get("layout", {}).get("tables", [])
            counts["tables"] += len(tables)
            counts["drawings with a table"] += bool(tables)
            for segment in page.get("segments", []):
                counts["segments"] += 1
                counts["segment " + segment["class"]] += 1
    print("| category | count |\n|---|---|")
    for key in sorted(counts, key=lambda k: (k.split(" ")[0], -counts[k])):
        print(f"| {key} | {counts[key]:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
