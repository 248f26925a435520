//! Sidecar metadata: `report.pdf` may sit next to `report.meta.toml` holding the same keys
//! as Markdown front matter (TOML syntax, no fences). Pages and PDFs often lack a title,
//! date or publisher, and an admin cannot edit them; the sidecar fills in or corrects what
//! the file says. Every key set in the sidecar wins over the file's own metadata.

use std::path::{Path, PathBuf};

use super::article::ArticleMeta;
use super::diagnostic::Diagnostic;
use super::front_matter::parse_front_matter;

/// Suffix that replaces an article's extension to name its sidecar.
pub const SIDECAR_SUFFIX: &str = ".meta.toml";

/// Where the sidecar of the article at `path` would be (`a/report.pdf` → `a/report.meta.toml`).
pub fn sidecar_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!("{stem}{SIDECAR_SUFFIX}"))
}

/// Reads the sidecar of the article file at `file` (if there is one) and applies it to `meta`.
/// Problems are reported against the sidecar's own path, `diag_path` being the article's id.
pub fn apply_sidecar(
    file: &Path,
    diag_path: &Path,
    meta: &mut ArticleMeta,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let path = sidecar_path(file);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return,
        Err(err) => {
            diagnostics.push(Diagnostic::error(
                &sidecar_path(diag_path),
                None,
                format!("cannot be read: {err}"),
            ));
            return;
        }
    };
    let overrides = parse_sidecar(&sidecar_path(diag_path), &text, diagnostics);
    merge(meta, overrides);
}

/// Parses sidecar text with the front matter reader, so keys, types and messages are the
/// same as in Markdown; line numbers are those of the sidecar file.
pub fn parse_sidecar(path: &Path, text: &str, diagnostics: &mut Vec<Diagnostic>) -> ArticleMeta {
    let wrapped = format!("+++\n{}\n+++\n", text.trim_end());
    let mut found = Vec::new();
    let front = parse_front_matter(path, &wrapped, &mut found);
    // The opening fence added one line above the sidecar's first.
    diagnostics.extend(found.into_iter().map(|mut d| {
        d.line = d.line.map(|l| l.saturating_sub(1).max(1));
        d
    }));
    front.meta
}

/// Every field the sidecar sets replaces the article's.
fn merge(meta: &mut ArticleMeta, overrides: ArticleMeta) {
    if !overrides.title.trim().is_empty() {
        meta.title = overrides.title;
    }
    let pick = |slot: &mut Option<String>, value: Option<String>| {
        if value.is_some() {
            *slot = value;
        }
    };
    pick(&mut meta.publisher, overrides.publisher);
    pick(&mut meta.author, overrides.author);
    pick(&mut meta.url, overrides.url);
    pick(&mut meta.language, overrides.language);
    pick(&mut meta.report, overrides.report);
    if overrides.published.is_some() {
        meta.published = overrides.published;
    }
    if !overrides.tags.is_empty() {
        meta.tags = overrides.tags;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecar_keys_win_and_problems_name_sidecar_lines() {
        let mut meta = ArticleMeta {
            title: "From the page".into(),
            author: Some("Page author".into()),
            ..ArticleMeta::default()
        };
        let mut diags = Vec::new();
        let text = "title = \"Better title\"\npublished = 2024-03-29\npubisher = \"X\"\n";
        merge(
            &mut meta,
            parse_sidecar(Path::new("r.meta.toml"), text, &mut diags),
        );
        assert_eq!(meta.title, "Better title");
        assert_eq!(meta.author.as_deref(), Some("Page author"));
        assert_eq!(meta.published, chrono::NaiveDate::from_ymd_opt(2024, 3, 29));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].line, Some(3));
    }

    #[test]
    fn sidecar_is_named_after_the_article_stem() {
        assert_eq!(
            sidecar_path(Path::new("k/zh/report.pdf")),
            Path::new("k/zh/report.meta.toml")
        );
    }
}
