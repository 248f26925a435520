//! The custom ids of the answer buttons. All paging state lives in the id, never in memory,
//! so a button keeps working after a restart or a reload:
//!
//! `fb1:<action>:<command>:<page>:<query hash>:<kb version>`, e.g. `fb1:pg:s:1:0123456789abcdef:1a2b3c4d`
//! (at most ~50 characters, well under Discord's 100).
//!
//! The query itself does not fit (questions may be 500 characters): it is read back from the
//! message the button is on (the embed title is the query) and checked against the hash. A
//! query too long for the title is kept in the data directory's `feedback/queries.jsonl` by
//! hash. The kb version lets a later page say the knowledge base changed since.

use crate::answer::Command;
use crate::feedback::Vote;

/// Version prefix; ids of another shape are from an older bot and get a polite reply.
const PREFIX: &str = "fb1";
/// Hex digits of the query hash kept.
const HASH_LEN: usize = 16;
/// Longest kb version kept.
const KB_LEN: usize = 16;

/// What a button does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show this page (More and Back).
    Page,
    /// Post the answer publicly.
    Share,
    /// The disabled "Shared ✓" left on the private copy.
    Shared,
    /// Show the paragraphs around the page's facts.
    Passage,
    /// 👍 / 👎.
    Vote(Vote),
}

impl Action {
    fn code(self) -> &'static str {
        match self {
            Action::Page => "pg",
            Action::Share => "sh",
            Action::Shared => "ok",
            Action::Passage => "ps",
            Action::Vote(Vote::Up) => "up",
            Action::Vote(Vote::Down) => "dn",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "pg" => Action::Page,
            "sh" => Action::Share,
            "ok" => Action::Shared,
            "ps" => Action::Passage,
            "up" => Action::Vote(Vote::Up),
            "dn" => Action::Vote(Vote::Down),
            _ => return None,
        })
    }
}

/// Which answer page a button belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRef {
    /// The command that answered (Find facts answers as `stat`).
    pub command: Command,
    /// 0-based page (for [`Action::Page`]: the page to show).
    pub page: usize,
    /// [`query_hash`] of the query.
    pub query_hash: String,
    /// Knowledge-base version the answer came from.
    pub kb_version: String,
}

impl AnswerRef {
    /// An answer page of `query`.
    pub fn new(command: Command, query: &str, page: usize, kb_version: &str) -> Self {
        let kb: String = kb_version
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(KB_LEN)
            .collect();
        Self {
            command,
            page,
            query_hash: query_hash(query),
            kb_version: kb,
        }
    }

    /// The same answer at another page.
    pub fn at(&self, page: usize) -> Self {
        Self { page, ..self.clone() }
    }

    /// The key feedback is recorded under: one vote per user per answer page.
    pub fn key(&self) -> String {
        format!("{}:{}:{}", command_code(self.command), self.query_hash, self.page)
    }

    /// The custom id of a button doing `action` on this answer.
    pub fn button(&self, action: Action) -> String {
        format!(
            "{PREFIX}:{}:{}:{}:{}:{}",
            action.code(),
            command_code(self.command),
            self.page,
            self.query_hash,
            self.kb_version
        )
    }
}

fn command_code(command: Command) -> &'static str {
    match command {
        Command::Stat => "s",
        Command::Ask => "a",
    }
}

/// blake3 of the query, 16 hex digits.
pub fn query_hash(query: &str) -> String {
    blake3::hash(query.as_bytes()).to_hex()[..HASH_LEN].to_string()
}

/// Reads an answer button's id; `None` for anything else (including ids of older versions).
pub fn parse(custom_id: &str) -> Option<(Action, AnswerRef)> {
    let mut parts = custom_id.split(':');
    if parts.next()? != PREFIX {
        return None;
    }
    let action = Action::from_code(parts.next()?)?;
    let command = match parts.next()? {
        "s" => Command::Stat,
        "a" => Command::Ask,
        _ => return None,
    };
    let page = parts.next()?.parse::<usize>().ok().filter(|&p| p < 100)?;
    let query_hash = parts.next()?.to_string();
    if query_hash.len() != HASH_LEN || !query_hash.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let kb_version = parts.next()?.to_string();
    if parts.next().is_some() || kb_version.len() > KB_LEN {
        return None;
    }
    Some((
        action,
        AnswerRef {
            command,
            page,
            query_hash,
            kb_version,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_button_id_round_trips_and_stays_short() {
        let answer = AnswerRef::new(Command::Ask, &"why ".repeat(200), 4, "1a2b3c4d");
        for action in [
            Action::Page,
            Action::Share,
            Action::Shared,
            Action::Passage,
            Action::Vote(Vote::Up),
            Action::Vote(Vote::Down),
        ] {
            let id = answer.button(action);
            assert!(id.len() <= 60, "{id}");
            assert_eq!(parse(&id), Some((action, answer.clone())), "{id}");
        }
    }

    #[test]
    fn foreign_and_malformed_ids_are_not_answer_buttons() {
        for id in [
            "sources:1:",
            "fb0:pg:s:1:0123456789abcdef:x",
            "fb1:zz:s:1:0123456789abcdef:x",
            "fb1:pg:q:1:0123456789abcdef:x",
            "fb1:pg:s:-1:0123456789abcdef:x",
            "fb1:pg:s:1:0123:x",
            "fb1:pg:s:1:0123456789abcdef:x:extra",
            "",
        ] {
            assert_eq!(parse(id), None, "{id}");
        }
    }

    #[test]
    fn the_feedback_key_names_command_query_and_page() {
        let answer = AnswerRef::new(Command::Stat, "viewers", 2, "v1");
        assert_eq!(answer.key(), format!("s:{}:2", query_hash("viewers")));
    }
}
