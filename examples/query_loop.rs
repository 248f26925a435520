//! Answers the queries of a benchmark query file against an existing index generation, for
//! profiling the answer path (`perf record`):
//! `cargo run --release --example query_loop -- GEN_DIR QUERIES.tsv [ROUNDS]`.
use std::time::Instant;

// The binary's allocator, so profiles match it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use factbot::answer::Engine;
use factbot::index::KnowledgeIndex;
use factbot::knowledge::default_synonyms;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .ok_or("usage: query_loop GENERATION_DIR QUERIES.tsv [ROUNDS]")?;
    let queries = std::fs::read_to_string(args.next().ok_or("queries file")?)?;
    let rounds: usize = args.next().map_or(Ok(1), |r| r.parse())?;
    let started = Instant::now();
    let engine = Engine::new(KnowledgeIndex::open(
        std::path::Path::new(&dir),
        default_synonyms(),
    )?);
    eprintln!("open: {:?}", started.elapsed());
    let pairs: Vec<(&str, &str)> = queries.lines().filter_map(|l| l.split_once('\t')).collect();
    let started = Instant::now();
    let mut answered = 0;
    for _ in 0..rounds {
        for (topic, question) in &pairs {
            answered += usize::from(!engine.stat(topic, 5)?.no_answer);
            answered += usize::from(!engine.ask(question, 5)?.no_answer);
        }
    }
    let n = (rounds * pairs.len() * 2).max(1);
    eprintln!(
        "{n} answers ({answered} answered) in {:?}: {:?} each",
        started.elapsed(),
        started.elapsed() / n as u32
    );
    Ok(())
}
