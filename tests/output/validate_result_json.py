#!/usr/bin/env python3
"""Runs `drawlens analyze --json` on each input and validates every JSON result against
docs/schema/result.schema.json (JSON Schema 2020-12). Usage: validate_result_json.py CLI SCHEMA OUTDIR INPUT...
load_validator and report are shared with tests/synth/validate_synth_json.py."""
import json
import pathlib
import subprocess
import sys

import jsonschema


def load_validator(schema_path):
    schema = json.loads(pathlib.Path(schema_path).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def report(validator, document, label, detail=""):
    """Prints the first errors and a verdict line for one document; returns True when it is invalid."""
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors[:5]:
        print(f"{label}: {'/'.join(map(str, error.path))}: {error.message}")
    print(f"{label}: {'INVALID' if errors else 'valid'}{detail}")
    return bool(errors)


def main() -> int:
    cli, schema_path, out_dir, *inputs = sys.argv[1:]
    validator = load_validator(schema_path)
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    failures = 0
    for index, source in enumerate(inputs):
        target = out / f"result_{index}.json"
        subprocess.run([cli, "analyze", "--quiet", "--json", str(target), source], check=True)
        document = json.loads(target.read_text())
        failures += report(validator, document, source, f" ({len(document['pages'])} page(s))")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
