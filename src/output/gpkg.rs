//! GeoPackage 1.3 writer: the timeline layers plus a `layer_styles` table
//! whose rows are QGIS's default styles.
//!
//! Written with plain SQL over rusqlite (bundled SQLite): the standard
//! tables, one feature table per layer with a `geom` column holding
//! GeoPackage binary geometry (the "GP" header with an envelope, then
//! little-endian WKB), and `layer_styles` registered in `gpkg_contents` as
//! `attributes`. Dates are `DATE` columns holding `YYYY-MM-DD`. Time stamps
//! are taken from the data (the last event date) so the file is
//! byte-identical for the same inputs.

use super::layers::{FieldKind, Layer};
use crate::error::{Error, Result};
use geo::{BoundingRect, Coord, Geometry, LineString};
use rusqlite::{params, Connection};
use serde_json::Value;
use std::path::Path;

fn wkb_ring(out: &mut Vec<u8>, l: &LineString<f64>) {
    out.extend((l.0.len() as u32).to_le_bytes());
    for c in &l.0 {
        out.extend(c.x.to_le_bytes());
        out.extend(c.y.to_le_bytes());
    }
}

/// GeoPackage binary: header (version 0, little endian, xy envelope,
/// srs 4326) and WKB.
///
/// ```
/// let b = frontline::output::gpkg::gpkg_geometry(&geo::Point::new(36.0, 35.0).into()).unwrap();
/// assert_eq!(&b[..2], b"GP");
/// assert_eq!(b.len(), 8 + 32 + 21);
/// ```
pub fn gpkg_geometry(g: &Geometry<f64>) -> Option<Vec<u8>> {
    let r = g.bounding_rect()?;
    let mut out = Vec::with_capacity(64);
    out.extend(b"GP");
    out.push(0); // version 1.0 of the binary format
    out.push(0b0000_0011); // envelope [minx, maxx, miny, maxy], little endian
    out.extend(4326i32.to_le_bytes());
    for v in [r.min().x, r.max().x, r.min().y, r.max().y] {
        out.extend(v.to_le_bytes());
    }
    out.push(1); // WKB little endian
    match g {
        Geometry::Point(p) => {
            out.extend(1u32.to_le_bytes());
            out.extend(p.x().to_le_bytes());
            out.extend(p.y().to_le_bytes());
        }
        Geometry::LineString(l) => {
            out.extend(2u32.to_le_bytes());
            wkb_ring(&mut out, l);
        }
        Geometry::Polygon(p) => {
            out.extend(3u32.to_le_bytes());
            out.extend((1 + p.interiors().len() as u32).to_le_bytes());
            wkb_ring(&mut out, p.exterior());
            for r in p.interiors() {
                wkb_ring(&mut out, r);
            }
        }
        _ => return None,
    }
    Some(out)
}

fn sql_type(k: FieldKind) -> &'static str {
    match k {
        FieldKind::Text => "TEXT",
        FieldKind::Date => "DATE",
        FieldKind::Real => "REAL",
        FieldKind::Integer => "INTEGER",
    }
}

const SCHEMA: &str = "
PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326,
   'GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]',
   'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL,
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE layer_styles (
  id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256), f_table_schema TEXT(256),
  f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT,
  styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),
  update_time DATETIME);
";

fn db_err(path: &Path, e: rusqlite::Error) -> Error {
    Error::io(path, std::io::Error::other(e.to_string()))
}

/// Write the layers and their styles (`(layer name, QML)`) to a new
/// GeoPackage at `path` (through a temporary file, then a rename).
pub fn write(path: &Path, layers: &[Layer], styles: &[(&str, String)], stamp: &str) -> Result<()> {
    // Through a symbolic link to its file; a device or folder is refused.
    let path = &crate::error::output_target(path)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(
        || "frontline.gpkg".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    // Named like write_atomic's temporaries, so a killed run's file (and
    // its journal) is removed by the next run.
    crate::error::remove_stale_temporaries(dir, Some(&name));
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let res = (|| -> std::result::Result<(), rusqlite::Error> {
        let mut db = Connection::open(&tmp)?;
        db.execute_batch(SCHEMA)?;
        let tx = db.transaction()?;
        for l in layers {
            let cols: Vec<String> = l
                .fields
                .iter()
                .map(|(n, k)| format!("\"{n}\" {}", sql_type(*k)))
                .collect();
            tx.execute_batch(&format!(
                "CREATE TABLE \"{}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {}, {});",
                l.name,
                l.geom.ogc_name(),
                cols.join(", ")
            ))?;
            let mut ext: Option<(Coord<f64>, Coord<f64>)> = None;
            {
                let marks = vec!["?"; l.fields.len() + 1].join(", ");
                let names: Vec<String> = l.fields.iter().map(|(n, _)| format!("\"{n}\"")).collect();
                let mut st = tx.prepare(&format!(
                    "INSERT INTO \"{}\" (geom, {}) VALUES ({marks})",
                    l.name,
                    names.join(", ")
                ))?;
                for (g, vals) in &l.features {
                    if let Some(r) = g.bounding_rect() {
                        let e = ext.get_or_insert((r.min(), r.max()));
                        e.0 = Coord {
                            x: e.0.x.min(r.min().x),
                            y: e.0.y.min(r.min().y),
                        };
                        e.1 = Coord {
                            x: e.1.x.max(r.max().x),
                            y: e.1.y.max(r.max().y),
                        };
                    }
                    let mut p: Vec<rusqlite::types::Value> = vec![gpkg_geometry(g)
                        .map_or(rusqlite::types::Value::Null, rusqlite::types::Value::Blob)];
                    for v in vals {
                        p.push(match v {
                            Value::Null => rusqlite::types::Value::Null,
                            Value::String(s) => rusqlite::types::Value::Text(s.clone()),
                            Value::Number(n) if n.is_i64() => {
                                rusqlite::types::Value::Integer(n.as_i64().unwrap_or(0))
                            }
                            Value::Number(n) => {
                                rusqlite::types::Value::Real(n.as_f64().unwrap_or(0.0))
                            }
                            Value::Bool(b) => rusqlite::types::Value::Integer(i64::from(*b)),
                            other => rusqlite::types::Value::Text(other.to_string()),
                        });
                    }
                    st.execute(rusqlite::params_from_iter(p))?;
                }
            }
            let (lo, hi) = ext.unwrap_or((Coord { x: 0.0, y: 0.0 }, Coord { x: 0.0, y: 0.0 }));
            tx.execute(
                "INSERT INTO gpkg_contents VALUES (?1, 'features', ?1, ?2, ?3, ?4, ?5, ?6, ?7, 4326)",
                params![l.name, format!("frontline {} layer", l.name), stamp, lo.x, lo.y, hi.x, hi.y],
            )?;
            tx.execute(
                "INSERT INTO gpkg_geometry_columns VALUES (?1, 'geom', ?2, 4326, 0, 0)",
                params![l.name, l.geom.ogc_name()],
            )?;
        }
        for (name, qml) in styles {
            tx.execute(
                "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time)
                 VALUES ('', '', ?1, 'geom', ?1, ?2, '', 1, 'frontline default style', '', NULL, ?3)",
                params![name, qml, stamp],
            )?;
        }
        tx.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES ('layer_styles', 'attributes', 'layer_styles', 'QGIS layer styles', ?1)",
            params![stamp],
        )?;
        tx.commit()?;
        db.close().map_err(|(_, e)| e)?;
        Ok(())
    })();
    if let Err(e) = res {
        let _ = std::fs::remove_file(&tmp);
        return Err(db_err(path, e));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(path, e)
    })
}
