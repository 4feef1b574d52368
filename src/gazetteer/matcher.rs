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

use super::fold::{fold_with, skeleton};
use super::lang::{slavic, Rules};
use super::Place;
use geo::{Distance, Haversine, Point};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast non-cryptographic hasher (the Fx hash of rustc) for the name maps:
/// keys are our own folded names, not attacker-chosen, and SipHash was a
/// tenth of the world gazetteer's load time.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Candidates scoring below this are not reported.
pub const MIN_SCORE: f64 = 0.8;

/// Longest name looked up, in characters: no place name comes near it, and
/// fuzzy matching costs grow with the length (a 12,000-word query took 46 s).
pub const MAX_QUERY_CHARS: usize = 200;

fn too_long(query: &str) -> bool {
    query.len() > 4 * MAX_QUERY_CHARS || query.chars().count() > MAX_QUERY_CHARS
}
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
    /// The language rules names are folded with.
    rules: Rules,
    /// The theater's extent (west, south, east, north): among places of the
    /// same name, those inside it come first.
    extent: Option<[f64; 4]>,
    /// Stem keys of Cyrillic names (case endings cut, Slavic theaters only)
    /// and the keys that have them.
    stems: FxMap<String, Vec<u32>>,
    ids: FxMap<String, usize>,
    /// Unique folded keys, sorted: a key's id is its position.
    keys: Vec<String>,
    /// `post[post_start[k]..post_start[k + 1]]` are the (place, name) pairs
    /// of key `k`, one per place.
    post_start: Vec<u32>,
    post: Vec<(u32, u32)>,
    /// `hash(key) << KEY_BITS | key id`, sorted: exact look-up by integer
    /// binary search rather than string comparisons.
    exact: Vec<u64>,
    /// `hash(skeleton) << KEY_BITS | key id`, sorted.
    skeletons: Vec<u64>,
    deletions: Vec<u64>,
    not_places: FxSet<String>,
    /// Hashes of the first word of every key and not-place, and of their
    /// skeletons, sorted: a word of running text whose hash is not here
    /// cannot start a name (a collision only lets a word through to the
    /// exact look-up).
    first_words: Vec<u64>,
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

/// Per-thread tables: exact, skeleton, first-word and deletion tags.
type KeyTables = (Vec<u64>, Vec<u64>, Vec<u64>, Vec<u64>);

/// Pack the hash of a first word and the word count of its name.
fn first_tag(first: &str, words: usize) -> u64 {
    ((hash_of(first) & (u64::MAX >> 8)) << 8) | words.min(255) as u64
}

/// Pack a hash and a key id into one sortable integer.
fn tag(h: u64, k: u32) -> u64 {
    (h << KEY_BITS) | u64::from(k)
}

/// Key ids tagged with hash `h` in a sorted vector of [`tag`]s.
fn tagged_hits(sorted: &[u64], h: u64, out: &mut Vec<u32>) {
    let h = h & ((1u64 << (64 - KEY_BITS)) - 1);
    let lo = h << KEY_BITS;
    let start = sorted.partition_point(|&d| d < lo);
    for &d in &sorted[start..] {
        if d >> KEY_BITS != h {
            break;
        }
        out.push((d & ((1 << KEY_BITS) - 1)) as u32);
    }
}

/// Run `f` over `0..n` split into contiguous ranges run in parallel, and
/// concatenate the results in order (so the output is deterministic).
fn par_ranges<T: Send>(n: usize, f: impl Fn(usize, usize) -> Vec<T> + Sync) -> Vec<T> {
    use rayon::prelude::*;
    const CHUNK: usize = 4096;
    if n < 10_000 {
        return f(0, n);
    }
    (0..n.div_ceil(CHUNK))
        .into_par_iter()
        .flat_map_iter(|k| f(k * CHUNK, ((k + 1) * CHUNK).min(n)))
        .collect()
}

