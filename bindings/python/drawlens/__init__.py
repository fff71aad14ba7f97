"""drawlens: reads mechanical engineering drawings (PDF, PNG, JPEG, TIFF).

    import drawlens
    result = drawlens.Pipeline().analyze_file("part.pdf")
    for d in result.page(0).dimensions:
        print(d.text, d.nominal, d.lower, d.upper, d.fit)

The classes and functions come from the compiled module ``drawlens._drawlens`` (the C++ facade
over the C ABI); this file adds ``to_dict()`` / ``to_json()`` to the typed results and points the
module at the models an installed package carries. Errors raise ``drawlens.Error`` subclasses: one
per category (``InputError``, ``LimitError``, ...) and under those one per status
(``DecodeError``, ``LimitExceededError``, ...).
"""

import json as _json
import os as _os

from . import _drawlens
from ._drawlens import *  # noqa: F401,F403 (the public API is the compiled module's)
from ._drawlens import __version__  # noqa: F401

__all__ = [name for name in dir(_drawlens) if not name.startswith("_")]

_PACKAGED_MODELS = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "models")
if _os.path.isdir(_PACKAGED_MODELS):
    _drawlens._set_packaged_models(_PACKAGED_MODELS)


def _fields(cls):
    """The public read-only attributes of a typed result class, in declaration order."""
    return [name for name, value in vars(cls).items() if isinstance(value, property) and not name.startswith("_")]


def _plain(value):
    """A typed result value as JSON-ready Python: typed objects as dicts, tuples as lists."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _to_dict(self):
    """This object's fields as a dict (nested results as dicts, tuples as lists)."""
    return {name: _plain(getattr(self, name)) for name in _fields(type(self))}


def _to_json(self, **dumps_options):
    """This object as JSON text (json.dumps options accepted, e.g. indent=2)."""
    return _json.dumps(self.to_dict(), ensure_ascii=False, **dumps_options)


for _cls in (_drawlens.Dimension, _drawlens.GdtFrame, _drawlens.DatumFeature, _drawlens.TitleField,
             _drawlens.SurfaceFinish, _drawlens.Note, _drawlens.GeneralTolerance, _drawlens.Detection,
             _drawlens.Segment, _drawlens.Page,
             _drawlens.Feature, _drawlens.ToleranceAnalysis, _drawlens.Progress, _drawlens.ReadCharacter,
             _drawlens.ReadWord, _drawlens.Reading):
    if not hasattr(_cls, "to_dict"):
        _cls.to_dict = _to_dict
    if not hasattr(_cls, "to_json"):
        _cls.to_json = _to_json
del _cls
