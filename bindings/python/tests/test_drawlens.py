"""Tests of the Python module against the bundled sample drawing and bad input."""
import os

import numpy as np
import pytest

import drawlens

SAMPLE = os.environ["DRAWLENS_SAMPLE"]
MODELS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))),
                      "models")


def test_analyze_returns_schema_shaped_dicts():
    result = drawlens.analyze(SAMPLE, dpi=150)
    assert result["schema_version"] == "1.0.0"
    page = result["pages"][0]
    assert page["dpi"] == 150
    assert page["layout"]["title_block"] is not None
    texts = " ".join(c.get("text", "") for c in page["layout"]["title_block"]["cells"])
    assert "Micro_Vu-4.20" in texts


def test_pipeline_on_numpy_pixels():
    page = np.full((600, 800), 255, dtype=np.uint8)
    page[30:33, 30:770] = 0
    page[567:570, 30:770] = 0
    page[30:570, 30:33] = 0
    page[30:570, 767:770] = 0
    result = drawlens.Pipeline().analyze_array(page, dpi=100)
    assert result.page_count == 1
    data = result.to_dict()
    assert data["pages"][0]["width"] == 800
    assert data["pages"][0]["dpi_source"] == "caller"
    assert data["pages"][0]["detections"] == [] and result.page(0).detections == []  # a frame, no annotations


def test_bytes_and_overlay():
    with open(SAMPLE, "rb") as f:
        data = f.read()
    result = drawlens.Pipeline(dpi=100, keep_page_images=True).analyze_bytes(data)
    assert result.overlay_png(0)[:4] == b"\x89PNG"


def test_errors_raise_drawlens_error_with_status():
    with pytest.raises(drawlens.Error, match="DRAWLENS_IO"):
        drawlens.analyze("/no/such/drawing.pdf")
    with pytest.raises(drawlens.Error, match="DRAWLENS_UNSUPPORTED_FORMAT"):
        drawlens.Pipeline().analyze_bytes(b"not a drawing at all")
    with pytest.raises(drawlens.Error, match="pdf_dpi"):
        drawlens.Pipeline(dpi=1)
    with pytest.raises(ValueError):
        drawlens.Pipeline().analyze_array(np.zeros((4, 4, 2), dtype=np.uint8))


def test_parse_gives_meaning_of_text():
    fit = drawlens.parse("Ø25 H7")
    assert fit["kind"] == "dimension"
    assert fit["tolerance"]["upper"] == pytest.approx(0.021)
    assert fit["tolerance"]["lower"] == 0
    frame = drawlens.parse("⌖|⌀0.20Ⓜ|A|BⓂ")
    assert frame["characteristic"] == "position"
    assert [d["label"] for d in frame["segments"][0]["datums"]] == ["A", "B"]
    assert drawlens.parse("ISO 2768-mK", kind="general")["class"] == "m"
    assert drawlens.parse("ISO 2768-mK")["kind"] == "general_tolerance"
    assert drawlens.parse("DEBURR ALL EDGES")["kind"] == "note"
    assert drawlens.iso286_limits(25, "g6") == pytest.approx((-0.007, -0.020))
    with pytest.raises(drawlens.Error, match="DRAWLENS_PARSE.*ambiguous"):
        drawlens.parse("25 1", kind="dimension")
    with pytest.raises(ValueError):
        drawlens.parse("25", kind="nonsense")


def test_analyze_reads_dimensions_from_vector_pdf():
    data = drawlens.analyze(SAMPLE, dpi=100)
    page = data["pages"][0]
    texts = [d["text"] for d in page["dimensions"]]
    assert "60.00 ±0.10" in texts  # as printed: the PDF has a gap before ±
    stacked = next(d for d in page["dimensions"] if d["text"].startswith("4.00"))
    assert stacked["tolerance"]["upper"] == pytest.approx(0.10)
    assert stacked["tolerance"]["lower"] == pytest.approx(-0.20)
    keys = {f["key"]: f["value"] for f in page["title_fields"]}
    assert keys["drawing_number"] == "Micro_Vu-4.20"


