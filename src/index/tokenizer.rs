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

/// The words of one text, produced up front (texts are sentences, titles or queries).
pub struct MixedTokenStream {
    tokens: Vec<Token>,
    /// Index of the current token plus one; 0 before the first `advance`.
    next: usize,
    /// Returned by `token()` when there is no current token, instead of panicking.
    empty: Token,
}

impl Tokenizer for MixedTokenizer {
    type TokenStream<'a> = MixedTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        MixedTokenStream {
            tokens: split_words(text),
            next: 0,
            empty: Token::default(),
        }
    }
}

impl TokenStream for MixedTokenStream {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        self.next
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .unwrap_or(&self.empty)
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.next.checked_sub(1) {
            Some(i) if i < self.tokens.len() => &mut self.tokens[i],
            _ => &mut self.empty,
        }
    }
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

/// Every word of `text` with byte offsets into it and consecutive positions.
fn split_words(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut push = |from: usize, to: usize| {
        let position = tokens.len();
        tokens.push(Token {
            offset_from: from,
            offset_to: to,
            position,
            text: text[from..to].to_string(),
            position_length: 1,
        });
    };
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let kind = run_of(c);
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            if run_of(next) != kind {
                break;
            }
            end = i + next.len_utf8();
            chars.next();
        }
        match kind {
            Run::Gap => {}
            Run::Word => push(start, end),
            Run::Han => {
                // Without HMM, words outside the dictionary fall apart into characters the
                // same way in a query and in a sentence, whatever surrounds them.
                for word in JIEBA.cut(&text[start..end], false) {
                    push(start + word.byte_start, start + word.byte_end);
                }
            }
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::SimpleTokenizer;

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
}
