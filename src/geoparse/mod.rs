//! Find place and highway mentions in running text.
//!
//! The text is split into words (Latin or Arabic script, digits for road refs).
//! French elisions (`d'Idleb`, `l'autoroute`) are cut off, and Arabic clitics
//! (`و ب ل ف ك` before a name) are tried both ways. Then, at each word that can
//! start a name — a capitalised word, an article followed by one, an Arabic
//! word, or a road ref such as `M5` — the longest run of words whose folded
//! key names a place is reported.
//!
//! Only exact folded keys and, for words of six letters or more, consonant
//! skeletons are used here: running text is full of short ordinary words that
//! a looser match would mistake for villages. Names in
//! `data/gazetteer/not-places.txt` (people, agencies) are never reported.
//!
//! ```
//! use frontline::{gazetteer::Gazetteer, geoparse::geoparse};
//! let gaz = Gazetteer::embedded().unwrap();
//! let found = geoparse(&gaz, "Les forces sont entrées à Saraqeb, sur l'autoroute M5.");
//! let names: Vec<_> = found.iter().map(|m| m.place.name.as_str()).collect();
//! assert_eq!(names, ["Sarāqib", "M5"]);
//! ```

use crate::gazetteer::fold::{is_arabic, is_word_char, skeleton};
use crate::gazetteer::lang::{arabic, english, french, slavic, Rules};
use crate::gazetteer::{Gazetteer, Place};

/// A place mention in text.
#[derive(Debug, Clone)]
pub struct Mention<'a> {
    /// Byte offset of the first byte of the mention.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The mention as written.
    pub text: &'a str,
    /// The place it names.
    pub place: &'a Place,
    /// 1.0 for an exact folded match; less for a skeleton match.
    pub score: f64,
    /// The gazetteer name that matched.
    pub matched: &'a str,
}

#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    /// Where the word ends without an English possessive (`Kupiansk's`).
    poss: Option<usize>,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '`' | '‘' | 'ʿ' | 'ʾ' | '´' | 'ʼ')
}

/// Split text into words. An apostrophe inside a word is kept (`Ma'arrat`,
/// `Куп’янськ`) unless what comes before it is a French elision (`d'`,
/// `l'`, `qu'`, French theaters); a word ending in an English possessive
/// (`Izium’s`, English theaters) remembers where it ends without it.
fn words(text: &str, rules: Rules) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut it = text.char_indices().peekable();
    let push = |out: &mut Vec<Word>, s: usize, e: usize| {
        let w = &text[s..e];
        let poss = if rules.english {
            w.char_indices()
                .rfind(|&(_, c)| is_apostrophe(c))
                .filter(|&(i, c)| i > 0 && english::POSSESSIVE.contains(&&w[i + c.len_utf8()..]))
                .map(|(i, _)| s + i)
        } else {
            None
        };
        out.push(Word {
            start: s,
            end: e,
            poss,
        });
    };
    while let Some((i, c)) = it.next() {
        let in_word = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            is_word_char(c) || unicode_normalization::char::is_combining_mark(c)
        };
        if in_word {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start {
            let next_is_letter = it.peek().is_some_and(|&(_, n)| n.is_alphabetic());
            if is_apostrophe(c) && next_is_letter {
                let before = text[s..i].to_lowercase();
                if rules.french && french::ELISIONS.contains(&before.as_str()) {
                    // "d'Idleb": drop the elided article, start a new word after it.
                    start = None;
                } else {
                    // "Ma'arrat": the apostrophe is an ayn/hamza inside the word.
                }
                continue;
            }
            push(&mut out, s, i);
            start = None;
        }
    }
    if let Some(s) = start {
        push(&mut out, s, text.len());
    }
    out
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_road_ref(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_ascii_uppercase()) && {
        let rest: Vec<char> = cs.collect();
        !rest.is_empty() && rest.len() <= 3 && rest.iter().all(char::is_ascii_digit)
    }
}