def test_gpu_probe_answers_with_or_without_a_gpu():
    report = drawlens.gpu_probe()
    assert report["schema"] == "drawlens.gpu/1"
    assert any(c["name"] == "OpenCV" and c["linked"] for c in report["software"])
    assert report["verdict"]
    if report["usable_devices"] == 0:
        assert report["reason"].startswith("no CUDA device: ")


def test_timeout_stops_an_analysis_with_cancelled():
    with pytest.raises(drawlens.Error, match="DRAWLENS_CANCELLED.*deadline"):
        drawlens.analyze(SAMPLE, dpi=100, timeout_ms=1e-6)
    pipeline = drawlens.Pipeline(dpi=100)
    with pytest.raises(drawlens.Error, match="DRAWLENS_CANCELLED"):
        pipeline.analyze_file(SAMPLE, timeout_ms=1e-6)
    assert pipeline.analyze_file(SAMPLE, timeout_ms=60000) is not None


def test_errors_are_grouped_by_category():
    with pytest.raises(drawlens.EnvironmentError) as missing:
        drawlens.analyze("/no/such/drawing.pdf")
    assert missing.value.status == "DRAWLENS_IO"
    assert missing.value.category == "environment"
    assert isinstance(missing.value, drawlens.Error)
    with pytest.raises(drawlens.InputError, match="DRAWLENS_UNSUPPORTED_FORMAT"):
        drawlens.Pipeline().analyze_bytes(b"not a drawing at all")
    with pytest.raises(drawlens.CallerError, match="pdf_dpi"):
        drawlens.Pipeline(dpi=1)
    with pytest.raises(drawlens.CallerError, match="/no/models/here"):
        drawlens.Pipeline(model_directory="/no/models/here")
    with pytest.raises(drawlens.InputError, match="DRAWLENS_PARSE"):
        drawlens.parse("25 1", kind="dimension")


def test_typed_pages_carry_what_the_json_carries():
    result = drawlens.Pipeline(dpi=100, model_directory=MODELS).analyze_file(SAMPLE)
    page = result.page(0)
    data = result.to_dict()["pages"][0]
    assert len(page.dimensions) == len(data["dimensions"])
    assert len(page.title_fields) == len(data["title_fields"])
    assert len(page.surface_finishes) == len(data["surface_finishes"]) == 1
    finish = page.surface_finishes[0]
    assert finish.parameter == data["surface_finishes"][0]["parameter"]
    assert finish.value == pytest.approx(data["surface_finishes"][0]["value"])
    assert finish.box == tuple(data["surface_finishes"][0]["box"])
    assert finish.source == "text_layer"
    assert [n.text for n in page.notes] == [n["text"] for n in data["notes"]]
    assert page.general_tolerance is None and data["general_tolerance"] is None
    assert all(d.source == "text_layer" for d in page.dimensions)
    assert len(result.pages()) == result.page_count
    assert page.detections == [] and "detections" not in data  # the text layer is read, not detected


def test_datum_feature_symbols_are_listed_with_their_label():
    drawing = os.path.join(os.path.dirname(MODELS), "tests", "data", "real", "edocr2_Aufspannung.PDF")
    result = drawlens.Pipeline(model_directory=MODELS).analyze_file(drawing)
    page = result.page(0)
    data = result.to_dict()["pages"][0]
    assert [d.label for d in page.datum_features] == [d["label"] for d in data["datum_features"]] == ["A"]
    datum = page.datum_features[0]
    assert datum.box == tuple(data["datum_features"][0]["box"])
    assert datum.source == "text_layer"
    assert datum.to_dict()["label"] == "A"


def test_detector_without_its_model_raises_a_model_error(tmp_path):
    with pytest.raises(drawlens.Error, match="detector.dlmodel") as missing:
        drawlens.Detector(model_directory=str(tmp_path))
    assert missing.value.status == "DRAWLENS_MODEL"


