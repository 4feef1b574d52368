//! The name index: exact folded keys, consonant skeletons, and a
//! deletion-neighbourhood index for one-letter misspellings.
//!
//! Candidates come from three lookups, none of them a scan:
//! 1. the folded key of the query (score 1.0);
//! 2. the consonant skeleton of the key (`Saraqeb` and `Saraqib` share `srkb`);
//! 3. keys one edit away, found by hashing every one-character deletion of each
//!    key at build time (as SymSpell does) and of the query at look-up time.
//!
//! Each candidate is then scored by Jaro-Winkler similarity of the folded keys,
//! raised to 0.9 when the skeletons agree and capped at 0.97 so that only an
//! exact folded match scores 1.

use super::fold::{fold, skeleton};
use super::Place;
use geo::{Distance, Haversine, Point};
use std::collections::{HashMap, HashSet};

/// Candidates scoring below this are not reported.
pub const MIN_SCORE: f64 = 0.8;
const FUZZY_CAP: f64 = 0.97;
const SKELETON_SCORE: f64 = 0.9;
const KEY_BITS: u32 = 26;

/// What the user is interested in, used to break ties.
#[derive(Debug, Clone, Default)]
pub struct Focus {
    /// Prefer places near this point (lat, lon).
    pub near: Option<(f64, f64)>,
    /// Prefer places in this first-level division (matched on folded names).
    pub region: Option<String>,
}

/// A ranked match.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    /// The place.
    pub place: &'a Place,
    /// 1.0 for an exact folded match, less for fuzzy ones.
    pub score: f64,
    /// The name of the place that matched.
    pub matched: &'a str,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    ids: HashMap<String, usize>,
    keys: Vec<String>,
    postings: Vec<Vec<(u32, u32)>>,
    exact: HashMap<String, u32>,
    skeletons: HashMap<String, Vec<u32>>,
    deletions: Vec<u64>,
    not_places: HashSet<String>,
    max_words: usize,
}

/// FNV-1a, 64 bit: a fast, stable hash for the deletion index.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &b in *p {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Call `f` with the hash of every one-character deletion of `key`.
fn for_each_deletion(key: &str, mut f: impl FnMut(u64)) {
    let b = key.as_bytes();
    for (i, c) in key.char_indices() {
        f(fnv(&[&b[..i], &b[i + c.len_utf8()..]]));
    }
}

fn hash_of(key: &str) -> u64 {
    fnv(&[key.as_bytes()])
}

impl Index {
    pub(crate) fn build(places: &[Place], not_places: Vec<String>) -> Index {
        let mut ix = Index {
            not_places: not_places.into_iter().collect(),
            ..Index::default()
        };
        for (pi, p) in places.iter().enumerate() {
            ix.ids.insert(p.id.clone(), pi);
            for (ni, n) in p.names.iter().enumerate() {
                let key = fold(&n.text);
                if key.is_empty() {
                    continue;
                }
                let k = match ix.exact.get(&key) {
                    Some(&k) => k,
                    None => {
                        let k = ix.keys.len() as u32;
                        ix.exact.insert(key.clone(), k);
                        ix.keys.push(key);
                        ix.postings.push(Vec::new());
                        k
                    }
                };
                let post = &mut ix.postings[k as usize];
                if !post.iter().any(|&(q, _)| q == pi as u32) {
                    post.push((pi as u32, ni as u32));
                }
            }
        }
        let mut dels = Vec::new();
        for (k, key) in ix.keys.iter().enumerate() {
            ix.max_words = ix.max_words.max(key.split(' ').count());
            let sk = skeleton(key);
            if sk.len() >= 3 {
                ix.skeletons.entry(sk).or_default().push(k as u32);
            }
            if key.chars().count() >= 4 {
                for_each_deletion(key, |h| dels.push((h << KEY_BITS) | k as u64));
            }
        }
        dels.sort_unstable();
        dels.dedup();
        ix.deletions = dels;
        ix
    }

