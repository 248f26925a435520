//! Fixed vocabularies the generator and the query maker share, so generated queries can be
//! answerable (words the knowledge base uses) or not (words it never uses).

use crate::facts::QuantityKind;

/// First words of company names; with [`COMPANY_TAILS`] they make 400 companies.
pub const COMPANY_HEADS: &[&str] = &[
    "Kestrel",
    "Northwind",
    "Bluefin",
    "Corvid",
    "Halcyon",
    "Meridian",
    "Quillon",
    "Saffron",
    "Tamarind",
    "Umbra",
    "Vantor",
    "Wexley",
    "Yarrow",
    "Zephyr",
    "Aldgate",
    "Brightwater",
    "Calloway",
    "Driftwood",
    "Emberly",
    "Foxglove",
    "Glenmoor",
    "Harrowgate",
    "Ironbark",
    "Juniper",
    "Kingsmere",
    "Larkspur",
    "Marlowe",
    "Nettlefield",
    "Oakridge",
    "Pemberton",
    "Quarrymoor",
    "Redwater",
    "Silverline",
    "Thornbury",
    "Underhill",
    "Valemont",
    "Westbrook",
    "Ashcombe",
    "Birchwood",
    "Cinderford",
];

/// Second words of company names.
pub const COMPANY_TAILS: &[&str] = &[
    "Media",
    "Studios",
    "Telecom",
    "Pictures",
    "Networks",
    "Holdings",
    "Games",
    "Streaming",
    "Broadcasting",
    "Digital",
];

/// Countries and regions.
pub const PLACES: &[&str] = &[
    "China",
    "India",
    "Brazil",
    "Japan",
    "Germany",
    "France",
    "Nigeria",
    "Indonesia",
    "Mexico",
    "Canada",
    "Kenya",
    "Vietnam",
    "Turkey",
    "Poland",
    "Egypt",
    "Chile",
    "Spain",
    "Italy",
    "Korea",
    "Australia",
];

/// Industry topics (some hyphenated or two words, as in real headlines).
pub const TOPICS: &[&str] = &[
    "short drama",
    "micro-drama",
    "streaming video",
    "mobile games",
    "online advertising",
    "live commerce",
    "podcast",
    "esports",
    "cloud gaming",
    "music streaming",
    "box office",
    "pay television",
    "satellite radio",
    "virtual reality",
    "smart speaker",
    "e-book",
    "animation",
    "film production",
    "subscription video",
    "social video",
    "news app",
    "sports rights",
    "broadband",
    "data centre",
    "AI-generated video",
    "dubbing",
    "short video",
    "creator economy",
    "digital comics",
    "audiobook",
    "vinyl record",
    "theme park",
    "karaoke",
    "fan merchandise",
    "talent agency",
    "ticketing",
    "radio drama",
    "web novel",
    "livestream tipping",
    "set-top box",
];

/// Measures a query asks about, with the kind of quantity that answers them.
pub const MEASURES: &[(&str, QuantityKind)] = &[
    ("revenue", QuantityKind::Money),
    ("profit", QuantityKind::Money),
    ("sales", QuantityKind::Money),
    ("investment", QuantityKind::Money),
    ("subscribers", QuantityKind::Count),
    ("viewers", QuantityKind::Count),
    ("users", QuantityKind::Count),
    ("employees", QuantityKind::Count),
    ("market share", QuantityKind::Percent),
    ("growth", QuantityKind::Percent),
    ("viewing time", QuantityKind::Duration),
];

/// Given names of quoted people.
pub const FIRST_NAMES: &[&str] = &[
    "Amara", "Bao", "Carlos", "Dana", "Elif", "Farid", "Greta", "Hiroshi", "Ines", "Jonas", "Kwame", "Lena",
    "Mateo", "Nadia", "Oren", "Priya", "Quentin", "Rosa", "Sven", "Tariq",
];

/// Family names of quoted people.
pub const LAST_NAMES: &[&str] = &[
    "Abara",
    "Bergstrom",
    "Castell",
    "Dimitrov",
    "Eze",
    "Fontaine",
    "Gallagher",
    "Hoshino",
    "Ibarra",
    "Jovanovic",
    "Kowalczyk",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrova",
    "Quintero",
    "Rasmussen",
    "Sato",
    "Thorne",
];

/// Job titles.
pub const ROLES: &[&str] = &[
    "chief executive",
    "finance director",
    "head of content",
    "an analyst",
    "chairman",
];

/// Research firms that figures are attributed to.
pub const SOURCES: &[&str] = &[
    "Lumen Research",
    "Ostrander Analytics",
    "the Pellucid Institute",
    "Castlegate Insights",
    "Vireo Data",
];

/// Words that never occur in generated articles: queries made of them have no answer (and
/// exercise typo correction, which looks for near terms).
pub const UNKNOWN_WORDS: &[&str] = &[
    "Quokkaland",
    "Zanzibari",
    "Plovdiv",
    "Xerophyte",
    "Brumbaugh",
    "Okonkwo",
    "Tesseract",
    "Vorlon",
    "Gribble",
    "Snorkel",
    "Mandolin",
    "Pilcrow",
    "Fjordline",
    "Quasar",
    "Yodel",
    "Wombat",
    "Glockenspiel",
    "Jubilee",
    "Hexagram",
    "Lighthouse",
];

/// Months, for "the three months to December".
pub const MONTHS: &[&str] = &["March", "June", "September", "December"];

/// Number of distinct companies.
pub fn company_count() -> usize {
    COMPANY_HEADS.len() * COMPANY_TAILS.len()
}

/// The `i`-th company name; consecutive numbers differ in their first word.
pub fn company(i: usize) -> String {
    let i = i % company_count();
    format!(
        "{} {}",
        COMPANY_HEADS[i % COMPANY_HEADS.len()],
        COMPANY_TAILS[i / COMPANY_HEADS.len()]
    )
}
