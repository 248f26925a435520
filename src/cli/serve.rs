//! `factbot serve`: run the Discord bot until Ctrl-C or SIGTERM.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;
use factbot::discord::{Config, Token};

use crate::Paths;

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Config file [default: factbot.toml in the working directory, when present].
    #[arg(long, env = "FACTBOT_CONFIG")]
    pub config: Option<PathBuf>,
}

/// Loads config and token, opens the index, and serves until shutdown.
pub fn run(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let env = |name: &str| std::env::var(name).ok();
    // The token is checked first: without it nothing else is worth doing.
    let token = Token::from_env(&env)?;
    let config = Config::load(args.config.as_deref(), &env)?;
    let paths = Paths {
        knowledge: config.knowledge_dir.clone(),
        index: Some(config.data_dir()),
    };
    let engine = Arc::new(super::open_engine(&paths)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("while starting the async runtime")?;
    runtime.block_on(factbot::discord::run(config, token, engine, shutdown_signal()))?;
    Ok(ExitCode::SUCCESS)
}

/// Resolves on Ctrl-C, or SIGTERM on Unix (what `docker stop` and systemd send).
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::error!(error = %err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
