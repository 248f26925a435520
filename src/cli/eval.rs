//! `factbot eval`: the answer-quality contract of shared/eval/README.md.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
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
            match output.results.first() {
                Some(first) if !output.no_answer => {
                    eprintln!("    first:    {} — {}", first.source, first.text)
                }
                Some(first) => eprintln!("    refused;  nearest {} — {}", first.source, first.text),
                None => eprintln!("    refused with nothing near"),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
