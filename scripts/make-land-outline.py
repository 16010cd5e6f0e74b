#!/usr/bin/env python3
"""Turns world-atlas's land-110m.json (TopoJSON of Natural Earth 1:110m land, public domain) into the app's
world outline resource: one ring per line, "lon,lat" pairs to 0.1 degree.
Usage: make-land-outline.py land-110m.json > src/main/resources/io/rackscope/desktop/ui/world/land-110m.txt"""
import json, sys

topo = json.load(open(sys.argv[1]))
sx, sy = topo["transform"]["scale"]
tx, ty = topo["transform"]["translate"]
arcs = []
for arc in topo["arcs"]:
    x = y = 0
    pts = []
    for dx, dy in arc:
        x += dx
        y += dy
        pts.append((x * sx + tx, y * sy + ty))
    arcs.append(pts)

def ring(indices):
    out = []
    for i in indices:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(pts if not out else pts[1:])
    return out

print("# Natural Earth 1:110m land (public domain) via world-atlas 2.0.2; one ring per line, lon,lat")
for geom in topo["objects"]["land"]["geometries"]:
    polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
    for poly in polys:
        for r in poly:
            print(" ".join("%.1f,%.1f" % p for p in ring(r)))
