//! Knowledge files into [`Article`]s: reading the folder, front matter, bodies, and
//! validation that reports every problem as `path:line: message`.

mod article;
mod body;
mod diagnostic;
mod front_matter;
mod html;
mod language;
mod loader;
mod parse;
mod pdf;
mod sidecar;
mod synonyms;

pub use article::{Article, ArticleId, ArticleMeta, PageRef, Paragraph};
pub use diagnostic::{Diagnostic, Severity};
pub use front_matter::{parse_front_matter, FrontMatter, KNOWN_KEYS};
pub use language::{detect_language, is_han};
pub use loader::{
    load_dir, read_file, scan_dir, KnowledgeError, LoadOptions, LoadReport, SourceFile,
    DEFAULT_MAX_FILE_BYTES,
};
pub use parse::{parse_article, parse_source};
pub use sidecar::{sidecar_path, SIDECAR_SUFFIX};
pub use synonyms::{
    default_synonyms, load_synonyms, parse_synonyms, SynonymGroup, Synonyms, DEFAULT_SYNONYMS, SYNONYMS_FILE,
};
