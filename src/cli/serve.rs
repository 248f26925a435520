//! `factbot serve`: run the Discord bot until Ctrl-C or SIGTERM; SIGHUP (and `--watch`)
//! reload the knowledge base through the same coordinator as `/reload`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::Args;
use factbot::discord::reload::reload_and_warm;
use factbot::discord::{App, Config, Token};
use factbot::reload::{Actor, Reloader, Trigger, Watcher};

use crate::Paths;

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Config file [default: factbot.toml in the working directory, when present].
    #[arg(long, env = "FACTBOT_CONFIG")]
    pub config: Option<PathBuf>,
    /// Reload by itself when files in the knowledge folder change (after 2 s without changes).
    #[arg(long)]
    pub watch: bool,
}

/// How often `--watch` looks at the knowledge folder.
const WATCH_POLL: Duration = Duration::from_millis(500);
/// How long files must stay unchanged before `--watch` reloads.
const WATCH_SETTLE: Duration = Duration::from_secs(2);

/// Loads config and token, opens the index, and serves until shutdown.
pub fn run(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let env = |name: &str| std::env::var(name).ok();
    // The token is checked first: without it nothing else is worth doing.
    let token = Token::from_env(&env)?;
    let config = Config::load(args.config.as_deref(), &env)?;
    let paths = Paths {
        knowledge: config.knowledge_dir.clone(),
        index: Some(config.data_dir()),
        max_file_mb: config.max_file_mb,
    };
    let engine = Arc::new(super::open_engine(&paths)?);
    let reloader = Arc::new(
        Reloader::new(engine, paths.knowledge.clone(), paths.data_dir()).with_options(paths.sync_options()),
    );
    let app = Arc::new(App::with_reloader(config, Arc::clone(&reloader)));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("while starting the async runtime")?;
    let stop_watching = Arc::new(AtomicBool::new(false));
    if args.watch {
        watch(Arc::clone(&app), Arc::clone(&stop_watching))?;
    }
    let result = runtime.block_on(async {
        #[cfg(unix)]
        reload_on_sighup(Arc::clone(&app));
        factbot::discord::run_app(app, token, shutdown_signal(), Arc::new(App::handle)).await
    });
    stop_watching.store(true, Ordering::Relaxed);
    result?;
    Ok(ExitCode::SUCCESS)
}

/// Reloads whenever the process gets SIGHUP (`kill -HUP`, `systemctl reload`), through the
/// same coordinator as `/reload`.
#[cfg(unix)]
fn reload_on_sighup(app: Arc<App>) {
    use tokio::signal::unix::{signal, SignalKind};
    let mut hangup = match signal(SignalKind::hangup()) {
        Ok(hangup) => hangup,
        Err(err) => {
            tracing::error!(error = %err, "cannot listen for SIGHUP; reload with /reload instead");
            return;
        }
    };
    tokio::spawn(async move {
        while hangup.recv().await.is_some() {
            tracing::info!("SIGHUP: reloading the knowledge base");
            let app = Arc::clone(&app);
            // The outcome is logged and audited by the reloader itself.
            let _ = tokio::task::spawn_blocking(move || {
                reload_and_warm(&app, Actor::system("SIGHUP"), Trigger::Signal)
            })
            .await;
        }
    });
}

/// Starts the `--watch` thread: reload once changes in the knowledge folder settle. A change
/// seen while another reload runs is retried, so it is never missed.
fn watch(app: Arc<App>, stop: Arc<AtomicBool>) -> anyhow::Result<()> {
    let knowledge = app.reloader.knowledge().to_path_buf();
    let watcher = Watcher::new(&knowledge, WATCH_POLL, WATCH_SETTLE);
    tracing::info!(dir = %knowledge.display(), settle_ms = WATCH_SETTLE.as_millis() as u64, "watching the knowledge folder");
    std::thread::Builder::new()
        .name("factbot-watch".to_string())
        .spawn(move || {
            watcher.run(&stop, || {
                while reload_and_warm(&app, Actor::system("watcher"), Trigger::Watch).is_err() {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    std::thread::sleep(WATCH_SETTLE);
                }
            });
        })
        .context("while starting the --watch thread")?;
    Ok(())
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
