//! The coverage report: the most frequent unanswered queries and the most down-voted answers
//! over a period, for `/kb gaps` and `factbot report`.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use super::{GapRecord, Vote, VoteRecord};

/// A query that found no answer, with how often it was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapRow {
    /// The query as last asked.
    pub query: String,
    /// `stat` or `ask` (of the last time).
    pub command: String,
    /// How many times (any case and spacing).
    pub count: usize,
    /// When it was last asked.
    pub last: DateTime<Utc>,
}

/// An answer with its current votes (each user's latest).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteRow {
    /// Answer key (command, query hash, page).
    pub answer: String,
    /// `stat` or `ask`.
    pub command: String,
    /// The query.
    pub query: String,
    /// Facts the answer cited (as of the latest vote).
    pub facts: Vec<String>,
    /// 👎 count.
    pub down: usize,
    /// 👍 count.
    pub up: usize,
}

/// What `/kb gaps` and `factbot report` show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Start of the period.
    pub since: DateTime<Utc>,
    /// Unanswered queries, most frequent first.
    pub gaps: Vec<GapRow>,
    /// Answers with at least one 👎, most down-voted first.
    pub downvoted: Vec<VoteRow>,
}

/// Parses a period such as `30d`, `12h` or `2w` into a duration.
pub fn parse_since(text: &str) -> Option<Duration> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit())?;
    let (number, unit) = text.split_at(split);
    let n: i64 = number.parse().ok().filter(|&n| n > 0 && n < 100_000)?;
    match unit {
        "h" => Some(Duration::hours(n)),
        "d" => Some(Duration::days(n)),
        "w" => Some(Duration::weeks(n)),
        _ => None,
    }
}

fn normalise(query: &str) -> String {
    query
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Builds the report over records at or after `since`, for one guild or (`None`) all.
pub fn build_report(
    votes: &[VoteRecord],
    gaps: &[GapRecord],
    since: DateTime<Utc>,
    guild: Option<u64>,
) -> Report {
    let in_scope = |time: &DateTime<Utc>, g: Option<u64>| *time >= since && (guild.is_none() || g == guild);

    let mut gap_rows: HashMap<String, GapRow> = HashMap::new();
    for gap in gaps.iter().filter(|g| in_scope(&g.time, g.guild)) {
        let row = gap_rows.entry(normalise(&gap.query)).or_insert_with(|| GapRow {
            query: gap.query.clone(),
            command: gap.command.clone(),
            count: 0,
            last: gap.time,
        });
        row.count += 1;
        if gap.time >= row.last {
            row.last = gap.time;
            row.query = gap.query.clone();
            row.command = gap.command.clone();
        }
    }
    let mut gaps: Vec<GapRow> = gap_rows.into_values().collect();
    gaps.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.last.cmp(&a.last))
            .then(a.query.cmp(&b.query))
    });

    // Pressing again changes the vote: keep each user's latest vote per answer.
    let mut latest: HashMap<(&str, &str), &VoteRecord> = HashMap::new();
    for vote in votes.iter().filter(|v| in_scope(&v.time, v.guild)) {
        latest.insert((vote.user.as_str(), vote.answer.as_str()), vote);
    }
    let mut rows: HashMap<&str, (VoteRow, DateTime<Utc>)> = HashMap::new();
    for vote in latest.into_values() {
        let (row, at) = rows.entry(vote.answer.as_str()).or_insert_with(|| {
            (
                VoteRow {
                    answer: vote.answer.clone(),
                    command: vote.command.clone(),
                    query: vote.query.clone(),
                    facts: vote.facts.clone(),
                    down: 0,
                    up: 0,
                },
                vote.time,
            )
        });
        match vote.vote {
            Vote::Up => row.up += 1,
            Vote::Down => row.down += 1,
        }
        if vote.time > *at {
            *at = vote.time;
            row.facts = vote.facts.clone();
        }
    }
    let mut downvoted: Vec<VoteRow> = rows
        .into_values()
        .map(|(r, _)| r)
        .filter(|r| r.down > 0)
        .collect();
    downvoted.sort_by(|a, b| {
        b.down
            .cmp(&a.down)
            .then(a.up.cmp(&b.up))
            .then(a.query.cmp(&b.query))
            .then(a.answer.cmp(&b.answer))
    });
    Report {
        since,
        gaps,
        downvoted,
    }
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