def test_ocr_engine_without_its_model_raises_a_model_error(tmp_path):
    with pytest.raises(drawlens.Error, match="recognizer.dlmodel") as missing:
        drawlens.OcrEngine(model_directory=str(tmp_path))
    assert missing.value.status == "DRAWLENS_MODEL"


@pytest.mark.skipif(not os.path.exists(os.path.join(MODELS, "recognizer.dlmodel")),
                    reason="models/recognizer.dlmodel is not committed")
def test_ocr_engine_reads_blank_crops_as_nothing_and_refuses_bad_modes():
    engine = drawlens.OcrEngine(model_directory=MODELS)
    blank = np.full((24, 80), 255, dtype=np.uint8)
    readings = engine.read([blank, np.full((30, 120, 3), 255, dtype=np.uint8)], mode="recognizer")
    assert [r.text for r in readings] == ["", ""]
    assert readings[0].source == "recognizer"
    assert readings[0].to_dict()["text"] == ""
    with pytest.raises(ValueError):
        engine.read([blank], mode="guess")
    with pytest.raises(drawlens.CallerError, match="dpi"):
        engine.read([blank], dpi=0)


@pytest.mark.skipif(not os.path.exists(os.path.join(MODELS, "detector.dlmodel")),
                    reason="models/detector.dlmodel is not in this tree")
def test_detector_finds_nothing_on_blank_paper_and_refuses_a_bad_dpi():
    detector = drawlens.Detector(model_directory=MODELS)
    assert detector.detect(np.full((800, 1200), 255, dtype=np.uint8), dpi=150) == []
    with pytest.raises(drawlens.CallerError, match="dpi"):
        detector.detect(np.full((80, 120), 255, dtype=np.uint8), dpi=0)


MEASUREMENTS = os.path.join(os.path.dirname(SAMPLE), "measurements.csv")


def test_pipeline_analyses_tolerances_for_a_process_and_material():
    result = drawlens.Pipeline(dpi=100, model_directory=MODELS, process="turning",
                               material="aluminium").analyze_file(SAMPLE)
    analyses = result.page(0).tolerances
    assert len(analyses) >= 3
    for a in analyses:
        assert a.process == "turning" and a.material == "aluminium"
        assert 0.0 <= a.yield_ <= 1.0
        assert a.zone_mm > 0 and a.reason
    assert any(a.cost_driver for a in analyses)
    page = result.to_dict()["pages"][0]["tolerances"]
    assert [f["id"] for f in page["features"]] == [a.id for a in analyses]
    with pytest.raises(drawlens.Error):
        drawlens.Pipeline(model_directory=MODELS, process="knitting")


def test_skin_model_stack_up_fit_and_frame_checks(tmp_path):
    model = drawlens.SkinModel(MODELS)
    bore = drawlens.Feature("bore", "diameter_size", 20.0, 0.013, 0.0)
    face = {"id": "face", "feature_class": "flatness", "size_mm": 80.0, "upper_mm": 0.05}
    milled = model.analyze([bore, face], process="milling", material="steel")
    assert [a.id for a in milled] == ["bore", "face"]
    assert milled[0].it_grade == 6 and "grinding" in milled[0].capable_processes
    assert milled[1].cp is None and milled[1].q05_mm < milled[1].q95_mm
    assert milled[0].to_dict()["rating"] == milled[0].rating
    with pytest.raises(ValueError):
        model.analyze([bore], process="knitting")

    retrained = drawlens.SkinModel.train_csv(MEASUREMENTS, rounds=10, base=model)
    path = str(tmp_path / "skin.dlmodel")
    retrained.save(path)
    again = drawlens.SkinModel(path)
    assert again.analyze([bore], "turning")[0].sigma_mm == retrained.analyze([bore], "turning")[0].sigma_mm

    stack = drawlens.stack_up([drawlens.Feature("A", "linear_size", 50, 0.1, -0.1),
                               drawlens.Feature("B", "linear_size", 20, 0.05, -0.05)],
                              [("A", 1), ("B", -1)], samples=100000)
    assert stack["nominal_mm"] == pytest.approx(30.0)
    assert stack["worst_case_mm"] == pytest.approx((-0.15, 0.15))
    assert drawlens.iso286_fit(20, "H7", "g6") == pytest.approx((0.007, 0.041))
    check = drawlens.validate_gdt("⏥|0.2", size_zone_mm=0.1)
    assert check["consistent"] is False and check["findings"][0]["rule"] == "form_within_size"


