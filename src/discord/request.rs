//! What the handlers take and return, as plain data. The gateway adapter converts serenity's
//! interactions into a [`Request`]; an HTTP interactions endpoint can build the same from the
//! JSON Discord posts, and send the same [`Response`] back.

use serde_json::Value;

use crate::render::discord::DiscordMessage;

/// The permission bit for Manage Server.
pub const MANAGE_GUILD: u64 = 1 << 5;
/// The permission bit for Administrator, which implies every other.
pub const ADMINISTRATOR: u64 = 1 << 3;

/// The option under which a message command passes the target message's text.
pub const MESSAGE_OPTION: &str = "message";

/// The text of a message for a message command: its content, else its first embed's title
/// and description (bot answers are all embed).
pub fn message_text(content: &str, title: Option<&str>, description: Option<&str>) -> String {
    if !content.trim().is_empty() {
        return content.to_string();
    }
    [title, description]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n")
}

/// Who sent an interaction, and where.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caller {
    /// User id.
    pub user_id: u64,
    /// User name, for messages such as "a reload started by …".
    pub user_name: String,
    /// Guild, `None` in direct messages.
    pub guild_id: Option<u64>,
    /// The member's resolved permissions in the channel (guild only).
    pub permissions: Option<u64>,
    /// The member's role ids (guild only).
    pub roles: Vec<u64>,
}

impl Caller {
    /// The caller of an interaction JSON: `member.user` in a guild, `user` in a DM.
    fn from_json(interaction: &Value) -> Self {
        let member = &interaction["member"];
        let user = if member["user"].is_object() {
            &member["user"]
        } else {
            &interaction["user"]
        };
        let id = |v: &Value| v.as_str().and_then(|s| s.parse::<u64>().ok());
        Caller {
            user_id: id(&user["id"]).unwrap_or(0),
            user_name: user["global_name"]
                .as_str()
                .or_else(|| user["username"].as_str())
                .unwrap_or("")
                .to_string(),
            guild_id: id(&interaction["guild_id"]),
            permissions: id(&member["permissions"]),
            roles: member["roles"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(id)
                .collect(),
        }
    }
}

/// One incoming interaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// A slash command with its string, integer and boolean options (a subcommand is named
    /// `group sub`, e.g. `kb status`, with its own options), or a message command with
    /// [`MESSAGE_OPTION`].
    Command {
        /// Command name, e.g. `stat`.
        name: String,
        /// Options by name; integers are given as text.
        options: Vec<(String, String)>,
        /// Who asked.
        caller: Caller,
    },
    /// Autocomplete for the focused option of a command.
    Autocomplete {
        /// Command name.
        command: String,
        /// Focused option's name.
        option: String,
        /// What has been typed so far.
        typed: String,
    },
    /// A button press.
    Button {
        /// The button's custom id.
        custom_id: String,
        /// Who pressed it.
        caller: Caller,
        /// The title of the first embed of the message the button is on (answers put the
        /// query there, so buttons need not carry it).
        message_title: Option<String>,
        /// True when that message is ephemeral (a private answer keeps its Share button).
        message_private: bool,
        /// The user whose command (or Share press) posted that message, when Discord says:
        /// More and Back edit a public answer only for them.
        message_owner: Option<u64>,
    },
}

