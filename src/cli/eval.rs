//! `factbot eval`: the answer-quality contract of shared/eval/README.md.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use factbot::answer::{Command, MAX_FACTS};
use factbot::eval::{parse_cases, run_case, summarise, verdict, Verdict};

use crate::Paths;

/// Arguments of `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Cases file (JSON lines).
    #[arg(long)]
    pub cases: PathBuf,
    /// After the summary, list each miss on stderr with what was expected and what came first.
    #[arg(long, alias = "verbose")]
    pub misses: bool,
    #[command(flatten)]
    pub paths: Paths,
}

/// Runs every case and prints the contract's lines.
pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.cases)
        .with_context(|| format!("while reading cases file {}", args.cases.display()))?;
    let cases = parse_cases(&text).map_err(|e| anyhow::anyhow!("{}: {e}", args.cases.display()))?;
    let engine = super::open_engine(&args.paths)?;
    let mut outputs = Vec::with_capacity(cases.len());
    for case in &cases {
        let (output, _) = run_case(&engine, case)?;
        println!("{}", serde_json::to_string(&output)?);
        outputs.push(output);
    }
    let summary = summarise(&cases, &outputs);
    println!("{}", serde_json::json!({ "summary": summary }));
    if args.misses {
        for (case, output) in cases.iter().zip(&outputs) {
            let v = verdict(case, output);
            if v == Verdict::Right {
                continue;
            }
            eprintln!(
                "{} [{}] {:?} {} \"{}\"",
                case.id,
                case.kind.as_deref().unwrap_or("-"),
                v,
                case.command,
                case.query
            );
            if case.expect_none {
                eprintln!("    expected: no matching fact");
            } else {
                eprintln!(
                    "    expected: {} containing {:?}",
                    case.article.as_deref().unwrap_or("?"),
                    case.expect_any
                );
            }
            // Re-ask with a deep list to show where the expected fact ranked, and why.
            let command = if case.command == "ask" {
                Command::Ask
            } else {
                Command::Stat
            };
            let deep = engine.answer(command, &case.query, MAX_FACTS)?;
            let signals = |i: usize| {
                deep.facts.get(i).map_or_else(String::new, |f| {
                    format!(
                        "score {:.3} {}",
                        f.score,
                        serde_json::to_string(&f.signals).unwrap_or_default()
                    )
                })
            };
            match output.results.first() {
                Some(first) if !output.no_answer => {
                    eprintln!("    first:    {} — {}", first.source, first.text)
                }
                Some(first) => eprintln!("    refused;  nearest {} — {}", first.source, first.text),
                None => eprintln!("    refused with nothing near"),
            }
            if !deep.facts.is_empty() {
                eprintln!("              {}", signals(0));
            }
            let expected = deep.facts.iter().position(|f| {
                case.article
                    .as_deref()
                    .is_none_or(|a| a.contains(' ') || a == f.citation.article.as_str())
                    && case.expect_any.iter().any(|e| f.text.contains(e.as_str()))
            });
            match expected {
                Some(rank) => eprintln!(
                    "    expected at rank {}: {}\n              {}",
                    rank + 1,
                    deep.facts[rank].text,
                    signals(rank)
                ),
                None if !case.expect_none => eprintln!("    expected fact not in the top {MAX_FACTS}"),
                None => {}
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
