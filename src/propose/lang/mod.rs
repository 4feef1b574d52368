//! Language rules for `propose`: the words that mark a capture, a
//! restatement, a negation, an approach, an intent, and the words of dates,
//! per language. These are facts about French, English and Arabic, not about
//! any conflict: who the actors are comes from the theater's `actors.csv`.
//!
//! Phrases are written as they appear in text; they are tokenised and
//! normalised the same way as the text (see [`super::text`]).

pub mod ar;
pub mod en;
pub mod fr;

/// What a phrase signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A finite verb of taking control, active: "captured", « sont entrées à », «سيطرت».
    Capture,
    /// Taking control told from the place's side: "fell to", « est tombée », "was captured".
    CapturePassive,
    /// A verbal noun or an infinitive of taking control (« la reconquête de »,
    /// "to recapture", «استعادة»): a capture only when a speech verb or a
    /// verb of success comes just before it ("announced the capture of",
    /// "managed to recapture", «تمكنت من السيطرة على»).
    CaptureNoun,
    /// Success: "managed to", « a réussi à », «تمكنت»; licenses a [`Cue::CaptureNoun`].
    Manage,
    /// Fighting inside a place: "street fighting in", « combats dans »,
    /// «اشتباكات داخل»; the place is proposed as `contested`.
    Contested,
    /// Fighting still going on, told after a capture verb ("stormed X and
    /// got engaged in battles with", « les combats se poursuivent »): the
    /// place is `contested`, not taken.
    Ongoing,
    /// Withdrawal: "pulled back from", « se sont retirés de », «انسحبت من».
    /// The place goes to the other side, when the theater's `side` column
    /// names only one faction there.
    Withdraw,
    /// Pluperfect or "already": the change is told as past ("had taken", « avait été »).
    Past,
    /// A speech verb: "said", « a affirmé », «أعلن» (a pluperfect after it is reported speech).
    Speech,
    /// Negation right before the verb: "not", « n' », «لم».
    Negation,
    /// A denial anywhere before the verb: "denied", « a démenti », «نفى».
    Denial,
    /// Intent or attempt: "aims to", « cherche à », «تسعى».
    Intent,
    /// Almost, but not yet: "all but", « quasiment », «على وشك».
    Almost,
    /// Near, towards, around: the place after it is not taken ("outskirts of", « aux portes de »).
    Approach,
    /// A place after it only locates another one ("south of", « province de », «ريف»).
    Reference,
    /// A word after a place name that makes it a container ("province", "countryside").
    ReferenceAfter,
    /// Taken *from* the actor after it: "from", « aux », «من».
    From,
    /// The side after it is fought or held against, not the one that takes:
    /// "clashes with", "against", « contre », «ضد», «حواجز» (checkpoints of).
    Against,
    /// The agent after a passive verb: "by", "to", « par », «من قبل».
    By,
    /// Ends the object of the verb: a subordinator ("after", « après », «بعد»).
    Stop,
    /// Separates items of a list: "and", « et », «و», ",".
    Separator,
    /// Goes on with the object after a digression: "along with",
    /// "including", « ainsi que », «ومنها» ("captured A, B villages in
    /// Hama countryside, along with C and D").
    Also,
    /// "since" before a year: old history, not a change.
    Since,
    /// A phrase that looks like a cue but is not one ("took place").
    Ignore,
    /// Words skipped between a verb and its object ("the town of").
    Filler,
    /// Settlement nouns that may come before an unknown name ("village of", «قرية»).
    Settlement,
}

/// Date words of one language.
pub struct DateWords {
    /// Month names and their number (1-12).
    pub months: &'static [(&'static str, u32)],
    /// Weekday names, 0 = Monday.
    pub weekdays: &'static [(&'static str, u32)],
    /// Days relative to publication: « hier » = -1.
    pub relative: &'static [(&'static str, i32)],
    /// Number words: "three" = 3.
    pub numbers: &'static [(&'static str, i32)],
    /// Time units in days: "weeks" = 7.
    pub units: &'static [(&'static str, i32)],
    /// Words before a duration that mean "ago" (« il y a », «منذ»).
    pub ago_before: &'static [&'static str],
    /// Words after a duration that mean "ago" ("ago").
    pub ago_after: &'static [&'static str],
    /// Words before a month that mean its end (« fin », "late").
    pub late: &'static [&'static str],
    /// Vague past periods ("this week", « la semaine dernière »): a change
    /// dated by them is told again, not reported as news.
    pub past_periods: &'static [&'static str],
    /// Words before a bare month or year that make it the time of the
    /// change ("in February", « en 2016 », «عام 2012»).
    pub in_period: &'static [&'static str],
}

/// Every language's cues.
pub fn all_cues() -> impl Iterator<Item = (&'static str, Cue)> {
    fr::CUES.iter().chain(en::CUES).chain(ar::CUES).copied()
}

/// Every language's date words.
pub fn all_dates() -> [&'static DateWords; 3] {
    [&fr::DATES, &en::DATES, &ar::DATES]
}

/// Generic heads of transliterated Arabic names ("Kafr", "Tal", "Khan"):
/// never a place alone before a capitalised word ("Tal Al-Shaykh").
pub const LATIN_HEADS: &[&str] = &[
    "kafr", "kafar", "kfar", "tal", "tell", "tall", "ain", "deir", "khirbat", "khirbet", "jabal",
    "jisr", "qasr", "umm", "ras", "beit", "khan",
];

/// A demonym of any language ("Turkish", « syrienne »).
pub fn demonym(norm: &str) -> bool {
    en::DEMONYMS.contains(&norm) || fr::DEMONYMS.contains(&norm)
}

/// A road noun of any language (normalised, without clitic).
pub fn road_noun(norm: &str) -> bool {
    en::ROAD_NOUNS.contains(&norm)
        || fr::ROAD_NOUNS.contains(&norm)
        || ar::ROAD_NOUNS.contains(&norm)
}

/// A word of an organisation's name in any language ("Observatory", « agence »).
pub fn organisation(norm: &str) -> bool {
    en::ORGANISATIONS.contains(&norm) || fr::ORGANISATIONS.contains(&norm)
}

/// Articles of transliterated Arabic names ("al-Nayrab", "el-Bara").
pub const LATIN_ARTICLES: &[&str] = &["al", "el"];
