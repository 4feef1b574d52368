//! Language rules: which spelling differences folding removes, which words
//! of running text are never places, and which case endings and possessives
//! the geoparser cuts off. One module per language; a theater chooses the
//! languages of its press (`languages` in `theater.csv`) and gets their
//! rules, and only theirs.
//!
//! | code | module | folding | geoparse |
//! |---|---|---|---|
//! | `ar` | [`arabic`] | Arabic-transliteration rules: articles, ta marbuta, e/a, o/u, ou, y/i, q/k, ch/sh, dj/j; Arabic script letter variants | attached clitics (و ب ل ف ك), consonant skeletons for long words |
//! | `fr` | [`french`] | mute final -e, ou/u, ch/sh, dj/j, qu/k | elisions (d', l'), stop-words |
//! | `en` | [`english`] | — | possessives ('s), stop-words, river/region words |
//! | `uk`, `ru` | [`slavic`] | Latin: y/i (ya/ia, yu/iu, iy/yi), soft signs; Cyrillic: ь ъ dropped | case endings by stem (у Харкові → Харків), stop-words, river/region words |
//!
//! The embedded Idlib theater uses `ar`, `fr`, `en`: the rules frontline
//! always had.

pub mod arabic;
pub mod english;
pub mod french;
pub mod slavic;

use std::collections::HashSet;
use std::sync::OnceLock;

/// A word as the lists are compared: lower case, accents and apostrophes
/// removed, no language rule.
fn plain(word: &str) -> String {
    super::fold::fold_with(word, Rules::NONE)
}

fn set(cell: &'static OnceLock<HashSet<String>>, list: &[&str]) -> &'static HashSet<String> {
    cell.get_or_init(|| list.iter().map(|w| plain(w)).collect())
}

/// The rules of a set of languages, as flags the folding and the geoparser
/// read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rules {
    /// Arabic transliteration (`ar`).
    pub arabic: bool,
    /// French spelling (`fr`).
    pub french: bool,
    /// English (`en`).
    pub english: bool,
    /// Ukrainian and Russian, Latin and Cyrillic (`uk`, `ru`, `be`).
    pub slavic: bool,
}

/// Language codes frontline has rules for.
pub const KNOWN: &[&str] = &["ar", "fr", "en", "uk", "ru", "be"];

impl Default for Rules {
    /// The rules of the embedded Idlib theater: Arabic, French, English.
    fn default() -> Self {
        Rules::IDLIB
    }
}

impl Rules {
    /// Arabic, French and English: the press of the embedded theater.
    pub const IDLIB: Rules = Rules {
        arabic: true,
        french: true,
        english: true,
        slavic: false,
    };

    /// No language rule: case, diacritics and doubled letters only.
    pub const NONE: Rules = Rules {
        arabic: false,
        french: false,
        english: false,
        slavic: false,
    };

    /// The rules of these ISO 639-1 codes. Unknown codes are returned as
    /// the error, so a theater file can name them.
    pub fn for_languages<S: AsRef<str>>(codes: &[S]) -> Result<Rules, String> {
        let mut r = Rules::NONE;
        for c in codes {
            match c.as_ref() {
                "ar" => r.arabic = true,
                "fr" => r.french = true,
                "en" => r.english = true,
                "uk" | "ru" | "be" => r.slavic = true,
                other => return Err(other.to_string()),
            }
        }
        Ok(r)
    }

    /// Is this word (any case, any accents) a stop-word of one of the
    /// languages: a word that can start a sentence or a title but never
    /// names a place on its own (`The`, `In`, `Ministry`, `Восени`)?
    pub fn is_stop_word(&self, word: &str) -> bool {
        static EN: OnceLock<HashSet<String>> = OnceLock::new();
        static FR: OnceLock<HashSet<String>> = OnceLock::new();
        static SL: OnceLock<HashSet<String>> = OnceLock::new();
        let w = plain(word);
        (self.english && set(&EN, english::STOP_WORDS).contains(&w))
            || (self.french && set(&FR, french::STOP_WORDS).contains(&w))
            || (self.slavic && set(&SL, slavic::STOP_WORDS).contains(&w))
    }

    /// Is this word a river or region word that, next to a name, makes it
    /// the river or region rather than the town (`Oskil river`, `річку
    /// Оскіл`, `Kharkiv Oblast`)? `before`: the word comes before the name.
    pub fn is_feature_word(&self, word: &str, before: bool) -> bool {
        let w = plain(word);
        let (en, sl) = if before {
            (english::FEATURE_BEFORE, slavic::FEATURE_BEFORE)
        } else {
            (english::FEATURE_AFTER, slavic::FEATURE_AFTER)
        };
        (self.english && en.iter().any(|f| plain(f) == w))
            || (self.slavic && sl.iter().any(|f| plain(f) == w))
    }

    /// The folded name of a first-level division without its generic word
    /// (`Donetsk Oblast` → `donetsk`, `Idlib Governorate` → `idlib`), so
    /// `--region` finds it however it is written.
    pub fn region_core(&self, folded: &str) -> String {
        let words: Vec<&str> = folded
            .split(' ')
            .filter(|w| !REGION_WORDS.contains(w))
            .collect();
        if words.is_empty() {
            folded.to_string()
        } else {
            words.join(" ")
        }
    }
}

/// Generic words of first-level division names, folded, in every language
/// frontline has rules for (they never name a division on their own).
const REGION_WORDS: &[&str] = &[
    "oblast",
    "oblasti",
    "region",
    "province",
    "governorate",
    "gouvernorat",
    "muhafazat",
    "muhafaza",
    "mohafazat",
    "wilaya",
    "raion",
    "rayon",
    "district",
    "область",
    "обл",
    "области",
    "регион",
    "край",
    "mintaka",
    "mintakat",
    "rajon",
    "oblastʹ",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_per_language() {
        let en = Rules::for_languages(&["en"]).unwrap();
        let uk = Rules::for_languages(&["uk"]).unwrap();
        assert!(en.is_stop_word("The") && en.is_stop_word("Ministry"));
        assert!(!uk.is_stop_word("The"));
        assert!(uk.is_stop_word("Восени") && !en.is_stop_word("Восени"));
        assert!(en.is_feature_word("River", false) && uk.is_feature_word("річку", true));
    }

    #[test]
    fn languages_choose_rules() {
        let r = Rules::for_languages(&["uk", "ru", "en"]).unwrap();
        assert!(r.slavic && r.english && !r.arabic && !r.french);
        assert_eq!(
            Rules::for_languages(&["ar", "fr", "en"]).unwrap(),
            Rules::IDLIB
        );
        assert_eq!(Rules::for_languages(&["xx"]).unwrap_err(), "xx");
    }
}