/// Geoparser articles: the Arabic article forms that start a name written
/// in lower case before a capitalised word.
const ARTICLES: &[&str] = &[
    "al", "el", "an", "ash", "ach", "as", "az", "ar", "at", "ad", "ed", "es", "ez", "er", "et",
    "en",
];

/// Can a name start at this word?
fn can_start(text: &str, ws: &[Word], i: usize, rules: Rules) -> bool {
    let w = &text[ws[i].start..ws[i].end];
    if is_arabic(w) || starts_upper(w) || is_road_ref(w) {
        return true;
    }
    // lower-case article joined by a hyphen or space to a capitalised word: "al-Eis"
    rules.arabic
        && ARTICLES.contains(&w)
        && ws
            .get(i + 1)
            .is_some_and(|n| starts_upper(&text[n.start..n.end]))
}

/// Cheap filter before trying spans: can any gazetteer name (or not-place)
/// start with this word? Folding a single word gives the same key it has
/// inside a longer name, except for articles, which fold to `al` there.
/// Returns the most words such a name can have (0: none starts here).
fn first_word_may_start(gaz: &Gazetteer, w: &Word, text: &str) -> usize {
    let ix = gaz.index();
    let rules = gaz.rules();
    let written = &text[w.start..w.end];
    if rules.arabic
        && written.len() <= 3
        && ARTICLES.contains(&written.to_ascii_lowercase().as_str())
    {
        return ix.may_start("al").max(ix.may_start(&gaz.fold(written)));
    }
    let first = |k: &str| k.split(' ').next().unwrap_or("").to_string();
    let key = gaz.fold(written);
    let mut n = ix.may_start(&first(&key));
    if let Some(p) = w.poss {
        n = n.max(ix.may_start(&first(&gaz.fold(&text[w.start..p]))));
    }
    if rules.slavic {
        if let Some(st) = slavic::stem(&first(&key)) {
            n = n.max(ix.may_start(&st));
        }
    }
    if rules.arabic && is_arabic(written) {
        let mut cs = written.chars();
        if cs.next().is_some_and(|c| arabic::CLITICS.contains(&c)) {
            let k = gaz.fold(cs.as_str());
            n = n.max(ix.may_start(&first(&k)));
        }
    }
    n
}

/// A capitalised multi-word name in text that the gazetteer does not know,
/// such as a village missing from it ("Khan Touman"): reported whole rather
/// than as a fragment matched elsewhere ("Khan").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved<'a> {
    /// Byte offset of the first byte of the name.
    pub start: usize,
    /// Byte offset just past the name.
    pub end: usize,
    /// The name as written.
    pub text: &'a str,
}

/// Find the place mentions in `text`, in order, without overlaps.
///
/// What is tried depends on the gazetteer's languages (see
/// [`crate::gazetteer::lang`]): French elisions, Arabic clitics and
/// consonant skeletons, English possessives (`Kupiansk's`), Slavic case
/// endings (`у Харкові`). A single word that is a stop-word of one of the
/// languages (`The`, `In`, `Ministry`) is never a place, and a name next to
/// a river or region word (`Oskil river`, `річку Оскіл`, `Kharkiv Oblast`)
/// is the river or region, not the town. Among places of the same name,
/// those inside the theater's extent win.
pub fn geoparse<'a>(gaz: &'a Gazetteer, text: &'a str) -> Vec<Mention<'a>> {
    geoparse_with_unresolved(gaz, text).0
}

/// Title-case words that follow a place name in English without being part
/// of it ("Idlib Province"): a match followed by one of these is not a
/// fragment of a longer, unknown name.
const GENERIC_AFTER: &[&str] = &[
    "province",
    "governorate",
    "city",
    "countryside",
    "region",
    "district",
    "area",
    "airport",
    "airbase",
    "highway",
    "road",
    "front",
    "axis",
    "pocket",
    "town",
    "village",
    "offensive",
    "military",
    "plain",
    "valley",
    "mountains",
    "mount",
    "international",
    "central",
    "general",
    "hospital",
    "university",
    "council",
    "operations",
    "operation",
    "sector",
    "subdistrict",
];

