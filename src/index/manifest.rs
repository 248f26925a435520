//! The manifest written into every index generation: which files (by content hash) it was
//! built from, their diagnostics, and the knowledge-base version users see in answers.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::IndexError;
use crate::knowledge::Diagnostic;

/// File name of the manifest inside a generation directory.
pub const MANIFEST_FILE: &str = "factbot-manifest.json";

/// What identifies one source file's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    /// blake3 of the bytes, hex.
    pub hash: String,
    /// Size in bytes (with `modified_ns`, a cheap "unchanged" check before hashing).
    pub size: u64,
    /// Modification time in nanoseconds since the epoch, 0 when unknown.
    pub modified_ns: u128,
}

/// One source file as the index knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Content identity.
    pub stamp: FileStamp,
    /// True when the file's article is in the index (false: it could not be read).
    pub indexed: bool,
    /// Problems found in this file when it was read.
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

/// Totals over the whole generation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Articles indexed.
    pub articles: usize,
    /// Sentences indexed.
    pub sentences: usize,
    /// Facts indexed.
    pub facts: usize,
    /// Bytes of the indexed source files.
    pub text_bytes: usize,
}

/// What serving a generation needs from its manifest, in a small file of its own so that
/// opening an index never parses the per-file entries (megabytes at 100,000 files).
pub const HEAD_FILE: &str = "factbot-generation.json";

/// The head of a manifest: versions, build time and totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GenerationHead {
    /// Schema version the generation was built with.
    pub schema_version: u32,
    /// The knowledge-base version.
    pub kb_version: String,
    /// When the generation was built (RFC 3339).
    pub built_at: String,
    /// Totals.
    pub totals: Totals,
}

impl GenerationHead {
    /// Reads the head of a generation directory.
    pub fn read(dir: &Path) -> Result<Self, IndexError> {
        let path = dir.join(HEAD_FILE);
        let text = std::fs::read_to_string(&path).map_err(|source| IndexError::Io {
            path: path.clone(),
            source,
        })?;
        serde_json::from_str(&text).map_err(|e| IndexError::Corrupt(format!("{}: {e}", path.display())))
    }
}

/// The manifest itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Schema version the generation was built with.
    pub schema_version: u32,
    /// Short content hash over all files and synonyms: the knowledge-base version.
    pub kb_version: String,
    /// When the generation was built (RFC 3339).
    pub built_at: String,
    /// Source files by article id.
    pub files: BTreeMap<String, FileEntry>,
    /// The synonyms file's stamp, when there is one.
    pub synonyms: Option<FileStamp>,
    /// Problems in the synonyms file.
    #[serde(default)]
    pub synonym_diagnostics: Vec<Diagnostic>,
    /// Totals.
    pub totals: Totals,
}

impl Manifest {
    /// Computes the knowledge-base version from file hashes and the synonyms hash.
    pub fn compute_version(files: &BTreeMap<String, FileEntry>, synonyms: Option<&FileStamp>) -> String {
        let mut hasher = blake3::Hasher::new();
        for (id, entry) in files {
            hasher.update(id.as_bytes());
            hasher.update(b"\0");
            hasher.update(entry.stamp.hash.as_bytes());
            hasher.update(b"\n");
        }
        if let Some(stamp) = synonyms {
            hasher.update(b"synonyms\0");
            hasher.update(stamp.hash.as_bytes());
        }
        hasher.finalize().to_hex()[..8].to_string()
    }

    /// Every diagnostic, synonyms first, then files in path order.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.synonym_diagnostics
            .iter()
            .chain(self.files.values().flat_map(|f| f.diagnostics.iter()))
    }

    /// A warning for every indexed file whose bytes equal an earlier file's (in path order).
    /// Both stay indexed (eval corpora hold identical pairs under different ids); answers
    /// already show an identical sentence once.
    pub fn identical_files(&self) -> Vec<Diagnostic> {
        // Hashed, not ordered: 100,000 content hashes compare slowly in a B-tree.
        let mut first_with: HashMap<&str, &str> = HashMap::with_capacity(self.files.len());
        let mut out = Vec::new();
        for (id, entry) in self
            .files
            .iter()
            .filter(|(_, e)| e.indexed && !e.stamp.hash.is_empty())
        {
            match first_with.get(entry.stamp.hash.as_str()) {
                Some(first) => out.push(Diagnostic::warning(
                    Path::new(id),
                    None,
                    format!("identical to {first}; both are indexed, answers show it once"),
                )),
                None => {
                    first_with.insert(&entry.stamp.hash, id);
                }
            }
        }
        out
    }

    /// Reads the manifest of a generation directory.
    pub fn read(dir: &Path) -> Result<Self, IndexError> {
        let path = dir.join(MANIFEST_FILE);
        let text = std::fs::read_to_string(&path).map_err(|source| IndexError::Io {
            path: path.clone(),
            source,
        })?;
        serde_json::from_str(&text).map_err(|e| IndexError::Corrupt(format!("{}: {e}", path.display())))
    }

    /// The part serving needs.
    pub fn head(&self) -> GenerationHead {
        GenerationHead {
            schema_version: self.schema_version,
            kb_version: self.kb_version.clone(),
            built_at: self.built_at.clone(),
            totals: self.totals,
        }
    }

    /// Writes the manifest and its head into a generation directory (synced, since
    /// publishing follows). Compact JSON: at 100,000 files pretty-printing doubles the size.
    pub fn write(&self, dir: &Path) -> Result<(), IndexError> {
        let text = serde_json::to_vec(self)?;
        super::fsutil::write_synced(&dir.join(MANIFEST_FILE), &text)?;
        let head = serde_json::to_vec_pretty(&self.head())?;
        super::fsutil::write_synced(&dir.join(HEAD_FILE), &head)
    }
}
