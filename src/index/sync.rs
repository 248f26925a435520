//! Keeping the index in step with the knowledge folder: compare files with the manifest of the
//! generation in use, then open it as is, update it incrementally, or rebuild it, always into
//! a fresh generation that is published only when complete.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tantivy::{Index, IndexWriter};

use super::build::{add_prepared, delete_article, prepare_article};
use super::manifest::{FileEntry, FileStamp, Manifest, Totals};
use super::reader::KnowledgeIndex;
pub use super::scan::ChangeSet;
use super::scan::{diff, scan_files, Scanned};
use super::schema::{register_analyzers, schema, SCHEMA_VERSION};
use super::store::DataDir;
use super::IndexError;
use crate::knowledge::{
    load_synonyms, parse_source, read_file, scan_dir, Article, Diagnostic, KnowledgeError, LoadOptions,
    SYNONYMS_FILE,
};

/// How long a sync waits for the build lock before reporting another build. A lock can
/// outlive its build for a moment: a process forked just then holds the lock file's
/// descriptor until it execs (seen as a rare failed reload in the reload-under-load test).
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// Files parsed and prepared together before their documents go to the writer.
const BUILD_CHUNK: usize = 1024;

/// How much work a sync may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SyncMode {
    /// Open the current generation when nothing changed, update it when files changed.
    #[default]
    Auto,
    /// Rebuild everything from the knowledge folder.
    Full,
}

/// Options for [`sync`].
#[derive(Debug, Clone, Default)]
pub struct SyncOptions {
    /// How to read knowledge files.
    pub load: LoadOptions,
    /// Incremental or full.
    pub mode: SyncMode,
}

/// What a sync did.
#[derive(Debug)]
pub struct SyncOutcome {
    /// The index now current; `None` when nothing changed and the caller already serves it.
    pub index: Option<KnowledgeIndex>,
    /// The generation now current.
    pub generation: PathBuf,
    /// What changed since the previous generation.
    pub changes: ChangeSet,
    /// Why a build happened (`None`: the existing generation was opened as is).
    pub rebuilt: Option<String>,
    /// Totals of the previous generation, when there was one.
    pub before: Option<Totals>,
    /// Totals now.
    pub after: Totals,
    /// Every problem in the knowledge folder as it is now.
    pub diagnostics: Vec<Diagnostic>,
}

