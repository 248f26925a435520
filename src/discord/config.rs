//! The bot's configuration: one serde struct filled from defaults, then an optional
//! `factbot.toml`, then `FACTBOT_*` environment variables. The Discord token comes from the
//! environment only and is wrapped so it can never be printed.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

/// Name of the environment variable holding the bot token.
pub const TOKEN_VAR: &str = "DISCORD_TOKEN";

/// Settings of `factbot serve`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Folder of article files (`FACTBOT_KNOWLEDGE_DIR`).
    pub knowledge_dir: PathBuf,
    /// Index data directory (`FACTBOT_INDEX_DIR`); default `.factbot` beside the knowledge.
    pub index_dir: Option<PathBuf>,
    /// Register commands in these guilds instead of globally (`FACTBOT_GUILD_ID`, comma
    /// separated).
    pub guild_ids: Vec<u64>,
    /// Users who may `/reload` without Manage Server (`FACTBOT_ADMIN_USER_IDS`).
    pub admin_user_ids: Vec<u64>,
    /// Roles whose members may `/reload` (`FACTBOT_ADMIN_ROLE_IDS`).
    pub admin_role_ids: Vec<u64>,
    /// Facts per `/stat` answer (`FACTBOT_FACTS`), 1–10.
    pub facts_per_answer: usize,
    /// Passages per `/ask` answer (`FACTBOT_PASSAGES`), 1–5.
    pub passages_per_answer: usize,
    /// Answer directly when the search finishes within this many milliseconds, else defer
    /// and edit the reply (`FACTBOT_DEFER_AFTER_MS`; 0 always defers). Discord allows 3 s.
    pub defer_after_ms: u64,
    /// Discord API base for tests against a local server (`FACTBOT_DISCORD_API_BASE`).
    /// Never set in production.
    pub api_base: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            knowledge_dir: PathBuf::from("knowledge"),
            index_dir: None,
            guild_ids: Vec::new(),
            admin_user_ids: Vec::new(),
            admin_role_ids: Vec::new(),
            facts_per_answer: 5,
            passages_per_answer: 3,
            defer_after_ms: 2000,
            api_base: None,
        }
    }
}

/// Why the configuration could not be loaded.
#[derive(Debug, Error)]
pub enum ConfigError {
    /// The config file could not be read.
    #[error("{path}: {source}")]
    Read {
        /// Which file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The config file is not valid TOML for [`Config`].
    #[error("{path}: {message}")]
    Parse {
        /// Which file.
        path: PathBuf,
        /// What is wrong, with line and column.
        message: String,
    },
    /// An environment variable has a value that cannot be used.
    #[error("{var}={value:?} is not valid: {reason}")]
    Env {
        /// The variable.
        var: &'static str,
        /// Its value (never the token: that is not read here).
        value: String,
        /// What was expected.
        reason: &'static str,
    },
    /// The token is missing or malformed.
    #[error("{TOKEN_VAR} {0}")]
    Token(&'static str),
}

impl Config {
    /// Loads defaults, then `file` (required when given explicitly, else `factbot.toml` in the
    /// working directory when it exists), then the environment as read by `env`.
    pub fn load(file: Option<&Path>, env: &dyn Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let default_file = Path::new("factbot.toml");
        let file = match file {
            Some(f) => Some(f),
            None => default_file.exists().then_some(default_file),
        };
        let mut config = match file {
            Some(path) => Self::from_toml_file(path)?,
            None => Self::default(),
        };
        config.apply_env(env)?;
        Ok(config)
    }

    fn from_toml_file(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: e.to_string().trim().replace('\n', " "),
        })
    }

    /// Overrides fields from `FACTBOT_*` variables.
    pub fn apply_env(&mut self, env: &dyn Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        let get = |var: &str| env(var).filter(|v| !v.trim().is_empty());
        if let Some(v) = get("FACTBOT_KNOWLEDGE_DIR") {
            self.knowledge_dir = PathBuf::from(v);
        }
        if let Some(v) = get("FACTBOT_INDEX_DIR") {
            self.index_dir = Some(PathBuf::from(v));
        }
        if let Some(v) = get("FACTBOT_GUILD_ID") {
            self.guild_ids = parse_ids("FACTBOT_GUILD_ID", &v)?;
        }
        if let Some(v) = get("FACTBOT_ADMIN_USER_IDS") {
            self.admin_user_ids = parse_ids("FACTBOT_ADMIN_USER_IDS", &v)?;
        }
        if let Some(v) = get("FACTBOT_ADMIN_ROLE_IDS") {
            self.admin_role_ids = parse_ids("FACTBOT_ADMIN_ROLE_IDS", &v)?;
        }
        if let Some(v) = get("FACTBOT_FACTS") {
            self.facts_per_answer = parse_number("FACTBOT_FACTS", &v)?;
        }
        if let Some(v) = get("FACTBOT_PASSAGES") {
            self.passages_per_answer = parse_number("FACTBOT_PASSAGES", &v)?;
        }
        if let Some(v) = get("FACTBOT_DEFER_AFTER_MS") {
            self.defer_after_ms = parse_number("FACTBOT_DEFER_AFTER_MS", &v)?;
        }
        if let Some(v) = get("FACTBOT_DISCORD_API_BASE") {
            self.api_base = Some(v);
        }
        self.facts_per_answer = self.facts_per_answer.clamp(1, 10);
        self.passages_per_answer = self.passages_per_answer.clamp(1, 5);
        self.defer_after_ms = self.defer_after_ms.min(2500);
        Ok(())
    }

