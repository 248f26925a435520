//! Arbitrary bytes as a knowledge file: decode, front matter, body paragraphs, sentences,
//! quantities. Nothing may panic, and every span must lie inside its text on char boundaries.
//!
//! The first byte picks the file name (and so the format); the rest is the file.
#![no_main]

use factbot::facts::{analyse_article, split_sentences};
use factbot::knowledge::{parse_article, ArticleId};
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &["a.md", "b.txt", "c.markdown", "d.MD"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let id = ArticleId::new(NAMES[usize::from(pick) % NAMES.len()]);
    let mut diagnostics = Vec::new();
    let Some(article) = parse_article(&id, bytes, &mut diagnostics) else {
        assert!(!diagnostics.is_empty(), "a skipped file says why");
        return;
    };
    for paragraph in &article.paragraphs {
        for range in split_sentences(&paragraph.text) {
            assert!(range.start < range.end && range.end <= paragraph.text.len());
            assert!(paragraph.text.is_char_boundary(range.start) && paragraph.text.is_char_boundary(range.end));
        }
    }
    for sentence in analyse_article(&article) {
        for q in &sentence.quantities {
            let text = &sentence.text;
            assert!(q.span.start <= q.span.end && q.span.end <= text.len(), "{q:?} in {text:?}");
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            assert!(!q.value.is_nan(), "{q:?} in {text:?}");
        }
    }
});
