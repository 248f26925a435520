//! `factbot stat` and `factbot ask`.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Args;
use factbot::answer::Command;
use factbot::render::terminal::{render, Emphasis};

use crate::Paths;

/// Arguments of `stat` and `ask`.
#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// The topic or question (several words may be given without quotes).
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// How many facts to show.
    #[arg(long, short = 'n', default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..=25))]
    pub limit: u16,
    /// Print the answer as JSON.
    #[arg(long)]
    pub json: bool,
    /// Show the ranking signals under each fact (why it ranked where it did).
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub paths: Paths,
}

/// Answers and prints; exit code 0 with an answer, 1 with "no matching fact".
pub fn run(command: Command, args: &AnswerArgs) -> anyhow::Result<ExitCode> {
    let engine = super::open_engine(&args.paths)?;
    let query = args.query.join(" ");
    let answer = engine.answer(command, &query, usize::from(args.limit))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&answer)?);
    } else {
        let stdout = std::io::stdout();
        let emphasis = if stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none() {
            Emphasis::Ansi
        } else {
            Emphasis::Markdown
        };
        print!("{}", render(&answer, emphasis));
        if args.explain {
            for (i, fact) in answer.facts.iter().enumerate() {
                println!(
                    "[{}] score {:.3} {}",
                    i + 1,
                    fact.score,
                    serde_json::to_string(&fact.signals)?
                );
            }
        }
    }
    Ok(if answer.no_answer {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
