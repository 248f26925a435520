//! `factbot index`: build or update the index and report what changed.

use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Args;
use factbot::index::{SyncMode, SyncOptions};

use crate::Paths;

/// Arguments of `index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Rebuild everything instead of updating changed files only.
    #[arg(long)]
    pub full: bool,
    #[command(flatten)]
    pub paths: Paths,
}

/// Syncs and prints a short report.
pub fn run(args: &IndexArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let options = SyncOptions {
        mode: if args.full { SyncMode::Full } else { SyncMode::Auto },
        load: args.paths.load_options(),
    };
    // Same sync, report and audit line as `/reload`; a running bot serves the new generation
    // from its next reload.
    let operator = std::env::var("USER").unwrap_or_else(|_| "operator".to_string());
    let data = args.paths.data_dir();
    let outcome = factbot::reload::index_offline(
        &args.paths.knowledge,
        &data,
        &options,
        factbot::reload::Actor::system(&operator),
    )
    .with_context(|| {
        format!(
            "while indexing knowledge folder {} into {} (choose another place with --index DIR)",
            args.paths.knowledge.display(),
            data.display()
        )
    })?;
    let took = started.elapsed();
    for d in &outcome.diagnostics {
        eprintln!("{}", d);
    }
    let c = &outcome.changes;
    match &outcome.rebuilt {
        Some(reason) => println!(
            "indexed {} article(s), {} fact(s) in {:.2}s ({reason}: {} added, {} changed, {} removed{})",
            outcome.after.articles,
            outcome.after.facts,
            took.as_secs_f64(),
            c.added.len(),
            c.changed.len(),
            c.removed.len(),
            if c.synonyms_changed {
                ", synonyms changed"
            } else {
                ""
            }
        ),
        None => println!(
            "index is up to date: {} article(s), {} fact(s)",
            outcome.after.articles, outcome.after.facts
        ),
    }
    println!("index: {}", outcome.generation.display());
    let errors = outcome.diagnostics.iter().filter(|d| d.is_error()).count();
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
