//! Every payload the fake sends must deserialize into serenity's types: a payload missing a
//! field would silently become an unknown event and the e2e tests would only time out.

use serde_json::{json, Value};
use serenity::model::event::{Event, GatewayEvent};

use crate::discord_server::{self, APP_ID};

fn dispatch(name: &str, data: Value) -> Event {
    let frame = json!({"op": 0, "s": 1, "t": name, "d": data});
    match serde_json::from_value::<GatewayEvent>(frame).expect("gateway event") {
        GatewayEvent::Dispatch(_, event) => event,
        other => panic!("not a dispatch: {other:?}"),
    }
}

#[test]
fn ready_and_resumed_deserialize() {
    assert!(matches!(
        dispatch("READY", discord_server::ready_payload("ws://127.0.0.1:1")),
        Event::Ready(_)
    ));
    assert!(matches!(dispatch("RESUMED", json!({})), Event::Resumed(_)));
    for op in [
        json!({"op": 11}),
        json!({"op": 7, "d": null}),
        json!({"op": 10, "d": {"heartbeat_interval": 41250}}),
    ] {
        serde_json::from_value::<GatewayEvent>(op).expect("op frame");
    }
}

#[test]
fn interactions_deserialize_as_interactions() {
    let payloads = [
        discord_server::command("1", "stat", &[("topic", "x")], "32"),
        discord_server::autocomplete("2", "stat", "topic", "sh"),
        discord_server::button("3", "sources:1:"),
    ];
    for payload in payloads {
        let event = dispatch("INTERACTION_CREATE", payload.clone());
        assert!(matches!(event, Event::InteractionCreate(_)), "{payload:#}");
    }
}

#[test]
fn rest_answers_deserialize() {
    serde_json::from_value::<serenity::model::channel::Message>(discord_server::message_json("2"))
        .expect("message");
    let command = json!({"id": "555000000000000000", "application_id": APP_ID, "version": "1", "type": 1,
                         "name": "help", "description": "d", "options": []});
    serde_json::from_value::<serenity::model::application::Command>(command).expect("command");
}

/// The HTTP interactions endpoint will parse raw JSON with `Request::from_json`; it must read
/// every payload exactly as the gateway path (serenity's types) does.
#[test]
fn raw_json_and_serenity_paths_read_the_same_request() {
    use factbot::discord::{Caller, Request};
    let caller = Caller {
        user_id: 600000000000000001,
        user_name: "alice".to_string(),
        guild_id: Some(800000000000000001),
        permissions: Some(32),
        roles: Vec::new(),
    };
    let command = discord_server::command("1", "stat", &[("topic", "short @everyone")], "32");
    assert_eq!(
        Request::from_json(&command),
        Some(Request::Command {
            name: "stat".to_string(),
            options: vec![("topic".to_string(), "short @everyone".to_string())],
            caller: caller.clone(),
        })
    );
    assert_eq!(
        Request::from_json(&discord_server::autocomplete("2", "stat", "topic", "sh")),
        Some(Request::Autocomplete {
            command: "stat".to_string(),
            option: "topic".to_string(),
            typed: "sh".to_string(),
        })
    );
    let button = Request::from_json(&discord_server::button("3", "sources:1:"));
    assert!(matches!(button, Some(Request::Button { custom_id, .. }) if custom_id == "sources:1:"));
    assert_eq!(Request::from_json(&json!({"type": 1})), None);
    // A button on a message posted by an interaction knows whose it is.
    let mut owned = discord_server::button("4", "sources:1:");
    owned["message"]["interaction_metadata"] = json!({
        "id": "700000000000000001", "type": 2,
        "user": {"id": "600000000000000099", "username": "asker"},
        "authorizing_integration_owners": {"0": "800000000000000001"}
    });
    assert!(matches!(
        Request::from_json(&owned),
        Some(Request::Button {
            message_owner: Some(600000000000000099),
            ..
        })
    ));

    for payload in [
        command,
        discord_server::autocomplete("2", "stat", "topic", "sh"),
        discord_server::button("3", "sources:1:"),
        owned,
    ] {
        let interaction: serenity::model::application::Interaction =
            serde_json::from_value(payload.clone()).expect("serenity interaction");
        assert_eq!(
            factbot::discord::to_request(&interaction),
            Request::from_json(&payload)
        );
    }
}
