//! The word splitter under the one analyzer: runs of Han characters are segmented into words
//! by jieba-rs, every other alphanumeric run is one word exactly as tantivy's
//! `SimpleTokenizer` would cut it. One tokenizer for all text means a mixed-script sentence
//! ("快手有2.7亿 daily users") and a mixed-script query are analysed alike, and English text
//! is tokenized exactly as before Chinese support (the BBC eval depends on that).
//!
//! `tantivy-jieba` would do the segmentation, but its releases target another
//! `tantivy-tokenizer-api` than tantivy 0.25 uses, and it sends Latin text through jieba too.

use std::sync::LazyLock;

use jieba_rs::Jieba;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::knowledge::is_han;

/// Names of the industry that jieba's general dictionary lacks; without them "快手" falls
/// apart into "fast" and "hand". Adding words changes the index, so bump `SCHEMA_VERSION`.
const EXTRA_WORDS: &[&str] = &["快手", "抖音", "爱奇艺", "优酷", "哔哩哔哩", "红果短剧"];

/// The jieba dictionary, loaded once per process (it takes tens of milliseconds).
static JIEBA: LazyLock<Jieba> = LazyLock::new(|| {
    let mut jieba = Jieba::new();
    for word in EXTRA_WORDS {
        jieba.add_word(word, None, None);
    }
    jieba
});

/// Splits text into words: jieba for Han runs, alphanumeric runs otherwise.
#[derive(Debug, Clone, Copy, Default)]
pub struct MixedTokenizer;

/// The words of one text, found as the stream advances: one reused token, so a Latin word
/// costs no allocation (the analyzer runs on every word of a build and of every candidate
/// sentence of an answer). A Han run is cut by jieba when reached.
pub struct MixedTokenStream<'a> {
    text: &'a str,
    /// Byte offset where the search for the next run resumes.
    cursor: usize,
    /// Words of the Han run being emitted, as byte spans, and how many are already out.
    han_words: Vec<(usize, usize)>,
    han_next: usize,
    /// Tokens emitted so far (the next position).
    emitted: usize,
    token: Token,
}

impl Tokenizer for MixedTokenizer {
    type TokenStream<'a> = MixedTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MixedTokenStream {
            text,
            cursor: 0,
            han_words: Vec::new(),
            han_next: 0,
            emitted: 0,
            token: Token::default(),
        }
    }
}

impl MixedTokenStream<'_> {
    fn emit(&mut self, from: usize, to: usize) {
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = self.emitted;
        self.token.position_length = 1;
        self.token.text.clear();
        self.token.text.push_str(&self.text[from..to]);
        self.emitted += 1;
    }

    /// The next run of word or Han characters at or after the cursor.
    fn next_run(&mut self) -> Option<(Run, usize, usize)> {
        let rest = &self.text[self.cursor..];
        let mut chars = rest.char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            let kind = run_of(c);
            if kind == Run::Gap {
                continue;
            }
            let start = self.cursor + offset;
            let mut end = start + c.len_utf8();
            while let Some(&(i, next)) = chars.peek() {
                if run_of(next) != kind {
                    break;
                }
                end = self.cursor + i + next.len_utf8();
                chars.next();
            }
            self.cursor = end;
            return Some((kind, start, end));
        }
        self.cursor = self.text.len();
        None
    }
}

impl TokenStream for MixedTokenStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(&(from, to)) = self.han_words.get(self.han_next) {
                self.han_next += 1;
                self.emit(from, to);
                return true;
            }
            match self.next_run() {
                None => return false,
                Some((Run::Word, from, to)) => {
                    self.emit(from, to);
                    if is_acronym_plural(&self.text[from..to]) {
                        self.token.text.pop();
                    }
                    return true;
                }
                Some((_, from, to)) => {
                    // Without HMM, words outside the dictionary fall apart into characters the
                    // same way in a query and in a sentence, whatever surrounds them.
                    self.han_words.clear();
                    self.han_next = 0;
                    let words = JIEBA.cut(&self.text[from..to], false);
                    self.han_words
                        .extend(words.iter().map(|w| (from + w.byte_start, from + w.byte_end)));
                }
            }
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

/// "PSPs", "DVDs", "MPs": an acronym with a plural "s". The stemmer keeps the "s" of a word
/// without vowels ("psps" stays "psps"), so without this the plural would never find the
/// singular. The token keeps its span; only its text loses the "s".
fn is_acronym_plural(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('s') else {
        return false;
    };
    stem.chars().filter(char::is_ascii_uppercase).count() >= 2
        && stem.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Which kind of run a character belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    Han,
    Word,
    Gap,
}

fn run_of(c: char) -> Run {
    if is_han(c) {
        Run::Han
    } else if c.is_alphanumeric() {
        Run::Word
    } else {
        Run::Gap
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::SimpleTokenizer;

    /// Every word of `text` as the stream gives them.
    fn split_words(text: &str) -> Vec<Token> {
        let mut tokenizer = MixedTokenizer;
        let mut stream = tokenizer.token_stream(text);
        let mut tokens = Vec::new();
        while stream.advance() {
            tokens.push(stream.token().clone());
        }
        tokens
    }

    fn words(text: &str) -> Vec<(String, usize, usize)> {
        split_words(text)
            .into_iter()
            .map(|t| (t.text, t.offset_from, t.offset_to))
            .collect()
    }

    #[test]
    fn latin_text_is_cut_exactly_like_the_simple_tokenizer() {
        let text = "Short-drama VIEWERS, café 2.7bn; naïve Ωmega «quoted» x_y";
        let mut simple = SimpleTokenizer::default();
        let mut stream = simple.token_stream(text);
        let mut want = Vec::new();
        while let Some(t) = stream.next() {
            want.push((t.text.clone(), t.offset_from, t.offset_to));
        }
        assert_eq!(words(text), want);
    }

    #[test]
    fn han_runs_are_segmented_into_words_with_byte_spans() {
        let text = "每天有2.7亿人在快手看短剧。";
        let got = words(text);
        for (word, from, to) in &got {
            assert_eq!(&text[*from..*to], word);
        }
        let texts: Vec<&str> = got.iter().map(|w| w.0.as_str()).collect();
        assert!(texts.contains(&"快手"), "{texts:?}");
        assert!(texts.contains(&"短剧"), "{texts:?}");
        assert!(texts.contains(&"2"), "{texts:?}");
    }

    #[test]
    fn positions_count_up_and_never_panic_on_odd_input() {
        for text in ["", "。", "a", "中", "😀中a1", "观众\u{20000}x"] {
            let tokens = split_words(text);
            for (i, t) in tokens.iter().enumerate() {
                assert_eq!(t.position, i);
                assert!(text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to));
            }
        }
    }

    #[test]
    fn acronym_plurals_lose_their_s_and_keep_their_span() {
        let cases = [
            ("200,000 PSPs", vec!["200", "000", "PSP"]),
            ("DVDs and CD3s", vec!["DVD", "and", "CD3"]),
            // Not plurals of an acronym: a capital S, a lower-case word, one capital.
            ("AIDS SARS", vec!["AIDS", "SARS"]),
            ("Bus Xs", vec!["Bus", "Xs"]),
        ];
        for (text, expected) in cases {
            let got = words(text);
            let texts: Vec<&str> = got.iter().map(|w| w.0.as_str()).collect();
            assert_eq!(texts, expected, "{text}");
        }
        assert_eq!(words("PSPs")[0], ("PSP".to_string(), 0, 4));
    }
}