    pub(crate) fn by_id(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// Longest name in words.
    pub(crate) fn max_words(&self) -> usize {
        self.max_words
    }

    /// Places whose folded name is exactly `key`.
    pub(crate) fn exact(&self, key: &str) -> &[(u32, u32)] {
        self.exact
            .get(key)
            .map_or(&[][..], |&k| &self.postings[k as usize][..])
    }

    /// Keys sharing the skeleton of `key`.
    pub(crate) fn same_skeleton(&self, key: &str) -> impl Iterator<Item = (&str, &[(u32, u32)])> {
        let sk = skeleton(key);
        self.skeletons.get(&sk).into_iter().flatten().map(|&k| {
            (
                self.keys[k as usize].as_str(),
                &self.postings[k as usize][..],
            )
        })
    }

    /// Is this folded key listed as not a place?
    pub(crate) fn is_not_place(&self, key: &str) -> bool {
        self.not_places.contains(key)
    }

    fn deletion_hits(&self, h: u64, out: &mut Vec<u32>) {
        let h = h & ((1u64 << (64 - KEY_BITS)) - 1);
        let lo = h << KEY_BITS;
        let start = self.deletions.partition_point(|&d| d < lo);
        for &d in &self.deletions[start..] {
            if d >> KEY_BITS != h {
                break;
            }
            out.push((d & ((1 << KEY_BITS) - 1)) as u32);
        }
    }

    /// Key ids within one edit of `key` (plus the key itself, if present).
    fn near_keys(&self, key: &str) -> Vec<u32> {
        let mut out = Vec::new();
        if let Some(&k) = self.exact.get(key) {
            out.push(k);
        }
        self.deletion_hits(hash_of(key), &mut out);
        let b = key.as_bytes();
        for (i, c) in key.char_indices() {
            let mut d = String::with_capacity(key.len());
            d.push_str(&key[..i]);
            d.push_str(&key[i + c.len_utf8()..]);
            if let Some(&k) = self.exact.get(&d) {
                out.push(k);
            }
            self.deletion_hits(fnv(&[&b[..i], &b[i + c.len_utf8()..]]), &mut out);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    pub(crate) fn resolve<'a>(
        &self,
        places: &'a [Place],
        query: &str,
        focus: &Focus,
    ) -> Vec<Candidate<'a>> {
        let query = query.trim();
        let mut best: HashMap<u32, (f64, u32)> = HashMap::new();
        let mut offer = |pi: u32, ni: u32, score: f64| {
            let e = best.entry(pi).or_insert((score, ni));
            if score > e.0 {
                *e = (score, ni);
            }
        };
        if let Some(&pi) = self.ids.get(query) {
            offer(pi as u32, 0, 1.0);
        }
        let key = fold(query);
        if key.is_empty() {
            return Vec::new();
        }
        let qsk = skeleton(&key);
        for k in self.near_keys(&key) {
            let ck = &self.keys[k as usize];
            let score = if *ck == key {
                1.0
            } else if !words_agree(&key, ck) {
                continue;
            } else {
                let mut s = strsim::jaro_winkler(&key, ck);
                if !qsk.is_empty() && skeleton(ck) == qsk {
                    s = s.max(SKELETON_SCORE);
                }
                s.min(FUZZY_CAP)
            };
            for &(pi, ni) in &self.postings[k as usize] {
                offer(pi, ni, score);
            }
        }
        if qsk.chars().filter(|c| *c != ' ').count() >= 3 {
            for (ck, post) in self.same_skeleton(&key) {
                if !words_agree(&key, ck) {
                    continue;
                }
                let s = strsim::jaro_winkler(&key, ck).clamp(SKELETON_SCORE, FUZZY_CAP);
                for &(pi, ni) in post {
                    offer(pi, ni, s);
                }
            }
        }
        let mut out: Vec<Candidate<'a>> = best
            .into_iter()
            .filter(|(_, (s, _))| *s >= MIN_SCORE)
            .map(|(pi, (score, ni))| {
                let place = &places[pi as usize];
                Candidate {
                    place,
                    score,
                    matched: matched_name(place, query, ni),
                }
            })
            .collect();
        rank(&mut out, focus);
        out
    }

    pub(crate) fn suggest<'a>(&self, places: &'a [Place], query: &str, n: usize) -> Vec<&'a str> {
        let key = fold(query);
        if key.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(f64, u32)> = Vec::new();
        for (k, ck) in self.keys.iter().enumerate() {
            let s = strsim::jaro_winkler(&key, ck);
            if s >= 0.6 {
                scored.push((s, k as u32));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut out: Vec<&str> = Vec::new();
        let mut seen = HashSet::new();
        for (_, k) in scored {
            for &(pi, _) in &self.postings[k as usize] {
                if seen.insert(pi) && out.len() < n {
                    out.push(&places[pi as usize].name);
                }
            }
            if out.len() >= n {
                break;
            }
        }
        out
    }
}

/// A fuzzy match may not turn one word into another: each word must keep its
/// consonant skeleton or stay very close (Jaro-Winkler ≥ 0.9). So "Maarat
/// al-Nasan" does not match "Maarat al-Numan", while "Saraqeb" matches
/// "Saraqib".
fn words_agree(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    if wa.len() != wb.len() {
        return strsim::jaro_winkler(a, b) >= 0.9;
    }
    wa.iter()
        .zip(&wb)
        .all(|(x, y)| x == y || skeleton(x) == skeleton(y) || strsim::jaro_winkler(x, y) >= 0.9)
}

/// The name of `place` to report as matched: one written exactly as the query
/// (ignoring case) if there is one, else the indexed name.
pub(crate) fn matched_name<'a>(place: &'a Place, query: &str, indexed: u32) -> &'a str {
    let q = query.trim();
    place
        .names
        .iter()
        .find(|n| n.text.to_lowercase() == q.to_lowercase())
        .map_or(&place.names[indexed as usize].text, |n| &n.text)
}

/// Sort candidates: score (to 3 decimals), then the focus when given (in the
/// region first, then nearest), then feature rank, population and id.
pub(crate) fn rank(c: &mut [Candidate<'_>], focus: &Focus) {
    let region = focus.region.as_deref().map(fold);
    let key = |c: &Candidate<'_>| {
        let in_region = region
            .as_ref()
            .map_or(0, |r| u8::from(fold(&c.place.admin1) != *r));
        let dist = focus.near.map_or(0, |(lat, lon)| {
            Haversine.distance(Point::new(lon, lat), Point::new(c.place.lon, c.place.lat)) as u64
        });
        (
            -((c.score * 1000.0).round() as i64),
            in_region,
            dist,
            c.place.rank(),
            std::cmp::Reverse(c.place.population),
        )
    };
    c.sort_by(|a, b| {
        key(a)
            .cmp(&key(b))
            .then_with(|| a.place.id.cmp(&b.place.id))
    });
}
