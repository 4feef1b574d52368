//! # frontline
//!
//! Turn dated, sourced reports of who holds what into front-line maps.
//!
//! The pipeline: [`gazetteer`] (names to places) → events (dated, sourced
//! control claims) → state on a date → outputs. [`geoparse`] finds the places a
//! news article names.
#![warn(missing_docs)]

pub mod error;
pub mod gazetteer;
pub mod geoparse;
pub mod table;

pub use error::{Error, Result};
