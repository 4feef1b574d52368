//! QGIS layer styles (.qml): colours by controller and a Temporal
//! Controller set-up from `valid_from` / `valid_to`.
//!
//! The temporal block uses mode 4 (start and end from expressions) with
//! `to_datetime("valid_from")` and `coalesce(to_datetime("valid_to"),
//! make_datetime(9999,12,31,0,0,0))`, and limit mode 0 (include the start,
//! exclude the end), matching frontline's exclusive `valid_to`. Plain field
//! mode (2) is off by one day in QGIS 3.22: it compares a Date field with the
//! frame's DateTime as text, so "2020-02-09" < "2020-02-09T00:00:00" and a
//! feature shows a day early; and GDAL's GeoJSON driver fails on a null date
//! in the compiled filter, hiding still-valid features. The explicit
//! conversion is evaluated by QGIS and gives exact days (checked in
//! `tests/interop.rs` against headless QGIS). `startField`/`endField` are
//! still set, for the layer properties dialog. Symbol properties are written
//! both as `<Option>` maps and as `<prop>` elements, as QGIS 3.22 does.

use super::layers::GeomKind;
use crate::factions::Controller;
use crate::style::escape;
use crate::theater::Theater;
use std::fmt::Write;

/// `#rrggbb` to QGIS's `r,g,b,a`.
fn rgba(hex: &str, alpha: u8) -> String {
    let (r, g, b) = crate::style::hex_rgb(hex);
    format!("{r},{g},{b},{alpha}")
}

fn props(o: &mut String, kv: &[(&str, String)]) {
    o.push_str("          <Option type=\"Map\">\n");
    for (k, v) in kv {
        let _ = writeln!(
            o,
            "            <Option type=\"QString\" name=\"{k}\" value=\"{}\"/>",
            escape(v)
        );
    }
    o.push_str("          </Option>\n");
    for (k, v) in kv {
        let _ = writeln!(o, "          <prop k=\"{k}\" v=\"{}\"/>", escape(v));
    }
}

fn symbol(o: &mut String, i: usize, geom: GeomKind, color: &str, hatched: bool, thick: bool) {
    let (kind, class, kv): (&str, &str, Vec<(&str, String)>) = match geom {
        GeomKind::Point => (
            "marker",
            "SimpleMarker",
            vec![
                ("name", "circle".into()),
                ("color", rgba(color, 255)),
                ("outline_color", "255,255,255,255".into()),
                ("outline_width", "0.3".into()),
                ("size", "2.6".into()),
                ("size_unit", "MM".into()),
            ],
        ),
        GeomKind::LineString => (
            "line",
            "SimpleLine",
            vec![
                ("line_color", rgba(color, 255)),
                (
                    "line_width",
                    if thick { "1.0".into() } else { "0.9".into() },
                ),
                ("line_width_unit", "MM".into()),
                ("capstyle", "round".into()),
                ("joinstyle", "round".into()),
                ("line_style", "solid".into()),
            ],
        ),
        GeomKind::Polygon => (
            "fill",
            "SimpleFill",
            vec![
                ("color", rgba(color, if hatched { 255 } else { 110 })),
                (
                    "style",
                    if hatched {
                        "b_diagonal".into()
                    } else {
                        "solid".into()
                    },
                ),
                ("outline_color", rgba(color, 255)),
                ("outline_width", "0.26".into()),
                ("outline_style", "solid".into()),
            ],
        ),
    };
    let _ = writeln!(
        o,
        "      <symbol type=\"{kind}\" name=\"{i}\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n        <layer class=\"{class}\" enabled=\"1\" locked=\"0\" pass=\"0\">"
    );
    props(o, &kv);
    o.push_str("        </layer>\n      </symbol>\n");
}

/// The style for a layer of the given geometry: one category per faction,
/// `contested` and `unknown` (or per front pair for the front layer).
/// `temporal` sets up the Temporal Controller from `valid_from`/`valid_to`
/// (timeline exports); single-day files have no such fields.
pub fn style(t: &Theater, geom: GeomKind, front: bool, temporal: bool) -> String {
    wrap(&style_parts(t, geom, front, temporal))
}

/// A style's parts: whether it labels features, and the elements that go
/// inside the `<qgis>` root of a .qml (or a project's `<maplayer>`).
#[derive(Debug, Clone)]
pub struct StyleParts {
    /// Labels are on (the root's `labelsEnabled`).
    pub labelled: bool,
    /// `<temporal>`, `<renderer-v2>`, `<labeling>`, `<layerGeometryType>`.
    pub body: String,
}

