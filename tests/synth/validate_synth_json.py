#!/usr/bin/env python3
"""Runs `drawlens synth` in each style and degradation and validates every truth JSON against
docs/schema/result.schema.json (JSON Schema 2020-12). Usage: validate_synth_json.py CLI SCHEMA OUTDIR"""
import json
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "output"))
from validate_result_json import load_validator, report  # noqa: E402


def main() -> int:
    cli, schema_path, out_dir = sys.argv[1:]
    validator = load_validator(schema_path)
    failures = 0
    for style, degrade in (("iso", "none"), ("asme", "none"), ("iso", "heavy")):
        target = pathlib.Path(out_dir) / f"{style}_{degrade}"
        subprocess.run([cli, "synth", "--count", "3", "--seed", "5", "--dpi", "150", "--style", style,
                        "--degrade", degrade, "--out", str(target)], check=True, stdout=subprocess.DEVNULL)
        for path in sorted(target.glob("*.json")):
            failures += report(validator, json.loads(path.read_text()), str(path))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
