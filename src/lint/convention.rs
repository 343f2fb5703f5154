//! The FTGO channel-semantics convention: what AsyncAPI itself cannot say about a channel and
//! its messages, written as `x-` extensions and checked here (the convention is described in
//! `docs/conventions.md`).
//!
//! - `x-channel-kind` on a channel: `point-to-point` (commands and replies: exactly one service
//!   receives) or `publish-subscribe` (events: any number of services subscribe).
//! - `x-message-kind` on a message: `command`, `event`, `reply` or `document`.
//! - `x-shard-key` on a message: a runtime expression naming the field that orders and
//!   partitions the messages (`$message.header#/PARTITION_ID`, `$message.payload#/orderId`).
//!   Every event needs one: consumers rely on the events of one aggregate arriving in order.
//! - `x-message-id` on a message: the runtime expression of the field that identifies the
//!   message for de-duplication (`$message.header#/ID`).
//!
//! The rules read only the loaded model; extensions are kept as JSON on channels and messages.
//! Findings point at the channel, message or operation, where `x-treaty-ignore` silences them.

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use crate::formats::tree::unescape_pointer_token;
use crate::lint::{LintCx, LintRule, Sink};
use crate::lint_rule;
use crate::model::{Action, Contract, ContractKind, Message, Payload, SchemaArena, SchemaId};
use crate::source::Span;

/// The convention rules, in registry order.
pub static RULES: &[&LintRule] = &[
    &UNKNOWN_CHANNEL_KIND,
    &UNKNOWN_MESSAGE_KIND,
    &COMMAND_SINGLE_RECEIVER,
    &EVENT_SHARD_KEY,
    &SHARD_KEY_FIELD,
];

/// The extension naming a channel's kind, and its values.
pub const CHANNEL_KIND: &str = "x-channel-kind";
pub const CHANNEL_KINDS: &[&str] = &["point-to-point", "publish-subscribe"];
/// The extension naming a message's kind, and its values.
pub const MESSAGE_KIND: &str = "x-message-kind";
pub const MESSAGE_KINDS: &[&str] = &["command", "event", "reply", "document"];
pub const SHARD_KEY: &str = "x-shard-key";
pub const MESSAGE_ID: &str = "x-message-id";

lint_rule! {
    /// ## What it does
    /// Checks that `x-channel-kind` on a channel is `point-to-point` or `publish-subscribe`.
    ///
    /// ## Why is this bad?
    /// The channel kind says how many services may receive from the channel, which the
    /// convention's other rules (and readers) rely on. A misspelt kind (`p2p`, `pubsub`) or a
    /// value that is not a string silently turns those checks off.
    ///
    /// ## Example
    /// ```yaml
    /// channels:
    ///   kitchenService:
    ///     address: kitchenService
    ///     x-channel-kind: queue        # not a kind
    /// ```
    /// Use instead: `x-channel-kind: point-to-point`.
    pub UNKNOWN_CHANNEL_KIND = "convention-unknown-channel-kind", formats: [Asyncapi],
    categories: ["CONVENTION"], default: true, severity: Error, check: Contract(unknown_channel_kind)
}

fn unknown_channel_kind(_cx: &LintCx, c: &Contract, sink: &mut Sink) {
    for ch in &c.channels {
        if let Some(v) = ch.extensions.get(CHANNEL_KIND)
            && !is_one_of(v, CHANNEL_KINDS)
        {
            sink.report(
                ch.span,
                format!(
                    "`{CHANNEL_KIND}` of channel `{}` is {}; expected one of {}",
                    ch.id,
                    shown(v),
                    CHANNEL_KINDS.join(", ")
                ),
            );
        }
    }
}

