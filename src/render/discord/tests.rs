//! Limits enforced by [`DiscordMessage::fit`].

use super::*;

fn chars(s: &Option<String>) -> usize {
    s.as_ref().map_or(0, |t| t.chars().count())
}

#[test]
fn buttons_are_validated_and_packed_five_by_five() {
    let mut buttons = vec![
        Button::link("no url", "javascript:alert(1)"),
        Button::action("", "empty-label", false),
        Button::action("too long id", &"x".repeat(101), false),
    ];
    buttons
        .extend((0..40).map(|i| Button::link(&format!("{i} {}", "l".repeat(100)), "https://example.test")));
    let message = DiscordMessage {
        components: vec![ActionRow::new(buttons)],
        ..DiscordMessage::embed(Embed::default())
    }
    .fit();
    assert_eq!(message.components.len(), limits::ROWS);
    for row in &message.components {
        assert_eq!(row.components.len(), limits::BUTTONS_PER_ROW);
        for b in &row.components {
            assert!(b.label.chars().count() <= limits::BUTTON_LABEL);
            assert_eq!(b.url.as_deref(), Some("https://example.test"));
            assert!(b.custom_id.is_none());
        }
    }
}

#[test]
fn embeds_are_cut_to_every_limit_and_6000_in_all() {
    let field = EmbedField {
        name: "n".repeat(300),
        value: "v ".repeat(700),
        inline: false,
    };
    let embed = Embed {
        title: Some("t ".repeat(200)),
        description: Some("Word. ".repeat(1000)),
        fields: vec![field; 30],
        footer: Some(EmbedFooter {
            text: "f ".repeat(1100),
        }),
        ..Embed::default()
    };
    let message = DiscordMessage {
        content: Some("c ".repeat(1500)),
        embeds: vec![embed; 12],
        ..DiscordMessage::default()
    }
    .fit();
    assert!(chars(&message.content) <= limits::CONTENT);
    assert!(message.embeds.len() <= limits::EMBEDS);
    let mut total = 0;
    for e in &message.embeds {
        assert!(chars(&e.title) <= limits::TITLE);
        assert!(chars(&e.description) <= limits::DESCRIPTION);
        assert!(e.fields.len() <= limits::FIELDS);
        for f in &e.fields {
            assert!(f.name.chars().count() <= limits::FIELD_NAME);
            assert!(f.value.chars().count() <= limits::FIELD_VALUE);
        }
        assert!(e.footer.as_ref().map_or(0, |f| f.text.chars().count()) <= limits::FOOTER);
        total += embed_chars(e);
    }
    assert!(total <= limits::EMBED_TOTAL, "{total}");
}

#[test]
fn an_empty_message_is_never_sent_and_mentions_are_always_off() {
    let message = DiscordMessage::default().fit();
    assert!(message.content.is_some());
    let json = serde_json::to_value(&message).expect("json");
    assert_eq!(json["allowed_mentions"], serde_json::json!({"parse": []}));
    assert!(json.get("flags").is_none());
    let ephemeral = serde_json::to_value(DiscordMessage::default().ephemeral()).expect("json");
    assert_eq!(ephemeral["flags"], 64);
}
