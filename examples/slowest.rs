use factbot::answer::Engine;
use factbot::index::KnowledgeIndex;
use factbot::knowledge::default_synonyms;
use std::time::Instant;
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap();
    let queries = std::fs::read_to_string(args.next().unwrap())?;
    let engine = Engine::new(KnowledgeIndex::open(
        std::path::Path::new(&dir),
        default_synonyms(),
    )?);
    let pairs: Vec<(&str, &str)> = queries.lines().filter_map(|l| l.split_once('\t')).collect();
    let mut times = Vec::new();
    for round in 0..2 {
        for (topic, question) in &pairs {
            let s = Instant::now();
            let a = engine.stat(topic, 5)?;
            if round == 1 {
                times.push((s.elapsed(), format!("stat {topic} -> {}", a.facts.len())));
            }
            let s = Instant::now();
            let a = engine.ask(question, 5)?;
            if round == 1 {
                times.push((s.elapsed(), format!("ask {question} -> {}", a.facts.len())));
            }
        }
    }
    times.sort();
    let n = times.len();
    println!("p50 {:?} p99 {:?}", times[n / 2].0, times[n * 99 / 100].0);
    for (d, q) in times.iter().rev().take(25) {
        println!("{d:?} {q}");
    }
    Ok(())
}
