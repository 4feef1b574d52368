//! Map rendering: one SVG written layer by layer from projected geometry,
//! rasterised to PNG by resvg with an embedded font. A map draws a
//! [`crate::timeline::Day`] (its areas, front, highway stretches and held
//! places) in the theater's palette ([`crate::style::Style`]).
//!
//! Why not plotters for maps: it has no map projection, draws Arabic
//! unshaped and writes SVG text without a usable font. Writing the SVG
//! directly gives one drawing path for both formats; plotters stays for
//! charts.

pub mod chart;
mod frame;
mod index_html;
pub mod labels;
mod png;
mod svg;

pub use crate::style::{escape, hex_rgb, xml_safe};
pub use frame::{parse_bbox, Frame};
pub use index_html::{index_html, IndexDay};
pub use png::{svg_to_png, FONT};

use crate::areas::Areas;
use crate::factions::Controller;
use crate::roads::{point_at_km, sub_line};
use crate::theater::Theater;
use crate::timeline::Day;
use geo::{MultiLineString, MultiPolygon};
use std::fmt::Write;

/// How to frame and draw a day's map.
#[derive(Debug, Clone)]
pub struct MapOptions {
    /// West, south, east, north; `None` fits the theater.
    pub bbox: Option<[f64; 4]>,
    /// Width, px; the height follows from the bbox.
    pub width: u32,
    /// Title; the date is always added.
    pub title: Option<String>,
}

/// The bounding box of every place the events name and every road node,
/// padded by the cutoff and 3 %.
pub fn default_bbox(t: &Theater, cutoff_km: f64) -> [f64; 4] {
    let mut pts: Vec<(f64, f64)> = t
        .events
        .iter()
        .filter_map(|e| t.gazetteer.get(&e.place))
        .map(|p| (p.lon, p.lat))
        .collect();
    pts.extend(t.roads.graph().node_weights().map(|n| (n.at.x(), n.at.y())));
    if pts.is_empty() {
        return [-180.0, -85.0, 180.0, 85.0];
    }
    let (mut w, mut s, mut e, mut n) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (x, y) in pts {
        (w, s, e, n) = (w.min(x), s.min(y), e.max(x), n.max(y));
    }
    let dlat = cutoff_km / 111.0;
    let dlon = dlat / ((s + n) / 2.0).to_radians().cos().max(0.1);
    let (pw, ph) = ((e - w) * 0.03 + dlon, (n - s) * 0.03 + dlat);
    [w - pw, s - ph, e + pw, n + ph]
}

/// (population, name, id, pixel position, controller).
type Town = (u64, String, String, (f64, f64), String);