/// Can this word continue a capitalised name run ("Touman", "al" before "Nasan")?
fn continues_name(text: &str, ws: &[Word], k: usize, rules: Rules) -> bool {
    let w = &text[ws[k].start..ws[k].end];
    // A weekday, a month or a function word ("Saraqib Monday") ends a name.
    if is_arabic(w) || is_road_ref(w) {
        return false;
    }
    (starts_upper(w)
        && !GENERIC_AFTER.contains(&w.to_lowercase().as_str())
        && !rules.is_stop_word(w))
        || (ARTICLES.contains(&w)
            && ws.get(k + 1).is_some_and(|n| {
                // "al-Nasan", "al Nasan"; not French "et" between two names
                (text[ws[k].end..n.start] == *"-" || w == "al" || w == "el")
                    && starts_upper(&text[n.start..n.end])
            }))
}

/// Are words `a` and `a + 1` joined by a space or hyphen only (same name run)?
fn joined(text: &str, ws: &[Word], a: usize) -> bool {
    ws.get(a + 1).is_some_and(|b| {
        let gap = &text[ws[a].end..b.start];
        !gap.is_empty() && gap.len() <= 2 && gap.chars().all(|c| c == ' ' || c == '-')
    })
}

/// Is the match on words `i..j` a fragment of a longer capitalised name the
/// gazetteer does not know? Returns the words of that whole name.
fn fragment_of_longer_name(
    gaz: &Gazetteer,
    text: &str,
    ws: &[Word],
    i: usize,
    j: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    let first = &text[ws[i].start..ws[i].end];
    if is_arabic(first) || is_road_ref(first) {
        return None;
    }
    // The name goes on after the match: "Khan" + "Touman".
    let after = j < ws.len() && joined(text, ws, j - 1) && continues_name(text, ws, j, gaz.rules());
    // A word that starts multi-word names comes just before: "Kafr" + "Halab".
    let before = i > floor && joined(text, ws, i - 1) && {
        let p = &text[ws[i - 1].start..ws[i - 1].end];
        // ("A Damas" is French for "in Damascus", not a name: three letters at least)
        p.chars().count() >= 3
            && starts_upper(p)
            && !is_arabic(p)
            && gaz.index().may_start(&gaz.fold(p)) >= 2
    };
    if !after && !before {
        return None;
    }
    let mut s = i;
    while s > floor
        && joined(text, ws, s - 1)
        && continues_name(text, ws, s - 1, gaz.rules())
        && i - s < 4
    {
        s -= 1;
    }
    let mut e = j;
    while e < ws.len()
        && joined(text, ws, e - 1)
        && continues_name(text, ws, e, gaz.rules())
        && e - j < 4
    {
        e += 1;
    }
    Some((s, e))
}

