//! From what the user typed to a query plan: concepts (each with its alternative spellings,
//! synonyms, typo corrections), their weights, which of them name an entity the answer must
//! mention, and which kind of quantity is wanted. Never hands user text to a query parser.

use crate::facts::QuantityKind;
use crate::index::analyze;

use super::focus::{focus_terms, kin_terms};
use super::head::topic_head;
use super::lexicon::{word_weight, Lexicon};
use super::measures::asked_measures;
use super::periods::{is_month, is_year, period_asked, PeriodAsked};
use super::places::place_forms;
use super::rate::rate_terms;
use super::synonyms::SynonymTable;
use super::wordforms::{comparative_base, split_compound};
use super::words::{is_stopword, measure_kinds};

/// Longest query the engine reads; the rest is ignored (Discord allows 6,000 characters).
pub const MAX_QUERY_CHARS: usize = 500;
/// Most concepts a query keeps (the rest would only add noise and cost).
const MAX_CONCEPTS: usize = 16;

/// How one alternative relates to what the user typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The user's own word (stemmed).
    Exact,
    /// Two adjacent words written as one ("Time Warner" → "timewarner").
    Compound,
    /// From the synonyms file.
    Synonym,
    /// Another form of the same name ("Colombian" for "Colombia").
    Derived,
    /// A typo correction.
    Fuzzy,
}

impl Origin {
    /// How much a match through this alternative counts, relative to an exact match.
    pub fn strength(self) -> f32 {
        match self {
            Origin::Exact | Origin::Compound => 1.0,
            Origin::Synonym => 0.85,
            Origin::Derived => 0.8,
            Origin::Fuzzy => 0.7,
        }
    }
}

/// One way of matching a concept: all its terms must occur.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    /// Analysed terms.
    pub terms: Vec<String>,
    /// Where it came from.
    pub origin: Origin,
}

/// A unit of meaning in the query: a word or a synonym phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    /// The words as typed.
    pub text: String,
    /// Ways it can be matched; the first is the user's own.
    pub alternatives: Vec<Alternative>,
    /// Importance (inverse article frequency).
    pub weight: f32,
    /// Names an entity (a capitalised name, a model number, a rare word): an answer that does
    /// not mention it answers another question.
    pub key: bool,
    /// Written in capitals ("FDI"): may be spelled out in the text.
    pub acronym: bool,
    /// For a model number ("5" in "PlayStation 5"): the name it must follow.
    pub model_of: Option<String>,
}

/// The analysed query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QueryPlan {
    /// Concepts in query order.
    pub concepts: Vec<Concept>,
    /// Quantity kinds the query asks for (empty: any).
    pub measures: Vec<QuantityKind>,
    /// What the figure should count or measure: the word after "how many", else the
    /// query's measure words ("viewers", "revenue"), with their synonyms. Analysed terms.
    pub focus: Vec<String>,
    /// True when the focus comes from an explicit "how many/much X" question.
    pub focus_asked: bool,
    /// Nouns that count the same sort of thing as an asked focus, people of another kind
    /// ("customers" for "how many subscribers"): a figure of them may answer the question,
    /// but ranks as no fit. Analysed terms; empty when the focus counts no people.
    pub kin: Vec<String>,
    /// The head noun of a topic naming no measure ("petition signatures"), analysed: a
    /// figure counting it fits as one counting the focus does.
    pub head: Vec<String>,
    /// Years the query names: the period the figure should be for.
    pub years: Vec<i32>,
    /// A quarter, a full year or a month the query asks the figure for.
    pub period: PeriodAsked,
    /// The time unit of a rate the query asks for ("every hour", "daily"): its analysed
    /// forms ("hour", "hourli"). Empty when the query asks for no rate.
    pub rate: Vec<String>,
}

struct Word {
    term: String,
    original: String,
    /// The text right after the word starts a digit group: "3" of "3,000m".
    continues_number: bool,
}

/// Fewest letters of a word (as analysed) that is corrected as a typo.
const MIN_TYPO_LETTERS: usize = 5;

