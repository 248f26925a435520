//! Behaviour a user sees, over fixture knowledge folders built in temp dirs.

#[path = "../support/mod.rs"]
mod support;

mod answers;
mod article_choice;
mod check_cli;
mod comparisons;
mod disagreements;
mod eval_dev;
mod hardening;
mod index_lifecycle;
mod planning;
mod sentence_ranges;
mod sources;
mod wording;
