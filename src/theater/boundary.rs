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
/// feature.
pub fn parse_outlines(text: &str, file: &str) -> Result<Vec<Outline>> {
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
            .with_hint("repair it, e.g. `ogr2ogr -makevalid out.geojson in.geojson`"));
        }
        out.push(Outline { name, shape });
    }
    if out.is_empty() {
        return Err(
            Error::input(file, None, None, "no Polygon or MultiPolygon feature")
                .with_hint("boundaries must be a GeoJSON FeatureCollection of (Multi)Polygons"),
        );
    }
    Ok(out)
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
    fn embedded_country_outline_parses() {
        let o = parse_outlines(crate::theater::embedded::ADM0, "adm0").unwrap();
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].name, "Syria");
    }
}