lint_rule! {
    /// ## What it does
    /// Checks that `x-message-kind` on a message is `command`, `event`, `reply` or `document`.
    ///
    /// ## Why is this bad?
    /// The message kind decides which rules apply (an event needs a shard key) and tells readers
    /// whether the message asks for something, reports something, or answers. A misspelt kind or
    /// a value that is not a string silently turns those checks off.
    ///
    /// ## Example
    /// ```yaml
    /// components:
    ///   messages:
    ///     OrderCreated:
    ///       x-message-kind: events     # not a kind
    /// ```
    /// Use instead: `x-message-kind: event`.
    pub UNKNOWN_MESSAGE_KIND = "convention-unknown-message-kind", formats: [Asyncapi],
    categories: ["CONVENTION"], default: true, severity: Error, check: Contract(unknown_message_kind)
}

fn unknown_message_kind(_cx: &LintCx, c: &Contract, sink: &mut Sink) {
    for m in &c.messages {
        if let Some(v) = m.extensions.get(MESSAGE_KIND)
            && !is_one_of(v, MESSAGE_KINDS)
        {
            sink.report(
                m.span,
                format!(
                    "`{MESSAGE_KIND}` of message `{}` is {}; expected one of {}",
                    m.id,
                    shown(v),
                    MESSAGE_KINDS.join(", ")
                ),
            );
        }
    }
}

lint_rule! {
    /// ## What it does
    /// Across all AsyncAPI contracts of the workspace, checks that a `point-to-point` channel
    /// (matched by address) has exactly one receiving service. Every receiving operation of a
    /// second or further service is reported; when no service receives, every operation that
    /// sends to the channel is.
    ///
    /// A service receives on a channel with a `receive` operation, or with the `reply` of a
    /// `send` operation (the sender receives the reply); a `receive` operation's reply is a send.
    /// Channels whose address is `null` or has a `{parameter}` are only known at run time and are
    /// not matched across services.
    ///
    /// ## Why is this bad?
    /// A point-to-point channel carries commands (or replies) to one service, the channel's
    /// owner. When two services consume it, each command is handled by whichever instance reads
    /// it first (or, with separate consumer groups, by both): commands get lost or executed
    /// twice. When none does, every command sent to it is lost. Only the workspace as a whole
    /// shows this, as each service's contract on its own looks fine.
    ///
    /// ## Example
    /// ```yaml
    /// # kitchen/asyncapi.yaml
    /// operations:
    ///   handleKitchenCommands:
    ///     action: receive
    ///     channel: {$ref: '#/channels/kitchenServiceCommands'}   # x-channel-kind: point-to-point
    /// # delivery/asyncapi.yaml
    /// operations:
    ///   peekKitchenCommands:
    ///     action: receive                                         # a second receiver
    ///     channel: {$ref: '#/channels/kitchenServiceCommands'}
    /// ```
    /// Use instead: have the owner publish an event on a `publish-subscribe` channel that the
    /// other service subscribes to.
    pub COMMAND_SINGLE_RECEIVER = "convention-command-single-receiver", formats: [Asyncapi],
    categories: ["CONVENTION"], default: true, severity: Error, check: Workspace(command_single_receiver)
}

/// The address, unless it is known only at run time (null, or with a `{parameter}`): such
/// channels are not matched across services.
fn fixed(address: Option<&str>) -> Option<&str> {
    address.filter(|a| !a.contains('{'))
}

/// One end of a point-to-point channel: the operation (or reply) that sends or receives.
struct End<'c> {
    contract: &'c Contract,
    service: String,
    span: Span,
    operation: &'c str,
}

