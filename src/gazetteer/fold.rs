//! Name folding: the spelling differences of the theater's press languages
//! removed, the real letters kept.
//!
//! [`fold_with`] takes the [`Rules`] of a theater's languages (see
//! [`super::lang`]); [`fold`] uses the rules of the embedded Idlib theater,
//! Arabic place names as the French, English and Arabic press write them,
//! described below. Every theater gets the common part: case, diacritics,
//! apostrophes and doubled letters.
//!
//! This is not generic fuzzy matching. It removes the differences that
//! transliteration makes and keeps the ones that tell places apart:
//!
//! * case and diacritics (`ā ḩ ţ é`), and the signs for ayn and hamza
//!   (`‘ ’ ` ' ʿ ʾ`);
//! * the article in all its forms (`al- el- an- ash- as- az- ar- at- ad-`), with
//!   sun-letter assimilation: `an Nu‘mān` folds like `al-Numan`;
//! * French and English vowel and consonant spellings: `ou/oo/o → u`,
//!   `ee → i`, `e → a`, `y → i`, `ch → sh`, `dj → j`, `qu/q → k`, a French mute
//!   final `e`, a final `ah/eh` (ta marbuta), and doubled letters;
//! * in Arabic script: alef variants to `ا`, `ة` to `ه`, `ى` to `ي`, and
//!   tashkeel and tatweel removed.
//!
//! ```
//! use frontline::gazetteer::fold::fold;
//! assert_eq!(fold("Maaret al-Noomane"), fold("Ma`arrat an Nu`man"));
//! assert_eq!(fold("Jisr al-Choughour"), fold("Jisr ash Shughūr"));
//! assert_eq!(fold("Saraqeb"), "sarakab");
//! assert_eq!(fold("سَرَاقِب"), "سراقب");
//! ```

use super::lang::Rules;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Does the text contain Arabic-script letters?
pub fn is_arabic(s: &str) -> bool {
    s.chars().any(is_arabic_char)
}

fn is_arabic_char(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Signs for ayn and hamza, and apostrophes: dropped inside names.
/// `char::is_alphanumeric` with fast paths for ASCII and the Arabic letters
/// and digits, which running text is mostly made of.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\u{0000}'..='\u{007F}' => false,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0660}'..='\u{0669}' => true,
        _ => c.is_alphanumeric(),
    }
}

fn is_glottal_mark(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '´' | '‘' | '’' | 'ʿ' | 'ʾ' | 'ʻ' | 'ʼ' | 'ʽ' | '′' | 'ʹ'
    )
}

use super::lang::arabic::ARTICLES;

/// The folded key of a name with the rules of the embedded Idlib theater
/// (Arabic, French, English): lowercase words separated by single spaces
/// (Latin script), or normalised Arabic letters separated by single spaces.
pub fn fold(name: &str) -> String {
    fold_with(name, Rules::IDLIB)
}

/// The folded key of a name with the rules of a theater's languages.
///
/// ```
/// use frontline::gazetteer::{fold::fold_with, lang::Rules};
/// let uk = Rules::for_languages(&["uk", "ru", "en"]).unwrap();
/// assert_eq!(fold_with("Kupyansk", uk), fold_with("Kupiansk", uk));
/// assert_ne!(fold_with("Luhanske", uk), fold_with("Luhansk", uk));
/// assert_eq!(fold_with("Luhanske", Rules::IDLIB), fold_with("Luhansk", Rules::IDLIB));
/// ```
pub fn fold_with(name: &str, rules: Rules) -> String {
    if is_arabic(name) {
        fold_arabic(name)
    } else {
        fold_latin(name, rules)
    }
}

