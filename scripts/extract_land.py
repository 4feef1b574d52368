#!/usr/bin/env python3
"""Cut Natural Earth 10m land (npm world-atlas@2.0.2, land-10m.json, public
domain) to a window around a theater, for maps that tell the sea from the
neighbouring countries.

Usage: extract_land.py WORLD_ATLAS_DIR OUT.geojson W,S,E,N

The output is a GeoJSON FeatureCollection of Polygons with a top-level
`bbox` member: the window it covers. Outside that window a map cannot tell
land from sea, so frontline paints it as it paints a theater without this
file. Standard library only.
"""
import json
import sys

WA, OUT, WIN = sys.argv[1], sys.argv[2], sys.argv[3]
W, S, E, N = (float(v) for v in WIN.split(','))

t = json.load(open(f'{WA}/land-10m.json'))
sx, sy = t['transform']['scale']
tx, ty = t['transform']['translate']
arcs = []
for a in t['arcs']:
    x = y = 0
    pts = []
    for dx, dy in a:
        x += dx
        y += dy
        pts.append((x * sx + tx, y * sy + ty))
    arcs.append(pts)


def arc(i):
    return arcs[i] if i >= 0 else arcs[~i][::-1]


def ring(ids):
    out = []
    for k, i in enumerate(ids):
        pts = arc(i)
        out.extend(pts if k == 0 else pts[1:])
    return out


def clip(pts):
    """Sutherland-Hodgman against the window: a ring stays one ring, which
    may run along the window's edge; that is right for a fill."""
    def edge(pts, inside, cross):
        out = []
        for k in range(len(pts)):
            a, b = pts[k - 1], pts[k]
            if inside(b):
                if not inside(a):
                    out.append(cross(a, b))
                out.append(b)
            elif inside(a):
                out.append(cross(a, b))
        return out

    def at_x(x0):
        return lambda a, b: (x0, a[1] + (b[1] - a[1]) * (x0 - a[0]) / (b[0] - a[0]))

    def at_y(y0):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (y0 - a[1]) / (b[1] - a[1]), y0)

    for inside, cross in (
        (lambda p: p[0] >= W, at_x(W)),
        (lambda p: p[0] <= E, at_x(E)),
        (lambda p: p[1] >= S, at_y(S)),
        (lambda p: p[1] <= N, at_y(N)),
    ):
        if not pts:
            break
        pts = edge(pts, inside, cross)
    return pts


def tidy(pts):
    """Round to six decimals, drop repeats and zero-width spikes, close."""
    out = []
    for p in pts:
        p = [round(p[0], 6), round(p[1], 6)]
        if out and out[-1] == p:
            continue
        if len(out) >= 2 and out[-2] == p:
            out.pop()
            continue
        out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def area2(r):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(r, r[1:]))


feats = []
for g in t['objects']['land']['geometries']:
    polys = g['arcs'] if g['type'] == 'MultiPolygon' else [g['arcs']]
    for poly in polys:
        rings = []
        for k, r in enumerate(poly):
            c = tidy(clip(ring(r)))
            if c is None or abs(area2(c)) < 1e-9:
                if k == 0:
                    break
                continue
            # RFC 7946: outer rings counter-clockwise, holes clockwise.
            if (area2(c) > 0) != (k == 0):
                c.reverse()
            rings.append(c)
        if rings:
            feats.append({'type': 'Feature', 'properties': {'name': 'land'},
                          'geometry': {'type': 'Polygon', 'coordinates': rings}})

json.dump({'type': 'FeatureCollection', 'bbox': [W, S, E, N],
           'license': 'Natural Earth, public domain',
           'source': 'Natural Earth 10m land v4.1.0 via npm world-atlas@2.0.2',
           'features': feats}, open(OUT, 'w'))
print('land polygons:', len(feats), 'vertices:',
      sum(len(r) for f in feats for r in f['geometry']['coordinates']))
