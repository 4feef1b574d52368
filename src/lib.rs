//! # frontline
//!
//! Turn dated, sourced reports of who holds what into front-line maps.
//!
//! The pipeline, in module order (a module only uses the ones before it):
//!
//! 1. base: [`error`], [`date`], [`table`], [`style`] (escaping, colours),
//!    [`i18n`] (map words in English, French and Arabic);
//! 2. [`gazetteer`] (names to places), [`geoparse`] (places in text);
//! 3. [`factions`], [`events`] (dated, sourced control claims);
//! 4. [`control`] (the nearest-place rule), [`roads`] (highway graph);
//! 5. [`theater`] (the data of one conflict, loaded);
//! 6. [`areas`] (control cells, front line), [`report`] (road reports);
//! 7. [`timeline`]: a [`timeline::Timeline`] gives the [`timeline::Day`] of
//!    a date, the state computed once that every output reads;
//! 8. outputs: [`output`] (GeoJSON, GeoPackage, QGIS styles) and [`render`]
//!    (SVG/PNG maps, series viewer, charts).
#![warn(missing_docs)]

pub mod areas;
pub mod control;
pub mod date;
pub mod error;
pub mod events;
pub mod factions;
pub mod gazetteer;
mod geo_input;
pub mod geoparse;
pub mod i18n;
pub mod output;
pub mod propose;
pub mod render;
pub mod report;
pub mod roads;
pub mod style;
pub mod table;
pub mod theater;
pub mod timeline;

pub use error::{Error, Result};
