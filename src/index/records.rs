//! Article metadata of a generation in its own file (`articles.json`), so opening an index
//! does not decompress the whole document store to find the article documents' payloads.

use std::collections::BTreeMap;
use std::path::Path;

use super::payload::ArticlePayload;
use super::IndexError;

/// File name of the article records inside a generation directory.
pub const RECORDS_FILE: &str = "articles.json";

/// Article payloads by article id.
pub type Records = BTreeMap<String, ArticlePayload>;

/// Reads the records of a generation.
pub fn read_records(dir: &Path) -> Result<Records, IndexError> {
    let path = dir.join(RECORDS_FILE);
    let bytes = std::fs::read(&path).map_err(|source| IndexError::Io {
        path: path.clone(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|e| IndexError::Corrupt(format!("{}: {e}", path.display())))
}

/// Writes the records of a generation (a fresh file: generations share files by hard link).
pub fn write_records(dir: &Path, records: &Records) -> Result<(), IndexError> {
    super::fsutil::write_synced(&dir.join(RECORDS_FILE), &serde_json::to_vec(records)?)
}
