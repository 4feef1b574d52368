//! Arabic, in Arabic script and in Latin transliteration.
//!
//! Folding (in `fold.rs`): the article in all its forms (`al- el- an- ash-
//! …`) with sun-letter assimilation, ta marbuta written `-ah`/`-eh`, the
//! vowel and consonant spellings of French and English transliteration
//! (`e/a`, `o/u`, `ou/oo`, `ee`, `y/i`, `q/k`, `ch/sh`, `dj/j`), and in
//! Arabic script alef variants, `ة`/`ه`, `ى`/`ي`, tashkeel and tatweel.
//! The geoparser tries attached clitics and, for long words, consonant
//! skeletons (`Saraqeb` for `Saraqib`) only in theaters whose press writes
//! Arabic.

/// Article forms, before any letter folding. Written alone or before a hyphen.
pub const ARTICLES: &[&str] = &[
    "al", "el", "il", "ul", "an", "ash", "as", "az", "ar", "at", "ad", "adh", "ath", "ed", "es",
    "ez", "er", "et", "en", "ech", "ach", "ej",
];

/// One-letter prepositions and conjunctions written attached to the next
/// word: `وسراقب` (and Saraqib), `بإدلب` (in Idlib).
pub const CLITICS: &[char] = &['و', 'ب', 'ل', 'ف', 'ك'];

/// Countries whose press writes Arabic (and, in the Levant and the
/// Maghreb, French), ISO 3166-1 alpha-2.
pub const COUNTRIES: &[&str] = &[
    "AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS", "QA", "SA", "SD", "SY",
    "TN", "YE",
];
