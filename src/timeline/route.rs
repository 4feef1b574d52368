//! A route between two towns on a day: the highway path and who holds each
//! part, so "can a convoy of this faction pass?" has an answer.

use super::Day;
use crate::date::Date;
use crate::factions::Controller;
use crate::roads::stretches;
use petgraph::graph::NodeIndex;

/// One stretch of a route.
#[derive(Debug, Clone, PartialEq)]
pub struct RoutePart {
    /// Town at the start of the graph segment.
    pub segment_from: String,
    /// Town at its end.
    pub segment_to: String,
    /// Highway refs of the segment, `;`-separated.
    pub refs: String,
    /// Length, km, rounded to metres.
    pub km: f64,
    /// A faction, contested or unknown.
    pub controller: Controller,
    /// The nearest held place that decides it.
    pub deciding_place: Option<String>,
    /// Since when that place is held.
    pub since: Option<Date>,
}

/// The highway path between two towns on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// Start town.
    pub from: String,
    /// End town.
    pub to: String,
    /// Length, km.
    pub km: f64,
    /// Towns along the way.
    pub path: Vec<String>,
    /// Stretches in path order.
    pub parts: Vec<RoutePart>,
}

impl Route {
    /// Whether every part is held by `faction`.
    pub fn passable_by(&self, faction: &str) -> bool {
        self.parts.iter().all(|p| p.controller == faction)
    }
}

impl Day<'_> {
    /// The shortest highway path between two nodes of the road graph and
    /// who holds each part of it; `None` when no path joins them.
    ///
    /// ```
    /// use frontline::timeline::Timeline;
    /// let t = frontline::theater::Theater::embedded().unwrap();
    /// let tl = Timeline::new(&t, 15.0);
    /// let node = |n| t.roads.find_node(&t.gazetteer, n).unwrap();
    /// let r = tl.day("2020-02-08".parse().unwrap()).route(node("Hama"), node("Aleppo")).unwrap();
    /// assert!(!r.passable_by("government"));
    /// let r = tl.day("2020-03-05".parse().unwrap()).route(node("Hama"), node("Aleppo")).unwrap();
    /// assert_eq!(r.path.first().map(String::as_str), Some("Ḩamāh"));
    /// ```
    pub fn route(&self, from: NodeIndex, to: NodeIndex) -> Option<Route> {
        let roads = &self.theater().roads;
        let g = roads.graph();
        let (km, nodes, edges) = roads.route(from, to)?;
        let field = self.field();
        let mut parts = Vec::new();
        for (i, e) in edges.iter().enumerate() {
            let seg = &g[*e];
            let (na, nb) = (nodes[i], nodes[i + 1]);
            let mut line = seg.line.clone();
            if na.index() > nb.index() {
                line.0.reverse();
            }
            for s in stretches(&line, field) {
                let p = s.decided_by.map(|k| &field.points()[k]);
                parts.push(RoutePart {
                    segment_from: g[na].name.clone(),
                    segment_to: g[nb].name.clone(),
                    refs: seg.refs.join(";"),
                    km: (s.km() * 1000.0).round() / 1000.0,
                    controller: p.map_or(Controller::Unknown, |p| p.controller.clone()),
                    deciding_place: p.map(|p| p.name.clone()),
                    since: p.map(|p| p.since),
                });
            }
        }
        Some(Route {
            from: g[from].name.clone(),
            to: g[to].name.clone(),
            km,
            path: nodes.iter().map(|n| g[*n].name.clone()).collect(),
            parts,
        })
    }
}
