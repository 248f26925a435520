//! Topic suggestions for autocomplete: frequent 2–3 word phrases from fact sentences plus
//! article tags and title phrases, derived once per knowledge-base version.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use super::engine::Snapshot;

/// Most topics kept per knowledge base.
const MAX_TOPICS: usize = 600;

/// Most articles whose facts are read to find topics. Frequent phrases are frequent in an
/// even sample too, and reading every article's facts took 0.95 s at 10,000 articles (about
/// ten times that at 100,000) on the first autocomplete after each reload.
const TOPIC_SAMPLE: usize = 1_000;

/// Words that never appear in a topic phrase (function words, reporting verbs, units).
const STOPWORDS: &str = "\
    a about across after all also among an and any are as at be been between but by can could did \
    do does each early for from had has have he her his how in into is it its last late least less \
    more most nearly new next no not of on one or other our over per said same says she since so \
    some such than that the their them then there these they this those through to two up was we \
    were what when where which while who will with within would year years according around almost \
    only first second third quarter half million billion percent thousand yuan reached rose grew \
    fell down just still time times made make estimated estimate earned came reported counted \
    described launched spent expected grown doubled called shows showed found put puts using";

fn is_stopword(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.split_whitespace().collect())
        .contains(word)
}

/// Ranked topic phrases of one knowledge base.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Topics {
    /// Phrases, most frequent first.
    phrases: Vec<String>,
}

impl Topics {
    /// Derives topics from one snapshot: every article's tags and title, and the facts of
    /// at most `TOPIC_SAMPLE` (1,000) articles spread evenly over the knowledge base.
    pub fn derive(snapshot: &Snapshot) -> Self {
        Self::derive_sampled(snapshot, TOPIC_SAMPLE)
    }

    /// Like [`Self::derive`], reading the facts of at most `sample` articles (every
    /// article's tags and title still count).
    pub fn derive_sampled(snapshot: &Snapshot, sample: usize) -> Self {
        let index = &snapshot.index;
        let mut tags: Vec<String> = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        let articles = index.articles().unwrap_or_else(|err| {
            tracing::warn!("topics: the article list could not be read: {err}");
            &[]
        });
        let stride = articles.len().div_ceil(sample.max(1)).max(1);
        for (i, article) in articles.iter().enumerate() {
            tags.extend(article.meta.tags.iter().cloned());
            texts.push(article.meta.title.clone());
            if i % stride != 0 {
                continue;
            }
            if let Ok(sentences) = index.article_sentences(&article.id, true) {
                texts.extend(sentences.into_iter().map(|s| s.text));
            }
        }
        Self::from_texts(&tags, &texts)
    }

    /// Derives topics from tags (always kept, weighted up) and free text (2–3 word phrases
    /// seen at least twice, without stopwords at either end or numbers anywhere).
    pub fn from_texts(tags: &[String], texts: &[String]) -> Self {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for tag in tags {
            let tag = normalise(tag);
            if !tag.is_empty() {
                *counts.entry(tag).or_default() += 3;
            }
        }
        for text in texts {
            for clause in text.split(|c: char| ",;:()\"“”.!?。，".contains(c)) {
                let words = words(clause);
                for n in 2..=3 {
                    for window in words.windows(n) {
                        if is_topic(window) {
                            *counts.entry(window.join(" ")).or_default() += 1;
                        }
                    }
                }
            }
        }
        let tag_set: Vec<String> = tags.iter().map(|t| normalise(t)).collect();
        let mut ranked: Vec<(String, usize)> = counts
            .into_iter()
            .filter(|(p, c)| *c >= 2 || tag_set.contains(p))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked.truncate(MAX_TOPICS);
        Self {
            phrases: ranked.into_iter().map(|(p, _)| p).collect(),
        }
    }

