//! `factbot check`: validate the knowledge folder.

use std::process::ExitCode;

use clap::Args;
use factbot::knowledge::{load_dir, load_synonyms};

use crate::Paths;

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Print problems as JSON lines.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub paths: Paths,
}

/// Reads every file and prints every problem as `path:line: severity: message`.
pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let knowledge = &args.paths.knowledge;
    let mut report = load_dir(knowledge, &args.paths.load_options())?;
    load_synonyms(knowledge, &mut report.diagnostics);
    for d in &report.diagnostics {
        if args.json {
            println!("{}", serde_json::to_string(d)?);
        } else {
            println!("{}", with_root(knowledge, d));
        }
    }
    let errors = report.error_count();
    let warnings = report.diagnostics.len() - errors;
    let facts: usize = report
        .articles
        .iter()
        .map(|a| {
            factbot::facts::analyse_article(a)
                .iter()
                .filter(|s| s.is_fact())
                .count()
        })
        .sum();
    eprintln!(
        "{} article(s), {facts} fact(s); {errors} error(s), {warnings} warning(s)",
        report.articles.len()
    );
    // A folder with no article would start an empty bot: that is an error, not a pass.
    if report.articles.is_empty() {
        println!(
            "{}: error: no articles (supported: .md with front matter, .txt, .html, .pdf)",
            knowledge.display()
        );
        return Ok(ExitCode::from(1));
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn with_root(root: &std::path::Path, d: &factbot::knowledge::Diagnostic) -> String {
    let mut d = d.clone();
    d.path = root.join(&d.path);
    d.to_string()
}
