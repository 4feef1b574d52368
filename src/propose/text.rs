//! Tokens, sentences and phrase lexicons for `propose`.
//!
//! Text is cut into words and punctuation marks. Words are normalised for
//! matching: lower case, apostrophes and hyphens split words (« l'armée » is
//! `l` `armée`), Arabic diacritics and tatweel dropped, alef forms unified and
//! final alef maqsura read as yeh. Phrases of the language rules and of the
//! theater's `actors.csv` are normalised the same way and looked up word by
//! word, so matching is linear in the text.

use crate::gazetteer::fold::is_arabic;
use crate::gazetteer::matcher::FxMap;

/// A word or a punctuation mark.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Byte offset in the text.
    pub start: usize,
    /// Byte offset just past the token.
    pub end: usize,
    /// Normalised form (lower case; one char for punctuation).
    pub norm: String,
    /// A word (not punctuation).
    pub word: bool,
    /// Starts with an upper-case letter.
    pub upper: bool,
    /// Arabic script.
    pub arabic: bool,
    /// The language cue starting at this word and its length in tokens,
    /// looked up once per sentence by the proposer (see [`super::lang`]).
    pub cue: Option<(usize, super::lang::Cue)>,
}

/// Arabic one-letter clitics that attach to the next word.
pub const CLITICS: &[char] = &['و', 'ف', 'ب', 'ل'];

fn norm_char(c: char, out: &mut String) {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
        'ى' => out.push('ي'),
        'ـ' => {}
        c if ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0670}' => {}
        c => out.extend(c.to_lowercase()),
    }
}

/// Normalise one word.
pub fn norm(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        norm_char(c, &mut s);
    }
    s
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Punctuation that matters to the rules.
fn is_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '«'
            | '»'
            | '"'
            | '“'
            | '”'
            | '…'
            | '،'
            | '؛'
            | '؟'
            | '\n'
            | '–'
            | '—'
    )
}

/// Tokenise `text[from..to]`.
pub fn tokens(text: &str, from: usize, to: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let s = &text[from..to];
    let flush = |out: &mut Vec<Tok>, a: usize, b: usize| {
        let w = &text[a..b];
        out.push(Tok {
            start: a,
            end: b,
            norm: norm(w),
            word: true,
            upper: w.chars().next().is_some_and(char::is_uppercase),
            arabic: is_arabic(w),
            cue: None,
        });
    };
    for (i, c) in s.char_indices() {
        let i = i + from;
        if is_word(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(a) = start.take() {
            flush(&mut out, a, i);
        }
        // a dash between spaces separates, one inside a name does not
        let spaced_dash = c == '-'
            && (s[..i - from].ends_with(char::is_whitespace)
                || s[i - from + 1..].starts_with(char::is_whitespace));
        if is_punct(c) || spaced_dash {
            let p = match c {
                '؟' => '?',
                '،' => ',',
                '؛' => ';',
                '“' | '”' | '«' | '»' => '"',
                '–' | '—' => '-',
                c => c,
            };
            out.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                norm: p.to_string(),
                word: false,
                upper: false,
                arabic: false,
                cue: None,
            });
        }
    }
    if let Some(a) = start {
        flush(&mut out, a, to);
    }
    out
}

/// Longest sentence handled as one; longer runs without a full stop are cut
/// at a word boundary so time and memory stay bounded.
pub const MAX_SENTENCE: usize = 4096;

/// Byte ranges of the sentences of `text`: cut after `.`, `!`, `?`, `؟`
/// followed by a space, a quote or an upper-case letter, and at blank lines
/// and line ends.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    let mut prev = ' ';
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let end_here = match c {
            '\n' => true,
            '!' | '?' | '؟' => true,
            '.' => {
                // not inside numbers (586.000) or after a single capital (M. Erdogan)
                let after_ok = next.is_none_or(|n| {
                    n.is_whitespace()
                        || matches!(n, '"' | '»' | '”' | '\'' | ')')
                        || n.is_uppercase()
                });
                let before_digit =
                    prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit());
                let initial = prev.is_uppercase()
                    && i >= 2
                    && !text[..i - prev.len_utf8()].ends_with(char::is_alphanumeric);
                after_ok && !before_digit && !initial
            }
            _ => false,
        };
        let end = i + c.len_utf8();
        if end_here || end - start >= MAX_SENTENCE && !is_word(c) {
            push_trimmed(text, start, end, &mut out);
            start = end;
        } else if end - start >= MAX_SENTENCE * 2 {
            // a single enormous "word": cut anyway, on a char boundary
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
        prev = c;
    }
    if start < b.len() {
        push_trimmed(text, start, b.len(), &mut out);
    }
    out
}

