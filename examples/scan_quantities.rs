//! Prints every quantity found in text files, one tab-separated line each (kind, as
//! written, value, unit, some words around it), to audit the quantity parser over a whole
//! corpus: `cargo run --release --example scan_quantities -- corpus/*.txt | sort | uniq -c`.
//! Paragraphs are separated by blank lines, as in the knowledge files.
use std::error::Error;
use std::io::Write;

/// Characters of context shown on each side of a quantity.
const CONTEXT: usize = 25;

fn main() -> Result<(), Box<dyn Error>> {
    let mut out = std::io::stdout().lock();
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
        let text = String::from_utf8_lossy(&bytes);
        for paragraph in text.split("\n\n").map(str::trim) {
            for range in factbot::facts::split_sentences(paragraph) {
                let sentence = &paragraph[range];
                for q in factbot::facts::parse_quantities(sentence) {
                    let mut from = q.span.start.saturating_sub(CONTEXT);
                    while !sentence.is_char_boundary(from) {
                        from -= 1;
                    }
                    let mut to = (q.span.end + CONTEXT).min(sentence.len());
                    while !sentence.is_char_boundary(to) {
                        to += 1;
                    }
                    writeln!(
                        out,
                        "{:?}\t{}\t{}\t{}\t{}",
                        q.kind,
                        &sentence[q.span.clone()],
                        q.value,
                        q.unit.as_deref().unwrap_or(""),
                        sentence[from..to].replace('\n', " ")
                    )?;
                }
            }
        }
    }
    Ok(())
}
