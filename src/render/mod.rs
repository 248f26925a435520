//! Answers into what people read: terminal text, JSON, and Discord message bodies. Each
//! renderer takes an [`Answer`](crate::answer::Answer) and returns data; printing and sending
//! happen at the edges.

pub mod discord;
mod marks;
pub mod terminal;

pub use marks::{format_date, mark_spans};
