//! English stemming with a per-thread memo of words already stemmed.
//!
//! Stemming is the costliest step of analysis (about a fifth of answer time on the BBC corpus,
//! where every candidate sentence is analysed again), yet news text reuses a small vocabulary:
//! most words were stemmed a moment ago. The memo returns exactly what the Snowball stemmer
//! returns for the word's base form (irregular forms such as "rose" start from "rise", see
//! [`irregular`]; American spellings from the British, see [`spelling`]), so indexes built
//! with or without it are the same.

use std::cell::RefCell;
use std::collections::HashMap;

use rustc_hash::FxBuildHasher;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::{irregular, spelling};

/// Words remembered per thread before the memo starts over (a few MB at most).
const MEMO_CAPACITY: usize = 50_000;

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

struct Memo {
    stemmer: rust_stemmers::Stemmer,
    stems: HashMap<Box<str>, Box<str>, FxBuildHasher>,
}

impl Default for Memo {
    fn default() -> Self {
        Self {
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
            stems: HashMap::with_capacity_and_hasher(1024, FxBuildHasher),
        }
    }
}

impl Memo {
    /// Replaces `word` by its stem.
    fn stem_in_place(&mut self, word: &mut String) {
        if let Some(stem) = self.stems.get(word.as_str()) {
            if **stem != **word {
                word.clear();
                word.push_str(stem);
            }
            return;
        }
        let british = spelling::british(word);
        let base = irregular::base_form(&british).unwrap_or(&british);
        let stem: Box<str> = self.stemmer.stem(base).into();
        if self.stems.len() >= MEMO_CAPACITY {
            self.stems.clear();
        }
        self.stems.insert(word.as_str().into(), stem.clone());
        word.clear();
        word.push_str(&stem);
    }
}

/// Stems English words (tokens must be lowercased first), like tantivy's `Stemmer` for
/// English after mapping irregular forms to their base, remembering recent words.
#[derive(Clone, Copy, Debug, Default)]
pub struct MemoStemmer;

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MemoStemmerFilter<T> {
        MemoStemmerFilter { inner: tokenizer }
    }
}

/// The tokenizer [`MemoStemmer`] wraps around another.
#[derive(Clone)]
pub struct MemoStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for MemoStemmerFilter<T> {
    type TokenStream<'a> = MemoStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MemoStemmerStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of [`MemoStemmerFilter`].
pub struct MemoStemmerStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for MemoStemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        MEMO.with_borrow_mut(|memo| memo.stem_in_place(&mut token.text));
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    use super::*;

    fn terms(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    /// Same stems as tantivy's stemmer, on first sight and from the memo, including words
    /// the stemmer leaves alone and Chinese (the text has no irregular forms).
    #[test]
    fn stems_exactly_like_the_snowball_stemmer_twice() {
        let text = "Viewers watched the watching viewer; profits, generously, 用户 running runs \
                    analyses analysed news a i";
        let ours = || {
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(MemoStemmer)
                .build()
        };
        let theirs = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let expected = terms(theirs, text);
        assert_eq!(terms(ours(), text), expected);
        assert_eq!(terms(ours(), text), expected, "from the memo");
    }

    /// Irregular forms and their base share one term, first time and from the memo.
    #[test]
    fn irregular_forms_stem_like_their_base() {
        let mut memo = Memo::default();
        for _ in 0..2 {
            for (form, base) in [
                ("rose", "rise"),
                ("sold", "sell"),
                ("grown", "grows"),
                ("ran", "run"),
            ] {
                let (mut form, mut base) = (form.to_string(), base.to_string());
                memo.stem_in_place(&mut form);
                memo.stem_in_place(&mut base);
                assert_eq!(form, base);
            }
        }
    }

    #[test]
    fn the_memo_starts_over_when_full() {
        let mut memo = Memo::default();
        for i in 0..MEMO_CAPACITY + 10 {
            let mut word = format!("word{i}s");
            memo.stem_in_place(&mut word);
            assert_eq!(word, format!("word{i}"));
        }
        assert!(memo.stems.len() <= MEMO_CAPACITY);
    }
}
