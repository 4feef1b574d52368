//! The reader's language: the words a map is furnished with (title, legend,
//! scale, change lists) in English, French and Arabic.
//!
//! These are interface strings, not facts about a conflict: place and
//! faction names live in the theater's data (`gazetteer/display-names.csv`,
//! the `name_fr`/`name_ar` columns of `factions.csv`).
//!
//! ```
//! use frontline::i18n::{Lang, Ui};
//! let fr: Lang = "fr".parse().unwrap();
//! assert_eq!(fr.ui(Ui::Title), "Contrôle territorial");
//! assert!("ar".parse::<Lang>().unwrap().rtl());
//! assert!("de".parse::<Lang>().is_err());
//! ```

use std::fmt;
use std::str::FromStr;

/// The credit a map carries when the theater's `theater.csv` gives none:
/// the sources every theater built as `docs/theater.md` says uses.
pub const ATTRIBUTION: &str = "Places: GeoNames (CC-BY 4.0) · Outlines: Natural Earth";

/// A language maps can be labelled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// French.
    Fr,
    /// Arabic (right to left).
    Ar,
}

/// Every language, in column order of `display-names.csv`.
pub const LANGS: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Ar];

impl Lang {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ar => "ar",
        }
    }

    /// Whether the language is written right to left.
    pub fn rtl(self) -> bool {
        self == Lang::Ar
    }

    /// An interface string in this language.
    pub fn ui(self, key: Ui) -> &'static str {
        let (en, fr, ar) = key.texts();
        match self {
            Lang::En => en,
            Lang::Fr => fr,
            Lang::Ar => ar,
        }
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        match s {
            "en" => Ok(Lang::En),
            "fr" => Ok(Lang::Fr),
            "ar" => Ok(Lang::Ar),
            _ => Err(format!(
                "`{}` is not a map language: use en, fr or ar",
                crate::error::shorten(s, 20)
            )),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The interface strings of a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    /// Default title.
    Title,
    /// Legend heading.
    Legend,
    /// The front line.
    Front,
    /// Contested ground.
    Contested,
    /// Ground no known place decides.
    Unknown,
    /// Outside the theater's country.
    Outside,
    /// The sea.
    Sea,
    /// Country border.
    CountryBorder,
    /// Governorate boundary.
    Governorates,
    /// A highway stretch whose holder is unknown.
    HighwayUnknown,
    /// Other towns and villages of the gazetteer.
    OtherTowns,
    /// Kilometres (scale bar).
    Km,
    /// Square kilometres.
    Km2,
    /// "since" (change maps).
    Since,
    /// Ground that changed hands.
    ChangedHands,
    /// "Places that changed hands".
    PlacesChanged,
    /// "gained".
    Gained,
    /// "lost".
    Lost,
    /// "no change".
    NoChange,
    /// "{n} places with known control" (`{n}` is replaced by the count).
    PlacesKnown,
    /// "Sources" (viewer).
    Sources,
}

impl Ui {
    fn texts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Ui::Title => (
                "Territorial control",
                "Contrôle territorial",
                "السيطرة الميدانية",
            ),
            Ui::Legend => ("Legend", "Légende", "مفتاح الخريطة"),
            Ui::Front => ("Front line", "Ligne de front", "خط الجبهة"),
            Ui::Contested => ("Contested", "Disputé", "متنازع عليه"),
            Ui::Unknown => ("Unknown", "Inconnu", "غير معروف"),
            Ui::Outside => ("Outside the country", "Hors du pays", "خارج البلاد"),
            Ui::Sea => ("Sea", "Mer", "البحر"),
            Ui::CountryBorder => (
                "International border",
                "Frontière internationale",
                "حدود دولية",
            ),
            Ui::Governorates => (
                "Governorate boundary",
                "Limite de gouvernorat",
                "حدود المحافظة",
            ),
            Ui::HighwayUnknown => (
                "Highway, holder unknown",
                "Autoroute, contrôle inconnu",
                "طريق سريع، السيطرة غير معروفة",
            ),
            Ui::OtherTowns => (
                "Other towns and villages",
                "Autres localités",
                "بلدات وقرى أخرى",
            ),
            Ui::Km => ("km", "km", "كم"),
            Ui::Km2 => ("km²", "km²", "كم²"),
            Ui::Since => ("since", "depuis le", "منذ"),
            Ui::ChangedHands => ("Changed hands", "A changé de mains", "تغيّرت السيطرة عليه"),
            Ui::PlacesChanged => (
                "Places that changed hands",
                "Localités ayant changé de mains",
                "أماكن تغيّرت السيطرة عليها",
            ),
            Ui::Gained => ("gained", "gagnés", "مكاسب"),
            Ui::Lost => ("lost", "perdus", "خسائر"),
            Ui::NoChange => ("no change", "aucun changement", "لا تغيير"),
            Ui::PlacesKnown => (
                "{n} places with known control",
                "{n} localités au contrôle connu",
                "أماكن معروفة الجهة المسيطرة: {n}",
            ),
            // A licence credit: the same words in every language.
            Ui::Sources => ("Sources", "Sources", "المصادر"),
        }
    }
}