fn command_single_receiver(cx: &LintCx, sink: &mut Sink) {
    let contracts: Vec<&Contract> = cx
        .workspace
        .contracts
        .iter()
        .filter(|c| c.kind == ContractKind::Asyncapi)
        .collect();
    // A channel is point-to-point when any contract that describes it says so.
    let point_to_point: HashSet<&str> = contracts
        .iter()
        .flat_map(|c| &c.channels)
        .filter(|ch| {
            ch.extensions.get(CHANNEL_KIND).and_then(Value::as_str) == Some("point-to-point")
        })
        .filter_map(|ch| fixed(ch.address.as_deref()))
        .collect();
    // address → (receiving ends, sending ends), in workspace order.
    let mut ends: BTreeMap<&str, (Vec<End>, Vec<End>)> = BTreeMap::new();
    for c in &contracts {
        let service = c.service.clone().unwrap_or_else(|| c.name.clone());
        for ch in &c.channels {
            for op in &ch.operations {
                let end = |span| End {
                    contract: c,
                    service: service.clone(),
                    span,
                    operation: op.id.as_str(),
                };
                if let Some(address) = fixed(ch.address.as_deref())
                    && point_to_point.contains(address)
                {
                    let (receivers, senders) = ends.entry(address).or_default();
                    match op.action {
                        Action::Receive => receivers.push(end(op.span)),
                        Action::Send => senders.push(end(op.span)),
                    }
                }
                if let Some(reply) = &op.reply
                    && let Some(address) = fixed(reply.channel_address.as_deref())
                    && point_to_point.contains(address)
                {
                    let (receivers, senders) = ends.entry(address).or_default();
                    match op.action {
                        Action::Send => receivers.push(end(reply.span)),
                        Action::Receive => senders.push(end(reply.span)),
                    }
                }
            }
        }
    }
    for (address, (receivers, senders)) in &ends {
        let Some(owner) = receivers.first().map(|r| r.service.as_str()) else {
            for s in senders {
                sink.report_in(
                    s.contract,
                    s.span,
                    format!(
                        "operation `{}` sends to point-to-point channel `{address}`, but no service in the workspace receives from it",
                        s.operation
                    ),
                );
            }
            continue;
        };
        for r in receivers.iter().filter(|r| r.service != owner) {
            sink.report_in(
                r.contract,
                r.span,
                format!(
                    "operation `{}` of service `{}` receives from point-to-point channel `{address}`, which service `{owner}` already receives from",
                    r.operation, r.service
                ),
            );
        }
    }
}

lint_rule! {
    /// ## What it does
    /// Checks that every message with `x-message-kind: event` has an `x-shard-key`.
    ///
    /// ## Why is this bad?
    /// Events of one aggregate must be consumed in the order they happened; the broker keeps
    /// that order only within a partition, and the shard key is what picks the partition. An
    /// event without a declared shard key leaves producers free to partition it any way, and
    /// consumers exposed to reordered events.
    ///
    /// ## Example
    /// ```yaml
    /// OrderCreated:
    ///   x-message-kind: event        # no x-shard-key
    ///   payload: {$ref: '#/components/schemas/OrderCreated'}
    /// ```
    /// Use instead: add `x-shard-key: '$message.header#/PARTITION_ID'`.
    pub EVENT_SHARD_KEY = "convention-event-shard-key", formats: [Asyncapi],
    categories: ["CONVENTION"], default: true, severity: Error, check: Contract(event_shard_key)
}

fn event_shard_key(_cx: &LintCx, c: &Contract, sink: &mut Sink) {
    for m in &c.messages {
        let is_event = m.extensions.get(MESSAGE_KIND).and_then(Value::as_str) == Some("event");
        if is_event && !m.extensions.contains_key(SHARD_KEY) {
            sink.report(m.span, format!("event `{}` has no `{SHARD_KEY}`", m.id));
        }
    }
}

