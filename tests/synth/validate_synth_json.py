#!/usr/bin/env python3
"""Runs `drawlens synth` in each style and degradation and validates every truth JSON against
docs/schema/result.schema.json (JSON Schema 2020-12). Usage: validate_synth_json.py CLI SCHEMA OUTDIR"""
import json
import pathlib
import subprocess
import sys

import jsonschema


def main() -> int:
    cli, schema_path, out_dir = sys.argv[1:]
    schema = json.loads(pathlib.Path(schema_path).read_text())
    validator = jsonschema.Draft202012Validator(schema)
    failures = 0
    for style, degrade in (("iso", "none"), ("asme", "none"), ("iso", "heavy")):
        target = pathlib.Path(out_dir) / f"{style}_{degrade}"
        subprocess.run([cli, "synth", "--count", "3", "--seed", "5", "--dpi", "150", "--style", style,
                        "--degrade", degrade, "--out", str(target)], check=True, stdout=subprocess.DEVNULL)
        for path in sorted(target.glob("*.json")):
            errors = sorted(validator.iter_errors(json.loads(path.read_text())), key=lambda e: list(e.path))
            for error in errors[:5]:
                print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
            failures += bool(errors)
            print(f"{path}: {'INVALID' if errors else 'valid'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
