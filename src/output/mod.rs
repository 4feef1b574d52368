//! File outputs: GeoJSON layers, the timeline layers, GeoPackage, QGIS styles and project.
//!
//! Outputs read the state, they never compute it: a day's files take a
//! [`crate::timeline::Day`], the timeline layers a
//! [`crate::timeline::Timeline`].
//!
//! Every writer here is deterministic: the same inputs give byte-identical
//! files. Write them with [`crate::error::write_atomic`], so a failed run
//! never leaves half a file, and write sets of files through an
//! [`OutputSet`], so a failed run never leaves half a set.

pub mod geojson;
pub mod gpkg;
pub mod layers;
pub mod project;
pub mod qml;
mod set;

pub use set::OutputSet;