/// Plans a query. `text` may be anything a user types: it is only ever tokenized.
pub fn plan(text: &str, lexicon: &dyn Lexicon, synonyms: &SynonymTable) -> QueryPlan {
    let text: String = text
        .chars()
        .take(MAX_QUERY_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let words: Vec<Word> = analyze(&text)
        .into_iter()
        .map(|t| Word {
            term: t.term,
            continues_number: text[t.span.end..]
                .strip_prefix([',', '.'])
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit())),
            original: text[t.span].to_string(),
        })
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.original.to_lowercase()).collect();

    let originals: Vec<&str> = words.iter().map(|w| w.original.as_str()).collect();
    let measures = asked_measures(&originals, &lower);

    let terms: Vec<String> = words.iter().map(|w| w.term.clone()).collect();
    let synonym_matches = synonyms.find(&terms);
    let n = lexicon.article_count().max(1) as f32;
    let idf = |term: &str| word_weight(lexicon, term);

    let mut concepts = Vec::new();
    let mut unknown_words: Vec<String> = Vec::new();
    let mut years: Vec<i32> = Vec::new();
    let mut i = 0;
    while i < words.len() && concepts.len() < MAX_CONCEPTS {
        if let Some(m) = synonym_matches.iter().find(|m| m.start == i) {
            let span = &words[i..i + m.len];
            let own: Vec<String> = span.iter().map(|w| w.term.clone()).collect();
            let mut alternatives = vec![Alternative {
                terms: own.clone(),
                origin: Origin::Exact,
            }];
            alternatives.extend(m.alternatives.iter().map(|terms| Alternative {
                terms: terms.clone(),
                origin: Origin::Synonym,
            }));
            // A phrase says more than any one of its words.
            let weight = own.iter().map(|t| idf(t)).sum();
            // An acronym the user typed ("AIGC") names a thing even when the synonyms file
            // spells it out: an answer about something else is no answer.
            let names_acronym = span.iter().any(|w| is_acronym(&w.original))
                && span
                    .iter()
                    .all(|w| measure_kinds(&w.original.to_lowercase()).is_none());
            concepts.push(Concept {
                text: span
                    .iter()
                    .map(|w| w.original.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                alternatives,
                weight,
                key: names_acronym,
                acronym: false,
                model_of: None,
            });
            i += m.len;
            continue;
        }
        let word = &words[i];
        // "US" and "UK" are names, not the pronoun.
        let acronym = is_acronym(&word.original);
        if is_stopword(&lower[i]) && !acronym {
            i += 1;
            continue;
        }
        // A year asks for the figure's period ("revenue 2004"), not for the digits anywhere.
        if is_year(&word.term) {
            if let Ok(year) = word.term.parse() {
                years.push(year);
            }
            i += 1;
            continue;
        }
        let df = lexicon.article_frequency(&word.term);
        let mut alternatives = vec![Alternative {
            terms: vec![word.term.clone()],
            origin: Origin::Exact,
        }];
        // Two words the text may write as one: "Time Warner" / "TimeWarner", "web pages" /
        // "webpages". Joined as typed, then analysed like the index does.
        for (first, second) in [(i.checked_sub(1), Some(i)), (Some(i), Some(i + 1))] {
            let (Some(first), Some(second)) = (first, second) else {
                continue;
            };
            let (Some(a), Some(b)) = (words.get(first), words.get(second)) else {
                continue;
            };
            // "the Rings" is no compound: joined and stemmed it reads "there".
            if [first, second].iter().any(|&j| is_stopword(&lower[j])) {
                continue;
            }
            if let Some(joined) = analyze(&format!("{}{}", a.original, b.original))
                .into_iter()
                .next()
            {
                if lexicon.article_frequency(&joined.term) > 0
                    && !alternatives.iter().any(|x| x.terms == [joined.term.clone()])
                {
                    alternatives.push(Alternative {
                        terms: vec![joined.term],
                        origin: Origin::Compound,
                    });
                }
            }
        }
        // A capital marks a name, except a common word capitalised because it starts the query.
        let common = (df as f32) / n > 0.02;
        // "James Blunt": a first word capitalised like the next is part of a name.
        let name_follows = words
            .get(i + 1)
            .is_some_and(|next| is_plain_capitalised(&next.original) && !is_stopword(&lower[i + 1]));
        // In a small knowledge base every word is in many articles, so how the texts write
        // it decides: "Kuaishou daily viewers" starts with a name, "Sales of X" does not.
        let capitalised = word.original.chars().any(char::is_uppercase)
            && !(i == 0
                && is_plain_capitalised(&word.original)
                && common
                && !name_follows
                && !lexicon.written_as_name(&word.term));
        // Place names: any capital counts here ("Japan" starting a query is still Japan).
        let written_capitalised = word.original.chars().any(char::is_uppercase);
        for form in place_forms(&word.term, written_capitalised) {
            if form.iter().all(|t| lexicon.article_frequency(t) > 0)
                && !alternatives.iter().any(|a| a.terms == form)
            {
                alternatives.push(Alternative {
                    terms: form,
                    origin: Origin::Derived,
                });
            }
        }
        // A lowercase word the index lacks may be two it has: "setup problems", "set up".
        let split = (df == 0 && word.original == lower[i])
            .then(|| split_compound(&lower[i], |t| lexicon.article_frequency(t) > 0))
            .flatten();
        // A comparative the index lacks is its adjective: "bigger" is no unknown name.
        let comparative = (df == 0 && split.is_none() && word.original == lower[i])
            .then(|| comparative_base(&lower[i], |t| lexicon.article_frequency(t) > 0))
            .flatten();
        alternatives.extend(split.map(|terms| Alternative {
            terms,
            origin: Origin::Compound,
        }));
        alternatives.extend(comparative.map(|base| Alternative {
            terms: vec![base],
            origin: Origin::Derived,
        }));
        let is_number = word.term.chars().all(|c| c.is_ascii_digit());
        // A brand's own spelling ("iPad", "eBay") is deliberate, not a typo of a known word.
        let brand_spelling = is_brand_spelling(&word.original);
        // Four letters are one edit from many words: an unknown "Zune" or "Frog" is a name
        // the knowledge base lacks, not a typo of "zone" or "from".
        if df == 0 && !is_number && !brand_spelling && word.term.chars().count() >= MIN_TYPO_LETTERS {
            // Long words may have two typos; the length is the user's word, not its shorter stem.
            let max_distance = if word.original.chars().count() >= 8 { 2 } else { 1 };
            for (candidate, _) in lexicon
                .similar_terms(&word.term, max_distance)
                .into_iter()
                .filter(|(candidate, _)| !is_stopword(candidate))
                .take(6)
            {
                alternatives.push(Alternative {
                    terms: vec![candidate],
                    origin: Origin::Fuzzy,
                });
            }
        }
        // A number right after a name is part of it ("PlayStation 5", "Halo 2"), but a year
        // after a month is a date.
        let previous = i.checked_sub(1).map(|p| &words[p]);
        let model_number = is_number
            && !is_year(&word.term)
            && !word.continues_number
            && previous.is_some_and(|p| p.original.chars().any(char::is_uppercase) && !is_month(&p.term));
        // A rare lowercase word after a brand's own spelling names a model of it: "iPod
        // nano", "iPod photo" (but "iTunes store" and "iPod sales" are common words).
        let model_name =
            previous.is_some_and(|p| is_brand_spelling(&p.original)) && (df as f32) / n < RARE_MODEL_WORD;
        let weight = idf(&word.term).min(idf_of_best(&alternatives, &idf));
        // A word the knowledge base has never seen, with no correction, names something it
        // does not know about.
        let unknown = df == 0 && alternatives.len() == 1;
        if unknown {
            unknown_words.push(word.original.clone());
        }
        concepts.push(Concept {
            text: word.original.clone(),
            alternatives,
            weight,
            key: (capitalised || model_number || unknown || model_name) && measure_kinds(&lower[i]).is_none(),
            acronym: acronym && (3..=5).contains(&word.original.chars().count()),
            model_of: previous.filter(|_| model_number).map(|p| p.term.clone()),
        });
        i += 1;
    }
    // An unseen word has the largest possible IDF; as a key it already vetoes answers, so in
    // coverage it should weigh like the query's most specific known word, not drown the rest.
    let known_max = concepts
        .iter()
        .filter(|c| !unknown_words.contains(&c.text))
        .map(|c| c.weight)
        .fold(0.0, f32::max);
    // An unseen lowercase word beside capitalised names is more likely a paraphrase
    // ("leakage") than a name; it stays a key only in all-lowercase queries ("iphone sales").
    let has_capitalised_key = concepts
        .iter()
        .any(|c| c.key && !unknown_words.contains(&c.text) && c.text.chars().any(char::is_uppercase));
    for concept in concepts.iter_mut().filter(|c| unknown_words.contains(&c.text)) {
        concept.weight = if known_max > 0.0 { known_max } else { 1.0 };
        if has_capitalised_key && !concept.text.chars().any(char::is_uppercase) {
            concept.key = false;
        }
    }
    let (focus, focus_asked) = focus_terms(&lower, &concepts);
    let kin = if focus_asked {
        kin_terms(&focus)
    } else {
        Vec::new()
    };
    let head = topic_head(&lower, &concepts, &focus);
    QueryPlan {
        head,
        concepts,
        measures,
        focus,
        focus_asked,
        kin,
        years,
        period: period_asked(&words.iter().map(|w| w.original.as_str()).collect::<Vec<_>>()),
        rate: rate_terms(&lower),
    }
}

/// Two or more capitals and nothing else: "US", "AIGC".
fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(char::is_uppercase)
}

/// A brand's own spelling: lowercase first, with a capital inside ("iPod", "eBay").
fn is_brand_spelling(word: &str) -> bool {
    word.starts_with(|c: char| c.is_lowercase()) && word.chars().any(char::is_uppercase)
}

/// Share of articles under which a word after a brand's spelling is a model's name.
const RARE_MODEL_WORD: f32 = 0.02;

fn is_plain_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(|c| !c.is_uppercase())
}

fn idf_of_best(alternatives: &[Alternative], idf: &dyn Fn(&str) -> f32) -> f32 {
    alternatives
        .iter()
        .filter_map(|a| a.terms.first())
        .map(|t| idf(t))
        .fold(0.0, f32::max)
}
