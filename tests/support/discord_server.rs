//! A strict fake of Discord's API v10 on 127.0.0.1 for end-to-end tests: REST over a tiny
//! HTTP/1.1 server and the gateway over a websocket. It records every request (method, path,
//! JSON body), answers only the paths the bot should call (anything else is recorded as
//! unexpected and answered 404), and lets a test inject dispatches, RECONNECT, dropped
//! sockets, close codes, and failing interaction callbacks. Every wait is bounded.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

#[path = "discord_payloads.rs"]
mod payloads;

pub use payloads::*;

/// A token of the right shape.
pub const TEST_TOKEN: &str = "MTAwMDAw.fake.token-for-tests";
/// How long any wait lasts before the test fails.
pub const WAIT: Duration = Duration::from_secs(15);

/// One request the bot made.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// HTTP method.
    pub method: String,
    /// Path without the query string.
    pub path: String,
    /// JSON body (`Null` when empty or not JSON).
    pub body: Value,
}

#[derive(Debug)]
enum WsCommand {
    Send(Value),
    Close(u16),
    Drop,
}

#[derive(Default)]
struct State {
    requests: Mutex<Vec<Recorded>>,
    unexpected: Mutex<Vec<Recorded>>,
    gateway_log: Mutex<Vec<String>>,
    gateway: Mutex<Option<mpsc::UnboundedSender<WsCommand>>>,
    seq: AtomicU64,
    callback_failures: Mutex<VecDeque<u16>>,
    close_on_identify: Mutex<Option<u16>>,
    ws_url: Mutex<String>,
}

/// The running fake.
pub struct FakeDiscord {
    /// What to pass as the bot's API base.
    pub api_base: String,
    state: Arc<State>,
    next_id: AtomicU64,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

impl FakeDiscord {
    /// Starts REST and gateway listeners on ephemeral 127.0.0.1 ports.
    pub async fn start() -> Self {
        let http = TcpListener::bind("127.0.0.1:0").await.expect("bind http");
        let ws = TcpListener::bind("127.0.0.1:0").await.expect("bind ws");
        let state = Arc::new(State::default());
        *state.ws_url.lock().unwrap() = format!("ws://{}", ws.local_addr().expect("ws addr"));
        let api_base = format!("http://{}", http.local_addr().expect("http addr"));
        let http_state = Arc::clone(&state);
        let http_task = tokio::spawn(async move {
            while let Ok((stream, _)) = http.accept().await {
                tokio::spawn(serve_http(stream, Arc::clone(&http_state)));
            }
        });
        let ws_state = Arc::clone(&state);
        let ws_task = tokio::spawn(async move {
            while let Ok((stream, _)) = ws.accept().await {
                tokio::spawn(serve_gateway(stream, Arc::clone(&ws_state)));
            }
        });
        Self {
            api_base,
            state,
            next_id: AtomicU64::new(1000),
            tasks: vec![http_task, ws_task],
        }
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.state.requests.lock().unwrap().clone()
    }

    /// Requests the fake did not expect.
    pub fn unexpected(&self) -> Vec<Recorded> {
        self.state.unexpected.lock().unwrap().clone()
    }

    /// Gateway events seen: `identify`, `ready`, `resume`, `heartbeat`, `closed`.
    pub fn gateway_log(&self) -> Vec<String> {
        self.state.gateway_log.lock().unwrap().clone()
    }

    /// Makes the next interaction callbacks answer these statuses (500 or 429), once each.
    pub fn fail_next_callbacks(&self, statuses: &[u16]) {
        self.state.callback_failures.lock().unwrap().extend(statuses);
    }

    /// Closes the gateway with `code` when the bot identifies (e.g. 4004 bad token).
    pub fn close_on_identify(&self, code: u16) {
        *self.state.close_on_identify.lock().unwrap() = Some(code);
    }

