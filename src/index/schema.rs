//! The tantivy schema and text analysis, in one place: every field name and tokenizer the
//! index uses is declared here, and the same analyzer serves indexing and queries.

use tantivy::schema::{
    IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RemoveLongFilter, TextAnalyzer};
use tantivy::Index;

use super::stem::MemoStemmer;
use super::tokenizer::MixedTokenizer;

/// Bumped whenever the schema or analysis changes; an index of another version is rebuilt.
/// 2: Chinese words segmented by jieba; sentence payloads may carry a PDF page.
/// 3: periods resolved against the article date ("last year").
/// 6: no term positions (no query uses phrases); 5 was a reverted experiment, skipped so
/// that its indexes are rebuilt.
/// 7: a sentence's position and payload in one binary record instead of JSON and two numbers.
/// 8: an article's sentences are the documents just before it, counted by `sentences`.
/// 9: no title field; the title is written into the body (see `build::TITLE_WEIGHT`).
/// 10: a bare number after a time unit ("month 6", "day 2") is no longer a quantity.
/// 11: irregular forms are stemmed from their base ("rose" as "rise", "sold" as "sell"), and
/// an acronym's plural loses its "s" ("PSPs" as "PSP").
/// 12: the article payload keeps the article's first sentence (`lead`).
/// 13: "a decade" and "a century" are durations.
/// 14: weights in pounds and ounces ("25lb", "4 oz") are measures.
/// 15: lengths ("37cm"), speeds ("2Mbps", "3.2GHz") and pence ("270.25p") are quantities.
/// 16: an age between commas after a name ("Bratman, 26, proposed") is a duration in years.
/// 17: a part of a set counts the set's things ("500 of its patents", "10 of its 27 plants").
/// 18: a number hyphenated to a counting noun counts it ("six-part", "2,700-strong audience").
/// 19: names before or as the counted noun ("five other iTunes users", "two MEPs").
/// 20: ages are their own kind ("23-year-old", "Bratman, 26,", "aged 84", "the age of 84").
/// 21: betting odds are a kind of figure ("3/1 favourite", "odds of 25/1").
/// 22: American spellings are indexed the British way ("organization", "color").
/// 23: a possessive before the counted noun ("eight of the scene's biggest stars").
/// 24: an ordinal after a possessive is a count ("their 26th top 10 hit").
/// 25: not before a birthday or in a name ("the Queen's 80th birthday", "China's 11th Party
/// Congress").
/// 26: a capitalised plural before another capitalised word is part of a name ("the
/// Champions League").
/// 27: a singular fraction before a noun of ownership is a share ("a quarter stake").
/// 28: "N times" with no comparison after it counts occurrences ("18 times out of 20").
/// 29: "second-quarter" is a period, not a count; "508m tall" is metres.
/// 30: names between a number and its noun do not use up the look-ahead ("three Grand Slam
/// mixed doubles titles").
/// 31: a hyphen skip copied into the occurrence count by mistake is undone.
/// 32: a fraction "at" a price in a sentence about betting is odds ("favourite to win at
/// 7/4").
/// 33: scores are a kind of figure ("won 24-18", "6-4 7-6 (7-4)").
/// 34: a number glued to a web address is no figure ("163.com").
/// 35: a year-like number before a noun is a year, not a count ("the 2024 downloads").
/// 36: races and field events are in metres ("the 800m and 1500m", "cleared 4.88m"), and
/// "fly-half" or "first-half" is no fraction.
/// 37: more races and marks in metres ("the women's 1500m", "a 40m penalty", "a throw of
/// 15.27m"); no fraction in "half time", "their own half", "a half-baked", "two quarters".
/// 38: no figure in a clock time ("1650 GMT"), the first day of a pair ("24 and 26
/// December") or a name ("50 Cent", "10 Downing Street").
/// 39: cents and fourteen more currencies are money ("32 cents", "19bn kronor"); yards,
/// megabits and gigabytes are measures; "second-row" is a position, not a count.
/// 40: "two and a half years", "one-and-a-half million"; ranks ("third-largest") are
/// figures again, as before 39.
/// 41: "twice" is a multiple only before a comparison ("twice as high"), not in "has twice
/// tried".
/// 42: a number after a name mid-sentence is a model even before a noun ("Boeing 737
/// planes", "FTSE 100 companies"), and a model between a number and its noun is part of
/// the name ("30 Airbus A320 planes" counts planes).
/// 43: a hyphenated modifier does not hide the counted noun ("576 million micro-drama
/// users" counts users).
pub const SCHEMA_VERSION: u32 = 43;

/// Name under which [`analyzer`] is registered.
pub const ANALYZER: &str = "factbot_en";

/// Document kinds stored in the one index.
pub mod kind {
    /// One sentence of an article.
    pub const SENTENCE: &str = "sentence";
    /// One whole article (title and body), for article-level evidence.
    pub const ARTICLE: &str = "article";
}

