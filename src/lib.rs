//! # frontline
//!
//! Turn dated, sourced reports of who holds what into front-line maps.
//!
//! The pipeline: [`gazetteer`] (names to places) → [`events`] (dated,
//! sourced control claims) → state on a date ([`control`], [`roads`]) →
//! outputs ([`report`]). [`geoparse`] finds the places a news article names.
//! A [`theater`] bundles the data of one conflict.
#![warn(missing_docs)]

pub mod areas;
pub mod control;
pub mod date;
pub mod error;
pub mod events;
pub mod gazetteer;
pub mod geoparse;
pub mod output;
pub mod par;
pub mod propose;
pub mod render;
pub mod report;
pub mod roads;
pub mod table;
pub mod theater;

pub use error::{Error, Result};
