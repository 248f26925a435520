//! `/kb status`: what the bot serves and how the last reload went, for admins.

use std::fmt::Write;
use std::time::Duration;

use crate::reload::{Outcome, Status};
use crate::render::discord::{escape_markdown, render_notice};

use super::app::App;
use super::request::{Caller, Handled};

/// Answers `/kb status` for `caller` (admins only; others are refused and logged).
pub fn status(app: &App, caller: &Caller) -> Handled {
    if !super::reload::is_admin(&app.config, caller) {
        return super::reload::refuse("kb status", caller);
    }
    let status = app.reloader.status();
    Handled::message(
        render_notice(&render_status(&status)).ephemeral(),
        status.facts,
        "answered",
    )
}

/// Human size: bytes, KiB, MiB or GiB with one decimal.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// Uptime as `2d 3h 4m`, `3h 4m` or `4m 5s`.
pub fn human_duration(d: Duration) -> String {
    let s = d.as_secs();
    let (days, hours, minutes, seconds) = (s / 86_400, s / 3600 % 24, s / 60 % 60, s % 60);
    if days > 0 {
        format!("{days}d {hours}h {minutes}m")
    } else if hours > 0 {
        format!("{hours}h {minutes}m")
    } else {
        format!("{minutes}m {seconds}s")
    }
}

/// The status as Discord Markdown.
pub fn render_status(status: &Status) -> String {
    let mut out = format!(
        "**Knowledge base `{}`**\nArticles: {} · facts: {}\nIndex on disk: {} ({})\nUptime: {}",
        status.kb_version,
        status.articles,
        status.facts,
        human_bytes(status.index_bytes),
        status.generation,
        human_duration(status.uptime),
    );
    match &status.last {
        None => out.push_str("\nLast reload: none since start-up"),
        Some(last) => {
            let result = match &last.outcome {
                Outcome::Failed(why) => format!("failed: {}", escape_markdown(why)),
                Outcome::Unchanged => "nothing changed".to_string(),
                Outcome::Swapped => format!(
                    "{} added, {} changed, {} removed",
                    last.changes.added.len(),
                    last.changes.changed.len(),
                    last.changes.removed.len()
                ),
            };
            let _ = write!(
                out,
                "\nLast reload: by {} ({}) at {}, took {:.2} s, {result}",
                escape_markdown(&last.actor.name),
                last.trigger.as_str(),
                last.started_at.format("%Y-%m-%d %H:%M:%S UTC"),
                last.took.as_secs_f64(),
            );
        }
    }
    if let Some(running) = &status.running {
        let _ = write!(
            out,
            "\nA reload started by {} at {} is running.",
            escape_markdown(&running.by.name),
            running.at.format("%H:%M:%S UTC")
        );
    }
    if let Some(newer) = &status.newer_on_disk {
        let _ = write!(
            out,
            "\nA newer index ({newer}) was built outside the bot; `/reload` serves it."
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_durations_read_naturally() {
        assert_eq!(human_bytes(512), "512 B");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(5 * 1024 * 1024), "5.0 MiB");
        assert_eq!(human_duration(Duration::from_secs(65)), "1m 5s");
        assert_eq!(human_duration(Duration::from_secs(3 * 3600 + 120)), "3h 2m");
        assert_eq!(human_duration(Duration::from_secs(2 * 86_400 + 3600)), "2d 1h 0m");
    }
}