impl Index {
    pub(crate) fn build(places: &[Place], not_places: Vec<String>, rules: Rules) -> Index {
        let mut ix = Index {
            rules,
            not_places: not_places.into_iter().collect(),
            ..Index::default()
        };
        ix.ids.reserve(places.len());
        for (pi, p) in places.iter().enumerate() {
            ix.ids.insert(p.id.clone(), pi);
        }
        // Fold every name (in parallel), then sort by key: equal keys become
        // neighbours and the postings fall out in (place, name) order.
        let mut folded: Vec<(String, u32, u32)> = par_ranges(places.len(), |lo, hi| {
            let mut out = Vec::new();
            for (pi, p) in places.iter().enumerate().take(hi).skip(lo) {
                for (ni, n) in p.names.iter().enumerate() {
                    let key = fold_with(&n.text, rules);
                    if !key.is_empty() {
                        out.push((key, pi as u32, ni as u32));
                    }
                }
            }
            out
        });
        folded.sort_unstable();
        let mut cur = 0;
        for (key, pi, ni) in folded {
            if ix.keys.last() != Some(&key) {
                ix.keys.push(key);
                cur = ix.post.len();
                ix.post_start.push(cur as u32);
            }
            // one posting per place and key: its first name with that key
            if ix.post[cur..].last().is_none_or(|&(q, _)| q != pi) {
                ix.post.push((pi, ni));
            }
        }
        ix.post_start.push(ix.post.len() as u32);

        // Skeletons, first words and deletion hashes, per key in parallel,
        // as flat vectors of integers: no allocation per key.
        let keys = &ix.keys;
        let parts: Vec<KeyTables> = par_ranges(keys.len(), |lo, hi| {
            let (mut skels, mut firsts, mut dels) = (Vec::new(), Vec::new(), Vec::new());
            let mut exact = Vec::new();
            for (k, key) in keys.iter().enumerate().take(hi).skip(lo) {
                exact.push(tag(hash_of(key), k as u32));
                let sk = skeleton(key);
                let n = key.split(' ').count();
                firsts.push(first_tag(key.split(' ').next().unwrap_or(""), n));
                if let Some(first) = sk.split(' ').next().filter(|f| !f.is_empty()) {
                    firsts.push(first_tag(first, n));
                }
                if sk.len() >= 3 {
                    skels.push(tag(hash_of(&sk), k as u32));
                }
                if key.chars().count() >= 4 {
                    for_each_deletion(key, |h| dels.push(tag(h, k as u32)));
                }
            }
            vec![(exact, skels, firsts, dels)]
        });
        let mut dels = Vec::new();
        for (exact, skels, firsts, d) in parts {
            ix.exact.extend(exact);
            ix.skeletons.extend(skels);
            ix.first_words.extend(firsts);
            if dels.is_empty() {
                dels = d;
            } else {
                dels.extend(d);
            }
        }
        for np in &ix.not_places {
            let n = np.split(' ').count();
            ix.first_words
                .push(first_tag(np.split(' ').next().unwrap_or(""), n));
        }
        if rules.slavic {
            for (k, key) in ix.keys.iter().enumerate() {
                if let Some(st) = slavic::stem_key(key) {
                    let n = st.split(' ').count();
                    ix.first_words
                        .push(first_tag(st.split(' ').next().unwrap_or(""), n));
                    ix.stems.entry(st).or_default().push(k as u32);
                }
            }
        }
        ix.exact.sort_unstable();
        ix.skeletons.sort_unstable();
        ix.first_words.sort_unstable();
        ix.first_words.dedup();
        dels.sort_unstable();
        dels.dedup();
        ix.deletions = dels;
        ix
    }

    /// The id of a folded key.
    fn key_id(&self, key: &str) -> Option<u32> {
        let mut hits = Vec::new();
        tagged_hits(&self.exact, hash_of(key), &mut hits);
        hits.into_iter().find(|&k| self.keys[k as usize] == key)
    }

    /// The (place, name) pairs of key `k`.
    fn postings(&self, k: u32) -> &[(u32, u32)] {
        let k = k as usize;
        &self.post[self.post_start[k] as usize..self.post_start[k + 1] as usize]
    }

    /// The language rules of this index.
    pub(crate) fn rules(&self) -> Rules {
        self.rules
    }

    /// Fold a name with this index's rules.
    pub(crate) fn fold(&self, name: &str) -> String {
        fold_with(name, self.rules)
    }

    /// The theater's extent, if set.
    pub(crate) fn extent(&self) -> Option<[f64; 4]> {
        self.extent
    }

    pub(crate) fn set_extent(&mut self, extent: Option<[f64; 4]>) {
        self.extent = extent;
    }

    /// Places whose Cyrillic name has the same stem as `key` (a declined
    /// form: `харкові` → Харків). Empty outside Slavic theaters.
    pub(crate) fn same_stem(&self, key: &str) -> Vec<(u32, u32)> {
        let Some(st) = slavic::stem_key(key) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for &k in self.stems.get(&st).map_or(&[][..], Vec::as_slice) {
            out.extend_from_slice(self.postings(k));
        }
        out
    }

