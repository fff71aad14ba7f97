"""The package's promises beyond analysis: typed results with the JSON's values, to_dict/to_json,
one exception class per status under its category, the GIL released while drawlens works, stubs
that name everything, and the Dask batch example."""
import ast
import csv
import json
import os
import shutil
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

import drawlens

SAMPLE = os.environ["DRAWLENS_SAMPLE"]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
STUBS = os.path.join(ROOT, "bindings", "python", "drawlens", "_drawlens.pyi")


@pytest.fixture(scope="module")
def sample_result():
    return drawlens.Pipeline(dpi=100).analyze_file(SAMPLE)


def test_dimensions_carry_the_json_values(sample_result):
    page = sample_result.page(0)
    data = sample_result.to_dict()["pages"][0]["dimensions"]
    assert page.dimensions and len(page.dimensions) == len(data)
    for typed, plain in zip(page.dimensions, data):
        assert typed.text == plain["text"]
        assert typed.nominal == pytest.approx(plain["nominal"])
        assert typed.size_type == plain["size_type"]
        assert typed.unit == plain["unit"]
        assert typed.tolerance_kind == plain["tolerance"]["kind"]
        assert typed.flags == plain.get("flags", [])
        limits = plain["tolerance"].get("limits")
        if limits:
            assert (typed.lower, typed.upper) == (pytest.approx(limits["lower"]), pytest.approx(limits["upper"]))
            assert typed.lower <= typed.nominal <= typed.upper or typed.tolerance_kind in ("max", "min")
        else:
            assert typed.upper is None and typed.lower is None
        fit = plain["tolerance"].get("fit", {})
        assert typed.fit == ("/".join(v for v in (fit.get("hole"), fit.get("shaft")) if v) or None)
        x, y, w, h = typed.box
        assert typed.polygon == [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    assert any(d.upper is not None for d in page.dimensions), "the sample has toleranced dimensions"


def test_to_dict_and_to_json_round_trip(sample_result):
    page = sample_result.page(0)
    as_dict = page.to_dict()
    assert as_dict["index"] == 0 and len(as_dict["dimensions"]) == len(page.dimensions)
    assert json.loads(page.to_json()) == json.loads(json.dumps(as_dict))
    first = page.dimensions[0]
    assert first.to_dict()["polygon"] == [list(p) for p in first.polygon]
    assert json.loads(first.to_json(indent=2))["text"] == first.text
    assert json.loads(sample_result.to_json()) == sample_result.to_dict()


def test_each_status_has_a_class_under_its_category():
    assert issubclass(drawlens.DecodeError, drawlens.InputError)
    assert issubclass(drawlens.UnsupportedFormatError, drawlens.InputError)
    assert issubclass(drawlens.LimitExceededError, drawlens.LimitError)
    assert issubclass(drawlens.IoError, drawlens.EnvironmentError)
    assert issubclass(drawlens.ModelError, drawlens.EnvironmentError)
    assert issubclass(drawlens.InvalidArgumentError, drawlens.CallerError)
    assert issubclass(drawlens.OutOfMemoryError, drawlens.ResourceError)
    assert issubclass(drawlens.InputError, drawlens.Error) and issubclass(drawlens.Error, RuntimeError)
    with pytest.raises(drawlens.IoError) as missing:
        drawlens.analyze("/no/such/drawing.pdf")
    assert missing.value.status == "DRAWLENS_IO"
    with pytest.raises(drawlens.UnsupportedFormatError):
        drawlens.Pipeline().analyze_bytes(b"not a drawing at all")
    with open(SAMPLE, "rb") as f:
        truncated = f.read()[:2000]
    with pytest.raises((drawlens.DecodeError, drawlens.TruncatedError)):
        drawlens.Pipeline().analyze_bytes(truncated)
    with pytest.raises(drawlens.EmptyInputError):
        drawlens.Pipeline().analyze_bytes(b"")
    with pytest.raises(drawlens.InvalidArgumentError):
        drawlens.Pipeline(dpi=1)
    with pytest.raises(drawlens.ParseError):
        drawlens.parse("25 1", kind="dimension")
    with pytest.raises(drawlens.CancelledError):
        drawlens.analyze(SAMPLE, dpi=100, timeout_ms=1e-6)


def test_the_gil_is_released_while_drawlens_works():
    """The main thread keeps running Python while another thread analyses a page: iterations are
    counted in the middle half of the analysis, where a thread holding the GIL would allow none."""
    page = np.full((1700, 2400), 255, dtype=np.uint8)
    for k in range(0, 1700, 40):
        page[k:k + 2, 100:2300] = 0
    pipeline = drawlens.Pipeline()
    window = {}

    def analyse():
        window["enter"] = time.perf_counter()
        pipeline.analyze_array(page, dpi=200)
        window["exit"] = time.perf_counter()

    worker = threading.Thread(target=analyse)
    ticks = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
    worker.join()
    span = window["exit"] - window["enter"]
    middle = [t for t in ticks if window["enter"] + span / 4 < t < window["exit"] - span / 4]
    assert span > 0.02, "the analysis was too short to tell (%.3f s)" % span
    assert len(middle) > 100, "the main thread ran %d times in %.3f s of analysis" % (len(middle), span / 2)


def test_progress_is_reported_per_stage_and_page():
    seen = []
    result = drawlens.Pipeline(dpi=100).analyze_file(SAMPLE, progress=seen.append)
    assert seen and len(seen) == seen[0].steps_total
    assert sorted(p.steps_done for p in seen) == list(range(1, len(seen) + 1))
    assert {p.page for p in seen} == set(range(result.page_count))
    assert {"layout", "annotate"} <= {p.stage for p in seen}
    assert seen[0].to_dict()["page_count"] == result.page_count

    def broken(_):
        raise ValueError("a host bug")
    assert drawlens.Pipeline(dpi=100).analyze_file(SAMPLE, progress=broken).page_count == result.page_count


def test_stubs_name_everything_the_module_has():
    tree = ast.parse(open(STUBS).read())
    stub_names = {node.name for node in tree.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))}
    stub_names |= {t.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                   for t in (node.targets if isinstance(node, ast.Assign) else [node.target])}
    module = drawlens._drawlens
    public = {name for name in dir(module) if not name.startswith("__")}
    aliases = {"Box", "Polygon", "Pixels", "FeatureLike", "ProgressCallback"}
    stub_names = {name for name in stub_names if not name.startswith("__")}
    assert public - stub_names == set(), "in the module but not in the stubs"
    assert stub_names - aliases - public == set(), "in the stubs but not in the module"
    for node in tree.body:
        if not isinstance(node, ast.ClassDef) or issubclass(getattr(module, node.name), BaseException):
            continue
        cls = getattr(module, node.name)
        members = {n for n in vars(cls) if not n.startswith("_")} | {"to_dict", "to_json"} & set(dir(cls))
        stubbed = {item.target.id for item in node.body if isinstance(item, ast.AnnAssign)}
        stubbed |= {item.name for item in node.body if isinstance(item, ast.FunctionDef)}
        assert members - stubbed == set(), "%s: not in the stubs" % node.name
        assert stubbed - members - {"__init__"} == set(), "%s: stubbed but absent" % node.name


