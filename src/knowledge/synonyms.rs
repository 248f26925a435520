//! The admin-editable synonyms file (`synonyms.toml` in the knowledge folder).
//!
//! ```toml
//! [groups]
//! viewers = ["viewers", "audience", "people watch"]
//! ```
//! Every term of a group matches the others when searching. Terms may be phrases.

use std::path::Path;

use serde::Serialize;

use super::diagnostic::Diagnostic;

/// File name of the synonyms file inside the knowledge folder.
pub const SYNONYMS_FILE: &str = "synonyms.toml";

/// One named group of interchangeable terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SynonymGroup {
    /// The group's key in the file, shown in reports.
    pub name: String,
    /// Words or phrases, as written.
    pub terms: Vec<String>,
}

/// All synonym groups, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Synonyms {
    /// The groups.
    pub groups: Vec<SynonymGroup>,
}

/// The general-language synonyms bundled with factbot (the project's own
/// `knowledge/synonyms.toml`), used for knowledge folders that have no synonyms file.
pub const DEFAULT_SYNONYMS: &str = include_str!("../../knowledge/synonyms.toml");

/// The bundled default synonyms.
pub fn default_synonyms() -> Synonyms {
    parse_synonyms(
        Path::new("(built-in synonyms)"),
        DEFAULT_SYNONYMS,
        &mut Vec::new(),
    )
}

/// Reads `synonyms.toml` from the knowledge folder; a folder without one gets the bundled
/// general-language defaults, so paraphrases work on any corpus out of the box.
pub fn load_synonyms(knowledge_dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Synonyms {
    let path = knowledge_dir.join(SYNONYMS_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => parse_synonyms(Path::new(SYNONYMS_FILE), &text, diagnostics),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => default_synonyms(),
        Err(err) => {
            diagnostics.push(Diagnostic::error(
                Path::new(SYNONYMS_FILE),
                None,
                format!("cannot be read: {err}"),
            ));
            Synonyms::default()
        }
    }
}

/// Parses the synonyms file text; bad groups are reported and skipped, good ones kept.
pub fn parse_synonyms(path: &Path, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Synonyms {
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let table: toml::Table = match text.parse() {
        Ok(table) => table,
        Err(err) => {
            let err: toml::de::Error = err;
            let line = err.span().map(|s| line_of(s.start));
            diagnostics.push(Diagnostic::error(
                path,
                line,
                format!("not valid TOML: {}", err.message()),
            ));
            return Synonyms::default();
        }
    };
    let key_line = |key: &str| {
        text.lines()
            .position(|l| l.trim_start().starts_with(key) && l.contains('='))
            .map(|i| i + 1)
    };
    let mut synonyms = Synonyms::default();
    for (key, value) in table {
        if key != "groups" {
            diagnostics.push(Diagnostic::warning(
                path,
                key_line(&key),
                format!("unknown key `{key}`; groups go under [groups]"),
            ));
            continue;
        }
        let toml::Value::Table(groups) = value else {
            diagnostics.push(Diagnostic::error(
                path,
                key_line(&key),
                "`groups` must be a table of name = [terms]",
            ));
            continue;
        };
        for (name, terms) in groups {
            let terms: Option<Vec<String>> = match &terms {
                toml::Value::Array(items) => items.iter().map(|t| t.as_str().map(str::to_string)).collect(),
                _ => None,
            };
            match terms {
                Some(terms) if terms.len() >= 2 => synonyms.groups.push(SynonymGroup { name, terms }),
                Some(_) => diagnostics.push(Diagnostic::warning(
                    path,
                    key_line(&name),
                    format!("group `{name}` needs at least two terms"),
                )),
                None => diagnostics.push(Diagnostic::error(
                    path,
                    key_line(&name),
                    format!("group `{name}` must be a list of text terms"),
                )),
            }
        }
    }
    // toml::Table is sorted by key; keep the file's order for reports.
    synonyms
        .groups
        .sort_by_key(|g| key_line(&g.name).unwrap_or(usize::MAX));
    synonyms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_read_in_file_order_and_bad_ones_reported() {
        let mut diags = Vec::new();
        let text = "[groups]\nz = [\"a\", \"b\"]\nlonely = [\"c\"]\nbad = 3\nviewers = [\"viewers\", \"audience\"]\n";
        let synonyms = parse_synonyms(Path::new("synonyms.toml"), text, &mut diags);
        let names: Vec<_> = synonyms.groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, vec!["z", "viewers"]);
        let lines: Vec<_> = diags.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![Some(4), Some(3)]);
    }

    #[test]
    fn bundled_defaults_parse_cleanly() {
        let mut diags = Vec::new();
        let synonyms = parse_synonyms(Path::new("synonyms.toml"), DEFAULT_SYNONYMS, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(synonyms.groups.len() >= 20);
    }

    #[test]
    fn invalid_toml_names_its_line() {
        let mut diags = Vec::new();
        parse_synonyms(Path::new("synonyms.toml"), "[groups]\na = [\"x\",\n", &mut diags);
        assert_eq!(diags.len(), 1);
        assert!(diags[0].to_string().starts_with("synonyms.toml:"), "{}", diags[0]);
    }
}
