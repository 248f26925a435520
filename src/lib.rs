//! factbot answers questions about industry reports with cited facts, in Discord and on the
//! command line.
//!
//! # Layout
//! Dependencies point one way: `knowledge` ← `facts` ← `index` ← `answer` ← (`render`,
//! `discord`, the CLI in `main.rs`).
//! - [`knowledge`]: read the knowledge folder into articles, with `path:line` diagnostics.
//! - [`facts`]: split sentences, find and normalise quantities; a sentence with one is a fact.
//! - [`index`]: the tantivy index (the only module that imports tantivy): schema, building
//!   generations in fresh directories, incremental sync, search primitives.
//! - [`answer`]: turn a query into ranked, cited facts or passages; pure of any front end.
//! - [`render`]: answers as terminal text, JSON, and Discord message bodies (plain data).
//! - [`reload`]: reloading while serving: one at a time, swap, audit log, status, watcher.
//! - [`feedback`]: append-only votes and unanswered queries, guild settings, the gaps report.
//! - [`discord`]: the thin serenity adapter (the only module that imports serenity).
//! - [`mod@bench`]: the performance benchmark (synthetic knowledge bases, latency, memory).
#![warn(missing_docs)]

pub mod answer;
pub mod bench;
pub mod discord;
pub mod eval;
pub mod facts;
pub mod feedback;
pub mod index;
pub mod knowledge;
pub mod reload;
pub mod render;
