//! The highway graph: towns and junctions as nodes, road segments as edges
//! carrying one or more refs (`M4`, `M5`), WGS84 geometry and geodesic
//! length.
//!
//! The default theater builds it from `roads/waypoints.csv` (the towns each
//! highway passes, joined by geodesic segments); `frontline roads import`
//! builds it from real LineString geometry such as an OpenStreetMap export.

mod control;
mod geometry;

pub use control::{stretches, Stretch};
pub use geometry::{line_km, point_at_km, sub_line, MeasuredLine};

use crate::error::{Error, Result};
use crate::gazetteer::{Focus, Gazetteer, Kind};
use crate::table::Table;
use geo::{Coord, Distance, Geodesic, LineString, Point};
use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use std::collections::BTreeMap;

/// A town or junction on the network.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Gazetteer id, or `node:LAT,LON` for an unnamed junction.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Location.
    pub at: Point<f64>,
}

/// A stretch of road between two nodes.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Highway refs carried, sorted (`["M4", "M5"]` on a shared stretch).
    pub refs: Vec<String>,
    /// Geometry, from the lower node index to the higher.
    pub line: LineString<f64>,
    /// Geodesic length, km.
    pub km: f64,
    /// Where the geometry comes from.
    pub source: String,
}

/// One highway as a single ordered line, with the nodes it passes.
#[derive(Debug, Clone)]
pub struct RoadLine {
    /// The ref.
    pub road: String,
    /// Concatenated geometry, in road order.
    pub line: LineString<f64>,
    /// (km from start, node name) for each node passed.
    pub nodes: Vec<(f64, String)>,
}

/// The road graph.
#[derive(Debug, Clone, Default)]
pub struct RoadNetwork {
    graph: UnGraph<Node, Segment>,
    /// Node ids to nodes (a linear search per line end made imports quadratic).
    ids: std::collections::HashMap<String, NodeIndex>,
    /// First node of each road, as listed in the waypoints.
    starts: BTreeMap<String, NodeIndex>,
}

impl RoadNetwork {
    /// The petgraph graph.
    pub fn graph(&self) -> &UnGraph<Node, Segment> {
        &self.graph
    }

    /// All refs, sorted.
    pub fn refs(&self) -> Vec<String> {
        let mut r: Vec<String> = self
            .graph
            .edge_weights()
            .flat_map(|s| s.refs.iter().cloned())
            .collect();
        r.sort();
        r.dedup();
        r
    }

    fn node_by_id(&self, id: &str) -> Option<NodeIndex> {
        self.ids.get(id).copied()
    }

    fn add_node(&mut self, node: Node) -> NodeIndex {
        match self.node_by_id(&node.id) {
            Some(n) => n,
            None => {
                let id = node.id.clone();
                let n = self.graph.add_node(node);
                self.ids.insert(id, n);
                n
            }
        }
    }

    fn add_segment(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        road: &str,
        line: Option<LineString<f64>>,
        source: &str,
    ) {
        let (lo, hi) = if a.index() <= b.index() {
            (a, b)
        } else {
            (b, a)
        };
        if let Some(e) = self.graph.find_edge(lo, hi) {
            let s = &mut self.graph[e];
            if !s.refs.iter().any(|r| r == road) {
                s.refs.push(road.to_string());
                s.refs.sort();
            }
            return;
        }
        let line = line.unwrap_or_else(|| {
            LineString::from(vec![
                Coord::from(self.graph[lo].at),
                Coord::from(self.graph[hi].at),
            ])
        });
        let km = line_km(&line);
        self.graph.add_edge(
            lo,
            hi,
            Segment {
                refs: vec![road.to_string()],
                line,
                km,
                source: source.to_string(),
            },
        );
    }