    /// Number of topics.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// True when the knowledge base yielded no topic.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Up to `limit` topics for what the user has typed so far: phrases starting with it
    /// first, then phrases with a word starting with each typed word, then (from three
    /// characters on) phrases containing it; frequency breaks ties. An empty input lists the most frequent topics.
    pub fn suggest(&self, typed: &str, limit: usize) -> Vec<&str> {
        let typed = normalise(typed);
        if typed.is_empty() {
            return self.phrases.iter().take(limit).map(String::as_str).collect();
        }
        let typed_words: Vec<&str> = typed.split(' ').collect();
        let mut scored: Vec<(u8, usize, &str)> = self
            .phrases
            .iter()
            .enumerate()
            .filter_map(|(rank, phrase)| {
                let tier = if phrase.starts_with(&typed) {
                    0
                } else if typed_words
                    .iter()
                    .all(|t| phrase.split(' ').any(|w| w.starts_with(t)))
                {
                    1
                } else if typed.chars().count() >= 3 && phrase.contains(&typed) {
                    2
                } else {
                    return None;
                };
                Some((tier, rank, phrase.as_str()))
            })
            .collect();
        scored.sort_unstable();
        scored.into_iter().take(limit).map(|(_, _, p)| p).collect()
    }
}

fn normalise(text: &str) -> String {
    words(text).join(" ")
}

/// Lower-case words; hyphens and apostrophes stay inside words.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(|c| c == '-' || c == '\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_topic(window: &[String]) -> bool {
    let (Some(first), Some(last)) = (window.first(), window.last()) else {
        return false;
    };
    let stop = |w: &str| is_stopword(w) || w.ends_with("'s") || w.chars().count() < 2;
    // A stopword inside a phrase ("downloads of short-drama") makes a clause fragment.
    !stop(first)
        && !stop(last)
        && !window.iter().any(|w| is_stopword(w))
        && window.iter().all(|w| !w.chars().any(|c| c.is_ascii_digit()))
        && window.iter().all(|w| w.chars().any(char::is_alphabetic))
}

/// Topics computed lazily and kept for the knowledge-base version they came from, so a
/// reload (new version) recomputes them once and autocomplete stays fast.
#[derive(Debug, Default)]
pub struct TopicCache {
    current: Mutex<Option<(String, Arc<Topics>)>>,
}

impl TopicCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// The topics of `snapshot`, derived on first use per knowledge-base version.
    pub fn get(&self, snapshot: &Snapshot) -> Arc<Topics> {
        let version = snapshot.index.kb_version();
        // A poisoned lock only means a derivation panicked: recompute rather than fail.
        let mut current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((v, topics)) = current.as_ref() {
            if v == version {
                return Arc::clone(topics);
            }
        }
        let topics = Arc::new(Topics::derive(snapshot));
        *current = Some((version.to_string(), Arc::clone(&topics)));
        topics
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics() -> Topics {
        let texts: Vec<String> = [
            "Kuaishou said 270 million people watch short dramas every day.",
            "Short dramas drew 300 million users, and short dramas keep growing.",
            "Consumer spending in short-drama apps reached $146 million.",
            "Consumer spending in short-drama apps rose 56%.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        Topics::from_texts(&["micro drama".to_string(), "Revenue".to_string()], &texts)
    }

    #[test]
    fn frequent_phrases_and_tags_become_topics() {
        let t = topics();
        let all = t.suggest("", 50);
        assert!(all.contains(&"short dramas"), "{all:?}");
        assert!(all.contains(&"consumer spending"), "{all:?}");
        assert!(all.contains(&"short-drama apps"), "{all:?}");
        assert!(all.contains(&"micro drama"), "{all:?}");
        assert!(all.contains(&"revenue"), "{all:?}");
        assert!(
            !all.iter().any(|p| p.contains("million") || p.starts_with("the ")),
            "{all:?}"
        );
    }

    #[test]
    fn suggestions_rank_prefix_matches_first() {
        let t = topics();
        assert_eq!(t.suggest("short-d", 1), vec!["short-drama apps"]);
        let spend = t.suggest("spend", 5);
        assert!(spend.contains(&"consumer spending"), "{spend:?}");
        assert!(spend.iter().all(|p| p.contains("spend")), "{spend:?}");
        assert!(t.suggest("zzz", 5).is_empty());
        assert!(t.suggest("", 2).len() <= 2);
    }
}
