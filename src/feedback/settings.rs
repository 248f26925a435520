//! Per-guild settings in `settings.json`, rewritten whole (write to a temporary file, then
//! rename) so a crash never leaves half a file. Cached in memory after the first read.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use tracing::warn;

use super::FeedbackError;

const SETTINGS: &str = "settings.json";

/// Who sees an answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Everyone in the channel (the default).
    #[default]
    Public,
    /// Only who asked (an ephemeral reply), with a Share button.
    Private,
}

impl Visibility {
    /// `public` or `private`.
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Private => "private",
        }
    }

    /// Parses `public` / `private` (any case).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "public" => Some(Visibility::Public),
            "private" => Some(Visibility::Private),
            _ => None,
        }
    }
}

/// One guild's settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GuildSetting {
    /// Default visibility of answers.
    pub visibility: Visibility,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
struct SettingsFile {
    guilds: BTreeMap<String, GuildSetting>,
}

/// Settings of every guild, persisted in the data directory.
#[derive(Debug)]
pub struct GuildSettings {
    path: PathBuf,
    cache: Mutex<Option<SettingsFile>>,
}

impl GuildSettings {
    /// Settings kept in `dir`.
    pub fn new(dir: &Path) -> Self {
        Self {
            path: dir.join(SETTINGS),
            cache: Mutex::new(None),
        }
    }

    /// The default visibility in `guild` (public for direct messages and unknown guilds).
    pub fn visibility(&self, guild: Option<u64>) -> Visibility {
        let Some(guild) = guild else {
            return Visibility::default();
        };
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let file = cache.get_or_insert_with(|| self.read());
        file.guilds
            .get(&guild.to_string())
            .map(|g| g.visibility)
            .unwrap_or_default()
    }

    /// Sets `guild`'s default visibility and saves it.
    pub fn set_visibility(&self, guild: u64, visibility: Visibility) -> Result<(), FeedbackError> {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let mut file = cache.clone().unwrap_or_else(|| self.read());
        file.guilds.entry(guild.to_string()).or_default().visibility = visibility;
        self.write(&file)?;
        *cache = Some(file);
        Ok(())
    }

    fn read(&self) -> SettingsFile {
        match fs::read_to_string(&self.path) {
            Ok(text) => serde_json::from_str(&text).unwrap_or_else(|err| {
                warn!(path = %self.path.display(), error = %err, "unreadable settings; using defaults");
                SettingsFile::default()
            }),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => SettingsFile::default(),
            Err(err) => {
                warn!(path = %self.path.display(), error = %err, "cannot read settings; using defaults");
                SettingsFile::default()
            }
        }
    }

    fn write(&self, file: &SettingsFile) -> Result<(), FeedbackError> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| FeedbackError::Io { path, source }
        };
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir).map_err(io(dir))?;
        }
        let temp = self.path.with_extension("json.tmp");
        fs::write(&temp, serde_json::to_vec_pretty(file)?).map_err(io(&temp))?;
        fs::rename(&temp, &self.path).map_err(io(&self.path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visibility_defaults_to_public_and_survives_a_restart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let settings = GuildSettings::new(dir.path());
        assert_eq!(settings.visibility(Some(5)), Visibility::Public);
        settings.set_visibility(5, Visibility::Private).expect("saved");
        assert_eq!(settings.visibility(Some(5)), Visibility::Private);
        assert_eq!(settings.visibility(Some(6)), Visibility::Public);
        assert_eq!(settings.visibility(None), Visibility::Public);
        let reopened = GuildSettings::new(dir.path());
        assert_eq!(reopened.visibility(Some(5)), Visibility::Private);
    }

    #[test]
    fn visibility_words_are_parsed_in_any_case() {
        assert_eq!(Visibility::parse(" Private"), Some(Visibility::Private));
        assert_eq!(Visibility::parse("PUBLIC"), Some(Visibility::Public));
        assert_eq!(Visibility::parse("secret"), None);
    }
}