    /// Build from a waypoints CSV (`road,seq,place,source`).
    pub fn from_waypoints(text: &str, file: &str, gaz: &Gazetteer) -> Result<RoadNetwork> {
        let t = Table::parse(text, file, &["road", "seq", "place", "source"])?;
        let mut by_road: BTreeMap<String, Vec<(u32, NodeIndex, String, u64)>> = BTreeMap::new();
        let mut net = RoadNetwork::default();
        for row in t.rows() {
            let road = t.get(row, "road");
            if road.is_empty() {
                return Err(t
                    .error(row, "road", "the road ref is empty")
                    .with_hint("write the highway ref, e.g. M5"));
            }
            let seq: u32 = t.get(row, "seq").parse().map_err(|_| {
                t.error(
                    row,
                    "seq",
                    format!("`{}` is not a whole number", t.get(row, "seq")),
                )
                .with_hint("number the waypoints of each road 1, 2, 3, ... in road order")
            })?;
            let written = t.get(row, "place");
            let place = gaz
                .get(written)
                .or_else(|| gaz.resolve(written, &Focus::default()).into_iter().find(|c| c.score >= 1.0).map(|c| c.place))
                .ok_or_else(|| {
                    t.error(row, "place", format!("no gazetteer place `{written}`"))
                        .with_hint("use a gazetteer id or exact name; add missing towns to gazetteer/supplement.csv")
                })?;
            let n = net.add_node(Node {
                id: place.id.clone(),
                name: place.name.clone(),
                at: Point::new(place.lon, place.lat),
            });
            by_road.entry(road.to_string()).or_default().push((
                seq,
                n,
                t.get(row, "source").to_string(),
                row.line,
            ));
        }
        for (road, mut pts) in by_road {
            pts.sort_by_key(|p| p.0);
            if let Some(w) = pts.windows(2).find(|w| w[0].0 == w[1].0) {
                return Err(Error::input(
                    file,
                    Some(w[1].3),
                    Some("seq"),
                    format!("road {road} has two waypoints numbered {}", w[1].0),
                )
                .with_hint("give each waypoint of a road its own number"));
            }
            if pts.len() < 2 {
                return Err(Error::input(
                    file,
                    Some(pts[0].3),
                    Some("road"),
                    format!("road {road} has a single waypoint"),
                )
                .with_hint("a road needs at least two waypoints"));
            }
            net.starts.insert(road.clone(), pts[0].1);
            for w in pts.windows(2) {
                if w[0].1 != w[1].1 {
                    let src = format!("{} ; {}", w[0].2, w[1].2);
                    net.add_segment(w[0].1, w[1].1, &road, None, &src);
                }
            }
        }
        Ok(net)
    }