    /// The index data directory: `index_dir`, else `.factbot` beside the knowledge folder.
    pub fn data_dir(&self) -> PathBuf {
        if let Some(dir) = &self.index_dir {
            return dir.clone();
        }
        let knowledge =
            std::path::absolute(&self.knowledge_dir).unwrap_or_else(|_| self.knowledge_dir.clone());
        knowledge
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
            .join(".factbot")
    }
}

fn parse_ids(var: &'static str, value: &str) -> Result<Vec<u64>, ConfigError> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<u64>()
                .ok()
                .filter(|&id| id != 0)
                .ok_or(ConfigError::Env {
                    var,
                    value: value.to_string(),
                    reason: "expected Discord ids (numbers) separated by commas",
                })
        })
        .collect()
}

fn parse_number<T: std::str::FromStr>(var: &'static str, value: &str) -> Result<T, ConfigError> {
    value.trim().parse().map_err(|_| ConfigError::Env {
        var,
        value: value.to_string(),
        reason: "expected a whole number",
    })
}

/// The bot token. Its `Debug` and `Display` print `***`, so it cannot leak into logs or
/// error messages; [`Token::expose`] is called only where serenity needs it.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// Reads and checks [`TOKEN_VAR`] from `env`.
    pub fn from_env(env: &dyn Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        match env(TOKEN_VAR) {
            None => Err(ConfigError::Token(
                "is not set: put the bot token from the Discord developer portal in it",
            )),
            Some(v) if v.trim().is_empty() => Err(ConfigError::Token("is empty")),
            Some(v) => Self::parse(&v),
        }
    }

    /// Checks the shape of a bot token (three dot-separated base64 parts, no spaces).
    pub fn parse(value: &str) -> Result<Self, ConfigError> {
        let value = value.trim();
        let value = value.strip_prefix("Bot ").unwrap_or(value);
        let parts: Vec<&str> = value.split('.').collect();
        let base64 = |p: &&str| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '=' | '+' | '/'))
        };
        if parts.len() != 3 || !parts.iter().all(base64) {
            return Err(ConfigError::Token(
                "is not a valid bot token (expected three dot-separated parts)",
            ));
        }
        Ok(Self(value.to_string()))
    }

    /// The secret itself, for serenity only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
    }

    #[test]
    fn environment_overrides_file_which_overrides_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("factbot.toml");
        std::fs::write(
            &file,
            "knowledge_dir = \"kb\"\nguild_ids = [1, 2]\nfacts_per_answer = 4\n",
        )
        .expect("write");
        let config = Config::load(
            Some(&file),
            &env(&[("FACTBOT_GUILD_ID", "7, 8"), ("FACTBOT_ADMIN_ROLE_IDS", "9")]),
        )
        .expect("config");
        assert_eq!(config.knowledge_dir, PathBuf::from("kb"));
        assert_eq!(config.guild_ids, vec![7, 8]);
        assert_eq!(config.admin_role_ids, vec![9]);
        assert_eq!(config.facts_per_answer, 4);
        assert_eq!(config.defer_after_ms, 2000);
    }

    #[test]
    fn the_committed_example_config_is_valid_and_shows_the_defaults() {
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("factbot.example.toml");
        let config = Config::load(Some(&example), &env(&[])).expect("example config");
        assert_eq!(config, Config::default());
    }

    #[test]
    fn bad_values_name_the_variable_or_file() {
        let err = Config::load(None, &env(&[("FACTBOT_GUILD_ID", "abc")])).expect_err("bad id");
        assert!(err.to_string().starts_with("FACTBOT_GUILD_ID="), "{err}");
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("factbot.toml");
        std::fs::write(&file, "knowlege_dir = 1\n").expect("write");
        let err = Config::load(Some(&file), &env(&[])).expect_err("typo");
        assert!(err.to_string().contains("knowlege_dir"), "{err}");
    }

    #[test]
    fn token_is_checked_and_never_printed() {
        assert!(Token::from_env(&env(&[]))
            .expect_err("missing")
            .to_string()
            .starts_with("DISCORD_TOKEN is not set"));
        assert!(Token::from_env(&env(&[("DISCORD_TOKEN", "nope")])).is_err());
        let token = Token::from_env(&env(&[("DISCORD_TOKEN", "MTA.secret.part")])).expect("token");
        assert_eq!(format!("{token:?} {token}"), "*** ***");
        assert_eq!(token.expose(), "MTA.secret.part");
    }
}
