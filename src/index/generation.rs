//! Building one index generation: a fresh directory (or hard links to the previous one for an
//! incremental update), the changed files parsed in parallel and written, the manifest made.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tantivy::{Index, IndexWriter};

use super::build::{add_prepared, delete_article, prepare_article};
use super::manifest::{FileEntry, FileStamp, Manifest, Totals};
use super::scan::{ChangeSet, Scanned};
use super::schema::{register_analyzers, schema, SCHEMA_VERSION};
use super::IndexError;
use crate::knowledge::{parse_source, read_file, Article, Diagnostic, LoadOptions, SYNONYMS_FILE};

/// Files parsed and prepared together before their documents go to the writer.
const BUILD_CHUNK: usize = 1024;

/// Builds the generation in `dir` from the `scanned` files: from scratch, or from the
/// previous generation's hard links applying only `changes`. Returns its manifest.
#[allow(clippy::too_many_arguments)]
pub(super) fn build_generation(
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
