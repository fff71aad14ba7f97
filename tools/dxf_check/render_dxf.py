#!/usr/bin/python3
"""Renders a DXF drawing to a page and its class mask, for EdgNet's real check (docs/segment.md).

    tools/dxf_check/render_dxf.py DRAWING.DXF OUT_STEM [--dpi 300]

writes OUT_STEM.png (8-bit gray, black ink on white paper) and OUT_STEM.mask.png (the generator's
class-mask convention: class index + 1, 0 paper). Labels come from the DXF's entities: DIMENSION
entities (their lines and arrowheads: dimension; their text: text), centre-mark blocks (centre), and
every other line, circle, arc and polyline (contour). Needs Debian's python3-ezdxf; draws with
cairo through ctypes (the library drawlens's generator uses), so nothing else is required.
"""
import argparse
import ctypes
import ctypes.util
import math

import ezdxf
from ezdxf import bbox

CLASSES = ["contour", "hidden", "centre", "hatch", "dimension", "text", "gdt", "border", "title_block"]
MARGIN_MM = 10.0
THICK_MM, THIN_MM = 0.5, 0.25

cairo = ctypes.CDLL(ctypes.util.find_library("cairo"))
cairo.cairo_image_surface_create.restype = ctypes.c_void_p
cairo.cairo_create.restype = ctypes.c_void_p
cairo.cairo_create.argtypes = [ctypes.c_void_p]
for name in ["cairo_set_source_rgb", "cairo_set_line_width", "cairo_move_to", "cairo_line_to", "cairo_arc",
             "cairo_arc_negative", "cairo_stroke", "cairo_fill", "cairo_paint", "cairo_set_antialias",
             "cairo_set_line_cap", "cairo_select_font_face", "cairo_set_font_size", "cairo_show_text",
             "cairo_save", "cairo_restore", "cairo_translate", "cairo_rotate", "cairo_new_path",
             "cairo_close_path", "cairo_text_extents", "cairo_destroy"]:
    getattr(cairo, name).argtypes = None
D = ctypes.c_double


class TextExtents(ctypes.Structure):
    _fields_ = [(n, ctypes.c_double) for n in ["x_bearing", "y_bearing", "width", "height", "x_advance", "y_advance"]]


def primitives(doc):
    """(class, entity) for every drawable entity, DIMENSION and INSERT blocks exploded."""
    out = []
    for e in doc.modelspace():
        kind = e.dxftype()
        if kind == "DIMENSION":
            for v in e.virtual_entities():
                out.append(("text" if v.dxftype() in ("MTEXT", "TEXT") else "dimension", v))
        elif kind == "INSERT":
            label = "centre" if "CENTERMARK" in e.dxf.name.upper() else "contour"
            out.extend((label, v) for v in e.virtual_entities())
        else:
            out.append(("contour", e))
    return out


class Page:
    def __init__(self, extents, dpi):
        (x0, y0, _), (x1, y1, _) = extents
        self.scale = dpi / 25.4  # pixels per mm
        self.x0, self.y1 = x0 - MARGIN_MM, y1 + MARGIN_MM
        self.width = int(math.ceil((x1 - x0 + 2 * MARGIN_MM) * self.scale))
        self.height = int(math.ceil((y1 - y0 + 2 * MARGIN_MM) * self.scale))

    def xy(self, p):  # DXF (y up, mm) to page pixels (y down)
        return (p[0] - self.x0) * self.scale, (self.y1 - p[1]) * self.scale