    /// Build from GeoJSON LineStrings (or MultiLineStrings) whose `ref`
    /// property names the highway (`M5`, or `M4;M5` as OpenStreetMap writes
    /// a shared way). Line ends that meet (to 1e-5°, about 1 m) become one
    /// node; nodes are named after the gazetteer town within 2 km.
    pub fn from_geojson(text: &str, file: &str, gaz: &Gazetteer) -> Result<RoadNetwork> {
        let text = crate::geo_input::strip_bom(text);
        let gj: geojson::GeoJson = text.parse().map_err(|e: geojson::Error| {
            Error::input(file, None, None, format!("not GeoJSON: {e}"))
                .with_hint("export the roads as a GeoJSON FeatureCollection of LineStrings")
        })?;
        let geojson::GeoJson::FeatureCollection(fc) = gj else {
            return Err(Error::input(file, None, None, "not a FeatureCollection")
                .with_hint("export the roads as a GeoJSON FeatureCollection of LineStrings"));
        };
        let mut net = RoadNetwork::default();
        let towns = TownGrid::new(gaz);
        let mut count = 0;
        for (i, f) in fc.features.iter().enumerate() {
            let at = format!("feature {i}");
            let refs: Vec<String> = f
                .property("ref")
                .or_else(|| f.property("refs"))
                .and_then(|v| v.as_str())
                .map(|s| {
                    s.split([';', ','])
                        .map(|r| r.trim().replace(' ', ""))
                        .filter(|r| !r.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            if refs.is_empty() {
                continue;
            }
            let Some(g) = &f.geometry else { continue };
            crate::geo_input::check_geometry(g).map_err(|e| {
                Error::input(file, None, Some(&at), e)
                    .with_hint("positions are [longitude, latitude] in WGS84 degrees")
            })?;
            let geom: geo::Geometry<f64> = g.try_into().map_err(|e: geojson::Error| {
                Error::input(file, None, Some(&at), format!("broken geometry: {e}"))
                    .with_hint("each road feature needs a valid LineString")
            })?;
            let lines: Vec<LineString<f64>> = match geom {
                geo::Geometry::LineString(l) => vec![l],
                geo::Geometry::MultiLineString(m) => m.0,
                _ => continue,
            };
            for l in lines {
                if l.0.len() < 2
                    || l.0.iter().any(|c| {
                        !c.x.is_finite()
                            || !c.y.is_finite()
                            || c.y.abs() > 90.0
                            || c.x.abs() > 180.0
                    })
                {
                    return Err(Error::input(
                        file,
                        None,
                        Some(&at),
                        "a LineString has fewer than two valid positions",
                    )
                    .with_hint("positions are [longitude, latitude] in WGS84 degrees"));
                }
                let ends = [l.0[0], l.0[l.0.len() - 1]];
                let nodes: Vec<NodeIndex> = ends
                    .iter()
                    .map(|c| net.add_node(node_at(*c, &towns)))
                    .collect();
                let source = f
                    .property("source")
                    .and_then(|v| v.as_str())
                    .map_or_else(|| format!("{file} {at}"), str::to_string);
                for r in &refs {
                    let oriented = if nodes[0].index() <= nodes[1].index() {
                        l.clone()
                    } else {
                        reversed(&l)
                    };
                    if nodes[0] != nodes[1] {
                        net.add_segment(nodes[0], nodes[1], r, Some(oriented), &source);
                        count += 1;
                    }
                }
            }
        }
        if count == 0 {
            return Err(Error::input(
                file,
                None,
                Some("ref"),
                "no LineString with a `ref` property",
            )
            .with_hint("keep the OpenStreetMap `ref` tag (e.g. ref=M5) on each road feature"));
        }
        Ok(net)
    }

    /// The network as a GeoJSON FeatureCollection (RFC 7946, 6 decimals),
    /// readable back by [`RoadNetwork::from_geojson`].
    pub fn to_geojson(&self) -> String {
        // Canonical form, independent of the order the graph was built in:
        // each segment runs from the node with the smaller id, and segments
        // are sorted by ref, then by their end ids. Importing this output and
        // exporting again gives the same bytes.
        let mut feats: Vec<(String, String, String, String)> = Vec::new();
        for e in self.graph.edge_references() {
            let s = e.weight();
            let (mut a, mut b) = (&self.graph[e.source()], &self.graph[e.target()]);
            let mut pts: Vec<&Coord<f64>> = s.line.0.iter().collect();
            if b.id < a.id {
                std::mem::swap(&mut a, &mut b);
                pts.reverse();
            }
            let coords: Vec<String> = pts
                .iter()
                .map(|c| format!("[{:.6},{:.6}]", c.x, c.y))
                .collect();
            let props = serde_json::json!({
                "ref": s.refs.join(";"),
                "from": a.id, "from_name": a.name,
                "to": b.id, "to_name": b.name,
                "km": (s.km * 1000.0).round() / 1000.0,
                "source": s.source,
            });
            feats.push((
                s.refs.join(";"),
                a.id.clone(),
                b.id.clone(),
                format!(
                    "{{\"type\":\"Feature\",\"properties\":{props},\"geometry\":{{\"type\":\"LineString\",\"coordinates\":[{}]}}}}",
                    coords.join(",")
                ),
            ));
        }
        feats.sort();
        let body: Vec<String> = feats.into_iter().map(|f| f.3).collect();
        format!(
            "{{\"type\":\"FeatureCollection\",\"features\":[\n{}\n]}}\n",
            body.join(",\n")
        )
    }

    /// The highway ref as the theater writes it, for a ref typed in any
    /// case, with or without a hyphen or space (`m5`, `M-5`, `M 5` → `M5`).
    pub fn find_ref(&self, road: &str) -> Option<String> {
        let key = fold_ref(road);
        self.refs().into_iter().find(|r| fold_ref(r) == key)
    }

    /// One highway as an ordered line from its first node; `road` is matched
    /// as [`RoadNetwork::find_ref`] does.
    pub fn road_line(&self, road: &str) -> Option<RoadLine> {
        let road = self.find_ref(road)?;
        let road = road.as_str();
        let has = |e: EdgeIndex| self.graph[e].refs.iter().any(|r| r == road);
        let edges: Vec<EdgeIndex> = self.graph.edge_indices().filter(|&e| has(e)).collect();
        if edges.is_empty() {
            return None;
        }
        let degree = |n: NodeIndex| self.graph.edges(n).filter(|e| has(e.id())).count();
        let start = self
            .starts
            .get(road)
            .copied()
            .filter(|&n| degree(n) == 1)
            .unwrap_or_else(|| {
                self.graph
                    .node_indices()
                    .find(|&n| degree(n) == 1)
                    .unwrap_or(
                        self.graph
                            .edge_endpoints(edges[0])
                            .map_or(NodeIndex::new(0), |e| e.0),
                    )
            });
        let mut used = std::collections::HashSet::new();
        let mut cur = start;
        let mut coords: Vec<Coord<f64>> = vec![self.graph[cur].at.into()];
        let mut nodes = vec![(0.0, self.graph[cur].name.clone())];
        let mut km = 0.0;
        loop {
            let mut next: Vec<_> = self
                .graph
                .edges(cur)
                .filter(|e| has(e.id()) && !used.contains(&e.id()))
                .collect();
            next.sort_by_key(|e| e.id());
            let Some(e) = next.first() else { break };
            used.insert(e.id());
            let other = if e.source() == cur {
                e.target()
            } else {
                e.source()
            };
            let seg = e.weight();
            let line = if cur.index() <= other.index() {
                seg.line.clone()
            } else {
                reversed(&seg.line)
            };
            coords.extend(line.0.iter().skip(1));
            km += seg.km;
            nodes.push((km, self.graph[other].name.clone()));
            cur = other;
        }
        Some(RoadLine {
            road: road.to_string(),
            line: LineString::from(coords),
            nodes,
        })
    }

    /// The part of a highway between two towns on it, in road order, with
    /// km counted from the first of them. The towns are any name or id the
    /// gazetteer resolves to a node of that road.
    pub fn road_between(
        &self,
        gaz: &Gazetteer,
        road: &str,
        a: &str,
        b: &str,
    ) -> std::result::Result<RoadLine, String> {
        let line = self
            .road_line(road)
            .ok_or_else(|| format!("no road `{road}` in the theater"))?;
        let at = |town: &str| -> std::result::Result<(f64, String), String> {
            let towns = || {
                line.nodes
                    .iter()
                    .map(|n| n.1.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let n = self.find_node(gaz, town).ok_or_else(|| {
                format!(
                    "`{town}` is not a town of the road graph\n  hint: the {road} passes {}",
                    towns()
                )
            })?;
            let name = &self.graph[n].name;
            line.nodes
                .iter()
                .find(|(_, nm)| nm == name)
                .map(|(km, nm)| (*km, nm.clone()))
                .ok_or_else(|| {
                    format!(
                        "`{town}` is not on the {road}\n  hint: the {road} passes {}",
                        towns()
                    )
                })
        };
        let (ka, na) = at(a)?;
        let (kb, nb) = at(b)?;
        if ka == kb {
            return Err(format!("`{a}` and `{b}` are the same point of the {road}"));
        }
        let ((lo, nlo), (hi, nhi)) = if ka < kb {
            ((ka, na), (kb, nb))
        } else {
            ((kb, nb), (ka, na))
        };
        Ok(RoadLine {
            road: format!("{road} {nlo}–{nhi}"),
            line: sub_line(&line.line, lo, hi),
            nodes: line
                .nodes
                .iter()
                .filter(|(km, _)| *km >= lo - 1e-9 && *km <= hi + 1e-9)
                .map(|(km, nm)| (km - lo, nm.clone()))
                .collect(),
        })
    }

    /// The node for a town name or id.
    pub fn find_node(&self, gaz: &Gazetteer, name: &str) -> Option<NodeIndex> {
        if let Some(n) = self.node_by_id(name) {
            return Some(n);
        }
        let cands = gaz.resolve(name, &Focus::default());
        cands.iter().find_map(|c| self.node_by_id(&c.place.id))
    }

    /// The shortest highway path between two nodes (A*, geodesic km), as
    /// (km, nodes, edges).
    pub fn route(
        &self,
        from: NodeIndex,
        to: NodeIndex,
    ) -> Option<(f64, Vec<NodeIndex>, Vec<EdgeIndex>)> {
        let goal = self.graph[to].at;
        let (km, nodes) = petgraph::algo::astar(
            &self.graph,
            from,
            |n| n == to,
            |e| e.weight().km,
            |n| Geodesic.distance(self.graph[n].at, goal) / 1000.0 * 0.999,
        )?;
        let edges = nodes
            .windows(2)
            .filter_map(|w| self.graph.find_edge(w[0], w[1]))
            .collect();
        Some((km, nodes, edges))
    }
}

fn reversed(l: &LineString<f64>) -> LineString<f64> {
    let mut c = l.0.clone();
    c.reverse();
    LineString::from(c)
}

/// Populated places bucketed by 0.05° cells, to find the town near a line
/// end without measuring the distance to every place.
struct TownGrid<'a> {
    cells: std::collections::HashMap<(i64, i64), Vec<&'a crate::gazetteer::Place>>,
}

const CELL_DEG: f64 = 0.05;

impl<'a> TownGrid<'a> {
    fn new(gaz: &'a Gazetteer) -> Self {
        let mut cells: std::collections::HashMap<(i64, i64), Vec<_>> =
            std::collections::HashMap::new();
        for p in gaz
            .places()
            .iter()
            .filter(|p| p.kind == Kind::PopulatedPlace)
        {
            cells
                .entry((
                    (p.lon / CELL_DEG).floor() as i64,
                    (p.lat / CELL_DEG).floor() as i64,
                ))
                .or_default()
                .push(p);
        }
        TownGrid { cells }
    }

    /// Every populated place that may lie within `km` of `at`.
    fn near(
        &self,
        at: Coord<f64>,
        km: f64,
    ) -> impl Iterator<Item = &'a crate::gazetteer::Place> + '_ {
        let dlat = km / 110.0;
        let dlon = (dlat / at.y.to_radians().cos().max(0.01)).min(360.0);
        let cell = |v: f64| (v / CELL_DEG).floor() as i64;
        let (x0, x1) = (cell(at.x - dlon), cell(at.x + dlon));
        let (y0, y1) = (cell(at.y - dlat), cell(at.y + dlat));
        (x0..=x1)
            .flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
            .filter_map(|k| self.cells.get(&k))
            .flatten()
            .copied()
    }
}

fn node_at(c: Coord<f64>, towns: &TownGrid<'_>) -> Node {
    let at = Point::from(c);
    let near = towns
        .near(c, 2.0)
        .map(|p| (Geodesic.distance(at, Point::new(p.lon, p.lat)), p))
        .filter(|(d, _)| *d <= 2000.0)
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
    match near {
        Some((_, p)) => Node {
            id: p.id.clone(),
            name: p.name.clone(),
            at,
        },
        None => Node {
            id: format!("node:{:.5},{:.5}", c.y, c.x),
            name: format!("{:.4},{:.4}", c.y, c.x),
            at,
        },
    }
}

/// A highway ref folded for comparison: letters and digits only, upper case.
fn fold_ref(r: &str) -> String {
    r.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> Gazetteer {
        Gazetteer::embedded().unwrap()
    }

    #[test]
    fn short_positions_are_an_error_not_a_panic() {
        for coords in [
            "[[36.7],[36.8]]",
            "[[36.7,35.1],[]]",
            "[[36.7,35.1],[36.8,95]]",
        ] {
            let t = format!(
                r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"ref":"M5"}},"geometry":{{"type":"LineString","coordinates":{coords}}}}}]}}"#
            );
            let e = RoadNetwork::from_geojson(&t, "roads.geojson", &gaz())
                .unwrap_err()
                .to_string();
            assert!(
                e.contains("roads.geojson") && e.contains("feature 0"),
                "{e}"
            );
        }
    }

    #[test]
    fn twenty_thousand_road_features_import_in_linear_time() {
        // A chain of short ways through the theater, as an OSM export is.
        let n = 20_000;
        let feats: Vec<String> = (0..n)
            .map(|i| {
                let x = |k: usize| 36.0 + k as f64 * 0.00005;
                format!(
                    r#"{{"type":"Feature","properties":{{"ref":"M5"}},"geometry":{{"type":"LineString","coordinates":[[{:.6},35.8],[{:.6},35.8]]}}}}"#,
                    x(i),
                    x(i + 1)
                )
            })
            .collect();
        let t = format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            feats.join(",")
        );
        let g = gaz();
        let started = std::time::Instant::now();
        let net = RoadNetwork::from_geojson(&t, "roads.geojson", &g).unwrap();
        // Ends within 2 km of a town merge into the town's node.
        assert!(
            net.graph().edge_count() > n / 2,
            "{}",
            net.graph().edge_count()
        );
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }

    #[test]
    fn line_ends_near_a_town_are_named_after_it() {
        let g = gaz();
        let p = g.resolve("Saraqib", &Focus::default()).remove(0).place;
        let towns = TownGrid::new(&g);
        let n = node_at(
            Coord {
                x: p.lon + 0.005,
                y: p.lat,
            },
            &towns,
        );
        assert_eq!(n.id, p.id);
        // 1.3 degrees west of Saraqib: the sea off Latakia, far from any town.
        let far = node_at(
            Coord {
                x: p.lon - 1.3,
                y: p.lat,
            },
            &towns,
        );
        assert!(far.id.starts_with("node:"), "{}", far.id);
    }
}
