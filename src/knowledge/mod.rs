//! Knowledge files into [`Article`]s: reading the folder, front matter, bodies, and
//! validation that reports every problem as `path:line: message`.

mod article;
mod body;
mod diagnostic;
mod front_matter;
mod loader;
mod synonyms;

pub use article::{Article, ArticleId, ArticleMeta, Paragraph};
pub use diagnostic::{Diagnostic, Severity};
pub use front_matter::{parse_front_matter, FrontMatter, KNOWN_KEYS};
pub use loader::{
    load_dir, parse_article, read_file, scan_dir, KnowledgeError, LoadOptions, LoadReport, SourceFile,
    DEFAULT_MAX_FILE_BYTES,
};
pub use synonyms::{
    default_synonyms, load_synonyms, parse_synonyms, SynonymGroup, Synonyms, DEFAULT_SYNONYMS, SYNONYMS_FILE,
};
