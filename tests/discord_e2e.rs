//! End-to-end tests of the Discord bot against a local Discord-protocol server
//! (`support/discord_server.rs`), plus payload and snapshot tests of what the bot sends.
//! Run them with `cargo test --test discord_e2e discord_e2e`.

#[path = "support/discord_server.rs"]
mod discord_server;
#[path = "support/mod.rs"]
mod support;

mod discord_e2e {
    mod bot;
    mod commands;
    mod payloads;
    mod resilience;
    mod serve_cli;
    mod snapshots;
}
