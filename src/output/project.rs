//! A QGIS project (`.qgz`) that opens the exported GeoPackage's layers
//! styled, in a local projection, with the Temporal Controller set to the
//! timeline.
//!
//! The `.qgz` is a zip holding one `frontline.qgs` (QGIS 3.22's project
//! XML), stored uncompressed with a fixed time stamp so the file is
//! byte-identical for the same inputs. Layers are read from
//! `./frontline.gpkg` next to the project (relative paths), each with its
//! style embedded in its `<maplayer>`. The project CRS is an azimuthal
//! equidistant projection (`+proj=aeqd`) centred on the middle of the
//! exported layers' extent: distances from the centre are true and a
//! theater a few hundred km across is not stretched, unlike plate carrée
//! (EPSG:4326) at 35° N, where a circle is drawn 20 % wider than tall.

use super::layers::{GeomKind, Layer};
use super::qml::StyleParts;
use crate::date::Date;
use crate::style::escape;
use geo::BoundingRect;
use std::fmt::Write;

/// The project CRS for features spanning `[min, max]` (lon/lat): an
/// azimuthal equidistant projection centred on the extent's middle, as a
/// PROJ string.
///
/// ```
/// let p = frontline::output::project::local_crs((35.0, 35.0), (37.0, 36.6));
/// assert_eq!(p, "+proj=aeqd +lat_0=35.8 +lon_0=36 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs");
/// ```
pub fn local_crs(min: (f64, f64), max: (f64, f64)) -> String {
    let r4 = |x: f64| (x * 1e4).round() / 1e4;
    format!(
        "+proj=aeqd +lat_0={} +lon_0={} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs",
        r4((min.1 + max.1) / 2.0),
        r4((min.0 + max.0) / 2.0)
    )
}

/// The lon/lat extent of every feature of `layers` (`None` if all are empty).
pub fn extent(layers: &[&Layer]) -> Option<((f64, f64), (f64, f64))> {
    let mut ext: Option<((f64, f64), (f64, f64))> = None;
    for l in layers {
        for (g, _) in &l.features {
            if let Some(r) = g.bounding_rect() {
                let e = ext.get_or_insert(((r.min().x, r.min().y), (r.max().x, r.max().y)));
                e.0 = (e.0 .0.min(r.min().x), e.0 .1.min(r.min().y));
                e.1 = (e.1 .0.max(r.max().x), e.1 .1.max(r.max().y));
            }
        }
    }
    ext
}

const WGS84: &str = "      <srs>\n        <spatialrefsys>\n          <authid>EPSG:4326</authid>\n        </spatialrefsys>\n      </srs>\n";