def draw(ctx, page, label, e, mask):
    kind = e.dxftype()
    width = (THICK_MM if label == "contour" else THIN_MM) * page.scale
    cairo.cairo_set_line_width(ctypes.c_void_p(ctx), D(width))
    if kind == "LINE":
        cairo.cairo_move_to(ctypes.c_void_p(ctx), *map(D, page.xy(e.dxf.start)))
        cairo.cairo_line_to(ctypes.c_void_p(ctx), *map(D, page.xy(e.dxf.end)))
        cairo.cairo_stroke(ctypes.c_void_p(ctx))
    elif kind in ("CIRCLE", "ARC"):
        cx, cy = page.xy(e.dxf.center)
        r = e.dxf.radius * page.scale
        start, end = (0.0, 360.0) if kind == "CIRCLE" else (e.dxf.start_angle, e.dxf.end_angle)
        # Counter-clockwise in DXF (y up) is clockwise on the page (y down).
        cairo.cairo_new_path(ctypes.c_void_p(ctx))
        cairo.cairo_arc_negative(ctypes.c_void_p(ctx), D(cx), D(cy), D(r), D(-math.radians(start)),
                                 D(-math.radians(end)))
        cairo.cairo_stroke(ctypes.c_void_p(ctx))
    elif kind in ("SOLID", "TRACE"):
        corners = [e.dxf.vtx0, e.dxf.vtx1, e.dxf.vtx3, e.dxf.vtx2]  # SOLID's odd vertex order
        cairo.cairo_move_to(ctypes.c_void_p(ctx), *map(D, page.xy(corners[0])))
        for c in corners[1:]:
            cairo.cairo_line_to(ctypes.c_void_p(ctx), *map(D, page.xy(c)))
        cairo.cairo_close_path(ctypes.c_void_p(ctx))
        cairo.cairo_fill(ctypes.c_void_p(ctx))
    elif kind in ("LWPOLYLINE", "POLYLINE"):
        points = [p[:2] for p in (e.get_points("xy") if kind == "LWPOLYLINE" else e.points())]
        cairo.cairo_move_to(ctypes.c_void_p(ctx), *map(D, page.xy(points[0])))
        for p in points[1:]:
            cairo.cairo_line_to(ctypes.c_void_p(ctx), *map(D, page.xy(p)))
        if e.closed:
            cairo.cairo_close_path(ctypes.c_void_p(ctx))
        cairo.cairo_stroke(ctypes.c_void_p(ctx))
    elif kind in ("MTEXT", "TEXT"):
        text = (e.plain_text() if kind == "MTEXT" else e.dxf.text).encode("utf-8")
        height = (e.dxf.char_height if kind == "MTEXT" else e.dxf.height) * page.scale
        x, y = page.xy(e.dxf.insert)
        direction = e.dxf.get("text_direction") if kind == "MTEXT" else None
        angle = math.atan2(direction[1], direction[0]) if direction else math.radians(e.dxf.get("rotation", 0))
        cairo.cairo_save(ctypes.c_void_p(ctx))
        cairo.cairo_translate(ctypes.c_void_p(ctx), D(x), D(y))
        cairo.cairo_rotate(ctypes.c_void_p(ctx), D(-angle))
        cairo.cairo_select_font_face(ctypes.c_void_p(ctx), b"osifont", 0, 0)
        cairo.cairo_set_font_size(ctypes.c_void_p(ctx), D(height * 1.4))  # cap height ~ 0.7 em
        extents = TextExtents()
        cairo.cairo_text_extents(ctypes.c_void_p(ctx), text, ctypes.byref(extents))
        # MTEXT attachment 1..9: top/middle/bottom rows of left/centre/right.
        attach = e.dxf.get("attachment_point", 7) if kind == "MTEXT" else 7
        dx = -extents.x_advance * ((attach - 1) % 3) / 2
        dy = height * (1.0 if attach <= 3 else 0.5 if attach <= 6 else 0.0)
        cairo.cairo_move_to(ctypes.c_void_p(ctx), D(dx), D(dy))
        cairo.cairo_show_text(ctypes.c_void_p(ctx), text)
        cairo.cairo_restore(ctypes.c_void_p(ctx))


def render(doc, page, path, mask):
    surface = cairo.cairo_image_surface_create(1, page.width, page.height)  # CAIRO_FORMAT_RGB24
    ctx = cairo.cairo_create(surface)
    c = ctypes.c_void_p(ctx)
    cairo.cairo_set_source_rgb(c, D(0 if mask else 1), D(0 if mask else 1), D(0 if mask else 1))
    cairo.cairo_paint(c)
    cairo.cairo_set_line_cap(c, 1)  # round
    if mask:
        cairo.cairo_set_antialias(c, 1)  # CAIRO_ANTIALIAS_NONE: exact class values
    items = primitives(doc)
    # The mask paints text, then dimensions, then the part, so the part wins where they touch.
    order = ["text", "dimension", "centre", "contour"] if mask else [None]
    for wanted in order:
        for label, e in items:
            if mask and label != wanted:
                continue
            value = (CLASSES.index(label) + 1) / 255.0 if mask else 0.0
            cairo.cairo_set_source_rgb(c, D(value), D(value), D(value))
            draw(ctx, page, label, e, mask)
    cairo.cairo_surface_write_to_png.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    cairo.cairo_surface_write_to_png(ctypes.c_void_p(surface), path.encode())
    cairo.cairo_destroy(c)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dxf")
    parser.add_argument("out_stem")
    parser.add_argument("--dpi", type=float, default=300)
    args = parser.parse_args()
    doc = ezdxf.readfile(args.dxf)
    page = Page(bbox.extents(doc.modelspace()), args.dpi)
    render(doc, page, args.out_stem + ".png", mask=False)
    render(doc, page, args.out_stem + ".mask.png", mask=True)
    counts = {}
    for label, _ in primitives(doc):
        counts[label] = counts.get(label, 0) + 1
    print(f"{args.out_stem}.png: {page.width}x{page.height} px at {args.dpi:g} dpi; entities {counts}")


if __name__ == "__main__":
    main()
