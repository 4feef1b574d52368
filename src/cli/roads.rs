//! `frontline roads import` and `roads export`.

use super::EXIT_OK;
use frontline::error::{read_utf8, write_atomic, Error};
use frontline::roads::RoadNetwork;
use frontline::theater::Theater;
use std::path::PathBuf;

pub const ROADS_HELP: &str = "\
Examples:
  frontline roads import osm-m4-m5.geojson --out mytheater/roads/roads.geojson
  frontline roads export > roads.geojson

The input is a GeoJSON FeatureCollection of LineStrings whose `ref` property
names the highway (as in an OpenStreetMap export filtered on ref=M4/ref=M5;
`M4;M5` marks a shared way). Ends that meet become junctions, named after the
gazetteer town within 2 km. Put the output at DIR/roads/roads.geojson of a
theater folder and it replaces the waypoints.";

#[derive(Debug, clap::Subcommand)]
pub enum RoadsCmd {
    /// Build the road graph from real LineString geometry and write it.
    #[command(after_help = ROADS_HELP)]
    Import {
        /// GeoJSON FeatureCollection of LineStrings with a `ref` property.
        file: PathBuf,
        /// Where to write the normalised graph (GeoJSON).
        #[arg(long)]
        out: PathBuf,
    },
    /// Write the theater's road graph as GeoJSON to standard output.
    #[command(after_help = ROADS_HELP)]
    Export,
}

pub fn run(t: &Theater, cmd: RoadsCmd) -> Result<i32, Error> {
    match cmd {
        RoadsCmd::Import { file, out } => {
            let text = read_utf8(&file)?;
            let net = RoadNetwork::from_geojson(&text, &file.display().to_string(), &t.gazetteer)?;
            write_atomic(&out, net.to_geojson().as_bytes())?;
            for r in net.refs() {
                if let Some(l) = net.road_line(&r) {
                    eprintln!(
                        "{r}: {:.1} km, {} nodes",
                        frontline::roads::line_km(&l.line),
                        l.nodes.len()
                    );
                }
            }
            eprintln!("wrote {}", out.display());
            Ok(EXIT_OK)
        }
        RoadsCmd::Export => {
            out!("{}", t.roads.to_geojson());
            Ok(EXIT_OK)
        }
    }
}