/// Find the place mentions in `text`, in order, without overlaps, and the
/// capitalised multi-word names that the gazetteer does not know (which a
/// word-by-word match would have mistaken for a shorter place name).
pub fn geoparse_with_unresolved<'a>(
    gaz: &'a Gazetteer,
    text: &'a str,
) -> (Vec<Mention<'a>>, Vec<Unresolved<'a>>) {
    let places = gaz.places();
    let rules = gaz.rules();
    let ws = words(text, rules);
    let mut out = Vec::new();
    let mut unresolved = Vec::new();
    // Words before this index belong to an earlier mention.
    let mut floor = 0;
    let mut i = 0;
    while i < ws.len() {
        if !can_start(text, &ws, i, rules) {
            i += 1;
            continue;
        }
        // The longest name starting with this word, plus one word of slack
        // for text that splits where the folded name does not.
        let max = match first_word_may_start(gaz, &ws[i], text) {
            0 => {
                i += 1;
                continue;
            }
            n => (n + 1).min(8),
        };
        let mut found: Option<(usize, Mention<'a>)> = None;
        let mut skip_to = None;
        let upto = (i + max).min(ws.len());
        // Longest span first. Spans never cross a sentence or clause break.
        let mut j = upto;
        'spans: while j > i {
            let start = ws[i].start;
            let whole = ws[j - 1].end;
            if text[start..whole]
                .contains(['.', ',', ';', ':', '(', ')', '«', '»', '"', '\n', '/', '،'])
                && j - i > 1
            {
                j -= 1;
                continue;
            }
            // The span as written, then without an English possessive.
            let ends = [Some(whole), ws[j - 1].poss];
            for end in ends.into_iter().flatten() {
                let span = &text[start..end];
                let key = gaz.fold(span);
                if gaz.index().is_not_place(&key) {
                    // "Hayat Tahrir al-Cham" is a group, not Damascus: skip it whole.
                    skip_to = Some(j);
                    break 'spans;
                }
                if j - i == 1 && rules.is_stop_word(span) {
                    continue;
                }
                if let Some((pi, ni, score)) = match_span(gaz, span, &key) {
                    let place = &places[pi as usize];
                    found = Some((
                        j,
                        Mention {
                            start,
                            end,
                            text: span,
                            place,
                            score,
                            matched: crate::gazetteer::matched_name(place, span, ni),
                        },
                    ));
                    break 'spans;
                }
            }
            j -= 1;
        }
        match found {
            Some((j, m)) => match fragment_of_longer_name(gaz, text, &ws, i, j, floor) {
                Some((s, e)) => {
                    let (start, end) = (ws[s].start, ws[e - 1].end);
                    unresolved.push(Unresolved {
                        start,
                        end,
                        text: &text[start..end],
                    });
                    i = e;
                    floor = e;
                }
                None => {
                    if !next_to_feature_word(text, &ws, i, j, rules) {
                        out.push(m);
                    }
                    i = j;
                    floor = j;
                }
            },
            None => i = skip_to.unwrap_or(i + 1),
        }
    }
    (out, unresolved)
}

/// Is the name of words `i..j` a river or region (`Oskil river`, `річку
/// Оскіл`, `Kharkiv Oblast`) rather than a town? Only words separated from
/// the name by spaces count.
fn next_to_feature_word(text: &str, ws: &[Word], i: usize, j: usize, rules: Rules) -> bool {
    let blank = |a: usize, b: usize| text[a..b].chars().all(char::is_whitespace);
    let before = i > 0
        && blank(ws[i - 1].end, ws[i].start)
        && rules.is_feature_word(&text[ws[i - 1].start..ws[i - 1].end], true);
    let after = j < ws.len()
        && blank(ws[j - 1].end, ws[j].start)
        && rules.is_feature_word(&text[ws[j].start..ws[j].end], false);
    before || after
}

