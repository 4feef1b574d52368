//! Ukrainian and Russian (and Belarusian), in Cyrillic and in Latin
//! transliteration.
//!
//! * Folding (in `fold.rs`): in Latin, `y` and `i` are one letter, so the
//!   Ukrainian, Russian and press transliterations meet (`Kupyansk` /
//!   `Kupiansk`, `Izyum` / `Izium`, `Pervomayskiy` / `Pervomaiskyi`); the
//!   soft signs `ь ъ` and the apostrophe (`Куп’янськ`) are dropped. A final
//!   `-e` stays: Luhanske is not Luhansk.
//! * Case endings: place names are declined (`у Харкові`, `під Лиманом`,
//!   `Куп’янська`). [`stem`] cuts the ending and marks the vowel that
//!   alternates in a closed syllable (Харків / Харкова, Чугуїв / Чугуєві),
//!   so a declined form and the name share a stem.

use super::Rules;

/// Case endings of nouns and adjectives, Ukrainian and Russian, as written.
/// The longest that leaves a stem of at least [`MIN_STEM`] letters is cut.
const ENDINGS: &[&str] = &[
    // adjectival (Сватове, Борова, Велика, Великий, Кремінна...)
    "ого", "ому", "ими", "ий", "ій", "ої", "ою", "ої", "им", "их", "ая", "ое", "ую", "ые", "ей",
    "ой", // nominal
    "ією", "ію", "ії", "ія", "ею", "єю", "ам", "ами", "ах", "ях", "ям", "ом", "ем", "єм", "а", "у",
    "і", "е", "ю", "я", "и", "о", "ы", "є", "ї",
];

/// Shortest stem a declined form may be matched by.
pub const MIN_STEM: usize = 4;

/// Vowels, after folding (й and ї fold to и and і).
const VOWELS: &[char] = &['а', 'е', 'є', 'и', 'і', 'о', 'у', 'ю', 'я', 'ы', 'э'];

/// Vowels that alternate with `і` in a closed final syllable: Харків /
/// Харкова, Чугуїв / Чугуєві, Кремінна.
const ALTERNATING: &[char] = &['о', 'е', 'є', 'і'];

fn folded_endings() -> &'static [String] {
    static E: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    E.get_or_init(|| {
        let mut v: Vec<String> = ENDINGS
            .iter()
            .map(|e| super::super::fold::fold_with(e, Rules::NONE))
            .collect();
        // longest first
        v.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        v.dedup();
        v
    })
}

/// Does the word contain Cyrillic letters?
pub fn is_cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// The stem of one folded Cyrillic word: the case ending cut, and an
/// alternating vowel of the final closed syllable written `*`. `None` for
/// Latin words and for words too short to stem safely.
///
/// ```
/// use frontline::gazetteer::fold::fold_with;
/// use frontline::gazetteer::lang::{slavic::stem, Rules};
/// let r = Rules::for_languages(&["uk"]).unwrap();
/// let s = |w: &str| stem(&fold_with(w, r));
/// assert_eq!(s("Харкові"), s("Харків"));
/// assert_eq!(s("Куп’янська"), s("Куп’янськ"));
/// assert_eq!(s("Лиманом"), s("Лиман"));
/// assert_eq!(s("Чугуєві"), s("Чугуїв"));
/// assert_ne!(s("Луганське"), s("Луганськ"));
/// ```
pub fn stem(word: &str) -> Option<String> {
    if !is_cyrillic(word) || word.contains(' ') {
        return None;
    }
    let n = word.chars().count();
    let mut base = word;
    for e in folded_endings() {
        if word.ends_with(e.as_str()) && n - e.chars().count() >= MIN_STEM {
            base = &word[..word.len() - e.len()];
            break;
        }
    }
    if base.chars().count() < MIN_STEM {
        return None;
    }
    let mut cs: Vec<char> = base.chars().collect();
    // the last vowel, if only consonants follow it
    if let Some(i) = cs.iter().rposition(|c| VOWELS.contains(c)) {
        if i + 1 < cs.len() && ALTERNATING.contains(&cs[i]) {
            cs[i] = '*';
        }
    }
    // The nominative of an adjectival name (-ське, -ськ) keeps its -е: a
    // stem ending in ськ from a form in -ське would merge Луганське with
    // Луганськ, so mark it.
    let mut s: String = cs.into_iter().collect();
    // (soft signs are folded away in Slavic theaters: `ське` arrives as `ске`)
    if ["ське", "ського", "ському", "ске", "ского", "скому"]
        .iter()
        .any(|e| word.ends_with(e))
    {
        s.push('+');
    }
    Some(s)
}

/// The stem key of a folded name: every Cyrillic word stemmed, others as
/// they are. `None` when no word could be stemmed.
pub fn stem_key(key: &str) -> Option<String> {
    let mut any = false;
    let words: Vec<String> = key
        .split(' ')
        .map(|w| match stem(w) {
            Some(s) => {
                any = true;
                s
            }
            None => w.to_string(),
        })
        .collect();
    any.then(|| words.join(" "))
}

/// Words that are never a place on their own in Ukrainian or Russian text
/// (prepositions, conjunctions and sentence openers written capitalised).
pub const STOP_WORDS: &[&str] = &[
    "а",
    "але",
    "в",
    "вже",
    "во",
    "восени",
    "взимку",
    "влітку",
    "від",
    "для",
    "до",
    "з",
    "за",
    "и",
    "из",
    "или",
    "і",
    "із",
    "й",
    "к",
    "ко",
    "как",
    "між",
    "на",
    "навесні",
    "наприкінці",
    "над",
    "но",
    "о",
    "об",
    "осенью",
    "от",
    "по",
    "під",
    "под",
    "після",
    "при",
    "про",
    "росіяни",
    "россияне",
    "с",
    "со",
    "та",
    "так",
    "також",
    "тож",
    "у",
    "українці",
    "україна",
    "украина",
    "це",
    "ця",
    "ці",
    "чи",
    "что",
    "это",
    "як",
    "якщо",
];

/// A river or region word before a name: `річку Оскіл`, `реку Оскол`.
pub const FEATURE_BEFORE: &[&str] = &[
    "річка",
    "річки",
    "річку",
    "річці",
    "річкою",
    "ріка",
    "ріки",
    "ріку",
    "річище",
    "река",
    "реки",
    "реку",
    "реке",
    "рекой",
    "озеро",
    "озера",
    "водосховище",
];

/// A river or region word after a name: `Харківська область`.
pub const FEATURE_AFTER: &[&str] = &[
    "область",
    "області",
    "областю",
    "району",
    "район",
    "районі",
    "области",
    "областью",
    "річка",
    "река",
    "oblast",
];

/// Countries whose press writes a Slavic language frontline has rules for.
pub const COUNTRIES: &[&str] = &["UA", "RU", "BY"];

/// The press languages of one of [`COUNTRIES`] (English is added by the
/// caller).
pub fn languages_of(country: &str) -> &'static [&'static str] {
    match country {
        "UA" => &["uk", "ru"],
        "BY" => &["be", "ru"],
        _ => &["ru"],
    }
}
