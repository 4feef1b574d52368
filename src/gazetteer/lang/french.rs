//! French: elisions (`d'Idleb`, `l'autoroute`), the mute final -e folded
//! away (`Noomane` → `nooman`), and stop-words.
//!
//! The mute-final-e rule is French only: in Ukrainian and Russian names a
//! final -e is a real letter (Luhanske is not Luhansk, ~100 km apart), so
//! a theater gets it only when its press languages include `fr`.

/// Elided words before an apostrophe.
pub const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Words that are never a place on their own in French text.
pub const STOP_WORDS: &[&str] = &[
    "apres",
    "au",
    "aussi",
    "aux",
    "avant",
    "avec",
    "avril",
    "ce",
    "ces",
    "cette",
    "chez",
    "contre",
    "dans",
    "de",
    "decembre",
    "depuis",
    "des",
    "dimanche",
    "du",
    "elle",
    "elles",
    "en",
    "entre",
    "et",
    "fevrier",
    "il",
    "ils",
    "janvier",
    "jeudi",
    "juillet",
    "juin",
    "la",
    "le",
    "les",
    "leur",
    "lundi",
    "mai",
    "mais",
    "mardi",
    "mars",
    "mercredi",
    "novembre",
    "octobre",
    "ou",
    "par",
    "pour",
    "pres",
    "samedi",
    "sans",
    "selon",
    "septembre",
    "sous",
    "sur",
    "un",
    "une",
    "vendredi",
    "vers",
];