impl Request {
    /// Parses the interaction JSON Discord sends (gateway `INTERACTION_CREATE` data, or the
    /// body of an HTTP interactions endpoint call). `None` for kinds the bot does not serve
    /// (PING is answered by the endpoint itself).
    pub fn from_json(interaction: &Value) -> Option<Self> {
        let data = &interaction["data"];
        let text = |v: &Value| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        };
        let mut options = data["options"].as_array().map(Vec::as_slice).unwrap_or_default();
        match interaction["type"].as_u64()? {
            // A message context-menu command: its one "option" is the message's text.
            2 if data["type"].as_u64() == Some(3) => {
                let target = data["target_id"].as_str()?;
                let message = &data["resolved"]["messages"][target];
                let embed = &message["embeds"][0];
                Some(Request::Command {
                    name: data["name"].as_str()?.to_string(),
                    options: vec![(
                        MESSAGE_OPTION.to_string(),
                        message_text(
                            message["content"].as_str().unwrap_or(""),
                            embed["title"].as_str(),
                            embed["description"].as_str(),
                        ),
                    )],
                    caller: Caller::from_json(interaction),
                })
            }
            2 => Some(Request::Command {
                name: {
                    let mut name = data["name"].as_str()?.to_string();
                    // A subcommand (option type 1) becomes `kb status` with its own options.
                    if let Some(sub) = options.first().filter(|o| o["type"].as_u64() == Some(1)) {
                        name = format!("{name} {}", sub["name"].as_str()?);
                        options = sub["options"].as_array().map(Vec::as_slice).unwrap_or_default();
                    }
                    name
                },
                options: options
                    .iter()
                    .filter_map(|o| Some((o["name"].as_str()?.to_string(), text(&o["value"])?)))
                    .collect(),
                caller: Caller::from_json(interaction),
            }),
            4 => {
                let focused = options.iter().find(|o| o["focused"] == Value::Bool(true));
                Some(Request::Autocomplete {
                    command: data["name"].as_str()?.to_string(),
                    option: focused.and_then(|o| o["name"].as_str()).unwrap_or("").to_string(),
                    typed: focused.and_then(|o| text(&o["value"])).unwrap_or_default(),
                })
            }
            3 => Some(Request::Button {
                custom_id: data["custom_id"].as_str()?.to_string(),
                caller: Caller::from_json(interaction),
                message_title: interaction["message"]["embeds"][0]["title"]
                    .as_str()
                    .map(str::to_string),
                message_private: interaction["message"]["flags"]
                    .as_u64()
                    .is_some_and(|f| f & crate::render::discord::EPHEMERAL != 0),
                message_owner: interaction["message"]["interaction_metadata"]["user"]["id"]
                    .as_str()
                    .and_then(|s| s.parse().ok()),
            }),
            _ => None,
        }
    }

    /// The command name (or `button`), for logs.
    pub fn label(&self) -> &str {
        match self {
            Request::Command { name, .. } => name,
            Request::Autocomplete { .. } => "autocomplete",
            Request::Button { .. } => "button",
        }
    }

    /// An option's value by name.
    pub fn option(&self, name: &str) -> Option<&str> {
        match self {
            Request::Command { options, .. } => {
                options.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
            }
            _ => None,
        }
    }

    /// The caller, when the interaction has one that matters.
    pub fn caller(&self) -> Option<&Caller> {
        match self {
            Request::Command { caller, .. } | Request::Button { caller, .. } => Some(caller),
            Request::Autocomplete { .. } => None,
        }
    }
}

/// What to answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    /// A new message (callback type 4, or the edit of a deferred reply).
    Message(DiscordMessage),
    /// Replace the message the button was on (callback type 7).
    Update(DiscordMessage),
    /// Autocomplete choices, `(name, value)` (callback type 8).
    Choices(Vec<(String, String)>),
    /// Replace the message the button was on, then post `public` in the channel as a
    /// follow-up (the Share button).
    Share {
        /// The new body of the message the button was on.
        update: DiscordMessage,
        /// The message everyone sees.
        public: DiscordMessage,
    },
}

/// A response plus what the operator log line needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Handled {
    /// What to send.
    pub response: Response,
    /// Facts (or entries) returned, for the log.
    pub facts: usize,
    /// Short outcome for the log: `answered`, `no_answer`, `refused`, `error`, ….
    pub outcome: &'static str,
}

impl Handled {
    /// A message response.
    pub fn message(message: DiscordMessage, facts: usize, outcome: &'static str) -> Self {
        Self {
            response: Response::Message(message),
            facts,
            outcome,
        }
    }
}

/// Whether and how to acknowledge before the handler has finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deferral {
    /// Answer directly if the handler is quick, else defer publicly.
    IfSlow,
    /// Defer at once, visible to everyone (the work is known to be slow).
    Public,
    /// Defer at once, visible to the caller only.
    Ephemeral,
    /// Answer directly if the handler is quick, else defer visible to the caller only.
    IfSlowPrivate,
    /// Never defer (autocomplete and button updates cannot be deferred the same way).
    Never,
}
