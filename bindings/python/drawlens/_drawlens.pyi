# Type stubs of the compiled module drawlens._drawlens (bindings/python/drawlens_module.cpp and
# tolerance_bindings.cpp). tests/test_package.py checks that they name everything the module has.
from typing import Any, Callable, Iterable, Optional, Sequence, Union

import numpy
import numpy.typing

__version__: str

Box = tuple[int, int, int, int]
Polygon = list[tuple[int, int]]
FeatureLike = Union["Feature", dict[str, Any]]

class Error(RuntimeError):
    status: str
    category: str

class CallerError(Error): ...
class InputError(Error): ...
class LimitError(Error): ...
class EnvironmentError(Error): ...
class ResourceError(Error): ...
class CancelledError(Error): ...
class InternalError(Error): ...
class InvalidArgumentError(CallerError): ...
class AbiMismatchError(CallerError): ...
class IoError(EnvironmentError): ...
class ModelError(EnvironmentError): ...
class GpuError(EnvironmentError): ...
class DecodeError(InputError): ...
class UnsupportedFormatError(InputError): ...
class ParseError(InputError): ...
class EmptyInputError(InputError): ...
class TruncatedError(InputError): ...
class EncryptedError(InputError): ...
class NoPagesError(InputError): ...
class LimitExceededError(LimitError): ...
class OutOfMemoryError(ResourceError): ...

class Dimension:
    text: str
    normalized: str
    size_type: str
    count: int
    nominal: float
    unit: str
    tolerance_kind: str
    upper_deviation: Optional[float]
    lower_deviation: Optional[float]
    upper: Optional[float]
    lower: Optional[float]
    fit: Optional[str]
    hole_class: str
    shaft_class: str
    it_grade: str
    thread: str
    flags: list[str]
    depth: float
    angle: int
    confidence: float
    box: Box
    polygon: Polygon
    source: str
    # Indices into Page.segments (segment=True): its own lines and arrowheads, the outline it measures.
    lines: list[int]
    feature: list[int]
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class GdtFrame:
    text: str
    normalized: str
    characteristic: str
    segment_count: int
    tolerance: float
    zone_shape: str
    datums: list[str]
    confidence: float
    box: Box
    polygon: Polygon
    source: str
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class TitleField:
    key: str
    label: str
    value: str
    confidence: float
    box: Box
    polygon: Polygon
    source: str
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class SurfaceFinish:
    text: str
    parameter: str
    value: float
    unit: str
    lower_limit: bool
    confidence: float
    box: Box
    polygon: Polygon
    source: str
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class Note:
    text: str
    confidence: float
    box: Box
    polygon: Polygon
    source: str
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class DatumFeature:
    label: str
    confidence: float
    box: Box
    polygon: Polygon
    source: str
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class GeneralTolerance:
    standard: str
    linear_class: str
    geometric_class: str
    text: str
    note: str
    confidence: float
    box: Box
    polygon: Polygon
    source: str
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class Detection:
    category: str
    centre_x: float
    centre_y: float
    width: float
    height: float
    angle: float
    corners: list[tuple[float, float]]
    score: float
    text: Optional[str]
    text_confidence: float
    text_source: Optional[str]
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class Segment:
    line_class: str
    kind: str
    points: list[tuple[float, float]]
    centre: Optional[tuple[float, float]]
    radius: float
    length: float
    stroke_width: float
    confidence: float
    dash_count: int
    dash_length: float
    gap_length: float
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class Feature:
    id: str
    feature_class: str
    size_mm: float
    upper_mm: float
    lower_mm: float
    def __init__(self, id: str, feature_class: str, size_mm: float, upper_mm: float, lower_mm: float = 0.0) -> None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class ToleranceAnalysis:
    id: str
    text: str
    feature_class: str
    size_mm: float
    size_assumed: bool
    upper_mm: float
    lower_mm: float
    zone_mm: float
    general: bool
    general_class: str
    fit_clearance_mm: Optional[tuple[float, float]]
    it_grade: Optional[int]
    process: str
    material: str
    mean_mm: float
    sigma_mm: float
    q05_mm: float
    q50_mm: float
    q95_mm: float
    yield_: float
    cp: Optional[float]
    cpk: float
    rating: str
    reason: str
    capable_processes: list[str]
    tightness: float
    cost_driver: bool
    dimension_index: Optional[int]
    gdt_frame_index: Optional[int]
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class Progress:
    stage: str
    page: int
    page_count: int
    steps_done: int
    steps_total: int
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