/// The project XML: `layers` (the first is drawn on top) with their styles,
/// from `gpkg` (a file name next to the project), the Temporal Controller
/// from `first` to the end of `last`. The projection and the opening view
/// are centred on the timeline layers (every layer but `outlines`, which
/// covers the whole country).
pub fn qgs(layers: &[(&Layer, &StyleParts)], gpkg: &str, first: Date, last: Date) -> String {
    let all: Vec<&Layer> = layers.iter().map(|(l, _)| *l).collect();
    let timeline: Vec<&Layer> = all
        .iter()
        .copied()
        .filter(|l| l.name != "outlines")
        .collect();
    let (min, max) = extent(&timeline)
        .or_else(|| extent(&all))
        .unwrap_or(((0.0, 0.0), (0.0, 0.0)));
    let crs = local_crs(min, max);
    let mut o = String::from(
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22.16-Białowieża\" projectname=\"frontline\">\n  <homePath path=\"\"/>\n  <title>frontline</title>\n",
    );
    let _ = write!(
        o,
        "  <projectCrs>\n    <spatialrefsys>\n      <wkt></wkt>\n      <proj4>{}</proj4>\n      <srsid>0</srsid>\n      <srid>0</srid>\n      <authid></authid>\n      <description>frontline theater (azimuthal equidistant)</description>\n      <projectionacronym>aeqd</projectionacronym>\n      <ellipsoidacronym>EPSG:7030</ellipsoidacronym>\n      <geographicflag>false</geographicflag>\n    </spatialrefsys>\n  </projectCrs>\n",
        escape(&crs)
    );
    let id = |l: &Layer| format!("frontline_{}", l.name);
    let source = |l: &Layer| format!("./{gpkg}|layername={}", l.name);
    o.push_str("  <layer-tree-group>\n");
    for (l, _) in layers {
        let _ = writeln!(
            o,
            "    <layer-tree-layer id=\"{}\" name=\"{}\" source=\"{}\" providerKey=\"ogr\" checked=\"Qt::Checked\" expanded=\"1\"/>",
            escape(&id(l)),
            escape(l.name),
            escape(&source(l))
        );
    }
    o.push_str("  </layer-tree-group>\n  <projectlayers>\n");
    for (l, s) in layers {
        let (geometry, wkb) = match l.geom {
            GeomKind::Point => ("Point", "Point"),
            GeomKind::LineString => ("Line", "LineString"),
            GeomKind::Polygon => ("Polygon", "Polygon"),
        };
        let _ = write!(
            o,
            "    <maplayer type=\"vector\" geometry=\"{geometry}\" wkbType=\"{wkb}\" styleCategories=\"AllStyleCategories\" labelsEnabled=\"{}\" readOnly=\"0\">\n      <id>{}</id>\n      <datasource>{}</datasource>\n      <layername>{}</layername>\n{WGS84}      <provider encoding=\"UTF-8\">ogr</provider>\n",
            u8::from(s.labelled),
            escape(&id(l)),
            escape(&source(l)),
            escape(l.name)
        );
        for line in s.body.lines() {
            let _ = writeln!(o, "    {line}");
        }
        o.push_str("    </maplayer>\n");
    }
    o.push_str("  </projectlayers>\n  <layerorder>\n");
    for (l, _) in layers {
        let _ = writeln!(o, "    <layer id=\"{}\"/>", escape(&id(l)));
    }
    o.push_str("  </layerorder>\n  <properties>\n    <Paths>\n      <Absolute type=\"bool\">false</Absolute>\n    </Paths>\n    <SpatialRefSys>\n      <ProjectionsEnabled type=\"int\">1</ProjectionsEnabled>\n    </SpatialRefSys>\n  </properties>\n");
    let _ = write!(
        o,
        "  <ProjectViewSettings UseProjectScales=\"0\" rotation=\"0\">\n    <Scales/>\n    <DefaultViewExtent xmin=\"{}\" ymin=\"{}\" xmax=\"{}\" ymax=\"{}\">\n      <spatialrefsys>\n        <authid>EPSG:4326</authid>\n      </spatialrefsys>\n    </DefaultViewExtent>\n  </ProjectViewSettings>\n",
        min.0, min.1, max.0, max.1
    );
    let _ = write!(
        o,
        "  <ProjectTimeSettings timeStep=\"1\" timeStepUnit=\"d\" frameRate=\"1\" cumulativeTemporalRange=\"0\">\n    <TemporalRange>\n      <start>{first}T00:00:00Z</start>\n      <end>{}T00:00:00Z</end>\n    </TemporalRange>\n  </ProjectTimeSettings>\n</qgis>\n",
        last.add_days(1)
    );
    o
}

/// A zip archive of one file, stored (no compression), dated 1980-01-01
/// 00:00 so the bytes depend on `name` and `data` only.
///
/// ```
/// let z = frontline::output::project::stored_zip("a.txt", b"hello");
/// assert_eq!(&z[..4], b"PK\x03\x04");
/// assert_eq!(z.len(), 30 + 5 + 5 + 46 + 5 + 22);
/// ```
pub fn stored_zip(name: &str, data: &[u8]) -> Vec<u8> {
    let crc = crc32fast::hash(data);
    let (time, date) = (0u16, (1u16 << 5) | 1); // DOS time 00:00, date 1980-01-01
    let size = u32::try_from(data.len()).unwrap_or(u32::MAX);
    let n = u16::try_from(name.len()).unwrap_or(u16::MAX);
    let mut z = Vec::with_capacity(data.len() + 2 * name.len() + 100);
    let common = |z: &mut Vec<u8>| {
        z.extend(20u16.to_le_bytes()); // version needed: 2.0
        z.extend(0x0800u16.to_le_bytes()); // flags: UTF-8 name
        z.extend(0u16.to_le_bytes()); // method: stored
        z.extend(time.to_le_bytes());
        z.extend(date.to_le_bytes());
        z.extend(crc.to_le_bytes());
        z.extend(size.to_le_bytes());
        z.extend(size.to_le_bytes());
        z.extend(n.to_le_bytes());
        z.extend(0u16.to_le_bytes()); // extra field length
    };
    z.extend(0x0403_4b50u32.to_le_bytes());
    common(&mut z);
    z.extend(name.as_bytes());
    z.extend(data);
    let cd = z.len();
    z.extend(0x0201_4b50u32.to_le_bytes());
    z.extend(20u16.to_le_bytes()); // made by: 2.0, MS-DOS
    common(&mut z);
    z.extend([0u8; 6]); // comment length, disk number, internal attributes
    z.extend(0u32.to_le_bytes()); // external attributes
    z.extend(0u32.to_le_bytes()); // local header offset
    z.extend(name.as_bytes());
    let cd_size = u32::try_from(z.len() - cd).unwrap_or(u32::MAX);
    z.extend(0x0605_4b50u32.to_le_bytes());
    z.extend([0u8; 4]); // this disk, disk with the directory
    z.extend(1u16.to_le_bytes());
    z.extend(1u16.to_le_bytes());
    z.extend(cd_size.to_le_bytes());
    z.extend(u32::try_from(cd).unwrap_or(u32::MAX).to_le_bytes());
    z.extend(0u16.to_le_bytes()); // comment length
    z
}

