//! Country and governorate outlines from GeoJSON.

use crate::error::{Error, Result};
use geo::{MultiPolygon, Validation};

/// A named outline (a country or a governorate).
#[derive(Debug, Clone)]
pub struct Outline {
    /// The feature's `name` (or `name_en`, `NAME`, `shapeName`) property.
    pub name: String,
    /// Its shape, lon/lat.
    pub shape: MultiPolygon<f64>,
}

/// At most this many vertices in one boundary file: areas are clipped to the
/// outlines day after day, and a detailed coastline makes that slow.
pub const MAX_OUTLINE_POINTS: usize = 20_000;

/// Parse the Polygon and MultiPolygon features of a GeoJSON file. An empty
/// file, broken JSON, a file without any polygon, a position outside
/// longitude ±180 / latitude ±90, an invalid polygon or more than
/// [`MAX_OUTLINE_POINTS`] vertices is an error naming the file and the
/// feature. Spikes and repeated positions are repaired first (see
/// [`parse_outlines_repaired`]).
pub fn parse_outlines(text: &str, file: &str) -> Result<Vec<Outline>> {
    parse_outlines_repaired(text, file).map(|(o, _)| o)
}

/// [`parse_outlines`], and a note per feature that had to be repaired.
///
/// Two invalidities are common in outlines decoded from TopoJSON (Natural
/// Earth's Ukraine from world-atlas has one): a *spike*, where a ring goes
/// from A to B and straight back to A (quantisation collapses a thin inlet
/// to a zero-width one, and the ring touches itself), and the same position
/// written twice in a row. Both enclose no area, so removing them changes
/// nothing but the validity. Anything else invalid is refused with a hint.
pub fn parse_outlines_repaired(text: &str, file: &str) -> Result<(Vec<Outline>, Vec<String>)> {
    let mut notes = Vec::new();
    let text = crate::geo_input::strip_bom(text);
    if text.trim().is_empty() {
        return Err(Error::input(file, Some(1), None, "the boundary file is empty")
            .with_hint("boundaries must be a GeoJSON FeatureCollection of (Multi)Polygons; delete the file to draw no outline"));
    }
    let gj: geojson::GeoJson = text.parse().map_err(|e: geojson::Error| {
        Error::input(file, None, None, format!("not valid GeoJSON: {e}"))
            .with_hint("boundaries must be a GeoJSON FeatureCollection of (Multi)Polygons")
    })?;
    let features = match gj {
        geojson::GeoJson::FeatureCollection(fc) => fc.features,
        geojson::GeoJson::Feature(f) => vec![f],
        geojson::GeoJson::Geometry(g) => vec![geojson::Feature {
            geometry: Some(g),
            ..Default::default()
        }],
    };
    let mut out = Vec::new();
    let mut points = 0usize;
    for (i, f) in features.into_iter().enumerate() {
        let field = format!("features[{i}].geometry");
        let name = ["name_en", "name", "NAME", "shapeName"]
            .iter()
            .find_map(|k| f.property(k).and_then(|v| v.as_str()))
            .unwrap_or("")
            .to_string();
        let Some(g) = f.geometry else { continue };
        crate::geo_input::check_geometry(&g).map_err(|e| {
            Error::input(file, None, Some(&field), e)
                .with_hint("positions are [longitude, latitude] in WGS84 degrees")
        })?;
        let geom: geo::Geometry<f64> = g.try_into().map_err(|e: geojson::Error| {
            Error::input(file, None, Some(&field), format!("bad geometry: {e}"))
        })?;
        let shape = match geom {
            geo::Geometry::Polygon(p) => MultiPolygon(vec![p]),
            geo::Geometry::MultiPolygon(m) => m,
            _ => continue,
        };
        let (shape, removed) = remove_spikes(shape);
        if removed > 0 {
            notes.push(format!(
                "{file}: {field}: removed {removed} spike(s) or repeated position(s) from outline `{name}`"
            ));
        }
        points += geo::CoordsIter::coords_count(&shape);
        if points > MAX_OUTLINE_POINTS {
            return Err(Error::input(
                file,
                None,
                Some(&field),
                format!("the outlines have more than {MAX_OUTLINE_POINTS} vertices"),
            )
            .with_hint("simplify them first, e.g. `ogr2ogr -simplify 0.001 out.geojson in.geojson` (about 100 m)"));
        }
        if let Err(e) = shape.check_validation() {
            return Err(Error::input(
                file,
                None,
                Some(&field),
                format!("outline `{name}` is not a valid polygon: {e}"),
            )
            .with_hint("repair it, e.g. `ogr2ogr -makevalid out.geojson in.geojson` (GDAL 3.3 or later), then check with `ogrinfo -dialect sqlite -sql \"select ST_IsValidReason(geometry) from LAYER\" out.geojson`"));
        }
        out.push(Outline { name, shape });
    }
    if out.is_empty() {
        return Err(
            Error::input(file, None, None, "no Polygon or MultiPolygon feature")
                .with_hint("boundaries must be a GeoJSON FeatureCollection of (Multi)Polygons"),
        );
    }
    Ok((out, notes))
}