lint_rule! {
    /// ## What it does
    /// Checks that the runtime expressions in `x-shard-key` and `x-message-id` name a field of
    /// the message: `$message.header#/NAME` a property of the header schema,
    /// `$message.payload#/a/b` a (nested) property of the payload schema. `$ref`s and `allOf`
    /// are followed.
    ///
    /// ## Why is this bad?
    /// The expression is what producers and consumers evaluate to partition and to de-duplicate
    /// messages. Naming a field the message does not have (a typo, a renamed property, `header`
    /// where the field is in the payload) evaluates to nothing at run time: every message lands
    /// in one partition, or none is recognised as a duplicate.
    ///
    /// Payloads in another schema language (Avro, protobuf) are not checked.
    ///
    /// ## Example
    /// ```yaml
    /// OrderCreated:
    ///   x-shard-key: '$message.payload#/orderID'    # the payload property is `orderId`
    ///   payload:
    ///     type: object
    ///     properties:
    ///       orderId: {type: integer}
    /// ```
    /// Use instead: `x-shard-key: '$message.payload#/orderId'`.
    pub SHARD_KEY_FIELD = "convention-shard-key-field", formats: [Asyncapi],
    categories: ["CONVENTION"], default: true, severity: Error, check: Contract(shard_key_field)
}

fn shard_key_field(_cx: &LintCx, c: &Contract, sink: &mut Sink) {
    for m in &c.messages {
        for ext in [SHARD_KEY, MESSAGE_ID] {
            let Some(v) = m.extensions.get(ext) else {
                continue;
            };
            if let Some(problem) = expression_problem(&c.schemas, m, v) {
                sink.report(m.span, format!("`{ext}` of message `{}`: {problem}", m.id));
            }
        }
    }
}

/// Why a runtime expression names no field of the message, or `None` when it does (or cannot be
/// checked because the schema is not JSON Schema).
fn expression_problem(arena: &SchemaArena, m: &Message, v: &Value) -> Option<String> {
    let Some(text) = v.as_str() else {
        return Some(format!(
            "expected a runtime expression string; found {}",
            shown(v)
        ));
    };
    let (source, fragment) = match text.split_once('#') {
        Some((s, f)) => (s, f),
        None => (text, ""),
    };
    let (part, schema) = match source {
        "$message.header" => ("header", m.headers),
        "$message.payload" => match &m.payload {
            Payload::Schema(id) => ("payload", Some(*id)),
            Payload::Other { .. } => return None,
            Payload::None => ("payload", None),
        },
        _ => {
            return Some(format!(
                "`{text}` is not a runtime expression of the form `$message.header#/NAME` or `$message.payload#/path`"
            ));
        }
    };
    let Some(tokens) = fragment
        .strip_prefix('/')
        .map(|f| f.split('/').map(unescape_pointer_token).collect::<Vec<_>>())
    else {
        return Some(format!(
            "`{text}` names the whole {part}, not a field of it"
        ));
    };
    let Some(schema) = schema else {
        return Some(format!(
            "`{text}` names a {part} field, but the message has no {part} schema"
        ));
    };
    if has_field(arena, schema, &tokens, &mut HashSet::new()) {
        None
    } else {
        Some(format!(
            "`{text}` names no field of the message's {part} schema"
        ))
    }
}

/// True when `path` names a (nested) property of the schema, through `$ref`s and `allOf`.
fn has_field(
    arena: &SchemaArena,
    id: SchemaId,
    path: &[String],
    seen: &mut HashSet<(SchemaId, usize)>,
) -> bool {
    let Some((first, rest)) = path.split_first() else {
        return true;
    };
    if !seen.insert((id, path.len())) {
        return false;
    }
    let s = arena.get(id);
    if let Some(&child) = s.properties.get(first)
        && has_field(arena, child, rest, seen)
    {
        return true;
    }
    s.reference
        .iter()
        .chain(&s.all_of)
        .any(|&other| has_field(arena, other, path, seen))
}

fn is_one_of(v: &Value, allowed: &[&str]) -> bool {
    v.as_str().is_some_and(|s| allowed.contains(&s))
}

/// A JSON value for a message: strings in backquotes, other values by type.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => format!("`{s}`"),
        Value::Null => "null".to_string(),
        Value::Bool(_) => "a boolean".to_string(),
        Value::Number(_) => "a number".to_string(),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "a mapping".to_string(),
    }
}
