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
pub use index_html::{index_html, IndexChange, IndexDay};
pub use png::{svg_to_png, FONT};

use crate::areas::{changed_ground, Change};
use crate::date::Date;
use crate::factions::Controller;
use crate::gazetteer::Kind;
use crate::i18n::{Lang, Ui};
use crate::roads::{point_at_km, sub_line};
use crate::theater::Theater;
use crate::timeline::{Day, PlaceChange};
use geo::{InteriorPoint, MultiLineString, MultiPolygon};
use std::fmt::Write;

/// How to frame and draw a day's map.
#[derive(Debug, Clone, Default)]
pub struct MapOptions {
    /// West, south, east, north; `None` fits the theater.
    pub bbox: Option<[f64; 4]>,
    /// Width, px; the height follows from the bbox.
    pub width: u32,
    /// Title; the date is always added.
    pub title: Option<String>,
    /// The language of labels, legend, title and scale.
    pub lang: Lang,
    /// Draw what changed hands since this day.
    pub since: Option<Date>,
}

/// Height of the title band above the map, px.
pub const TITLE_BAND: f64 = 64.0;

/// The bounding box of every place the events name and every road node,
/// padded by `pad_km` and 3 %.
pub fn default_bbox(t: &Theater, pad_km: f64) -> [f64; 4] {
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
    let dlat = pad_km / 111.0;
    let dlon = dlat / ((s + n) / 2.0).to_radians().cos().max(0.1);
    let (pw, ph) = ((e - w) * 0.03 + dlon, (n - s) * 0.03 + dlat);
    [w - pw, s - ph, e + pw, n + ph]
}

/// A marker on the map.
struct Town {
    population: u64,
    label: String,
    id: String,
    at: (f64, f64),
    /// `None`: a context town (no known controller today).
    controller: Option<String>,
}

/// One legend row.
enum Key {
    Area(String),
    Contested,
    Unknown,
    Outside,
    Sea,
    Front,
    Border,
    Governorate,
    Highway,
    OtherTown,
    Changed,
}

/// What changed since an earlier day, for the map.
pub struct Since<'a> {
    /// The earlier day.
    pub date: Date,
    /// Ground that changed hands.
    pub ground: Vec<Change>,
    /// Places that changed hands.
    pub places: Vec<PlaceChange<'a>>,
}

/// A day's map as SVG text: a title band, the map (areas, front line,
/// highway stretches, towns, context), and a band below it with the
/// legend, the scale bar and the attribution, so nothing covers the map.
///
/// ```
/// use frontline::render::{map_svg, MapOptions};
/// use frontline::timeline::Timeline;
/// let t = frontline::theater::Theater::embedded().unwrap();
/// let tl = Timeline::new(&t, 30.0);
/// let day = tl.day("2020-02-08".parse().unwrap());
/// let svg = map_svg(&day, &MapOptions { width: 800, ..Default::default() });
/// assert!(svg.contains("Territorial control — \u{200E}2020-02-08"));
/// assert!(svg.contains(r#"data-road="M5""#));
/// let fr = map_svg(&day, &MapOptions { width: 1600, lang: "fr".parse().unwrap(), ..Default::default() });
/// assert!(fr.contains(">Saraqeb</text>") && fr.contains("Contrôle territorial"));
/// ```
pub fn map_svg(day: &Day<'_>, opt: &MapOptions) -> String {
    let since = opt.since.map(|d0| {
        let then = day.timeline().day(d0);
        let ground = changed_ground(then.areas(), day.areas());
        let places = day.changes_since(&then);
        Since {
            date: d0,
            ground,
            places,
        }
    });
    draw(day, opt, since.as_ref())
}