/// The `.qgz`: [`qgs`] zipped as `frontline.qgs`.
pub fn qgz(layers: &[(&Layer, &StyleParts)], gpkg: &str, first: Date, last: Date) -> Vec<u8> {
    stored_zip("frontline.qgs", qgs(layers, gpkg, first, last).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_zip_holds_the_file_with_its_crc_and_a_directory_that_points_to_it() {
        let data = b"<qgis>&amp;</qgis>\n";
        let z = stored_zip("frontline.qgs", data);
        let u32_at = |i: usize| u32::from_le_bytes(z[i..i + 4].try_into().unwrap());
        let u16_at = |i: usize| u16::from_le_bytes(z[i..i + 2].try_into().unwrap());
        assert_eq!(u32_at(14), crc32fast::hash(data));
        assert_eq!(u16_at(8), 0, "stored");
        assert_eq!(
            (u32_at(18), u32_at(22)),
            (data.len() as u32, data.len() as u32)
        );
        assert_eq!(&z[30..43], b"frontline.qgs");
        assert_eq!(&z[43..43 + data.len()], data);
        let eocd = z.len() - 22;
        assert_eq!(u32_at(eocd), 0x0605_4b50);
        let cd = u32_at(eocd + 16) as usize;
        assert_eq!(cd, 43 + data.len());
        assert_eq!(u32_at(cd), 0x0201_4b50);
        assert_eq!(u32_at(cd + 16), crc32fast::hash(data));
        assert_eq!(u32_at(cd + 42), 0, "the local header's offset");
        assert_eq!(u32_at(eocd + 12) as usize, eocd - cd);
    }

    #[test]
    fn the_projection_is_centred_on_the_timeline_layers_not_the_outlines() {
        use crate::output::layers::FieldKind;
        let pt = |x: f64, y: f64| -> (geo::Geometry<f64>, Vec<serde_json::Value>) {
            (geo::Point::new(x, y).into(), vec![])
        };
        let places = Layer {
            name: "places",
            geom: GeomKind::Point,
            fields: vec![],
            features: vec![pt(36.0, 35.0), pt(37.0, 36.0)],
        };
        let outlines = Layer {
            name: "outlines",
            geom: GeomKind::Polygon,
            fields: vec![("name", FieldKind::Text)],
            features: vec![pt(30.0, 30.0), pt(44.0, 38.0)],
        };
        let s = StyleParts {
            labelled: true,
            body: "  <x/>\n".into(),
        };
        let d = Date::from_ymd(2020, 1, 1).unwrap();
        let x = qgs(
            &[(&places, &s), (&outlines, &s)],
            "a&b.gpkg",
            d,
            d.add_days(30),
        );
        assert!(
            x.contains("<proj4>+proj=aeqd +lat_0=35.5 +lon_0=36.5 "),
            "{x}"
        );
        assert!(x.contains("<datasource>./a&amp;b.gpkg|layername=places</datasource>"));
        assert!(x.contains("<start>2020-01-01T00:00:00Z</start>"));
        assert!(x.contains("<end>2020-02-01T00:00:00Z</end>"));
        assert!(x.contains("labelsEnabled=\"1\""));
    }
}