/// The .qml document of a style.
pub fn wrap(s: &StyleParts) -> String {
    format!(
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22.16-Białowieża\" styleCategories=\"AllStyleCategories\" labelsEnabled=\"{}\">\n{}</qgis>\n",
        u8::from(s.labelled),
        s.body
    )
}

/// The outlines layer's style: thin grey lines, no fill, one symbol.
pub fn outline_parts() -> StyleParts {
    let mut o = String::from(
        "  <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\" referencescale=\"-1\">\n    <symbols>\n      <symbol type=\"fill\" name=\"0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n        <layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\">\n",
    );
    props(
        &mut o,
        &[
            ("color", "0,0,0,0".into()),
            ("style", "no".into()),
            ("outline_color", "128,128,128,255".into()),
            ("outline_width", "0.3".into()),
            ("outline_width_unit", "MM".into()),
            ("outline_style", "solid".into()),
        ],
    );
    o.push_str("        </layer>\n      </symbol>\n    </symbols>\n  </renderer-v2>\n  <layerGeometryType>2</layerGeometryType>\n");
    StyleParts {
        labelled: false,
        body: o,
    }
}

/// The parts of [`style`].
pub fn style_parts(t: &Theater, geom: GeomKind, front: bool, temporal: bool) -> StyleParts {
    let mut cats: Vec<(String, String, String)> = Vec::new(); // value, label, colour
    if front {
        let ids: Vec<String> = Controller::all(&t.factions)
            .iter()
            .filter(|c| **c != Controller::Unknown)
            .map(|c| c.to_string())
            .collect();
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                let (x, y) = if a < b { (a, b) } else { (b, a) };
                cats.push((
                    format!("{x}/{y}"),
                    format!("{} / {}", t.controller_name(x), t.controller_name(y)),
                    t.style.front.clone(),
                ));
            }
        }
    } else {
        for c in Controller::all(&t.factions) {
            cats.push((c.to_string(), t.controller_name(&c), t.controller_color(&c)));
        }
    }
    let gtype = match geom {
        GeomKind::Point => 0,
        GeomKind::LineString => 1,
        GeomKind::Polygon => 2,
    };
    // Points are labelled with their `name`, placed around the marker.
    let labelled = geom == GeomKind::Point;
    let mut o = String::new();
    if temporal {
        o.push_str(
        "  <temporal enabled=\"1\" mode=\"4\" startField=\"valid_from\" endField=\"valid_to\" limitMode=\"0\" accumulate=\"0\" durationField=\"\" durationUnit=\"min\" fixedDuration=\"0\" startExpression=\"to_datetime(&quot;valid_from&quot;)\" endExpression=\"coalesce(to_datetime(&quot;valid_to&quot;), make_datetime(9999,12,31,0,0,0))\">\n    <fixedRange>\n      <start></start>\n      <end></end>\n    </fixedRange>\n  </temporal>\n",
    );
    }
    o.push_str("  <renderer-v2 type=\"categorizedSymbol\" attr=\"controller\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\" referencescale=\"-1\">\n    <categories>\n");
    for (i, (v, l, _)) in cats.iter().enumerate() {
        let _ = writeln!(
            o,
            "      <category symbol=\"{i}\" value=\"{}\" label=\"{}\" render=\"true\"/>",
            escape(v),
            escape(l)
        );
    }
    o.push_str("    </categories>\n    <symbols>\n");
    for (i, (v, _, c)) in cats.iter().enumerate() {
        symbol(
            &mut o,
            i,
            geom,
            c,
            Controller::parse(v) == Controller::Contested,
            *c == t.style.front,
        );
    }
    o.push_str("    </symbols>\n  </renderer-v2>\n");
    if labelled {
        o.push_str(concat!(
            "  <labeling type=\"simple\">\n    <settings calloutType=\"simple\">\n",
            "      <text-style fieldName=\"name\" isExpression=\"0\" fontFamily=\"DejaVu Sans\" fontSize=\"9\" fontSizeUnit=\"Point\" textColor=\"30,30,30,255\" textOpacity=\"1\">\n",
            "        <text-buffer bufferDraw=\"1\" bufferSize=\"1\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" bufferOpacity=\"1\"/>\n",
            "      </text-style>\n      <placement placement=\"6\" dist=\"1.5\" distUnits=\"MM\"/>\n",
            "      <rendering obstacle=\"1\" scaleVisibility=\"0\" displayAll=\"0\"/>\n    </settings>\n  </labeling>\n",
        ));
    }
    let _ = writeln!(o, "  <layerGeometryType>{gtype}</layerGeometryType>");
    StyleParts { labelled, body: o }
}
