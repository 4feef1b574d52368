"""Open a frontline QGIS project (.qgz) in headless QGIS and report it.

Usage: /usr/bin/python3 check_project.py PROJECT.qgz LON LAT OUT.png
Prints one JSON object: whether the project was read; its CRS (auth id,
PROJ string, geographic or not) and where the point LON,LAT lands in it;
the Temporal Controller range; per layer its validity, source, renderer,
class attribute, temporal activity and feature count; then renders the
project's layers over the default view to OUT.png, counting painted pixels.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")

from qgis.core import (  # noqa: E402
    QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform,
    QgsMapRendererSequentialJob, QgsMapSettings, QgsPointXY, QgsProject,
)
from qgis.PyQt.QtCore import QSize, Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

path, lon, lat, out_png = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
app = QgsApplication([], False)
app.initQgis()
project = QgsProject.instance()
report = {"read": project.read(path)}
crs = project.crs()
to_project = QgsCoordinateTransform(
    QgsCoordinateReferenceSystem("EPSG:4326"), crs, project.transformContext())
centre = to_project.transform(QgsPointXY(lon, lat))
rng = project.timeSettings().temporalRange()
report.update({
    "crs_valid": crs.isValid(),
    "crs_authid": crs.authid(),
    "crs_proj": crs.toProj(),
    "crs_geographic": crs.isGeographic(),
    "centre_in_crs": [centre.x(), centre.y()],
    "temporal_begin": rng.begin().toUTC().toString(Qt.ISODate),
    "temporal_end": rng.end().toUTC().toString(Qt.ISODate),
    "layers": [],
})
tree_order = [n.layerId() for n in project.layerTreeRoot().findLayers()]
layers = []
for lid in tree_order:
    layer = project.mapLayer(lid)
    renderer = layer.renderer()
    report["layers"].append({
        "name": layer.name(),
        "valid": layer.isValid(),
        "source": layer.source(),
        "features": layer.featureCount(),
        "renderer": renderer.type() if renderer else None,
        "class_attribute": getattr(renderer, "classAttribute", lambda: None)(),
        "categories": len(getattr(renderer, "categories", lambda: [])()),
        "temporal_active": layer.temporalProperties().isActive(),
        "labels": layer.labelsEnabled(),
    })
    layers.append(layer)

settings = QgsMapSettings()
settings.setLayers(layers)
settings.setDestinationCrs(crs)
settings.setBackgroundColor(QColor(255, 255, 255))
settings.setOutputSize(QSize(600, 600))
view = project.viewSettings().defaultViewExtent()
settings.setExtent(QgsCoordinateTransform(
    view.crs(), crs, project.transformContext()).transformBoundingBox(view))
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
img = job.renderedImage()
img.save(out_png, "PNG")
white = QColor(255, 255, 255).rgb()
report["painted_samples"] = sum(
    1 for yy in range(0, img.height(), 4) for xx in range(0, img.width(), 4)
    if img.pixel(xx, yy) != white)
print(json.dumps(report))
sys.stdout.flush()
# QGIS 3.22 can crash while tearing down layers at exit; the report is out.
os._exit(0)