    pub(crate) fn by_id(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// Places whose folded name is exactly `key`.
    pub(crate) fn exact(&self, key: &str) -> &[(u32, u32)] {
        self.key_id(key).map_or(&[][..], |k| self.postings(k))
    }

    /// Keys sharing the skeleton of `key`.
    pub(crate) fn same_skeleton(&self, key: &str) -> impl Iterator<Item = (&str, &[(u32, u32)])> {
        let sk = skeleton(key);
        let mut hits = Vec::new();
        if !sk.is_empty() {
            tagged_hits(&self.skeletons, hash_of(&sk), &mut hits);
        }
        hits.into_iter()
            .filter(move |&k| skeleton(&self.keys[k as usize]) == sk)
            .map(|k| (self.keys[k as usize].as_str(), self.postings(k)))
    }

    /// How many words can a name (or a not-place) starting with this folded
    /// word have, at most? 0 when none starts with it. Checks the word and
    /// its consonant skeleton.
    pub(crate) fn may_start(&self, word_key: &str) -> usize {
        let longest = |w: &str| {
            let h = hash_of(w) & (u64::MAX >> 8);
            let from = self.first_words.partition_point(|&t| t >> 8 < h);
            self.first_words[from..]
                .iter()
                .take_while(|&&t| t >> 8 == h)
                .map(|&t| (t & 0xff) as usize)
                .max()
                .unwrap_or(0)
        };
        let sk = skeleton(word_key);
        let by_skeleton = if sk.is_empty() { 0 } else { longest(&sk) };
        longest(word_key).max(by_skeleton)
    }

    /// Is this folded key listed as not a place?
    pub(crate) fn is_not_place(&self, key: &str) -> bool {
        self.not_places.contains(key)
    }

    fn deletion_hits(&self, h: u64, out: &mut Vec<u32>) {
        tagged_hits(&self.deletions, h, out);
    }

    /// Key ids within one edit of `key` (plus the key itself, if present).
    fn near_keys(&self, key: &str) -> Vec<u32> {
        let mut out = Vec::new();
        if let Some(k) = self.key_id(key) {
            out.push(k);
        }
        self.deletion_hits(hash_of(key), &mut out);
        let b = key.as_bytes();
        for (i, c) in key.char_indices() {
            let mut d = String::with_capacity(key.len());
            d.push_str(&key[..i]);
            d.push_str(&key[i + c.len_utf8()..]);
            if let Some(k) = self.key_id(&d) {
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
        if too_long(query) {
            return Vec::new();
        }
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
        let key = self.fold(query);
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
            for &(pi, ni) in self.postings(k) {
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
        rank(&mut out, focus, self, query);
        out
    }

    pub(crate) fn suggest<'a>(&self, places: &'a [Place], query: &str, n: usize) -> Vec<&'a str> {
        if too_long(query.trim()) {
            return Vec::new();
        }
        let key = self.fold(query);
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
            for &(pi, _) in self.postings(k) {
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
    let same = |t: &str| {
        if t.is_ascii() && q.is_ascii() {
            t.eq_ignore_ascii_case(q)
        } else {
            t.chars()
                .flat_map(char::to_lowercase)
                .eq(q.chars().flat_map(char::to_lowercase))
        }
    };
    place
        .names
        .iter()
        .find(|n| same(&n.text))
        .map_or(&place.names[indexed as usize].text, |n| &n.text)
}

/// A name as written, compared letter for letter: lower case, accents and
/// apostrophes removed, no language rule.
pub(crate) fn plain(name: &str) -> String {
    fold_with(name, Rules::NONE)
}

/// Is the query the place's own (primary) name, letter for letter (case,
/// accents and apostrophes aside)? Such a match outranks a folded or
/// alternate-name match of another place, so `Akimovka` is Akimovka and not
/// Yakymivka (one of whose alternate names is Akimovka). Other names do not
/// rank among themselves: a focus still picks between two places that both
/// carry the queried spelling somewhere.
fn not_own_name(place: &Place, query: &str) -> u8 {
    u8::from(plain(&place.name) != plain(query))
}

/// Is the query none of the place's names letter for letter (only a folded
/// match)? Ranks after the focus: `Bara` is the village of al-Bara (one of
/// whose names is Bara), not Aleppo (whose old name Berea folds to `bara`).
fn only_folded(place: &Place, query: &str) -> u8 {
    let q = plain(query);
    u8::from(!place.names.iter().any(|n| plain(&n.text) == q))
}

/// Is the place inside the extent (west, south, east, north)?
pub(crate) fn in_extent(place: &Place, e: Option<[f64; 4]>) -> bool {
    e.is_none_or(|[w, s, e, n]| {
        place.lon >= w && place.lon <= e && place.lat >= s && place.lat <= n
    })
}

/// Sort candidates: score (to 3 decimals), then the place whose own name
/// the query is, then the focus when given (in the region first, then
/// nearest), then a place with the name letter for letter before one that
/// only matches folded, then inside the theater's extent, then feature
/// rank, population and id.
pub(crate) fn rank(c: &mut [Candidate<'_>], focus: &Focus, ix: &Index, query: &str) {
    let rules = ix.rules;
    let region = focus
        .region
        .as_deref()
        .map(|r| rules.region_core(&fold_with(r, rules)));
    let key = |c: &Candidate<'_>| {
        let in_region = region.as_ref().map_or(0, |r| {
            u8::from(rules.region_core(&fold_with(&c.place.admin1, rules)) != *r)
        });
        let dist = focus.near.map_or(0, |(lat, lon)| {
            Haversine.distance(Point::new(lon, lat), Point::new(c.place.lon, c.place.lat)) as u64
        });
        (
            -((c.score * 1000.0).round() as i64),
            not_own_name(c.place, query),
            in_region,
            dist,
            only_folded(c.place, query),
            u8::from(!in_extent(c.place, ix.extent)),
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