/// A day's map as SVG text: it draws the day's areas, front line, highway
/// stretches and held towns.
///
/// ```
/// use frontline::render::{map_svg, MapOptions};
/// use frontline::timeline::Timeline;
/// let t = frontline::theater::Theater::embedded().unwrap();
/// let tl = Timeline::new(&t, 15.0);
/// let day = tl.day("2020-02-08".parse().unwrap());
/// let svg = map_svg(&day, &MapOptions { bbox: None, width: 800, title: None });
/// assert!(svg.contains("Territorial control — \u{200E}2020-02-08"));
/// assert!(svg.contains(r#"data-road="M5""#));
/// ```
pub fn map_svg(day: &Day<'_>, opt: &MapOptions) -> String {
    let t = day.theater();
    let areas = day.areas();
    // The palette (theater style.csv, or the defaults).
    let st = &t.style;
    let (bg, land, front, halo) = (&st.background, &st.land, &st.front, &st.halo);
    let (gov_c, country_c, shield_c) = (&st.governorates, &st.country, &st.shield);
    let (label_c, text_c, title_c) = (&st.labels, &st.text, &st.title);
    let (subtitle_c, attribution_c) = (&st.subtitle, &st.attribution);
    let bbox = opt.bbox.unwrap_or_else(|| default_bbox(t, t.settings.hull_margin_km));
    let f = Frame::new(bbox, f64::from(opt.width));
    let (w, h) = (f.width, f.height);
    let mut o = String::new();
    // U+200E (left-to-right mark) keeps the date's digits in order after
    // a right-to-left title (Unicode bidi rule W2 would reorder them).
    let title = format!(
        "{} — \u{200E}{}",
        opt.title.as_deref().unwrap_or("Territorial control"),
        day.date()
    );
    let _ = writeln!(
        o,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="DejaVu Sans, sans-serif">
<title>{}</title>"#,
        escape(&title)
    );
    let contested = t.controller_color(Controller::Contested);
    let _ = writeln!(
        o,
        r#"<defs>
<pattern id="hatch" patternUnits="userSpaceOnUse" width="9" height="9" patternTransform="rotate(45)"><rect width="9" height="9" fill="{contested}" fill-opacity="0.12"/><line x1="0" y1="0" x2="0" y2="9" stroke="{contested}" stroke-width="3.5"/></pattern>
<clipPath id="frame"><rect width="{w}" height="{h}"/></clipPath>
</defs>
<rect width="{w}" height="{h}" fill="{bg}"/>
<g clip-path="url(#frame)">"#
    );

    // Country, areas, outlines.
    let country = MultiPolygon(
        t.country
            .iter()
            .flat_map(|c| c.shape.0.iter().cloned())
            .collect(),
    );
    let _ = writeln!(
        o,
        r#"<path id="land" d="{}" fill="{land}" fill-rule="evenodd"/>"#,
        svg::polygons(&f, &country)
    );
    o.push_str("<g id=\"areas\">\n");
    for a in &areas.areas {
        let fill = if a.controller == Controller::Contested {
            "url(#hatch)".to_string()
        } else {
            escape(&t.controller_color(&a.controller))
        };
        let _ = writeln!(
            o,
            r#"<path data-controller="{}" d="{}" fill="{fill}" fill-opacity="{}" fill-rule="evenodd" stroke="{}" stroke-width="0.8" stroke-opacity="0.6"/>"#,
            escape(a.controller.as_str()),
            svg::polygons(&f, &a.geometry),
            if a.controller == Controller::Contested {
                "1"
            } else {
                "0.38"
            },
            escape(&t.controller_color(&a.controller)),
        );
    }
    o.push_str("</g>\n");
    let mut gov = String::new();
    for g in &t.governorates {
        gov.push_str(&svg::polygons(&f, &g.shape));
    }
    let _ = writeln!(
        o,
        r##"<path id="governorates" d="{gov}" fill="none" stroke="{gov_c}" stroke-width="0.8" stroke-dasharray="5 3"/>
<path id="country" d="{}" fill="none" stroke="{country_c}" stroke-width="1.8"/>"##,
        svg::polygons(&f, &country)
    );

    // Highways coloured by holder.
    let mut shields = Vec::new();
    // Road lines in pixels: labels keep off them.
    let mut road_px: Vec<Vec<(f64, f64)>> = Vec::new();
    o.push_str(
        "<g id=\"roads\" fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\n",
    );
    for (line, r) in day.timeline().roads().iter().zip(day.roads()) {
        let road = &line.road;
        road_px.push(line.line.0.iter().map(|c| f.xy(c.x, c.y)).collect());
        let _ = writeln!(
            o,
            r##"<path d="{}" stroke="{halo}" stroke-width="8"/>"##,
            svg::lines(&f, &MultiLineString(vec![line.line.clone()]))
        );
        for s in &r.stretches {
            let part = sub_line(&line.line, s.from_km, s.to_km);
            let dash = if s.controller == Controller::Unknown {
                r#" stroke-dasharray="6 4""#
            } else {
                ""
            };
            let _ = writeln!(
                o,
                r#"<path data-road="{}" data-controller="{}" d="{}" stroke="{}" stroke-width="4.5"{dash}/>"#,
                escape(road),
                escape(s.controller.as_str()),
                svg::lines(&f, &MultiLineString(vec![part])),
                escape(&t.controller_color(&s.controller)),
            );
        }
        let mid = point_at_km(&line.line, r.length_km * 0.5);
        shields.push((road.clone(), f.xy(mid.x(), mid.y())));
    }
    o.push_str("</g>\n");

    // Front line.
    o.push_str("<g id=\"front\">\n");
    for fr in &areas.fronts {
        let _ = writeln!(
            o,
            r#"<path data-between="{} / {}" d="{}" fill="none" stroke="{front}" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/>"#,
            escape(fr.between.0.as_str()),
            escape(fr.between.1.as_str()),
            svg::lines(&f, &fr.geometry)
        );
    }
    o.push_str("</g>\n");

    // Towns and labels.
    let mut towns: Vec<Town> = Vec::new();
    for hld in day.held() {
        let Some(p) = t.gazetteer.get(hld.place) else {
            continue;
        };
        if p.lon < bbox[0] || p.lon > bbox[2] || p.lat < bbox[1] || p.lat > bbox[3] {
            continue;
        }
        towns.push((
            p.population,
            p.name.clone(),
            p.id.clone(),
            f.xy(p.lon, p.lat),
            hld.controller.to_string(),
        ));
    }
    towns.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let radius = |pop: u64| match pop {
        p if p >= 100_000 => 6.0,
        p if p >= 20_000 => 4.8,
        _ => 3.6,
    };
    let font = |pop: u64| if pop >= 100_000 { 15.0 } else { 13.0 };
    let _ = writeln!(o, "<g id=\"towns\" stroke=\"{halo}\" stroke-width=\"1.4\">");
    for (pop, _, id, (x, y), c) in &towns {
        let _ = writeln!(
            o,
            r#"<circle data-place="{}" cx="{x:.1}" cy="{y:.1}" r="{}" fill="{}"/>"#,
            escape(id),
            radius(*pop),
            escape(&t.controller_color(c))
        );
    }
    o.push_str("</g>\n");

    // Furniture boxes are obstacles for labels.
    let title_box = labels::Box2 {
        x0: 0.0,
        y0: 0.0,
        x1: 16.0 + labels::text_width(&title, 24.0).max(300.0),
        y1: 74.0,
    };
    let legend = legend_entries(
        t,
        areas,
        &towns.iter().map(|x| x.4.clone()).collect::<Vec<_>>(),
    );
    let legend_h = 34.0 + 22.0 * legend.len() as f64;
    let legend_box = labels::Box2 {
        x0: 0.0,
        y0: h - legend_h - 12.0,
        x1: 300.0,
        y1: h,
    };
    let foot_box = labels::Box2 {
        x0: w - 560.0,
        y0: h - 64.0,
        x1: w,
        y1: h,
    };
    let mut obstacles = vec![title_box, legend_box, foot_box];
    obstacles.extend(labels::road_obstacles(&road_px, (w, h)));
    for (name, (x, y)) in &shields {
        obstacles.push(labels::Box2 {
            x0: x - 18.0,
            y0: y - 11.0,
            x1: x + 18.0 + name.len() as f64,
            y1: y + 11.0,
        });
    }
    let wanted: Vec<labels::Wanted> = towns
        .iter()
        .map(|(pop, name, _, at, _)| labels::Wanted {
            at: *at,
            r: radius(*pop),
            size: (labels::text_width(name, font(*pop)), font(*pop)),
        })
        .collect();
    let placed = labels::place(&wanted, &obstacles, (w, h));
    let _ = writeln!(o, "<g id=\"labels\" fill=\"{label_c}\" stroke=\"{halo}\" stroke-width=\"3.2\" stroke-linejoin=\"round\" paint-order=\"stroke\">");
    for p in &placed {
        let (pop, name, ..) = &towns[p.index];
        let _ = writeln!(
            o,
            r#"<text x="{:.1}" y="{:.1}" font-size="{}" text-anchor="{}">{}</text>"#,
            p.x,
            p.y,
            font(*pop),
            p.anchor,
            escape(name)
        );
    }
    o.push_str("</g>\n");
    for (name, (x, y)) in &shields {
        let bw = 14.0 + labels::text_width(name, 12.0);
        let _ = writeln!(
            o,
            r##"<g class="shield"><rect x="{:.1}" y="{:.1}" width="{bw:.1}" height="20" rx="4" fill="{shield_c}" stroke="{halo}" stroke-width="1.5"/><text x="{x:.1}" y="{:.1}" font-size="12" fill="{halo}" text-anchor="middle">{}</text></g>"##,
            x - bw / 2.0,
            y - 10.0,
            y + 4.5,
            escape(name)
        );
    }
    o.push_str("</g>\n");

    // Title.
    let _ = writeln!(
        o,
        r##"<g id="title"><rect x="8" y="8" width="{:.1}" height="62" rx="4" fill="{halo}" fill-opacity="0.9"/><text x="20" y="38" font-size="24" fill="{title_c}">{}</text><text x="20" y="60" font-size="12" fill="{subtitle_c}">Nearest place with known control, {} km cutoff · {} places</text></g>"##,
        title_box.x1 - 8.0,
        escape(&title),
        day.cutoff_km(),
        towns.len()
    );

    // Legend.
    let ly = h - legend_h - 4.0;
    let _ = writeln!(
        o,
        r##"<g id="legend" font-size="13" fill="{text_c}"><rect x="8" y="{ly:.1}" width="284" height="{legend_h:.1}" rx="4" fill="{halo}" fill-opacity="0.9"/><text x="20" y="{:.1}" font-size="14">Legend</text>"##,
        ly + 22.0
    );
    for (i, (kind, label, color)) in legend.iter().enumerate() {
        let y = ly + 34.0 + 22.0 * i as f64;
        let sw = match *kind {
            "area" => format!(
                r#"<rect x="20" y="{:.1}" width="22" height="14" fill="{}" fill-opacity="0.5" stroke="{}"/>"#,
                y,
                escape(color),
                escape(color)
            ),
            "contested" => format!(
                r#"<rect x="20" y="{y:.1}" width="22" height="14" fill="url(#hatch)" stroke="{}"/>"#,
                escape(color)
            ),
            "front" => format!(
                r#"<line x1="20" y1="{:.1}" x2="42" y2="{:.1}" stroke="{front}" stroke-width="3.2"/>"#,
                y + 7.0,
                y + 7.0
            ),
            _ => format!(
                r#"<line x1="20" y1="{:.1}" x2="42" y2="{:.1}" stroke="{}" stroke-width="4.5" stroke-dasharray="6 4"/>"#,
                y + 7.0,
                y + 7.0,
                escape(color)
            ),
        };
        let _ = writeln!(
            o,
            r#"{sw}<text x="52" y="{:.1}">{}</text>"#,
            y + 12.0,
            escape(label)
        );
    }
    o.push_str("</g>\n");

    // Scale bar and attribution.
    let ppk = f.px_per_km();
    let km = [
        1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0,
    ]
    .into_iter()
    .rev()
    .find(|k| k * ppk <= (w * 0.2).max(40.0))
    .unwrap_or(1.0);
    let bar = km * ppk;
    let (bx, by) = (w - 24.0 - bar, h - 42.0);
    let _ = writeln!(
        o,
        r##"<g id="scale" font-size="12" fill="{text_c}"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="30" rx="3" fill="{halo}" fill-opacity="0.9"/><rect x="{bx:.1}" y="{by:.1}" width="{:.1}" height="5" fill="{text_c}"/><rect x="{bx:.1}" y="{by:.1}" width="{bar:.1}" height="5" fill="none" stroke="{text_c}"/><text x="{bx:.1}" y="{:.1}">0</text><text x="{:.1}" y="{:.1}" text-anchor="end">{km} km</text></g>"##,
        bx - 10.0,
        by - 18.0,
        bar + 20.0,
        bar / 2.0,
        by - 4.0,
        bx + bar,
        by - 4.0,
    );
    let _ = writeln!(
        o,
        r##"<text id="attribution" x="{:.1}" y="{:.1}" font-size="11" fill="{attribution_c}" text-anchor="end">Places: GeoNames (CC-BY 4.0) · Outlines: Natural Earth · Events: sourced, see data · frontline</text>"##,
        w - 12.0,
        h - 8.0
    );
    o.push_str("</svg>\n");
    o
}

/// (kind, label, colour) rows of the legend, in faction order.
fn legend_entries(
    t: &Theater,
    areas: &Areas,
    town_controllers: &[String],
) -> Vec<(&'static str, String, String)> {
    let present = |id: &str| {
        areas.areas.iter().any(|a| a.controller == id) || town_controllers.iter().any(|c| c == id)
    };
    let mut out: Vec<(&'static str, String, String)> = t
        .factions
        .iter()
        .filter(|f| present(&f.id))
        .map(|f| ("area", f.name.clone(), f.color.clone()))
        .collect();
    if present(Controller::Contested.as_str()) {
        out.push((
            "contested",
            t.controller_name(Controller::Contested),
            t.controller_color(Controller::Contested),
        ));
    }
    if !areas.fronts.is_empty() {
        out.push(("front", "Front line".into(), t.style.front.clone()));
    }
    out.push((
        "unknown",
        "Highway, holder unknown".into(),
        t.controller_color(Controller::Unknown),
    ));
    out
}
