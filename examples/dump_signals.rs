//! Dumps the top candidates of every eval case with their ranking signals, as JSON lines, for
//! offline study of ranking weights: `cargo run --release --example dump_signals -- GEN_DIR CASES`.
use factbot::answer::{Command, Engine, MAX_FACTS};
use factbot::eval::parse_cases;
use factbot::index::KnowledgeIndex;
use factbot::knowledge::default_synonyms;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: dump_signals GENERATION_DIR CASES")?;
    let cases = parse_cases(&std::fs::read_to_string(args.next().ok_or("cases file")?)?)?;
    let engine = Engine::new(KnowledgeIndex::open(
        std::path::Path::new(&dir),
        default_synonyms(),
    )?);
    for case in &cases {
        let command = if case.command == "ask" {
            Command::Ask
        } else {
            Command::Stat
        };
        let answer = engine.answer(command, &case.query, MAX_FACTS)?;
        let facts: Vec<_> = answer
            .facts
            .iter()
            .map(|f| {
                let right = case.article.as_deref() == Some(f.citation.article.as_str())
                    && case.expect_any.iter().any(|e| f.text.contains(e.as_str()));
                serde_json::json!({"right": right, "signals": f.signals, "text": f.text})
            })
            .collect();
        println!(
            "{}",
            serde_json::json!({"id": case.id, "none": case.expect_none, "facts": facts})
        );
    }
    Ok(())
}
