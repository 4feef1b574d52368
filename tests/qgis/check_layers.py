"""Load frontline exports in headless QGIS and report what a user would see.

Usage: /usr/bin/python3 check_layers.py DATE OUT.png SOURCE...
SOURCE is a GeoJSON path or "file.gpkg|layername=NAME". Prints one JSON
object: per layer its validity, CRS, renderer, default-style and temporal
settings and the number of features the Temporal Controller shows on DATE;
then renders DATE to OUT.png and counts the non-background pixels.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp")

from qgis.core import (  # noqa: E402
    QgsApplication, QgsDateTimeRange, QgsFeatureRequest, QgsMapRendererSequentialJob,
    QgsMapSettings, QgsRectangle, QgsVectorLayer, QgsVectorLayerTemporalContext,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, QTime, Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

date, out_png, sources = sys.argv[1], sys.argv[2], sys.argv[3:]
app = QgsApplication([], False)
app.initQgis()

y, m, d = (int(x) for x in date.split("-"))
begin = QDateTime(QDate(y, m, d), QTime(0, 0, 0), Qt.UTC)
frame = QgsDateTimeRange(begin, begin.addDays(1), True, False)

report = {"layers": []}
layers = []
for src in sources:
    name = src.split("layername=")[-1] if "layername=" in src else os.path.basename(src)
    # As QGIS desktop adds a layer (QgisApp::addVectorLayersPrivate): create
    # it without a style, then load its default style (the same-name .qml,
    # or the GeoPackage's layer_styles row with useAsDefault = 1).
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    layer = QgsVectorLayer(src, name, "ogr", options)
    info = {"source": src, "valid": layer.isValid()}
    if layer.isValid():
        _, info["default_style_loaded"] = layer.loadDefaultStyle()
        tp = layer.temporalProperties()
        renderer = layer.renderer()
        fields = {f.name(): f.typeName() for f in layer.fields()}
        ctx = QgsVectorLayerTemporalContext()
        ctx.setLayer(layer)
        flt = tp.createFilterString(ctx, frame) if tp.isActive() else ""
        req = QgsFeatureRequest()
        if flt:
            req.setFilterExpression(flt)
        info.update({
            "crs": layer.crs().authid(),
            "features": layer.featureCount(),
            "renderer": renderer.type() if renderer else None,
            "class_attribute": getattr(renderer, "classAttribute", lambda: None)(),
            "categories": [c.value() for c in getattr(renderer, "categories", lambda: [])()],
            "temporal_active": tp.isActive(),
            "temporal_mode": int(tp.mode()),
            "start_expression": tp.startExpression(),
            "end_expression": tp.endExpression(),
            "start_field": tp.startField(),
            "end_field": tp.endField(),
            "field_types": fields,
            "features_on_date": sum(1 for _ in layer.getFeatures(req)),
            "label_field": layer.labeling().settings().fieldName
            if layer.labelsEnabled() and layer.labeling() else None,
        })
        layers.append(layer)
    report["layers"].append(info)

settings = QgsMapSettings()
settings.setLayers(layers)
settings.setBackgroundColor(QColor(255, 255, 255))
settings.setOutputSize(QSize(800, 800))
extent = QgsRectangle()
for layer in layers:
    extent.combineExtentWith(layer.extent())
settings.setExtent(extent)
settings.setIsTemporal(True)
settings.setTemporalRange(frame)
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
img = job.renderedImage()
img.save(out_png, "PNG")
white = QColor(255, 255, 255).rgb()
painted = 0
for yy in range(0, img.height(), 4):
    for xx in range(0, img.width(), 4):
        if img.pixel(xx, yy) != white:
            painted += 1
report["rendered_png"] = out_png
report["painted_samples"] = painted
print(json.dumps(report))
sys.stdout.flush()
# QGIS 3.22 can crash while tearing down layers at exit; the report is out.
os._exit(0)