ProgressCallback = Callable[[Progress], None]

class Page:
    index: int
    width: int
    height: int
    dpi: float
    dimensions: list[Dimension]
    gdt_frames: list[GdtFrame]
    datum_features: list[DatumFeature]
    title_fields: list[TitleField]
    surface_finishes: list[SurfaceFinish]
    notes: list[Note]
    general_tolerance: Optional[GeneralTolerance]
    detections: list[Detection]
    tolerances: list[ToleranceAnalysis]
    segments: list[Segment]
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class Result:
    page_count: int
    def page(self, index: int) -> Page: ...
    def pages(self) -> list[Page]: ...
    def json(self) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def overlay_png(self, page: int = 0) -> bytes: ...

Pixels = numpy.typing.NDArray[numpy.uint8]

class Pipeline:
    device: str
    def __init__(self, dpi: int = 300, first_page: int = 1, last_page: int = 0, device: str = "auto",
                 keep_page_images: bool = False, model_directory: str = "", process: str = "milling",
                 material: str = "steel", segment: bool = False) -> None: ...
    def analyze_file(self, path: str, timeout_ms: float = 0.0,
                     progress: Optional[ProgressCallback] = None) -> Result: ...
    def analyze_bytes(self, data: bytes, timeout_ms: float = 0.0,
                      progress: Optional[ProgressCallback] = None) -> Result: ...
    def analyze_array(self, pixels: Pixels, dpi: float = 0.0, timeout_ms: float = 0.0,
                      progress: Optional[ProgressCallback] = None) -> Result: ...

class Detector:
    def __init__(self, model_directory: str = "", threads: int = 0, score_threshold: float = 0.5,
                 cuda_device: int = -1) -> None: ...
    def detect(self, pixels: Pixels, dpi: float) -> list[Detection]: ...

class EdgNet:
    def __init__(self, model_directory: str = "", threads: int = 0, cuda_device: int = -1) -> None: ...
    def segment(self, pixels: Pixels, dpi: float) -> list[Segment]: ...

class ReadCharacter:
    character: str
    confidence: float
    track: str
    x: float
    alternatives: list[tuple[str, float]]
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class ReadWord:
    text: str
    confidence: float
    box: tuple[int, int, int, int]
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class Reading:
    text: str
    confidence: float
    source: str
    characters: list[ReadCharacter]
    words: list[ReadWord]
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self, **dumps_options: Any) -> str: ...

class OcrEngine:
    def __init__(self, model_directory: str = "", threads: int = 0, beam_width: int = 1,
                 tesseract_languages: str = "eng+deu", tesseract_below: float = 0.5,
                 cuda_device: int = -1) -> None: ...
    def read(self, crops: Sequence[Pixels], mode: str = "auto", dpi: float = 300.0) -> list[Reading]: ...

class SkinModel:
    def __init__(self, path: str = "") -> None: ...
    @staticmethod
    def train_csv(csv_path: str, rounds: int = 50, seed: int = 1, base: Optional[SkinModel] = None) -> SkinModel: ...
    def save(self, path: str) -> None: ...
    def analyze(self, features: Iterable[FeatureLike], process: str = "milling",
                material: str = "steel") -> list[ToleranceAnalysis]: ...
    def analyze_result(self, result: Result, page: int = 0, process: str = "milling",
                       material: str = "steel") -> list[ToleranceAnalysis]: ...

def analyze(path: str, dpi: int = 300, first_page: int = 1, last_page: int = 0, device: str = "auto",
            timeout_ms: float = 0.0) -> dict[str, Any]: ...
def parse(text: str, kind: str = "auto") -> dict[str, Any]: ...
def iso286_limits(nominal_mm: float, tolerance_class: str) -> tuple[float, float]: ...
def iso286_fit(nominal_mm: float, hole: str, shaft: str) -> tuple[float, float]: ...
def gpu_probe(measure: bool = False) -> dict[str, Any]: ...
def stack_up(features: Iterable[FeatureLike], chain: Sequence[tuple[str, int]], samples: int = 1000000,
             seed: int = 1, uniform: bool = False) -> dict[str, Any]: ...
def validate_gdt(frame: str, size_zone_mm: float = 0.0) -> dict[str, Any]: ...
def packaged_models_directory() -> str: ...
def _set_packaged_models(directory: str) -> None: ...