/// Match one span; returns (place, name, score).
fn match_span(gaz: &Gazetteer, span: &str, key: &str) -> Option<(u32, u32, f64)> {
    let ix = gaz.index();
    let rules = gaz.rules();
    if key.is_empty() || ix.is_not_place(key) {
        return None;
    }
    if let Some(hit) = best(gaz, ix.exact(key), span) {
        return Some((hit.0, hit.1, 1.0));
    }
    if is_arabic(span) {
        if !rules.arabic {
            return None;
        }
        // Arabic clitics: "وسراقب" (and Saraqib), "بإدلب" (in Idlib), "ومعرة النعمان".
        for c in arabic::CLITICS {
            if let Some(rest) = span.strip_prefix(*c) {
                let k = gaz.fold(rest);
                if k.split(' ').next().is_some_and(|w| w.chars().count() >= 3) {
                    if let Some(hit) = best(gaz, ix.exact(&k), rest) {
                        return Some((hit.0, hit.1, 0.95));
                    }
                }
            }
        }
        return None;
    }
    // Slavic case endings: "Харкові" for Харків, "Лиманом" for Лиман.
    if rules.slavic && slavic::is_cyrillic(span) {
        if let Some(hit) = best(gaz, &ix.same_stem(key), span) {
            return Some((hit.0, hit.1, 0.95));
        }
        return None;
    }
    // Skeleton match only for long, capitalised words of Arabic
    // transliteration: "Saraqib" for "Saraqeb" is fine, "Son" for "San"
    // is not, and in other languages a skeleton is a different word
    // ("Ministry" is not Monastir).
    let letters = key.chars().filter(|c| c.is_alphabetic()).count();
    let sk = skeleton(key);
    if rules.arabic && letters >= 6 && sk.chars().filter(|c| *c != ' ').count() >= 4 {
        let mut cands: Vec<(u32, u32)> = Vec::new();
        for (_, post) in ix.same_skeleton(key) {
            cands.extend_from_slice(post);
        }
        if let Some(hit) = best(gaz, &cands, span) {
            return Some((hit.0, hit.1, 0.9));
        }
    }
    None
}

/// Among places sharing a name: those inside the theater's extent, then
/// the one whose own name the text writes, then the highest-ranked, then
/// the most populous.
fn best(gaz: &Gazetteer, post: &[(u32, u32)], written: &str) -> Option<(u32, u32)> {
    let places = gaz.places();
    let plain = crate::gazetteer::matcher_plain(written);
    post.iter().copied().min_by(|a, b| {
        let (pa, pb) = (&places[a.0 as usize], &places[b.0 as usize]);
        let own = |p: &Place| crate::gazetteer::matcher_plain(&p.name) != plain;
        (!gaz.in_extent(pa))
            .cmp(&!gaz.in_extent(pb))
            .then(own(pa).cmp(&own(pb)))
            .then(pa.rank().cmp(&pb.rank()))
            .then(pb.population.cmp(&pa.population))
            .then(pa.id.cmp(&pb.id))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_handle_elision_and_ayn() {
        let t = "d'Idleb, Ma'arrat an-Nu'man et l’autoroute";
        let ws: Vec<&str> = words(t, Rules::IDLIB)
            .iter()
            .map(|w| &t[w.start..w.end])
            .collect();
        assert_eq!(ws, ["Idleb", "Ma'arrat", "an", "Nu'man", "et", "autoroute"]);
    }

    #[test]
    fn unknown_multi_word_names_are_not_matched_by_a_fragment() {
        let gaz = Gazetteer::embedded().unwrap();
        // Khan Dannoun (Rif Dimashq) is not in the gazetteer, though "Khan"
        // alone matches a village; Kafr Halab is, and is not Aleppo ("Halab").
        let t = "Les combats à Khan Dannoun et à Kafr Halab, près de Saraqeb.";
        let (found, unresolved) = geoparse_with_unresolved(&gaz, t);
        let names: Vec<(&str, &str)> = found
            .iter()
            .map(|m| (m.text, m.place.id.as_str()))
            .collect();
        assert_eq!(
            names,
            [("Kafr Halab", "fl:kafr-halab"), ("Saraqeb", "164816")]
        );
        let un: Vec<&str> = unresolved.iter().map(|u| u.text).collect();
        assert_eq!(un, ["Khan Dannoun"]);
        // A generic capitalised word after a known name does not make it
        // unknown; a region word makes the pair the region, not the town.
        let (found, unresolved) = geoparse_with_unresolved(&gaz, "fighting near Saraqib Monday");
        assert_eq!(found.len(), 1);
        assert!(unresolved.is_empty());
        let (found, unresolved) = geoparse_with_unresolved(&gaz, "fighting in Idlib Province");
        assert!(found.is_empty() && unresolved.is_empty());
    }
}
