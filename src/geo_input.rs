//! Checks on GeoJSON input before it is converted to `geo` types: every
//! position must hold two finite numbers within WGS84 range, so the
//! conversion never sees a malformed position (the geojson crate panics on
//! a position with fewer than two numbers).

use geojson::{Geometry, GeometryValue as Value, Position};

/// Why a geometry was refused, with the path of the bad position inside it
/// (e.g. `coordinates[0][3]`).
pub(crate) fn check_geometry(g: &Geometry) -> Result<(), String> {
    check_value(&g.value, 0)
}

/// At most this many nested geometry collections.
const MAX_DEPTH: usize = 8;

fn check_value(v: &Value, depth: usize) -> Result<(), String> {
    match v {
        Value::Point { coordinates } => position(coordinates, "coordinates"),
        Value::MultiPoint { coordinates } | Value::LineString { coordinates } => {
            positions(coordinates, "coordinates")
        }
        Value::MultiLineString { coordinates } | Value::Polygon { coordinates } => {
            for (i, l) in coordinates.iter().enumerate() {
                positions(l, &format!("coordinates[{i}]"))?;
            }
            Ok(())
        }
        Value::MultiPolygon { coordinates } => {
            for (i, p) in coordinates.iter().enumerate() {
                for (j, l) in p.iter().enumerate() {
                    positions(l, &format!("coordinates[{i}][{j}]"))?;
                }
            }
            Ok(())
        }
        Value::GeometryCollection { geometries } => {
            if depth >= MAX_DEPTH {
                return Err(format!(
                    "geometry collections nested more than {MAX_DEPTH} deep"
                ));
            }
            for (i, g) in geometries.iter().enumerate() {
                check_value(&g.value, depth + 1).map_err(|e| format!("geometries[{i}]: {e}"))?;
            }
            Ok(())
        }
    }
}

fn positions(ps: &[Position], at: &str) -> Result<(), String> {
    for (i, p) in ps.iter().enumerate() {
        position(p, &format!("{at}[{i}]"))?;
    }
    Ok(())
}

fn position(p: &Position, at: &str) -> Result<(), String> {
    if p.len() < 2 {
        return Err(format!(
            "position {at} has {} number(s); a position is [longitude, latitude]",
            p.len()
        ));
    }
    let (lon, lat) = (p[0], p[1]);
    if !lon.is_finite() || !lat.is_finite() || lon.abs() > 180.0 || lat.abs() > 90.0 {
        return Err(format!(
            "position {at} [{lon}, {lat}] is outside longitude ±180, latitude ±90"
        ));
    }
    Ok(())
}

/// Remove a leading byte-order mark (some Windows tools write one).
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geom(json: &str) -> Geometry {
        json.parse().unwrap()
    }

    #[test]
    fn short_positions_and_out_of_range_are_refused() {
        for (g, want) in [
            (
                r#"{"type":"LineString","coordinates":[[36.7],[36.8]]}"#,
                "coordinates[0]",
            ),
            (
                r#"{"type":"LineString","coordinates":[[36.7,35],[]]}"#,
                "coordinates[1]",
            ),
            (
                r#"{"type":"Polygon","coordinates":[[[0,0],[1,1e308],[1,0],[0,0]]]}"#,
                "coordinates[0][1]",
            ),
            (
                r#"{"type":"MultiPolygon","coordinates":[[[[0,0],[0,91],[1,0],[0,0]]]]}"#,
                "coordinates[0][0][1]",
            ),
        ] {
            let e = check_geometry(&geom(g)).unwrap_err();
            assert!(e.contains(want), "{g}: {e}");
        }
        check_geometry(&geom(
            r#"{"type":"LineString","coordinates":[[36.7,35.1],[36.8,35.2,4]]}"#,
        ))
        .unwrap();
    }
}
