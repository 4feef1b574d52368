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

/// Parse the Polygon and MultiPolygon features of a GeoJSON file. An empty
/// text gives no outlines; broken JSON or invalid geometry is an error naming
/// the file and the feature.
pub fn parse_outlines(text: &str, file: &str) -> Result<Vec<Outline>> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
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
    for (i, f) in features.into_iter().enumerate() {
        let field = format!("features[{i}].geometry");
        let name = ["name_en", "name", "NAME", "shapeName"]
            .iter()
            .find_map(|k| f.property(k).and_then(|v| v.as_str()))
            .unwrap_or("")
            .to_string();
        let Some(g) = f.geometry else { continue };
        let geom: geo::Geometry<f64> = g.try_into().map_err(|e: geojson::Error| {
            Error::input(file, None, Some(&field), format!("bad geometry: {e}"))
        })?;
        let shape = match geom {
            geo::Geometry::Polygon(p) => MultiPolygon(vec![p]),
            geo::Geometry::MultiPolygon(m) => m,
            _ => continue,
        };
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
    fn embedded_country_outline_parses() {
        let o = parse_outlines(crate::theater::embedded::ADM0, "adm0").unwrap();
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].name, "Syria");
    }
}