impl Report {
    /// Both lists as one CSV table, a `kind` column telling them apart.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("kind,command,query,count,down,up,last_seen,answer,facts\n");
        for g in &self.gaps {
            let row = [
                "gap".to_string(),
                g.command.clone(),
                g.query.clone(),
                g.count.to_string(),
                String::new(),
                String::new(),
                g.last.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                String::new(),
                String::new(),
            ];
            push_row(&mut out, &row);
        }
        for v in &self.downvoted {
            let row = [
                "downvoted".to_string(),
                v.command.clone(),
                v.query.clone(),
                (v.down + v.up).to_string(),
                v.down.to_string(),
                v.up.to_string(),
                String::new(),
                v.answer.clone(),
                v.facts.join(" "),
            ];
            push_row(&mut out, &row);
        }
        out
    }

    /// Both lists as plain text for a terminal.
    pub fn to_text(&self) -> String {
        use std::fmt::Write;
        let mut out = format!(
            "Unanswered queries since {}:\n",
            self.since.format("%Y-%m-%d %H:%M UTC")
        );
        if self.gaps.is_empty() {
            out.push_str("  (none)\n");
        }
        for g in &self.gaps {
            let _ = writeln!(out, "  {:>4}×  {} ({})", g.count, g.query, g.command);
        }
        out.push_str("Most down-voted answers:\n");
        if self.downvoted.is_empty() {
            out.push_str("  (none)\n");
        }
        for v in &self.downvoted {
            let _ = writeln!(
                out,
                "  {:>4}👎 {:>3}👍  {} ({}) — {}",
                v.down,
                v.up,
                v.query,
                v.command,
                v.facts.join(", ")
            );
        }
        out
    }
}

fn push_row(out: &mut String, row: &[String]) {
    let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
    out.push_str(&fields.join(","));
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gap(query: &str, days_ago: i64, guild: u64) -> GapRecord {
        GapRecord {
            time: Utc::now() - Duration::days(days_ago),
            guild: Some(guild),
            user: "u".to_string(),
            command: "stat".to_string(),
            query: query.to_string(),
        }
    }

    fn vote(user: &str, answer: &str, vote: Vote, seconds: i64) -> VoteRecord {
        VoteRecord {
            time: Utc::now() - Duration::days(1) + Duration::seconds(seconds),
            guild: Some(1),
            user: user.to_string(),
            answer: answer.to_string(),
            command: "ask".to_string(),
            query: format!("query {answer}"),
            facts: vec![format!("{answer}.md#1.1")],
            vote,
        }
    }

    #[test]
    fn gaps_are_counted_across_case_and_spacing_within_the_period_and_guild() {
        let gaps = [
            gap("Cheese  futures", 1, 1),
            gap("cheese futures", 2, 1),
            gap("moon tv", 3, 1),
            gap("cheese futures", 40, 1),
            gap("cheese futures", 1, 2),
        ];
        let report = build_report(&[], &gaps, Utc::now() - Duration::days(30), Some(1));
        assert_eq!(report.gaps.len(), 2);
        assert_eq!(
            (report.gaps[0].query.as_str(), report.gaps[0].count),
            ("Cheese  futures", 2)
        );
        assert_eq!(report.gaps[1].count, 1);
        let all = build_report(&[], &gaps, Utc::now() - Duration::days(30), None);
        assert_eq!(all.gaps[0].count, 3);
    }

    #[test]
    fn a_changed_vote_counts_once_as_the_latest() {
        let votes = [
            vote("u1", "a", Vote::Up, 0),
            vote("u1", "a", Vote::Down, 10),
            vote("u2", "a", Vote::Down, 20),
            vote("u1", "b", Vote::Down, 0),
            vote("u2", "b", Vote::Up, 5),
            vote("u3", "c", Vote::Up, 0),
        ];
        let report = build_report(&votes, &[], Utc::now() - Duration::days(30), None);
        let rows: Vec<(&str, usize, usize)> = report
            .downvoted
            .iter()
            .map(|r| (r.answer.as_str(), r.down, r.up))
            .collect();
        assert_eq!(rows, vec![("a", 2, 0), ("b", 1, 1)]);
    }

    #[test]
    fn csv_quotes_commas_and_quotes() {
        let report = build_report(
            &[],
            &[gap("say \"hi\", then", 1, 1)],
            Utc::now() - Duration::days(30),
            None,
        );
        let csv = report.to_csv();
        assert!(csv.starts_with("kind,command,query,count"), "{csv}");
        assert!(csv.contains("gap,stat,\"say \"\"hi\"\", then\",1,"), "{csv}");
    }

    #[test]
    fn periods_are_days_hours_or_weeks() {
        assert_eq!(parse_since("30d"), Some(Duration::days(30)));
        assert_eq!(parse_since("12h"), Some(Duration::hours(12)));
        assert_eq!(parse_since("2w"), Some(Duration::weeks(2)));
        for bad in ["", "d", "30", "-1d", "30x", "0d"] {
            assert_eq!(parse_since(bad), None, "{bad}");
        }
    }
}