/// Split a name into raw lowercase words with marks removed.
fn latin_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    for c in name.chars() {
        if c.is_ascii() {
            // Fast path: no decomposition or case tables for ASCII.
            if c.is_ascii_alphanumeric() {
                cur.push(c.to_ascii_lowercase());
            } else if c != '\'' && c != '`' && !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if is_glottal_mark(c) {
            continue;
        }
        let mut pushed = false;
        decompose_compatible(c, |d| {
            if is_combining_mark(d) {
                return;
            }
            pushed = true;
            if d.is_alphanumeric() {
                for l in d.to_lowercase() {
                    cur.push(match l {
                        'ı' => 'i',
                        'ø' => 'o',
                        'ł' => 'l',
                        'đ' => 'd',
                        'ß' => 's',
                        'æ' => 'a',
                        'œ' => 'e',
                        other => other,
                    });
                }
            } else if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
        });
        if !pushed && !cur.is_empty() && !is_combining_mark(c) {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Fold one lowercase word (marks already removed).
fn fold_word(w: &str, out: &mut String, r: Rules) {
    let b = w.as_bytes();
    // French mute final e: "Noomane" -> "nooman", "Lattaquie" -> "lattaqui".
    let end = if r.french
        && (b.len() > 3 && b[b.len() - 1] == b'e' && !is_vowel(b[b.len() - 2])
            || (b.len() > 3 && w.ends_with("ie")))
    {
        b.len() - 1
    } else {
        b.len()
    };
    // Ta marbuta written -ah / -eh: "Arihah" -> "ariha", "Trunbeh" -> "trunba".
    let end = if r.arabic && end > 3 && (w[..end].ends_with("ah") || w[..end].ends_with("eh")) {
        end - 1
    } else {
        end
    };
    // French and Arabic transliteration share the consonant spellings
    // (ou, ch, dj, qu); the vowel merges are Arabic transliteration's.
    let fr = r.french || r.arabic;
    let ar = r.arabic;
    let b = &b[..end];
    let mut tmp = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        match (c, next) {
            (b'o', Some(b'u')) if fr => {
                tmp.push('u');
                i += 2;
            }
            (b'o', Some(b'o')) if ar => {
                tmp.push('u');
                i += 2;
            }
            (b'e', Some(b'e')) if ar => {
                tmp.push('i');
                i += 2;
            }
            (b'c', Some(b'h')) if fr => {
                tmp.push_str("sh");
                i += 2;
            }
            (b's', Some(b'c')) if ar && b.get(i + 2) == Some(&b'h') => {
                tmp.push_str("sh");
                i += 3;
            }
            (b'd', Some(b'j')) if fr => {
                tmp.push('j');
                i += 2;
            }
            (b'q', Some(b'u')) if fr && b.get(i + 2).is_some_and(|&n| is_vowel(n) && n != b'u') => {
                tmp.push('k');
                i += 2;
            }
            (b'q', _) if ar => {
                tmp.push('k');
                i += 1;
            }
            (b'e', _) if ar => {
                tmp.push('a');
                i += 1;
            }
            (b'o', _) if ar => {
                tmp.push('u');
                i += 1;
            }
            (b'y', _) if ar || r.slavic => {
                tmp.push('i');
                i += 1;
            }
            _ => {
                // Non-ASCII letters (other scripts) pass through unchanged.
                let ch = w[i..].chars().next().unwrap_or(' ');
                // Soft and hard signs: Харьков / Харков, Кремінна.
                if !(r.slavic && matches!(ch, 'ь' | 'ъ')) {
                    tmp.push(ch);
                }
                i += ch.len_utf8();
            }
        }
    }
    // Doubled letters: "maarrat" -> "marat", "tell" -> "tal".
    let mut last: Option<char> = None;
    for ch in tmp.chars() {
        if Some(ch) != last {
            out.push(ch);
        }
        last = Some(ch);
    }
}

fn fold_latin(name: &str, r: Rules) -> String {
    let words = latin_words(name);
    let mut out = String::with_capacity(name.len());
    let n = words.len();
    for (i, w) in words.iter().enumerate() {
        if !out.is_empty() {
            out.push(' ');
        }
        if r.arabic && i + 1 < n && ARTICLES.contains(&w.as_str()) {
            out.push_str("al");
        } else {
            fold_word(w, &mut out, r);
        }
    }
    out
}

fn fold_arabic(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        let c = match c {
            // tashkeel, superscript alef, Quranic marks and tatweel: removed
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            'ک' => 'ك',
            'ی' => 'ي',
            c => c,
        };
        if is_word_char(c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

/// The consonant skeleton of a folded Latin key: vowels removed except at the
/// start of a word, articles dropped, doubled letters collapsed.
/// `"sarakab"` and `"sarakib"` share the skeleton `"srkb"`, as do `"idlab"`
/// (Idleb) and `"idlib"`. Returns an empty string for Arabic keys.
///
/// ```
/// use frontline::gazetteer::fold::{fold, skeleton};
/// assert_eq!(skeleton(&fold("Idleb")), skeleton(&fold("Idlib")));
/// ```
pub fn skeleton(key: &str) -> String {
    if is_arabic(key) {
        return String::new();
    }
    let mut out = String::with_capacity(key.len());
    for w in key.split(' ') {
        if w == "al" || w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let mut last = None;
        for (i, ch) in w.chars().enumerate() {
            let keep = i == 0 || !matches!(ch, 'a' | 'i' | 'u');
            if keep && Some(ch) != last {
                out.push(ch);
                last = Some(ch);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Variants and the folded key each must give.
    const TABLE: &[(&str, &str)] = &[
        ("Saraqeb", "sarakab"),
        ("Saraqib", "sarakib"),
        ("Sarāqib", "sarakib"),
        ("Maaret al-Noomane", "marat al numan"),
        ("Maarat al-Numan", "marat al numan"),
        ("Ma`arrat an Nu`man", "marat al numan"),
        ("Ma‘arrat an Nu‘mān", "marat al numan"),
        ("Maarat an-Numan", "marat al numan"),
        ("Jisr al-Choughour", "jisr al shughur"),
        ("Jisr ash-Shughur", "jisr al shughur"),
        ("Jisr ash Shughūr", "jisr al shughur"),
        ("Jisr ach-Choughour", "jisr al shughur"),
        ("Khan Cheikhoun", "khan shaikhun"),
        ("Khān Shaykhūn", "khan shaikhun"),
        ("Az Zarbah", "al zarba"),
        ("Arīḩā", "ariha"),
        ("Arihah", "ariha"),
        ("Trunbeh", "trunba"),
        ("Tronba", "trunba"),
        ("Tell Touqan", "tal tukan"),
        ("Tal Tuqan", "tal tukan"),
        ("Djebel Zawiya", "jabal zawia"),
        ("ʿAyn al-Ḩawr", "ain al hawr"),
        ("Idleb", "idlab"),
        ("IDLIB", "idlib"),
        ("  Alep ", "alap"),
        ("M4", "m4"),
        ("M-5", "m 5"),
    ];

    #[test]
    fn folding_table() {
        for (input, want) in TABLE {
            assert_eq!(fold(input), *want, "fold({input:?})");
        }
    }

    #[test]
    fn arabic_normalisation() {
        // alef variants, ta marbuta, alef maqsura, tashkeel and tatweel
        assert_eq!(fold("مَعَرَّة النُّعمان"), "معره النعمان");
        assert_eq!(fold("معرة النعمان"), "معره النعمان");
        assert_eq!(fold("إدلب"), "ادلب");
        assert_eq!(fold("أريحا"), "اريحا");
        assert_eq!(fold("سـراقـب"), "سراقب");
        assert_eq!(fold("مصطفى"), "مصطفي");
    }

    #[test]
    fn skeletons_bridge_short_vowels() {
        assert_eq!(skeleton(&fold("Saraqeb")), "srkb");
        assert_eq!(skeleton(&fold("Saraqib")), "srkb");
        assert_eq!(skeleton(&fold("Idleb")), skeleton(&fold("Idlib")));
        assert_eq!(skeleton(&fold("al-Zirbah")), skeleton(&fold("Az Zarbah")));
        assert_eq!(skeleton("معره"), "");
    }

    #[test]
    fn ordinary_punctuation_and_empty() {
        assert_eq!(fold(""), "");
        assert_eq!(fold("--"), "");
        assert_eq!(fold("Aleppo (city)"), "alapu citi");
    }
}
