//! Queries into ranked, cited answers. Pure of any front end: the CLI and Discord both render
//! the same [`Answer`].

mod candidates;
mod cite;
mod compare;
mod counted;
mod coverage;
mod disagreement;
mod engine;
mod focus;
mod head;
mod lexicon;
mod measures;
mod names;
mod periods;
mod places;
mod query;
mod rank;
mod rate;
mod scoring;
mod search_terms;
mod synonyms;
mod topics;
mod translations;
mod types;
mod verbs;
mod wordforms;
mod wording;
mod words;
mod words_zh;

pub use cite::paragraph_around;
pub use coverage::{cover, Coverage, Evidence, TermSet};
pub use engine::{answer_with, Engine, Snapshot, MAX_FACTS};
pub use lexicon::Lexicon;
pub use query::{plan, Alternative, Concept, Origin, QueryPlan, MAX_QUERY_CHARS};
pub use rank::{is_answer, measure_fit, score, MeasureFit, Signals, MIN_COVERAGE};
pub use synonyms::SynonymTable;
pub use topics::{TopicCache, Topics};
pub use types::{Answer, Citation, CitedFact, Command, ComparedSide, Disagreement, Highlight};
