//! The Discord bot: a thin serenity adapter around plain handlers. The only module that
//! imports serenity.
//!
//! - [`config`] — settings from defaults, `factbot.toml` and `FACTBOT_*`; the token type.
//! - [`request`] — plain requests and responses, shared by the gateway and an HTTP
//!   interactions endpoint.
//! - [`app`] — the handlers (`/stat`, `/ask`, `/sources`, `/help`, autocomplete, buttons).
//! - [`reload`] — `/reload`.
//! - [`commands`] — command definitions for registration.
//! - `convert`, `respond` — serenity conversions, deferral, retries and panic safety.
//! - [`client`] — building and running the gateway client.

pub mod app;
pub mod client;
pub mod commands;
pub mod config;
mod convert;
pub mod reload;
pub mod request;
mod respond;

pub use app::App;
pub use client::{build_client, run, run_with_handler, HandlerFn, ServeError};
pub use config::{Config, ConfigError, Token, TOKEN_VAR};
pub use convert::to_request;
pub use request::{Caller, Deferral, Handled, Request, Response};