fn draw(day: &Day<'_>, opt: &MapOptions, since: Option<&Since<'_>>) -> String {
    let t = day.theater();
    let areas = day.areas();
    let lang = opt.lang;
    let rtl = lang.rtl();
    // The palette (theater style.csv, or the defaults).
    let st = &t.style;
    let (bg, land, front, halo) = (&st.background, &st.land, &st.front, &st.halo);
    let (gov_c, country_c, shield_c) = (&st.governorates, &st.country, &st.shield);
    let (label_c, text_c, title_c) = (&st.labels, &st.text, &st.title);
    let (subtitle_c, attribution_c) = (&st.subtitle, &st.attribution);
    let context_c = "#8a8a8a";
    let bbox = opt
        .bbox
        .unwrap_or_else(|| default_bbox(t, t.settings.hull_margin_km));
    let f = Frame::new(bbox, f64::from(opt.width));
    let (w, mh) = (f.width, f.height);
    // Sea and neighbouring land apart only where the land file covers the
    // whole frame; otherwise both are the background.
    let neighbours = t.land.as_ref().filter(|l| l.covers(f.bbox));
    let inside =
        |lon: f64, lat: f64| lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
    // Right-to-left: furniture mirrored, text anchored at its right edge.
    let mx = |x: f64| if rtl { w - x } else { x };
    let start = if rtl { "end" } else { "start" };
    let dir = if rtl { r#" direction="rtl""# } else { "" };

    // U+200E (left-to-right mark) keeps the date's digits in order after
    // a right-to-left title (Unicode bidi rule W2 would reorder them).
    let title = format!(
        "{} — \u{200E}{}",
        opt.title.as_deref().unwrap_or(lang.ui(Ui::Title)),
        day.date()
    );

    // Towns: held ones in their holder's colour, the rest of the
    // gazetteer's populated places as small grey context markers.
    let mut towns: Vec<Town> = Vec::new();
    for hld in day.held() {
        let Some(p) = t.gazetteer.get(hld.place) else {
            continue;
        };
        if !inside(p.lon, p.lat) {
            continue;
        }
        towns.push(Town {
            population: p.population,
            label: t.display_name(&p.id, lang),
            id: p.id.clone(),
            at: f.xy(p.lon, p.lat),
            controller: Some(hld.controller.to_string()),
        });
    }
    towns.sort_by(|a, b| {
        b.population
            .cmp(&a.population)
            .then(a.label.cmp(&b.label))
            .then(a.id.cmp(&b.id))
    });
    let held_n = towns.len();
    let mut context: Vec<Town> = t
        .gazetteer
        .places()
        .iter()
        .filter(|p| p.kind == Kind::PopulatedPlace && inside(p.lon, p.lat))
        .filter(|p| {
            day.held()
                .binary_search_by(|h| h.place.cmp(p.id.as_str()))
                .is_err()
        })
        .map(|p| Town {
            population: p.population,
            label: t.display_name(&p.id, lang),
            id: p.id.clone(),
            at: f.xy(p.lon, p.lat),
            controller: None,
        })
        .collect();
    context.sort_by(|a, b| {
        b.population
            .cmp(&a.population)
            .then(a.label.cmp(&b.label))
            .then(a.id.cmp(&b.id))
    });
    towns.extend(context);

    // The band below the map: legend, then (change maps) what changed,
    // then the scale bar and attribution.
    // "Sea" in the legend only when some sea shows in the frame.
    let frame_box = geo::Rect::new(
        geo::coord! { x: f.bbox[0], y: f.bbox[1] },
        geo::coord! { x: f.bbox[2], y: f.bbox[3] },
    );
    let sea_shows = neighbours.is_some_and(|l| !geo::Contains::contains(&l.shape, &frame_box));
    // Likewise "Outside the country" when the frame leaves the country.
    let outside_shows = !t
        .country
        .iter()
        .any(|c| geo::Contains::contains(&c.shape, &frame_box));
    let legend = legend_keys(t, day, since.is_some(), (outside_shows, sea_shows), &towns);
    let legend_label = |k: &Key| -> String {
        match k {
            Key::Area(id) => t.controller_name_in(id, lang),
            Key::Contested => t.controller_name_in(Controller::Contested.as_str(), lang),
            Key::Unknown => lang.ui(Ui::Unknown).to_string(),
            Key::Outside => lang.ui(Ui::Outside).to_string(),
            Key::Sea => lang.ui(Ui::Sea).to_string(),
            Key::Front => lang.ui(Ui::Front).to_string(),
            Key::Border => lang.ui(Ui::CountryBorder).to_string(),
            Key::Governorate => lang.ui(Ui::Governorates).to_string(),
            Key::Highway => lang.ui(Ui::HighwayUnknown).to_string(),
            Key::OtherTown => lang.ui(Ui::OtherTowns).to_string(),
            Key::Changed => format!(
                "{} ({} \u{200E}{})",
                lang.ui(Ui::ChangedHands),
                lang.ui(Ui::Since),
                since.map_or(String::new(), |s| s.date.to_string())
            ),
        }
    };
    let labels_txt: Vec<String> = legend.iter().map(&legend_label).collect();
    let col_w = 56.0
        + labels_txt
            .iter()
            .map(|l| labels::text_width(l, 13.0))
            .fold(120.0, f64::max);
    let cols = (((w - 24.0) / col_w).floor() as usize).max(1);
    let rows = legend.len().div_ceil(cols);
    let legend_h = 30.0 + 22.0 * rows as f64;
    // What changed: per-faction km² and the places, in columns.
    let mut change_lines: Vec<(String, String)> = Vec::new(); // (colour, text)
    let mut balance = String::new();
    if let Some(s) = since {
        let mut per: std::collections::BTreeMap<&str, (f64, f64)> = Default::default();
        for c in &s.ground {
            per.entry(c.to.as_str()).or_default().0 += c.km2;
            per.entry(c.from.as_str()).or_default().1 += c.km2;
        }
        let parts: Vec<String> = per
            .iter()
            .map(|(id, (g, l))| {
                format!(
                    "{}: +{:.0} / −{:.0} {}",
                    t.controller_name_in(id, lang),
                    g,
                    l,
                    lang.ui(Ui::Km2)
                )
            })
            .collect();
        balance = if parts.is_empty() {
            lang.ui(Ui::NoChange).to_string()
        } else {
            parts.join(" · ")
        };
        for p in &s.places {
            change_lines.push((
                t.controller_color(p.to),
                format!(
                    "{} → {} (\u{200E}{})",
                    t.display_name(p.place, lang),
                    t.controller_name_in(p.to.as_str(), lang),
                    p.since
                ),
            ));
        }
    }
    let ch_col_w = 28.0
        + change_lines
            .iter()
            .map(|(_, l)| labels::text_width(l, 12.0))
            .fold(160.0, f64::max);
    let ch_cols = (((w - 24.0) / ch_col_w).floor() as usize).max(1);
    let ch_rows = change_lines.len().div_ceil(ch_cols);
    let change_h = if since.is_some() {
        48.0 + 18.0 * ch_rows as f64
    } else {
        0.0
    };
    let foot_h = 44.0;
    let band_top = TITLE_BAND + mh;
    let h = band_top + legend_h + change_h + foot_h;

    let mut o = String::new();
    let _ = writeln!(
        o,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="DejaVu Sans, sans-serif" data-lang="{}">
<title>{}</title>"#,
        lang.code(),
        escape(&title)
    );
    let contested = t.controller_color(Controller::Contested);
    let _ = writeln!(
        o,
        r#"<defs>
<pattern id="hatch" patternUnits="userSpaceOnUse" width="9" height="9" patternTransform="rotate(45)"><rect width="9" height="9" fill="{contested}" fill-opacity="0.12"/><line x1="0" y1="0" x2="0" y2="9" stroke="{contested}" stroke-width="3.5"/></pattern>"#
    );
    // One hatch per gaining controller, in its colour.
    let mut gainers: Vec<&Controller> = since
        .map(|s| s.ground.iter().map(|c| &c.to).collect())
        .unwrap_or_default();
    gainers.dedup();
    for (i, c) in gainers.iter().enumerate() {
        let col = escape(&t.controller_color(c));
        let _ = writeln!(
            o,
            r#"<pattern id="gain{i}" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(-45)"><line x1="0" y1="0" x2="0" y2="7" stroke="{col}" stroke-width="3"/></pattern>"#
        );
    }
    let _ = writeln!(
        o,
        r#"</defs>
<rect width="{w}" height="{h}" fill="{halo}"/>
<g id="map" transform="translate(0 {TITLE_BAND})">
<rect width="{w}" height="{mh}" fill="{}"/>"#,
        if neighbours.is_some() {
            escape(&t.style.sea)
        } else {
            bg.clone()
        }
    );
    if let Some(l) = neighbours {
        let _ = writeln!(
            o,
            r#"<path id="neighbours" d="{}" fill="{bg}" fill-rule="evenodd"/>"#,
            svg::polygons(&f, &l.shape)
        );
    }

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
    if let Some(s) = since {
        o.push_str("<g id=\"changed\">\n");
        for c in &s.ground {
            let i = gainers.iter().position(|g| **g == c.to).unwrap_or(0);
            let _ = writeln!(
                o,
                r#"<path data-from="{}" data-to="{}" d="{}" fill="url(#gain{i})" fill-rule="evenodd" stroke="{}" stroke-width="1.2"/>"#,
                escape(c.from.as_str()),
                escape(c.to.as_str()),
                svg::polygons(&f, &c.geometry),
                escape(&t.controller_color(&c.to)),
            );
        }
        o.push_str("</g>\n");
    }
    let mut gov = String::new();
    for g in &t.governorates {
        gov.push_str(&svg::outlines_in_frame(&f, &g.shape, 8.0));
    }
    let _ = writeln!(
        o,
        r##"<path id="governorates" d="{gov}" fill="none" stroke="{gov_c}" stroke-width="0.8" stroke-dasharray="5 3"/>
<path id="country" d="{}" fill="none" stroke="{country_c}" stroke-width="1.8"/>"##,
        svg::outlines_in_frame(&f, &country, 8.0)
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

    // Markers: context towns first (under), then held towns.
    let radius = |tw: &Town| match (tw.controller.is_some(), tw.population) {
        (false, _) => 2.2,
        (true, p) if p >= 100_000 => 6.0,
        (true, p) if p >= 20_000 => 4.8,
        _ => 3.6,
    };
    let font = |tw: &Town| match (tw.controller.is_some(), tw.population) {
        (false, _) => 10.5,
        (true, p) if p >= 100_000 => 15.0,
        _ => 13.0,
    };
    let _ = writeln!(
        o,
        "<g id=\"context-towns\" fill=\"{context_c}\" stroke=\"{halo}\" stroke-width=\"0.8\">"
    );
    for tw in &towns[held_n..] {
        let _ = writeln!(
            o,
            r#"<circle data-context="{}" cx="{:.1}" cy="{:.1}" r="{}"/>"#,
            escape(&tw.id),
            tw.at.0,
            tw.at.1,
            radius(tw)
        );
    }
    o.push_str("</g>\n");
    let changed: Vec<&str> = since
        .map(|s| s.places.iter().map(|p| p.place).collect())
        .unwrap_or_default();
    let _ = writeln!(o, "<g id=\"towns\" stroke=\"{halo}\" stroke-width=\"1.4\">");
    for tw in &towns[..held_n] {
        let c = tw.controller.as_deref().unwrap_or("unknown");
        if changed.contains(&tw.id.as_str()) {
            let _ = writeln!(
                o,
                r#"<circle cx="{:.1}" cy="{:.1}" r="{}" fill="none" stroke="{}" stroke-width="2"/>"#,
                tw.at.0,
                tw.at.1,
                radius(tw) + 3.0,
                escape(&t.controller_color(c))
            );
        }
        let _ = writeln!(
            o,
            r#"<circle data-place="{}" cx="{:.1}" cy="{:.1}" r="{}" fill="{}"/>"#,
            escape(&tw.id),
            tw.at.0,
            tw.at.1,
            radius(tw),
            escape(&t.controller_color(c))
        );
    }
    o.push_str("</g>\n");

    // Labels: country and sea names are fixed; shields and roads are
    // obstacles; towns in rank order (held first, then context); then the
    // governorate names where room is left.
    let mut obstacles = labels::road_obstacles(&road_px, (w, mh));
    for (name, (x, y)) in &shields {
        let bw = 14.0 + labels::text_width(name, 12.0);
        obstacles.push(labels::Box2 {
            x0: x - bw / 2.0 - 2.0,
            y0: y - 12.0,
            x1: x + bw / 2.0 + 2.0,
            y1: y + 12.0,
        });
    }
    let mut region_txt = String::new();
    for cl in &t.context_labels {
        if !inside(cl.lon, cl.lat) {
            continue;
        }
        let (x, y) = f.xy(cl.lon, cl.lat);
        let name = t.region_label(&cl.id, lang);
        let size = 17.0;
        let tw = labels::text_width(&name, size) * 1.1;
        obstacles.push(labels::Box2 {
            x0: x - tw / 2.0,
            y0: y - size,
            x1: x + tw / 2.0,
            y1: y + size * 0.3,
        });
        let (fill, style) = if cl.is_sea() {
            ("#5b7fa3", r#" font-style="italic""#)
        } else {
            ("#77736a", r#" letter-spacing="1.5""#)
        };
        let _ = writeln!(
            region_txt,
            r#"<text data-region="{}" x="{x:.1}" y="{y:.1}" font-size="{size}" fill="{fill}"{style} text-anchor="middle"{dir}>{}</text>"#,
            escape(&cl.id),
            escape(&name)
        );
    }
    let wanted: Vec<labels::Wanted> = towns
        .iter()
        .map(|tw| labels::Wanted {
            at: tw.at,
            r: radius(tw),
            size: (labels::text_width(&tw.label, font(tw)), font(tw)),
        })
        .collect();
    // Held towns first, by population, then the context towns by
    // population: a context label only takes room no held town needed.
    // Obstacles, town markers and placed labels go into one grid, which
    // then keeps the governorate names off all of them.
    let mut taken = labels::Taken::new((w, mh));
    for b in obstacles {
        taken.push(b);
    }
    let placed = labels::place_into(&mut taken, &wanted);
    let _ = writeln!(o, "<g id=\"regions\">\n{region_txt}</g>");
    // Governorates: a name at a point inside the outline, if it fits.
    let mut gov_txt = String::new();
    for g in &t.governorates {
        let Some(ip) = g.shape.interior_point() else {
            continue;
        };
        if !inside(ip.x(), ip.y()) {
            continue;
        }
        let mut name = t.region_label(&format!("adm1:{}", g.name), lang);
        if !rtl {
            // Capitals tell a governorate from the town of the same name.
            name = name.to_uppercase();
        }
        let size = 12.0;
        let want = labels::Wanted {
            at: f.xy(ip.x(), ip.y()),
            r: 0.0,
            size: (labels::text_width(&name, size) * 1.1, size),
        };
        if let Some(p) = labels::place_one(&taken, &want) {
            taken.push(labels::label_box(&p, &want));
            let _ = writeln!(
                gov_txt,
                r#"<text x="{:.1}" y="{:.1}" font-size="{size}" text-anchor="{}" fill="{gov_c}" letter-spacing="1">{}</text>"#,
                p.x,
                p.y,
                p.anchor,
                escape(&name)
            );
        }
    }
    let _ = writeln!(
        o,
        "<g id=\"governorate-names\" stroke=\"{halo}\" stroke-width=\"2.5\" paint-order=\"stroke\">\n{gov_txt}</g>"
    );
    let _ = writeln!(o, "<g id=\"labels\" fill=\"{label_c}\" stroke=\"{halo}\" stroke-width=\"3.2\" stroke-linejoin=\"round\" paint-order=\"stroke\">");
    for p in &placed {
        let tw = &towns[p.index];
        let extra = if tw.controller.is_none() {
            format!(r#" fill="{context_c}""#)
        } else {
            String::new()
        };
        let _ = writeln!(
            o,
            r#"<text x="{:.1}" y="{:.1}" font-size="{}" text-anchor="{}"{extra}>{}</text>"#,
            p.x,
            p.y,
            font(tw),
            p.anchor,
            escape(&tw.label)
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
    // The frame spans the whole width, so what the map draws beyond it can
    // only spill into the title and legend bands: they are painted over it
    // here. (A clip path would say the same but costs the PNG an extra
    // full-size layer and mask, a third of its rendering time.)
    let _ = writeln!(
        o,
        r#"<rect id="title-band" width="{w}" height="{TITLE_BAND}" fill="{halo}"/>
<rect id="legend-band" y="{band_top:.1}" width="{w}" height="{:.1}" fill="{halo}"/>"#,
        h - band_top
    );
    let _ = writeln!(
        o,
        r#"<rect x="0.5" y="{:.1}" width="{:.1}" height="{mh}" fill="none" stroke="{country_c}" stroke-width="1"/>"#,
        TITLE_BAND,
        w - 1.0
    );

    // Title band.
    let subtitle = format!(
        "{} · {}",
        lang.ui(Ui::PlacesKnown)
            .replace("{n}", &day.held().len().to_string()),
        area_model(lang, day.cutoff_km(), t.settings.hull_margin_km)
    );
    let _ = writeln!(
        o,
        r##"<g id="title"><text x="{:.1}" y="34" font-size="24" fill="{title_c}" text-anchor="{start}"{dir}>{}</text><text x="{:.1}" y="54" font-size="12" fill="{subtitle_c}" text-anchor="{start}"{dir}>{}</text></g>"##,
        mx(16.0),
        escape(&title),
        mx(16.0),
        escape(&subtitle)
    );

    // Legend band.
    let ly = band_top + 8.0;
    let _ = writeln!(
        o,
        r##"<g id="legend" font-size="13" fill="{text_c}"><text x="{:.1}" y="{:.1}" font-size="14" font-weight="bold" text-anchor="{start}"{dir}>{}</text>"##,
        mx(16.0),
        ly + 14.0,
        escape(lang.ui(Ui::Legend))
    );
    for (i, (k, label)) in legend.iter().zip(&labels_txt).enumerate() {
        let (c, r) = (i % cols, i / cols);
        let x0 = 16.0 + col_w * c as f64;
        let y = ly + 24.0 + 22.0 * r as f64;
        // Swatch from x0 to x0 + 22 (mirrored in right-to-left).
        let sx = if rtl { w - x0 - 22.0 } else { x0 };
        let (l1, l2, ym) = (sx, sx + 22.0, y + 7.0);
        let sw = match k {
            Key::Area(id) => {
                let col = escape(&t.controller_color(id));
                format!(
                    r#"<rect x="{sx:.1}" y="{y:.1}" width="22" height="14" fill="{col}" fill-opacity="0.5" stroke="{col}"/>"#
                )
            }
            Key::Contested => format!(
                r#"<rect x="{sx:.1}" y="{y:.1}" width="22" height="14" fill="url(#hatch)" stroke="{}"/>"#,
                escape(&contested)
            ),
            Key::Unknown => format!(
                r#"<rect x="{sx:.1}" y="{y:.1}" width="22" height="14" fill="{land}" stroke="{country_c}" stroke-width="0.6"/>"#
            ),
            Key::Outside => format!(
                r#"<rect x="{sx:.1}" y="{y:.1}" width="22" height="14" fill="{bg}" stroke="{country_c}" stroke-width="0.6"/>"#
            ),
            Key::Sea => format!(
                r#"<rect x="{sx:.1}" y="{y:.1}" width="22" height="14" fill="{}" stroke="{country_c}" stroke-width="0.6"/>"#,
                escape(&t.style.sea)
            ),
            Key::Front => format!(
                r#"<line x1="{l1:.1}" y1="{ym:.1}" x2="{l2:.1}" y2="{ym:.1}" stroke="{front}" stroke-width="3.2"/>"#
            ),
            Key::Border => format!(
                r#"<line x1="{l1:.1}" y1="{ym:.1}" x2="{l2:.1}" y2="{ym:.1}" stroke="{country_c}" stroke-width="1.8"/>"#
            ),
            Key::Governorate => format!(
                r#"<line x1="{l1:.1}" y1="{ym:.1}" x2="{l2:.1}" y2="{ym:.1}" stroke="{gov_c}" stroke-width="1" stroke-dasharray="5 3"/>"#
            ),
            Key::Highway => format!(
                r#"<line x1="{l1:.1}" y1="{ym:.1}" x2="{l2:.1}" y2="{ym:.1}" stroke="{}" stroke-width="4.5" stroke-dasharray="6 4"/>"#,
                escape(&t.controller_color(Controller::Unknown))
            ),
            Key::OtherTown => format!(
                r#"<circle cx="{:.1}" cy="{ym:.1}" r="2.6" fill="{context_c}"/>"#,
                sx + 11.0
            ),
            Key::Changed => {
                let col = gainers
                    .first()
                    .map_or_else(|| text_c.clone(), |g| t.controller_color(g));
                format!(
                    r#"<rect x="{sx:.1}" y="{y:.1}" width="22" height="14" fill="url(#gain0)" stroke="{}"/>"#,
                    escape(&col)
                )
            }
        };
        let _ = writeln!(
            o,
            r#"{sw}<text x="{:.1}" y="{:.1}" text-anchor="{start}"{dir}>{}</text>"#,
            mx(x0 + 30.0),
            y + 12.0,
            escape(label)
        );
    }
    o.push_str("</g>\n");

    // What changed.
    if let Some(s) = since {
        let cy = band_top + legend_h + 4.0;
        let _ = writeln!(
            o,
            r##"<g id="changes" font-size="12" fill="{text_c}"><text x="{:.1}" y="{:.1}" font-size="14" font-weight="bold" text-anchor="{start}"{dir}>{} ({} {}{}: {})</text><text x="{:.1}" y="{:.1}" font-size="12" text-anchor="{start}"{dir}>{}</text>"##,
            mx(16.0),
            cy + 14.0,
            escape(lang.ui(Ui::PlacesChanged)),
            escape(lang.ui(Ui::Since)),
            '\u{200E}',
            s.date,
            s.places.len(),
            mx(16.0),
            cy + 32.0,
            escape(&balance)
        );
        for (i, (col, line)) in change_lines.iter().enumerate() {
            let (c, r) = (i % ch_cols, i / ch_cols);
            let x0 = 16.0 + ch_col_w * c as f64;
            let y = cy + 52.0 + 18.0 * r as f64;
            let _ = writeln!(
                o,
                r#"<circle cx="{:.1}" cy="{:.1}" r="4" fill="{}"/><text x="{:.1}" y="{y:.1}" text-anchor="{start}"{dir}>{}</text>"#,
                mx(x0 + 5.0),
                y - 4.0,
                escape(col),
                mx(x0 + 14.0),
                escape(line)
            );
        }
        o.push_str("</g>\n");
    }

    // Scale bar (left, or right in right-to-left) and attribution box.
    let ppk = f.px_per_km();
    let km = [
        1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0,
    ]
    .into_iter()
    .rev()
    .find(|k| k * ppk <= (w * 0.18).max(40.0))
    .unwrap_or(1.0);
    let bar = km * ppk;
    let by = h - 22.0;
    let bx = if rtl { w - 16.0 - bar } else { 16.0 };
    let _ = writeln!(
        o,
        r##"<g id="scale" font-size="12" fill="{text_c}"><rect x="{bx:.1}" y="{by:.1}" width="{:.1}" height="5" fill="{text_c}"/><rect x="{bx:.1}" y="{by:.1}" width="{bar:.1}" height="5" fill="none" stroke="{text_c}"/><text x="{bx:.1}" y="{:.1}">0</text><text x="{:.1}" y="{:.1}" text-anchor="end">{km} {}</text></g>"##,
        bar / 2.0,
        by - 4.0,
        bx + bar,
        by - 4.0,
        escape(lang.ui(Ui::Km))
    );
    let attribution = t.attribution();
    let aw = labels::text_width(attribution, 11.0) * 0.92 + 16.0;
    let ax = if rtl { 12.0 } else { w - 12.0 - aw };
    let _ = writeln!(
        o,
        r##"<g id="attribution"><rect x="{ax:.1}" y="{:.1}" width="{aw:.1}" height="22" rx="3" fill="{halo}" stroke="{gov_c}" stroke-width="0.6"/><text x="{:.1}" y="{:.1}" font-size="11" fill="{attribution_c}" text-anchor="middle">{}</text></g>"##,
        h - 34.0,
        ax + aw / 2.0,
        h - 19.0,
        escape(attribution)
    );
    o.push_str("</svg>\n");
    o
}

/// The subtitle's account of the area model.
fn area_model(lang: Lang, cutoff: f64, margin: f64) -> String {
    match lang {
        Lang::En => format!(
            "areas: nearest known place, up to {cutoff} km, {margin} km beyond the outermost"
        ),
        Lang::Fr => format!(
            "zones : localité connue la plus proche, jusqu'à {cutoff} km, {margin} km au-delà des plus éloignées"
        ),
        Lang::Ar => format!(
            "المناطق: أقرب مكان معروف، حتى {cutoff} كم، و{margin} كم بعد أبعد الأماكن"
        ),
    }
}

/// The legend rows, in faction order.
fn legend_keys(
    t: &Theater,
    day: &Day<'_>,
    since: bool,
    (outside, sea): (bool, bool),
    towns: &[Town],
) -> Vec<Key> {
    let areas = day.areas();
    let present = |id: &str| {
        areas.areas.iter().any(|a| a.controller == id)
            || towns.iter().any(|x| x.controller.as_deref() == Some(id))
    };
    let mut out: Vec<Key> = t
        .factions
        .iter()
        .filter(|f| present(&f.id))
        .map(|f| Key::Area(f.id.clone()))
        .collect();
    if present(Controller::Contested.as_str()) {
        out.push(Key::Contested);
    }
    out.push(Key::Unknown);
    if outside {
        out.push(Key::Outside);
    }
    if sea {
        out.push(Key::Sea);
    }
    if since {
        out.push(Key::Changed);
    }
    if !areas.fronts.is_empty() {
        out.push(Key::Front);
    }
    if !t.country.is_empty() {
        out.push(Key::Border);
    }
    if !t.governorates.is_empty() {
        out.push(Key::Governorate);
    }
    if day.roads().iter().any(|r| {
        r.stretches
            .iter()
            .any(|s| s.controller == Controller::Unknown)
    }) {
        out.push(Key::Highway);
    }
    if towns.iter().any(|x| x.controller.is_none()) {
        out.push(Key::OtherTown);
    }
    out
}
