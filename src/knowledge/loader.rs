//! Reading the knowledge folder: find article files, decode them, parse them, and collect every
//! problem as a [`Diagnostic`] instead of stopping. One bad file never keeps the others out.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use thiserror::Error;
use walkdir::WalkDir;

use super::article::{Article, ArticleId};
use super::diagnostic::Diagnostic;
use super::parse::{format_of, parse_source};

/// Default cap on one article file; larger files are skipped with a reason.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Problems with the knowledge folder as a whole (per-file problems are diagnostics).
#[derive(Debug, Error)]
pub enum KnowledgeError {
    /// The folder does not exist or cannot be listed.
    #[error("knowledge folder {path} cannot be read: {source}")]
    Unreadable {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The path exists but is a file.
    #[error("knowledge folder {0} is not a folder")]
    NotADirectory(PathBuf),
    /// The folder holds no readable article: an index of it would serve nothing.
    #[error("knowledge folder {0} has no articles (supported: .md with front matter, .txt, .html, .pdf)")]
    Empty(PathBuf),
}

/// How strictly to read.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files larger than this are skipped (reported).
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// An article file found in the folder, before reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Absolute (or root-joined) path.
    pub path: PathBuf,
    /// Id derived from the path relative to the root.
    pub id: ArticleId,
    /// Its metadata sidecar (`name.meta.toml`), when the folder listing had one: knowing
    /// this from the listing spares a failing `stat` per file on every scan.
    pub sidecar: Option<PathBuf>,
}

/// Everything a load produced.
#[derive(Debug, Default)]
pub struct LoadReport {
    /// Articles that could be read, in path order.
    pub articles: Vec<Article>,
    /// Every problem found, in path order.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadReport {
    /// Number of diagnostics that are errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// Lists the article files under `root` (following symlinks once, skipping hidden entries and
/// README files, which document the folder rather than being articles).
pub fn scan_dir(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Result<Vec<SourceFile>, KnowledgeError> {
    let meta = fs::metadata(root).map_err(|source| KnowledgeError::Unreadable {
        path: root.to_path_buf(),
        source,
    })?;
    if !meta.is_dir() {
        return Err(KnowledgeError::NotADirectory(root.to_path_buf()));
    }
    let mut files = Vec::new();
    let mut seen: HashMap<ArticleId, PathBuf> = HashMap::new();
    let mut sidecars: HashSet<PathBuf> = HashSet::new();
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().map(|p| relative(root, p)).unwrap_or_default();
                let message = if err.loop_ancestor().is_some() {
                    "symbolic link loop; skipped".to_string()
                } else {
                    format!(
                        "cannot be read: {}",
                        err.io_error()
                            .map_or_else(|| err.to_string(), ToString::to_string)
                    )
                };
                diagnostics.push(Diagnostic::warning(&path, None, message));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        if entry
            .file_name()
            .to_string_lossy()
            .ends_with(super::SIDECAR_SUFFIX)
        {
            sidecars.insert(entry.path().to_path_buf());
            continue;
        }
        if format_of(entry.path()).is_none() {
            continue;
        }
        let stem = entry
            .path()
            .file_stem()
            .map(|s| s.to_string_lossy().to_ascii_lowercase());
        if stem.as_deref() == Some("readme") {
            continue;
        }
        let rel = relative(root, entry.path());
        let id = ArticleId::new(&rel.to_string_lossy());
        // Ids are paths with `/`: on Unix `a\b.md` and `a/b.md` would both be `a/b.md`.
        if let Some(first) = seen.get(&id) {
            diagnostics.push(Diagnostic::error(
                &rel,
                None,
                format!(
                    "has the same article id `{id}` as {}; skipped (rename one of them)",
                    first.display()
                ),
            ));
            continue;
        }
        seen.insert(id.clone(), rel);
        files.push(SourceFile {
            path: entry.path().to_path_buf(),
            id,
            sidecar: None,
        });
    }
    for file in &mut files {
        file.sidecar = Some(super::sidecar_path(&file.path)).filter(|s| sidecars.contains(s));
    }
    Ok(files)
}

/// Loads every article under `root`.
pub fn load_dir(root: &Path, options: &LoadOptions) -> Result<LoadReport, KnowledgeError> {
    let mut report = LoadReport::default();
    let files = scan_dir(root, &mut report.diagnostics)?;
    let mut seen_hashes: HashMap<String, ArticleId> = HashMap::new();
    for file in files {
        let Some(bytes) = read_file(&file, options, &mut report.diagnostics) else {
            continue;
        };
        if let Some(article) = parse_source(&file, &bytes, &mut report.diagnostics) {
            if let Some(first) = seen_hashes.get(&article.content_hash) {
                report.diagnostics.push(Diagnostic::warning(
                    Path::new(article.id.as_str()),
                    None,
                    format!("identical to {first}; both are indexed, answers show it once"),
                ));
            } else {
                seen_hashes.insert(article.content_hash.clone(), article.id.clone());
            }
            report.articles.push(article);
        }
    }
    Ok(report)
}

/// Reads one file's bytes, or reports why not.
pub fn read_file(
    file: &SourceFile,
    options: &LoadOptions,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<u8>> {
    let diag_path = Path::new(file.id.as_str());
    let size = match fs::metadata(&file.path) {
        Ok(meta) => meta.len(),
        Err(err) => {
            diagnostics.push(Diagnostic::error(diag_path, None, read_error(&err)));
            return None;
        }
    };
    if size > options.max_file_bytes {
        diagnostics.push(Diagnostic::error(
            diag_path,
            None,
            format!(
                "is {size} bytes, over the {} byte limit; skipped",
                options.max_file_bytes
            ),
        ));
        return None;
    }
    match fs::read(&file.path) {
        Ok(bytes) => Some(bytes),
        Err(err) => {
            diagnostics.push(Diagnostic::error(diag_path, None, read_error(&err)));
            None
        }
    }
}

/// Why a listed file could not be read, in the author's words: a file deleted between listing
/// and reading (during a reload) is not a permissions problem.
fn read_error(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "was removed while the folder was being read; skipped".to_string(),
        _ => format!("cannot be read: {err}; skipped"),
    }
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}