def test_dask_batch_example_runs_one_pipeline_per_worker(tmp_path):
    pytest.importorskip("distributed", reason="scripts/install-deps.sh installs Debian's python3-distributed")
    drawings = tmp_path / "drawings"
    drawings.mkdir()
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        shutil.copy(SAMPLE, drawings / name)
    (drawings / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    out = tmp_path / "out"
    example = os.path.join(ROOT, "examples", "python", "dask_batch.py")
    run = subprocess.run([sys.executable, example, str(drawings), str(out), "--workers", "2", "--dpi", "100"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    with open(out / "summary.csv") as f:
        rows = {row["file"]: row for row in csv.DictReader(f)}
    assert set(rows) == {"a.pdf", "b.pdf", "c.pdf", "broken.png"}
    assert rows["broken.png"]["status"].startswith("DRAWLENS_") and rows["broken.png"]["error"]
    for name in ("a", "b", "c"):
        assert rows[name + ".pdf"]["status"] == "ok" and int(rows[name + ".pdf"]["dimensions"]) > 0
        assert json.load(open(out / (name + ".json")))["pages"]
    pipelines_per_worker = {}
    for row in rows.values():
        pipelines_per_worker.setdefault(row["worker"], set()).add(row["pipeline"])
    assert all(len(p) == 1 for p in pipelines_per_worker.values()), pipelines_per_worker
