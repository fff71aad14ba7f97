"""Tests of the Python module against the bundled sample drawing and bad input."""
import os

import numpy as np
import pytest

import drawlens

SAMPLE = os.environ["DRAWLENS_SAMPLE"]


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