fn push_trimmed(text: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[a..b];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push((a + lead, b - trail));
    }
}

/// Phrases looked up word by word.
#[derive(Debug, Clone)]
pub struct Lexicon<T> {
    by_first: FxMap<String, Vec<(Vec<String>, T)>>,
}

impl<T> Default for Lexicon<T> {
    fn default() -> Self {
        Lexicon {
            by_first: FxMap::default(),
        }
    }
}

impl<T: Clone> Lexicon<T> {
    /// Add a phrase (tokenised and normalised like text).
    pub fn add(&mut self, phrase: &str, value: T) {
        let toks: Vec<String> = tokens(phrase, 0, phrase.len())
            .into_iter()
            .filter(|t| t.word)
            .map(|t| t.norm)
            .collect();
        let Some(first) = toks.first().cloned() else {
            return;
        };
        // «النظام» is written «للنظام» after «ل» ("to, of"): the alef drops
        let lam = first
            .strip_prefix("ال")
            .filter(|r| r.chars().count() >= 2)
            .map(|r| format!("لل{r}"));
        for key in std::iter::once(first).chain(lam) {
            let v = self.by_first.entry(key).or_default();
            v.push((toks.clone(), value.clone()));
            // longest first
            v.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        }
    }

    /// The longest phrase starting at word `i` of `toks` (punctuation
    /// inside a phrase is skipped only for apostrophes and hyphens, which
    /// are not tokens): its length in tokens and its value.
    pub fn at(&self, toks: &[Tok], i: usize) -> Option<(usize, &T)> {
        let t = &toks[i];
        if !t.word {
            return None;
        }
        // «وقوات» (and forces), «وبالسيطرة» (and with the control): one or
        // two clitics («للنظام», «ل» before «النظام», is a key of its own:
        // see `add`)
        let mut firsts: [Option<&str>; 3] = [Some(t.norm.as_str()), None, None];
        if t.arabic {
            let strip = |w: &str| -> Option<usize> {
                let c = w.chars().next()?;
                (CLITICS.contains(&c) && w[c.len_utf8()..].chars().count() >= 2)
                    .then_some(c.len_utf8())
            };
            if let Some(a) = strip(&t.norm) {
                let rest = &t.norm[a..];
                firsts[1] = Some(rest);
                if let Some(b) = strip(rest).filter(|_| matches!(&t.norm[..a], "و" | "ف")) {
                    firsts[2] = Some(&rest[b..]);
                }
            }
        }
        let mut best: Option<(usize, &T)> = None;
        for first in firsts.into_iter().flatten() {
            let Some(cands) = self.by_first.get(first) else {
                continue;
            };
            for (words, v) in cands {
                if best.is_some_and(|(n, _)| n >= words.len()) {
                    break;
                }
                let ok = words.len() <= toks.len() - i
                    && words
                        .iter()
                        .enumerate()
                        .skip(1)
                        .all(|(k, w)| toks[i + k].word && toks[i + k].norm == *w);
                if ok {
                    best = Some((words.len(), v));
                    break;
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_on_stops_not_numbers() {
        let t = "Il y a 586.000 déplacés. Les forces sont entrées à Saraqeb! Ensuite.";
        let s: Vec<&str> = sentences(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            s,
            [
                "Il y a 586.000 déplacés.",
                "Les forces sont entrées à Saraqeb!",
                "Ensuite."
            ]
        );
    }

    #[test]
    fn lexicon_matches_longest_with_arabic_clitic() {
        let mut lx = Lexicon::default();
        lx.add("قوات النظام", 1);
        lx.add("les forces du régime", 2);
        lx.add("les forces", 3);
        let t = "وقوات النظام ; Les forces du régime";
        let toks = tokens(t, 0, t.len());
        assert_eq!(lx.at(&toks, 0), Some((2, &1)));
        assert_eq!(lx.at(&toks, 3), Some((4, &2)));
    }

    #[test]
    fn lexicon_reads_two_clitics_and_the_lam_before_the_article() {
        let mut lx = Lexicon::default();
        lx.add("النظام السوري", 1);
        lx.add("السيطرة على", 2);
        let t = "للنظام السوري وبالسيطرة على لنظام";
        let toks = tokens(t, 0, t.len());
        assert_eq!(lx.at(&toks, 0), Some((2, &1)));
        assert_eq!(lx.at(&toks, 2), Some((2, &2)));
        // «ل» before a word that is not «ال...»: no alef to restore
        assert_eq!(lx.at(&toks, 4), None);
    }
}
