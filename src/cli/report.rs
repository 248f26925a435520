//! `factbot report`: the most frequent unanswered queries and the most down-voted answers
//! recorded by the bot, as text or CSV.

use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use factbot::feedback::{build_report, parse_since, Recorder, FEEDBACK_DIR};

use crate::Paths;

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub paths: Paths,
    /// Period to cover, e.g. `30d`, `12h`, `2w`.
    #[arg(long, default_value = "30d")]
    pub since: String,
    /// Only this guild (Discord server id).
    #[arg(long)]
    pub guild: Option<u64>,
    /// Print CSV (one table; the `kind` column is `gap` or `downvoted`).
    #[arg(long)]
    pub csv: bool,
}

/// Prints the report.
pub fn run(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let period = parse_since(&args.since).with_context(|| {
        format!(
            "while reading --since {:?} (expected e.g. 30d, 12h, 2w)",
            args.since
        )
    })?;
    let recorder = Recorder::new(args.paths.data_dir().join(FEEDBACK_DIR));
    let votes = recorder
        .votes()
        .with_context(|| format!("while reading votes in {}", recorder.dir().display()))?;
    let gaps = recorder
        .gaps()
        .with_context(|| format!("while reading gaps in {}", recorder.dir().display()))?;
    let report = build_report(&votes, &gaps, chrono::Utc::now() - period, args.guild);
    if args.csv {
        print!("{}", report.to_csv());
    } else {
        print!("{}", report.to_text());
    }
    Ok(ExitCode::SUCCESS)
}