/// Remove repeated positions and spikes (A, B, A) from every ring; returns
/// the shape and how many positions were removed.
fn remove_spikes(shape: MultiPolygon<f64>) -> (MultiPolygon<f64>, usize) {
    let mut removed = 0;
    let mut clean = |ring: &geo::LineString<f64>| -> geo::LineString<f64> {
        let mut pts: Vec<geo::Coord<f64>> = Vec::with_capacity(ring.0.len());
        for &c in &ring.0 {
            if pts.last() == Some(&c) {
                removed += 1;
                continue;
            }
            // A, B, A: drop B and the second A.
            if pts.len() >= 2 && pts[pts.len() - 2] == c {
                pts.pop();
                removed += 2;
                continue;
            }
            pts.push(c);
        }
        geo::LineString(pts)
    };
    let polys = shape
        .0
        .iter()
        .map(|p| {
            let ext = clean(p.exterior());
            let ints = p.interiors().iter().map(&mut clean).collect();
            geo::Polygon::new(ext, ints)
        })
        .collect();
    (MultiPolygon(polys), removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bow_tie_is_rejected_with_the_feature() {
        let t = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"X"},
          "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}]}"#;
        let e = parse_outlines(t, "b.geojson").unwrap_err().to_string();
        assert!(
            e.contains("b.geojson") && e.contains("features[0].geometry"),
            "{e}"
        );
    }

    #[test]
    fn empty_polygonless_and_out_of_range_boundaries_are_refused() {
        let poly = |c: &str| {
            format!(
                r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{}},"geometry":{{"type":"Polygon","coordinates":[[[0,0],{c},[1,0],[0,0]]]}}}}]}}"#
            )
        };
        for (text, want) in [
            ("", "empty"),
            (" \n", "empty"),
            (
                r#"{"type":"FeatureCollection","features":[]}"#,
                "no Polygon",
            ),
            (
                r#"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[36,35]}}"#,
                "no Polygon",
            ),
            (&poly("[1e308,1]"), "outside"),
            (&poly("[0,91]"), "outside"),
            (&poly("[0]"), "number(s)"),
        ] {
            let e = parse_outlines(text, "adm0.geojson")
                .unwrap_err()
                .to_string();
            assert!(
                e.contains("adm0.geojson") && e.contains(want),
                "{text}: {e}"
            );
        }
        parse_outlines(&format!("\u{feff}{}", poly("[1,1]")), "bom.geojson").unwrap();
    }

    #[test]
    fn huge_outlines_are_refused_with_a_simplify_hint() {
        let n = MAX_OUTLINE_POINTS + 10;
        let ring: Vec<String> = (0..n)
            .map(|i| {
                let a = i as f64 / n as f64 * std::f64::consts::TAU;
                format!("[{:.6},{:.6}]", a.cos(), a.sin())
            })
            .chain(std::iter::once("[1.000000,0.000000]".to_string()))
            .collect();
        let t = format!(
            r#"{{"type":"Polygon","coordinates":[[{}]]}}"#,
            ring.join(",")
        );
        let e = parse_outlines(&t, "big.geojson").unwrap_err().to_string();
        assert!(e.contains("simplify"), "{e}");
    }

    #[test]
    fn a_spike_is_removed_and_reported() {
        // A square whose top edge has a zero-width spike up to (0.5, 2):
        // the ring touches itself, as Natural Earth's Ukraine does after
        // TopoJSON decoding.
        let t = r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0.5,1],[0.5,2],[0.5,1],[0,1],[0,0]]]}"#;
        let (o, notes) = parse_outlines_repaired(t, "spike.geojson").unwrap();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("spike.geojson"), "{notes:?}");
        assert_eq!(geo::CoordsIter::coords_count(&o[0].shape), 6);
        // A bow tie is not a spike: still refused.
        let bow = r#"{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}"#;
        assert!(parse_outlines_repaired(bow, "b").is_err());
    }

    #[test]
    fn embedded_country_outline_parses() {
        let o = parse_outlines(crate::theater::embedded::ADM0, "adm0").unwrap();
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].name, "Syria");
    }
}