/// Brings the index in `data` up to date with `knowledge`. `serving` is the generation the
/// caller already has open, so an unchanged folder costs no re-open.
pub fn sync(
    knowledge: &Path,
    data: &DataDir,
    serving: Option<&Path>,
    options: &SyncOptions,
) -> Result<SyncOutcome, IndexError> {
    fs::create_dir_all(data.root()).map_err(|source| IndexError::Io {
        path: data.root().to_path_buf(),
        source,
    })?;
    let lock_path = data.root().join("build.lock");
    let lock = fs::File::create(&lock_path).map_err(|source| IndexError::Io {
        path: lock_path,
        source,
    })?;
    if !super::fsutil::lock_within(&lock, LOCK_WAIT) {
        return Err(IndexError::Busy(data.root().to_path_buf()));
    }

    let current = data.current();
    let previous = current
        .clone()
        .and_then(|dir| Manifest::read(&dir).ok().map(|m| (dir, m)));
    let previous_files = previous.as_ref().map(|(_, m)| &m.files);
    let mut top_diagnostics = Vec::new();
    let files = scan_dir(knowledge, &mut top_diagnostics)?;
    // Never publish an empty generation: the one in use (if any) stays current.
    if files.is_empty() {
        return Err(KnowledgeError::Empty(knowledge.to_path_buf()).into());
    }
    let scanned = scan_files(files, previous_files, &options.load);

    let mut synonym_diagnostics = Vec::new();
    let synonyms = load_synonyms(knowledge, &mut synonym_diagnostics);
    let synonyms_text = fs::read(knowledge.join(SYNONYMS_FILE)).ok();
    let synonyms_stamp = synonyms_text.as_ref().map(|bytes| FileStamp {
        hash: blake3::hash(bytes).to_hex().to_string(),
        size: bytes.len() as u64,
        modified_ns: 0,
    });

    let changes = diff(
        &scanned,
        previous.as_ref().map(|(_, m)| m),
        synonyms_stamp.as_ref(),
    );
    let mut checked: Option<KnowledgeIndex> = None;
    let full_reason = match (&previous, options.mode) {
        (_, SyncMode::Full) => Some("full rebuild requested".to_string()),
        (None, _) => Some(match &current {
            Some(dir) => format!("index manifest in {} is unreadable", dir.display()),
            None => "no index yet".to_string(),
        }),
        (Some((_, m)), _) if m.schema_version != SCHEMA_VERSION => Some(format!(
            "index schema {} is outdated (now {SCHEMA_VERSION})",
            m.schema_version
        )),
        (Some((dir, _)), _) => match KnowledgeIndex::open(dir, synonyms.clone()) {
            Ok(index) => {
                // Kept: opening reads every article's metadata, too slow to do twice.
                checked = Some(index);
                None
            }
            Err(err) => Some(format!("index could not be opened ({err})")),
        },
    };

    if full_reason.is_none() && changes.is_empty() {
        let (dir, manifest) = previous.expect("previous generation exists when no rebuild is needed");
        let index = if serving == Some(dir.as_path()) {
            None
        } else if let Some(index) = checked {
            Some(index)
        } else {
            Some(KnowledgeIndex::open(&dir, synonyms)?)
        };
        let mut diagnostics = top_diagnostics;
        diagnostics.extend(manifest.diagnostics().cloned());
        diagnostics.extend(manifest.identical_files());
        return Ok(SyncOutcome {
            index,
            generation: dir,
            changes,
            rebuilt: None,
            before: Some(manifest.totals),
            after: manifest.totals,
            diagnostics,
        });
    }

    let building = data.begin_generation()?;
    let result = build_generation(
        &building,
        &scanned,
        previous.as_ref().filter(|_| full_reason.is_none()),
        &changes,
        &options.load,
        synonyms_stamp,
        synonym_diagnostics,
        synonyms_text.as_deref(),
    );
    let manifest = match result {
        // Files that all failed to read would make an empty index: keep the current one.
        Ok(manifest) if manifest.totals.articles == 0 => {
            data.discard(&building);
            return Err(KnowledgeError::Empty(knowledge.to_path_buf()).into());
        }
        Ok(manifest) => manifest,
        Err(err) => {
            data.discard(&building);
            return Err(err);
        }
    };
    let generation = match data.publish(&building) {
        Ok(dir) => dir,
        Err(err) => {
            data.discard(&building);
            return Err(err);
        }
    };
    let index = KnowledgeIndex::open(&generation, synonyms)?;
    let keep: Vec<&Path> = [Some(generation.as_path()), serving]
        .into_iter()
        .flatten()
        .collect();
    data.remove_old(&keep);
    let mut diagnostics = top_diagnostics;
    diagnostics.extend(manifest.diagnostics().cloned());
    diagnostics.extend(manifest.identical_files());
    let reason = full_reason.unwrap_or_else(|| {
        let n = changes.added.len() + changes.changed.len() + changes.removed.len();
        format!("{n} file(s) changed")
    });
    Ok(SyncOutcome {
        index: Some(index),
        generation,
        changes,
        rebuilt: Some(reason),
        before: previous.map(|(_, m)| m.totals),
        after: manifest.totals,
        diagnostics,
    })
}