    /// Waits until `pred` holds over the recorded requests; returns the first matching one.
    pub async fn wait_request(&self, what: &str, pred: impl Fn(&Recorded) -> bool) -> Recorded {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            if let Some(found) = self.requests().into_iter().find(|r| pred(r)) {
                return found;
            }
            if tokio::time::Instant::now() > deadline {
                panic!("timed out waiting for {what}; requests: {:#?}", self.requests());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits until the gateway log has `count` entries equal to `event`.
    pub async fn wait_gateway(&self, event: &str, count: usize) {
        let deadline = tokio::time::Instant::now() + WAIT;
        while self.gateway_log().iter().filter(|e| *e == event).count() < count {
            if tokio::time::Instant::now() > deadline {
                panic!(
                    "timed out waiting for {count} x {event}; log: {:?}",
                    self.gateway_log()
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn send(&self, command: WsCommand) {
        let gateway = self.state.gateway.lock().unwrap();
        let sender = gateway.as_ref().expect("no gateway connection");
        sender.send(command).expect("gateway connection is gone");
    }

    /// Sends a dispatch with the next sequence number.
    pub fn dispatch(&self, name: &str, data: Value) {
        let seq = self.state.seq.fetch_add(1, Ordering::SeqCst) + 1;
        self.send(WsCommand::Send(json!({"op": 0, "s": seq, "t": name, "d": data})));
    }

    /// Sends op 7 RECONNECT.
    pub fn reconnect(&self) {
        self.send(WsCommand::Send(json!({"op": 7, "d": null})));
    }

    /// Drops the socket without a close frame.
    pub fn drop_socket(&self) {
        self.send(WsCommand::Drop);
    }

    /// Closes the socket with `code`.
    pub fn close(&self, code: u16) {
        self.send(WsCommand::Close(code));
    }

    /// A fresh interaction id.
    pub fn next_id(&self) -> String {
        self.next_id.fetch_add(1, Ordering::SeqCst).to_string()
    }

    /// Injects an interaction and waits for its callback; returns the callback body.
    pub async fn interact(&self, interaction: Value) -> Value {
        let id = interaction["id"].as_str().expect("interaction id").to_string();
        self.dispatch("INTERACTION_CREATE", interaction);
        let prefix = format!("/api/v10/interactions/{id}/");
        self.wait_request(&format!("callback of interaction {id}"), |r| {
            r.path.starts_with(&prefix)
        })
        .await
        .body
    }

    /// The ws:// URL of the gateway.
    pub fn ws_url(&self) -> String {
        self.state.ws_url.lock().unwrap().clone()
    }
}

// ---------------------------------------------------------------- REST

async fn serve_http(stream: TcpStream, state: Arc<State>) {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await.unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or("").to_string();
        let target = parts.next().unwrap_or("").to_string();
        let mut length = 0usize;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).await.unwrap_or(0) == 0 {
                return;
            }
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap_or(0);
                }
            }
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        let path = target.split('?').next().unwrap_or("").to_string();
        let body = serde_json::from_slice(&body).unwrap_or(Value::Null);
        let recorded = Recorded { method, path, body };
        let (status, response) = route(&state, &recorded);
        state.requests.lock().unwrap().push(recorded);
        let reason = match status {
            200 => "OK",
            204 => "No Content",
            404 => "Not Found",
            429 => "Too Many Requests",
            _ => "Internal Server Error",
        };
        let body = response.map(|v| v.to_string()).unwrap_or_default();
        let mut head = format!("HTTP/1.1 {status} {reason}\r\nContent-Length: {}\r\n", body.len());
        if !body.is_empty() {
            head.push_str("Content-Type: application/json\r\n");
        }
        if status == 429 {
            head.push_str("Retry-After: 1\r\n");
        }
        head.push_str("\r\n");
        if write.write_all(head.as_bytes()).await.is_err() || write.write_all(body.as_bytes()).await.is_err()
        {
            return;
        }
    }
}

fn route(state: &State, r: &Recorded) -> (u16, Option<Value>) {
    let segments: Vec<&str> = r.path.trim_start_matches("/api/v10/").split('/').collect();
    match (r.method.as_str(), segments.as_slice()) {
        ("GET", ["gateway"]) => (200, Some(json!({"url": state.ws_url.lock().unwrap().clone()}))),
        ("PUT", ["applications", app, "commands"])
        | ("PUT", ["applications", app, "guilds", _, "commands"])
            if *app == APP_ID =>
        {
            let echoed: Vec<Value> = r
                .body
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, mut c)| {
                    c["id"] = json!(format!("55500000000000000{i}"));
                    c["application_id"] = json!(APP_ID);
                    c["version"] = json!("1");
                    if c.get("type").is_none() {
                        c["type"] = json!(1);
                    }
                    c
                })
                .collect();
            (200, Some(Value::Array(echoed)))
        }
        ("POST", ["interactions", _, _, "callback"]) => {
            match state.callback_failures.lock().unwrap().pop_front() {
                Some(429) => (
                    429,
                    Some(
                        json!({"code": 0, "message": "You are being rate limited.", "retry_after": 0.3, "global": false}),
                    ),
                ),
                Some(status) => (
                    status,
                    Some(json!({"code": 0, "message": "500: Internal Server Error"})),
                ),
                None => (204, None),
            }
        }
        ("PATCH", ["webhooks", app, _, "messages", "@original"]) | ("POST", ["webhooks", app, _])
            if *app == APP_ID =>
        {
            (200, Some(message_json("2")))
        }
        _ => {
            state.unexpected.lock().unwrap().push(r.clone());
            (404, Some(json!({"code": 0, "message": "unexpected request"})))
        }
    }
}

// ---------------------------------------------------------------- gateway

async fn serve_gateway(stream: TcpStream, state: Arc<State>) {
    let Ok(mut ws) = tokio_tungstenite::accept_async(stream).await else {
        return;
    };
    let (tx, mut rx) = mpsc::unbounded_channel();
    *state.gateway.lock().unwrap() = Some(tx);
    let log = |e: &str| state.gateway_log.lock().unwrap().push(e.to_string());
    let hello = json!({"op": 10, "d": {"heartbeat_interval": 41250}});
    if ws.send(Message::Text(hello.to_string())).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            frame = ws.next() => {
                let Some(Ok(frame)) = frame else { log("closed"); return };
                let Message::Text(text) = frame else { continue };
                let Ok(payload) = serde_json::from_str::<Value>(&text) else { continue };
                let reply = match payload["op"].as_u64() {
                    Some(1) => { log("heartbeat"); Some(json!({"op": 11})) }
                    Some(2) => {
                        log("identify");
                        let close = *state.close_on_identify.lock().unwrap();
                        if let Some(code) = close {
                            let frame = CloseFrame { code: CloseCode::from(code), reason: "Authentication failed.".into() };
                            let _ = ws.send(Message::Close(Some(frame))).await;
                            log("closed");
                            return;
                        }
                        log("ready");
                        let seq = state.seq.fetch_add(1, Ordering::SeqCst) + 1;
                        let ws_url = state.ws_url.lock().unwrap().clone();
                        Some(json!({"op": 0, "s": seq, "t": "READY", "d": ready_payload(&ws_url)}))
                    }
                    Some(6) => {
                        log("resume");
                        let seq = state.seq.fetch_add(1, Ordering::SeqCst) + 1;
                        Some(json!({"op": 0, "s": seq, "t": "RESUMED", "d": {}}))
                    }
                    _ => None,
                };
                if let Some(reply) = reply {
                    if ws.send(Message::Text(reply.to_string())).await.is_err() { return; }
                }
            }
            command = rx.recv() => match command {
                Some(WsCommand::Send(value)) => {
                    if ws.send(Message::Text(value.to_string())).await.is_err() { return; }
                }
                Some(WsCommand::Close(code)) => {
                    let frame = CloseFrame { code: CloseCode::from(code), reason: "closed by test".into() };
                    let _ = ws.send(Message::Close(Some(frame))).await;
                    log("closed");
                    return;
                }
                Some(WsCommand::Drop) | None => { log("dropped"); return; }
            }
        }
    }
}