@pytest.mark.skipif(not os.path.exists(os.path.join(MODELS, "edgnet.dlmodel")),
                    reason="models/edgnet.dlmodel is not in this tree")
def test_edgnet_classifies_linework_alone_and_in_the_pipeline():
    page = np.full((600, 900), 255, dtype=np.uint8)
    page[150:153, 150:650] = 0
    page[447:450, 150:650] = 0
    page[150:450, 150:153] = 0
    page[150:450, 647:650] = 0
    segments = drawlens.EdgNet(model_directory=MODELS).segment(page, dpi=150)
    assert len(segments) >= 4
    first = segments[0].to_dict()
    assert first["line_class"] in {"contour", "hidden", "centre", "hatch", "dimension", "text", "gdt", "border",
                                   "title_block"}
    assert first["kind"] in {"line", "arc", "bezier"} and len(first["points"]) >= 2
    assert drawlens.EdgNet(model_directory=MODELS).segment(np.full((300, 400), 255, dtype=np.uint8), dpi=150) == []
    with pytest.raises(drawlens.ModelError, match="edgnet.dlmodel"):
        drawlens.EdgNet(model_directory=os.path.dirname(SAMPLE))
    plain = drawlens.Pipeline(model_directory=MODELS).analyze_array(page, dpi=150)
    assert plain.page(0).segments == [] and "segments" not in plain.to_dict()["pages"][0]
    result = drawlens.Pipeline(model_directory=MODELS, segment=True).analyze_array(page, dpi=150)
    assert len(result.page(0).segments) == len(segments)
    assert len(result.to_dict()["pages"][0]["segments"]) == len(segments)


@pytest.mark.skipif(not os.path.exists(os.path.join(MODELS, "edgnet.dlmodel")),
                    reason="models/edgnet.dlmodel is not in this tree")
def test_dimensions_name_their_lines_and_feature_among_the_segments():
    page = drawlens.Pipeline(model_directory=MODELS, segment=True).analyze_file(SAMPLE).page(0)
    assert page.dimensions
    for dimension in page.dimensions:
        for index in dimension.lines:
            assert page.segments[index].line_class == "dimension"
        for index in dimension.feature:
            assert page.segments[index].line_class in {"contour", "hidden", "centre"}
    assert any(dimension.lines for dimension in page.dimensions)
    assert all(d.lines == [] and d.feature == [] for d in
               drawlens.Pipeline(model_directory=MODELS).analyze_file(SAMPLE).page(0).dimensions)


def test_raster_drawings_are_read_region_by_region():
    scan = os.path.join(os.path.dirname(MODELS), "tests", "data", "real", "edocr2_Adapterplatte.jpg")
    result = drawlens.Pipeline(model_directory=MODELS).analyze_file(scan)
    page = result.page(0)
    assert page.detections, "the detector finds the regions"
    for detection in page.detections:
        assert isinstance(detection.text, str) and 0.0 <= detection.text_confidence <= 1.0
        assert detection.text_source in {"recognizer", "tesseract"}
    read = [d for d in page.dimensions if d.source == "recognizer"]
    assert len(read) >= 5 and any(d.nominal == 175.0 for d in read)
    data = result.to_dict()["pages"][0]
    assert data["detections"][0]["reading"]["text"] == page.detections[0].text
    assert "reading" in data["detections"][0] and data["dimensions"][0]["source"] == "recognizer"