#[allow(clippy::too_many_arguments)]
fn build_generation(
    dir: &Path,
    scanned: &[Scanned],
    incremental_from: Option<&(PathBuf, Manifest)>,
    changes: &ChangeSet,
    load: &LoadOptions,
    synonyms: Option<FileStamp>,
    synonym_diagnostics: Vec<Diagnostic>,
    synonyms_text: Option<&[u8]>,
) -> Result<Manifest, IndexError> {
    let (schema, fields) = schema();
    let index = match incremental_from {
        Some((previous_dir, _)) => {
            super::fsutil::link_dir(previous_dir, dir)?;
            Index::open_in_dir(dir)?
        }
        None => {
            fs::create_dir_all(dir).map_err(|source| IndexError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
            Index::builder()
                .schema(schema)
                .settings(super::schema::index_settings())
                .create_in_dir(dir)?
        }
    };
    register_analyzers(&index);
    let previous_files = incremental_from.map(|(_, m)| &m.files);
    let mut files: BTreeMap<String, FileEntry> = BTreeMap::new();

    // Which files must be (re)parsed: all of them in a full build, else new and changed ones.
    let to_parse: Vec<&Scanned> = scanned
        .iter()
        .filter(|s| {
            previous_files.is_none()
                || changes.added.contains(&s.file.id)
                || changes.changed.contains(&s.file.id)
        })
        .collect();
    let mut writer = writer_for(&index, to_parse.len())?;
    for id in changes.removed.iter().filter(|_| previous_files.is_some()) {
        delete_article(&writer, &fields, id);
    }
    // A slice of files at a time: parsed and prepared in parallel, then handed to the writer,
    // whose threads index it while the next slice is parsed. Memory holds one slice of
    // articles and documents, not the whole knowledge base (5.6 GB at 100,000 articles).
    for chunk in to_parse.chunks(BUILD_CHUNK) {
        let parsed: Vec<(&Scanned, Option<Article>, Vec<Diagnostic>)> = chunk
            .par_iter()
            .map(|&s| {
                let mut diagnostics = s.diagnostics.clone();
                let bytes: Option<Cow<'_, [u8]>> = match &s.bytes {
                    Some(bytes) => Some(Cow::Borrowed(bytes)),
                    None => read_file(&s.file, load, &mut diagnostics).map(Cow::Owned),
                };
                let article = bytes.and_then(|b| parse_source(&s.file, &b, &mut diagnostics));
                (s, article, diagnostics)
            })
            .collect();

        let prepared: Vec<_> = parsed
            .par_iter()
            .map(|(_, article, _)| article.as_ref().map(|a| prepare_article(&fields, a)).transpose())
            .collect::<Result<_, _>>()?;

        for ((scanned, _, diagnostics), prepared) in parsed.iter().zip(prepared) {
            let id = scanned.file.id.as_str();
            let old = previous_files.and_then(|p| p.get(id));
            match prepared {
                Some(prepared) => {
                    if old.is_some() {
                        delete_article(&writer, &fields, &scanned.file.id);
                    }
                    add_prepared(&writer, prepared)?;
                    files.insert(
                        id.to_string(),
                        FileEntry {
                            stamp: scanned.stamp.clone(),
                            indexed: true,
                            diagnostics: diagnostics.clone(),
                        },
                    );
                }
                None => {
                    let entry = unreadable_entry(scanned, diagnostics.clone(), old);
                    files.insert(id.to_string(), entry);
                }
            }
        }
    }
    // Unchanged files carry over from the previous manifest.
    if let Some(previous) = previous_files {
        for s in scanned {
            let id = s.file.id.as_str();
            if !files.contains_key(id) {
                if let Some(entry) = previous.get(id) {
                    files.insert(
                        id.to_string(),
                        FileEntry {
                            stamp: s.stamp.clone(),
                            ..entry.clone()
                        },
                    );
                }
            }
        }
    }

    writer.commit()?;
    writer.wait_merging_threads()?;

    let totals = Totals {
        text_bytes: files
            .values()
            .filter(|e| e.indexed)
            .map(|e| e.stamp.size)
            .sum::<u64>() as usize,
        ..count_totals(&index)?
    };
    let manifest = Manifest {
        schema_version: SCHEMA_VERSION,
        kb_version: Manifest::compute_version(&files, synonyms.as_ref()),
        built_at: chrono::Utc::now().to_rfc3339(),
        files,
        synonyms,
        synonym_diagnostics,
        totals,
    };
    if let Some(text) = synonyms_text {
        super::fsutil::write_synced(&dir.join(SYNONYMS_FILE), text)?;
    }
    manifest.write(dir)?;
    Ok(manifest)
}

/// A writer sized for `files` files to index: a few changed files get one thread and
/// tantivy's smallest budget, because the indexing arenas are allocated (and zeroed by the
/// kernel) up front: 2 x 64 MB took 40% of a one-file reload at 100,000 articles.
fn writer_for(index: &Index, files: usize) -> Result<IndexWriter, IndexError> {
    const SMALL: usize = 256;
    let (threads, per_thread) = if files <= SMALL {
        (1, 16 << 20)
    } else {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        (cores.clamp(1, 4), 64 << 20)
    };
    Ok(index.writer_with_num_threads(threads, per_thread * threads)?)
}

/// The manifest entry of a file that could not be read or parsed now: the previous version,
/// if one was indexed, keeps being served rather than being lost; else it is not indexed.
fn unreadable_entry(
    scanned: &Scanned,
    mut diagnostics: Vec<Diagnostic>,
    old: Option<&FileEntry>,
) -> FileEntry {
    match old.filter(|e| e.indexed) {
        Some(old_entry) => {
            diagnostics.push(Diagnostic::warning(
                Path::new(scanned.file.id.as_str()),
                None,
                "the previous version stays in the index until this file can be read",
            ));
            FileEntry {
                stamp: old_entry.stamp.clone(),
                indexed: true,
                diagnostics,
            }
        }
        None => FileEntry {
            stamp: scanned.stamp.clone(),
            indexed: false,
            diagnostics,
        },
    }
}

/// Counts sentences and facts from the committed index itself, so incremental updates cannot
/// drift from the truth.
fn count_totals(index: &Index) -> Result<Totals, IndexError> {
    use tantivy::collector::Count;
    use tantivy::query::TermQuery;
    use tantivy::schema::IndexRecordOption;
    use tantivy::Term;

    let (_, fields) = schema();
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let count = |term: Term| searcher.search(&TermQuery::new(term, IndexRecordOption::Basic), &Count);
    Ok(Totals {
        articles: count(Term::from_field_text(fields.kind, super::schema::kind::ARTICLE))?,
        sentences: count(Term::from_field_text(fields.kind, super::schema::kind::SENTENCE))?,
        facts: count(Term::from_field_u64(fields.is_fact, 1))?,
        text_bytes: 0,
    })
}