/// Land around the theater (`boundaries/land.geojson`), so a map can tell the
/// sea from the neighbouring countries.
#[derive(Debug, Clone)]
pub struct Land {
    /// Land within `covers`, lon/lat.
    pub shape: MultiPolygon<f64>,
    /// West, south, east, north: the window the file covers (its GeoJSON
    /// `bbox`). Outside it, land and sea are not known apart.
    pub covers: [f64; 4],
}

impl Land {
    /// Whether the file says what is land everywhere in `bbox`.
    pub fn covers(&self, bbox: [f64; 4]) -> bool {
        let c = self.covers;
        bbox[0] >= c[0] && bbox[1] >= c[1] && bbox[2] <= c[2] && bbox[3] <= c[3]
    }
}

/// Parse a land file: (Multi)Polygons as for [`parse_outlines`], and a
/// top-level `bbox` saying which window they cover (required: without it,
/// ground beyond the file's edge would be painted as sea).
///
/// ```
/// let text = r#"{"type":"FeatureCollection","bbox":[35,34,38,37],"features":[
///   {"type":"Feature","properties":{},"geometry":{"type":"Polygon",
///    "coordinates":[[[36,34],[38,34],[38,37],[36,37],[36,34]]]}}]}"#;
/// let land = frontline::theater::parse_land(text, "land.geojson").unwrap();
/// assert!(land.covers([35.5, 34.5, 37.5, 36.5]));
/// assert!(!land.covers([34.0, 34.5, 37.5, 36.5]));
/// ```
pub fn parse_land(text: &str, file: &str) -> Result<Land> {
    let outlines = parse_outlines(text, file)?;
    let gj: geojson::GeoJson =
        crate::geo_input::strip_bom(text)
            .parse()
            .map_err(|e: geojson::Error| {
                Error::input(file, None, None, format!("not valid GeoJSON: {e}"))
            })?;
    let bbox = match &gj {
        geojson::GeoJson::FeatureCollection(fc) => fc.bbox.clone(),
        _ => None,
    };
    let covers = match bbox.as_deref() {
        Some(&[w, s, e, n])
            if w < e && s < n && (-180.0..=180.0).contains(&w) && (-180.0..=180.0).contains(&e)
                && (-90.0..=90.0).contains(&s) && (-90.0..=90.0).contains(&n) =>
        {
            [w, s, e, n]
        }
        _ => {
            return Err(Error::input(
                file,
                None,
                Some("bbox"),
                "a land file needs a top-level \"bbox\": [west, south, east, north], the window it covers",
            )
            .with_hint("scripts/extract_land.py writes it; outside that window a map cannot tell land from sea"))
        }
    };
    Ok(Land {
        shape: MultiPolygon(outlines.into_iter().flat_map(|o| o.shape.0).collect()),
        covers,
    })
}