/// Handles to every field, resolved once.
#[derive(Debug, Clone)]
pub struct Fields {
    /// `sentence` or `article`.
    pub kind: tantivy::schema::Field,
    /// Article id (relative path); indexed as one token so an article can be deleted.
    pub article_id: tantivy::schema::Field,
    /// Sentence text (sentence docs), analysed and stored.
    pub text: tantivy::schema::Field,
    /// Article title and body (article docs), analysed, not stored.
    pub body: tantivy::schema::Field,
    /// 1 when the sentence carries a quantity.
    pub is_fact: tantivy::schema::Field,
    /// Sentence docs: position, quantities, period, report and page as a binary record
    /// (see `payload::encode_sentence`).
    pub record: tantivy::schema::Field,
    /// Article docs: metadata as JSON (`payload::ArticlePayload`).
    pub payload: tantivy::schema::Field,
    /// Article docs: how many sentence documents precede the article document. An article's
    /// documents are added as one group, so they are contiguous in one segment and its
    /// sentences are found by document range, without a search.
    pub sentences: tantivy::schema::Field,
}

/// Builds the schema and its field handles.
pub fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let analysed = |stored: bool| {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqs);
        let options = TextOptions::default().set_indexing_options(indexing);
        if stored {
            options.set_stored()
        } else {
            options
        }
    };
    let fields = Fields {
        kind: builder.add_text_field("kind", STRING),
        article_id: builder.add_text_field("article_id", STRING | STORED),
        text: builder.add_text_field("text", analysed(true)),
        body: builder.add_text_field("body", analysed(false)),
        is_fact: builder.add_u64_field("is_fact", INDEXED | FAST),
        record: builder.add_bytes_field("record", STORED),
        payload: builder.add_text_field("payload", STORED),
        sentences: builder.add_u64_field("sentences", FAST),
    };
    (builder.build(), fields)
}

/// The one analyzer for all text, whatever its language: Han runs are segmented into
/// Chinese words by jieba; other text is split on non-alphanumerics (so `short-drama` is two
/// words). Then accents are folded, case lowered, and English stemmed (Snowball, memoised), so
/// `viewers` finds `viewer` (the filters leave Chinese words as they are).
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(MixedTokenizer)
        .filter(RemoveLongFilter::limit(48))
        .filter(AsciiFoldingFilter)
        .filter(LowerCaser)
        .filter(MemoStemmer)
        .build()
}

/// Registers the analyzer on an index (needed after create and after open).
pub fn register_analyzers(index: &Index) {
    index.tokenizers().register(ANALYZER, analyzer());
}

/// One analysed token with the byte span of the word it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The indexed form (lowercased, stemmed).
    pub term: String,
    /// Byte range of the original word.
    pub span: std::ops::Range<usize>,
}

/// Analyses `text` exactly as the index does.
pub fn analyze(text: &str) -> Vec<Token> {
    thread_local! {
        // Built once per thread: answering analyses every candidate sentence.
        static ANALYZER: std::cell::RefCell<TextAnalyzer> = std::cell::RefCell::new(analyzer());
    }
    ANALYZER.with_borrow_mut(|analyzer| {
        let mut stream = analyzer.token_stream(text);
        let mut tokens = Vec::new();
        while stream.advance() {
            // The stream's own string is taken, not copied: answers analyse every candidate.
            let token = stream.token_mut();
            tokens.push(Token {
                term: std::mem::take(&mut token.text),
                span: token.offset_from..token.offset_to,
            });
        }
        tokens
    })
}

/// Doc-store settings, spelled out because they were measured: answers read scattered
/// single sentences, but 4 KiB blocks answered only ~3% faster than tantivy's 16 KiB at
/// 10,000 articles while the index grew 28% (and with it the pages a server touches), and
/// zstd made answers 25% slower for a 25% smaller store. So: 16 KiB, lz4.
pub fn index_settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_blocksize: 16_384,
        ..tantivy::IndexSettings::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_split_and_plurals_stem() {
        let terms: Vec<_> = analyze("Short-drama VIEWERS café")
            .into_iter()
            .map(|t| t.term)
            .collect();
        assert_eq!(terms, vec!["short", "drama", "viewer", "cafe"]);
    }

    #[test]
    fn chinese_is_segmented_and_spans_point_into_the_original() {
        let text = "40%的用户经常观看微短剧, short-drama VIEWERS";
        let tokens = analyze(text);
        let terms: Vec<_> = tokens.iter().map(|t| t.term.as_str()).collect();
        assert!(terms.contains(&"用户"), "{terms:?}");
        assert!(terms.ends_with(&["short", "drama", "viewer"]), "{terms:?}");
        for t in &tokens {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        // A synonym term alone is cut the same way as inside running text.
        let alone: Vec<_> = analyze("微短剧").into_iter().map(|t| t.term).collect();
        let inside: Vec<_> = analyze("经常观看微短剧。").into_iter().map(|t| t.term).collect();
        assert!(inside.ends_with(&alone), "{alone:?} in {inside:?}");
    }
}
