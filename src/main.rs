//! The `factbot` command: serve the Discord bot, or answer, index, check and evaluate from the
//! command line. Thin: argument parsing and printing; the work is in the library.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// mimalloc instead of the system allocator: indexing and answering allocate many small
/// strings (one per word), where glibc's malloc and free were a sixth of build time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Answers questions about industry reports with cited facts.
#[derive(Debug, Parser)]
#[command(name = "factbot", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Commands,
}

/// Where the knowledge and the index live; shared by every subcommand.
#[derive(Debug, Clone, Args)]
pub struct Paths {
    /// Folder of article files (Markdown with front matter, .txt, .html, .pdf) and synonyms.toml.
    #[arg(long, short = 'k', default_value = "knowledge", env = "FACTBOT_KNOWLEDGE_DIR")]
    pub knowledge: PathBuf,
    /// Data directory for the index [default: .factbot beside the knowledge folder].
    #[arg(long, env = "FACTBOT_INDEX_DIR")]
    pub index: Option<PathBuf>,
    /// Skip article files larger than this many megabytes (reported, not indexed).
    #[arg(long, env = "FACTBOT_MAX_FILE_MB", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=4096))]
    pub max_file_mb: u64,
}

#[derive(Debug, Subcommand)]
enum Commands {
    /// Run the Discord bot (token in DISCORD_TOKEN; settings in factbot.toml / FACTBOT_*).
    Serve(cli::serve::ServeArgs),
    /// Top cited facts for a topic, e.g. `factbot stat "short-drama viewers"`.
    Stat(cli::answer::AnswerArgs),
    /// Best passages for a question, the answering sentence marked.
    Ask(cli::answer::AnswerArgs),
    /// Build or update the index from the knowledge folder.
    Index(cli::index::IndexArgs),
    /// Validate the knowledge folder; exits 1 when a file has errors.
    Check(cli::check::CheckArgs),
    /// Run question cases and print one JSON line per case, then a summary.
    Eval(cli::eval::EvalArgs),
    /// Unanswered queries and down-voted answers recorded by the bot, e.g.
    /// `factbot report --since 30d --csv`.
    Report(cli::report::ReportArgs),
    /// Performance benchmark: synthetic knowledge bases, latency, memory, reload.
    Bench(cli::bench::BenchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let serving = matches!(cli.command, Commands::Serve(_));
    cli::init_logging(if serving {
        "info,serenity=warn,tantivy=warn"
    } else {
        "warn"
    });
    let result = match cli.command {
        Commands::Serve(args) => cli::serve::run(&args),
        Commands::Stat(args) => cli::answer::run(factbot::answer::Command::Stat, &args),
        Commands::Ask(args) => cli::answer::run(factbot::answer::Command::Ask, &args),
        Commands::Index(args) => cli::index::run(&args),
        Commands::Check(args) => cli::check::run(&args),
        Commands::Eval(args) => cli::eval::run(&args),
        Commands::Report(args) => cli::report::run(&args),
        Commands::Bench(args) => cli::bench::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
