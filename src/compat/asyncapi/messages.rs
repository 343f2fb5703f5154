//! Message rules: what a message says about itself beyond its schemas. Content type,
//! correlation id, the Kafka key, the FTGO convention's message kind, shard key and message id,
//! and documentation. Each message pair is judged once, however many channels carry it.

use std::collections::HashSet;

use serde_json::Value;

use super::{Grade, Judge, pair, payload, shown};
use crate::breaking_rule;
use crate::lint::convention::{MESSAGE_ID, MESSAGE_KIND, SHARD_KEY};
use crate::model::{Direction, Message, SchemaArena, SchemaId};

breaking_rule! {
    /// ## What it does
    /// Reports a message whose content type changed (its own `contentType`, or the document's
    /// `defaultContentType` it inherits).
    ///
    /// ## Why is this bad?
    /// The content type says how the bytes are encoded. A consumer that decodes JSON fails on
    /// Avro or protobuf bytes, even when the schema is the same.
    ///
    /// ## Example
    /// ```yaml
    /// contentType: application/vnd.apache.avro+binary   # was application/json
    /// ```
    /// Publish the new encoding on a new channel, or as a new message type.
    pub CONTENT_TYPE_CHANGED = "asyncapi-content-type-changed", formats: [Asyncapi],
    categories: ["MESSAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a message whose correlation id moved (its runtime expression changed) or was
    /// removed. A correlation id added where there was none is an addition.
    ///
    /// ## Why is this bad?
    /// Requesters match replies to requests (and sagas their steps) by the correlation id.
    /// When it is read from another field, or no longer sent, replies match nothing and the
    /// requester waits forever.
    ///
    /// ## Example
    /// ```yaml
    /// correlationId:
    ///   location: '$message.header#/correlationId'    # was $message.header#/command_saga_id
    /// ```
    /// Keep the field the correlation id is read from; send both during a migration.
    pub CORRELATION_ID_CHANGED = "asyncapi-correlation-id-changed", formats: [Asyncapi],
    categories: ["MESSAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of a message's Kafka key (the `key` of its Kafka message binding): the
    /// key schema changed in what it accepts, or the key was removed. A key added where there
    /// was none is a warning.
    ///
    /// ## Why is this bad?
    /// The key picks the partition, and Kafka orders messages only within a partition. A key of
    /// another type or shape hashes differently: messages of one aggregate are spread across
    /// partitions and consumed out of order, and consumers that read the key fail to decode it.
    ///
    /// ## Example
    /// ```yaml
    /// bindings:
    ///   kafka:
    ///     key: {type: integer}        # was {type: string}
    /// ```
    /// Keep the key as it was; publish a re-keyed stream on a new topic.
    pub KAFKA_KEY_CHANGED = "asyncapi-kafka-key-changed", formats: [Asyncapi],
    categories: ["MESSAGE", "BINDINGS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a message whose `x-message-kind` (FTGO convention) changed, e.g. from `command`
    /// to `event`.
    ///
    /// ## Why is this bad?
    /// A command asks one service to act and expects a reply; an event reports what happened to
    /// any subscriber and expects none. Counterparts are built around the kind: a saga waits
    /// for a reply that an event never gets, an event handler is now asked to act.
    ///
    /// ## Example
    /// ```yaml
    /// CreateTicket:
    ///   x-message-kind: event         # was command
    /// ```
    /// Add a new message of the new kind (`TicketCreated`) and keep the old one.
    pub MESSAGE_KIND_CHANGED = "asyncapi-message-kind-changed", formats: [Asyncapi],
    categories: ["MESSAGE", "SEMANTICS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a message whose `x-shard-key` (FTGO convention: the field whose value picks the
    /// partition) changed or was removed. A shard key added where there was none is an addition.
    ///
    /// ## Why is this bad?
    /// Events of one aggregate stay in order only when they share a partition, which the shard
    /// key decides. A different key groups other messages together: per-aggregate ordering is
    /// lost, and consumers that rely on it (state machines, projections) apply events out of
    /// order.
    ///
    /// ## Example
    /// ```yaml
    /// ConsumerCreated:
    ///   x-shard-key: '$message.header#/PARTITION_ID'   # was $message.header#/event-aggregate-id
    /// ```
    /// Keep the shard key; if it must change, move to a new topic and tell the consumers.
    pub SHARD_KEY_CHANGED = "asyncapi-shard-key-changed", formats: [Asyncapi],
    categories: ["MESSAGE", "SEMANTICS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a message that no longer carries the field its `x-message-id` (FTGO convention)
    /// named: the extension was removed or now names another field, or the header it names was
    /// removed from the headers schema.
    ///
    /// ## Why is this bad?
    /// Consumers de-duplicate by the message id (an idempotent consumer records the ids it has
    /// handled). Without it, or with another field in its place, redelivered messages are
    /// handled again: a payment authorized twice.
    ///
    /// ## Example
    /// ```yaml
    /// headers:
    ///   required: [command_type]      # `ID` removed, while x-message-id is $message.header#/ID
    /// ```
    /// Keep the message id header on every message.
    pub MESSAGE_ID_HEADER_REMOVED = "asyncapi-message-id-header-removed", formats: [Asyncapi],
    categories: ["MESSAGE", "SEMANTICS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Notes a change of documentation: the description of a channel, the summary of an
    /// operation, the title, summary or description of a message.
    ///
    /// ## Why is this bad?
    /// It is not; documentation changes need a new patch version.
    ///
    /// ## Example
    /// ```yaml
    /// description: Published when a restaurant revises its menu. It carries the whole new menu.
    /// ```
    pub DESCRIPTION_CHANGED = "asyncapi-description-changed", formats: [Asyncapi],
    categories: ["DOCUMENTATION"], default: true, severity: Info, bump: Patch
}

/// Judges every message pair of the contract (paired by name).
pub(super) fn judge(j: &mut Judge) {
    let old_dirs = pair::directions(j.old);
    let new_dirs = pair::directions(j.new);
    let mut done = HashSet::new();
    for (ni, nm) in j.new.messages.iter().enumerate() {
        let Some(oi) = j.old.messages.iter().position(|o| o.key == nm.key) else {
            continue;
        };
        if !done.insert(&nm.key) {
            continue;
        }
        let om = &j.old.messages[oi];
        let dirs = old_dirs
            .get(&om.key)
            .copied()
            .unwrap_or_default()
            .union(new_dirs.get(&nm.key).copied().unwrap_or_default());
        message_pair(j, om, nm);
        payload::judge(j, oi, ni, dirs);
    }
}

fn name(m: &Message) -> &str {
    m.name.as_deref().unwrap_or(&m.id)
}

fn ext<'m>(m: &'m Message, key: &str) -> Option<&'m str> {
    m.extensions.get(key).and_then(Value::as_str)
}

fn message_pair(j: &mut Judge, o: &Message, n: &Message) {
    let (os, ns) = (Some(o.span), Some(n.span));
    if o.title != n.title || o.summary != n.summary || o.description != n.description {
        let msg = format!(
            "the documentation (title, summary or description) of message `{}` changed",
            name(n)
        );
        j.report(&DESCRIPTION_CHANGED, Grade::Docs, os, ns, msg);
    }
    if o.content_type != n.content_type {
        let msg = format!(
            "the content type of message `{}` changed from {} to {}: consumers decode the bytes the old way and fail. Publish the new encoding as a new message or on a new channel",
            name(n),
            shown(o.content_type.as_deref()),
            shown(n.content_type.as_deref())
        );
        j.report(&CONTENT_TYPE_CHANGED, Grade::Breaking, os, ns, msg);
    }
    match (&o.correlation_id, &n.correlation_id) {
        (Some(a), Some(b)) if a != b => {
            let msg = format!(
                "the correlation id of message `{}` moved from `{a}` to `{b}`: replies no longer match their requests. Keep the field the correlation id is read from",
                name(n)
            );
            j.report(&CORRELATION_ID_CHANGED, Grade::Breaking, os, ns, msg);
        }
        (Some(a), None) => {
            let msg = format!(
                "the correlation id (`{a}`) of message `{}` was removed: replies no longer match their requests. Keep it",
                name(n)
            );
            j.report(&CORRELATION_ID_CHANGED, Grade::Breaking, os, ns, msg);
        }
        (None, Some(b)) => {
            let msg = format!(
                "message `{}` now declares a correlation id (`{b}`)",
                name(n)
            );
            j.report(&CORRELATION_ID_CHANGED, Grade::Addition, os, ns, msg);
        }
        _ => {}
    }
    kafka_key(j, o, n);
    if let (Some(a), Some(b)) = (ext(o, MESSAGE_KIND), ext(n, MESSAGE_KIND))
        && a != b
    {
        let msg = format!(
            "message `{}` changed kind from {a} to {b}: counterparts built for a {a} (who handles it, whether a reply follows) now get a {b}. Add a new {b} message and keep the {a}",
            name(n)
        );
        j.report(&MESSAGE_KIND_CHANGED, Grade::Breaking, os, ns, msg);
    }
    match (ext(o, SHARD_KEY), ext(n, SHARD_KEY)) {
        (Some(a), Some(b)) if a != b => {
            let msg = format!(
                "the shard key of message `{}` changed from `{a}` to `{b}`: messages are partitioned by another field, so per-aggregate ordering is lost. Keep the shard key, or move to a new topic",
                name(n)
            );
            j.report(&SHARD_KEY_CHANGED, Grade::Breaking, os, ns, msg);
        }
        (Some(a), None) => {
            let msg = format!(
                "the shard key (`{a}`) of message `{}` was removed: nothing promises per-aggregate ordering any more. Keep it",
                name(n)
            );
            j.report(&SHARD_KEY_CHANGED, Grade::Breaking, os, ns, msg);
        }
        (None, Some(b)) => {
            let msg = format!("message `{}` now declares a shard key (`{b}`)", name(n));
            j.report(&SHARD_KEY_CHANGED, Grade::Addition, os, ns, msg);
        }
        _ => {}
    }
    message_id(j, o, n);
}

fn kafka_key(j: &mut Judge, o: &Message, n: &Message) {
    let raw = |m: &Message| m.bindings.get("kafka").and_then(|k| k.get("key")).cloned();
    let (ok, nk) = (raw(o), raw(n));
    let (os, ns) = (Some(o.span), Some(n.span));
    match (&ok, &nk) {
        (Some(_), None) => {
            let msg = format!(
                "the Kafka key of message `{}` was removed: messages are no longer partitioned by it, so their order is lost. Keep the key",
                name(n)
            );
            j.report(&KAFKA_KEY_CHANGED, Grade::Breaking, os, ns, msg);
        }
        (None, Some(_)) => {
            let msg = format!(
                "message `{}` now has a Kafka key: its messages move to the partitions of their keys, so consumers see old and new ones out of order for a while",
                name(n)
            );
            j.report(&KAFKA_KEY_CHANGED, Grade::Warning, os, ns, msg);
        }
        (Some(a), Some(b)) => {
            let changed = match (o.key_schema, n.key_schema) {
                // Compared for what they accept, so a description or a `$ref` to the same
                // schema is no change.
                (Some(x), Some(y)) => {
                    let root = j.engine.compare(x, y, Direction::ProviderWrites);
                    !j.engine.is_equivalent(root)
                }
                _ => strip_docs(a) != strip_docs(b),
            };
            if changed {
                let msg = format!(
                    "the Kafka key of message `{}` changed from {} to {}: keys hash to other partitions and consumers decode them the old way. Keep the key; publish a re-keyed stream on a new topic",
                    name(n),
                    strip_docs(a),
                    strip_docs(b)
                );
                j.report(&KAFKA_KEY_CHANGED, Grade::Breaking, os, ns, msg);
            }
        }
        (None, None) => {}
    }
}

/// A raw schema without the keywords that only document it.
fn strip_docs(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| {
                    !matches!(
                        k.as_str(),
                        "description" | "title" | "examples" | "example" | "doc"
                    )
                })
                .map(|(k, v)| (k.clone(), strip_docs(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip_docs).collect()),
        _ => v.clone(),
    }
}

fn message_id(j: &mut Judge, o: &Message, n: &Message) {
    let Some(old_expr) = ext(o, MESSAGE_ID) else {
        return;
    };
    let (os, ns) = (Some(o.span), Some(n.span));
    let problem = match ext(n, MESSAGE_ID) {
        None => Some(format!("its `{MESSAGE_ID}` (`{old_expr}`) was removed")),
        Some(new_expr) if new_expr != old_expr => Some(format!(
            "its `{MESSAGE_ID}` changed from `{old_expr}` to `{new_expr}`"
        )),
        Some(_) => match old_expr.strip_prefix("$message.header#/") {
            Some(header) => {
                let had = o
                    .headers
                    .is_some_and(|h| has_property(&j.old.schemas, h, header));
                let has = n
                    .headers
                    .is_some_and(|h| has_property(&j.new.schemas, h, header));
                (had && !has)
                    .then(|| format!("the header `{header}` its `{MESSAGE_ID}` names was removed"))
            }
            None => None,
        },
    };
    if let Some(problem) = problem {
        let msg = format!(
            "message `{}` no longer carries its message id: {problem}. Consumers de-duplicate by it, so redelivered messages are handled twice. Keep the message id field",
            name(n)
        );
        j.report(&MESSAGE_ID_HEADER_REMOVED, Grade::Breaking, os, ns, msg);
    }
}

/// True when the (object) schema lists the property, through `$ref`s and `allOf`.
fn has_property(arena: &SchemaArena, id: SchemaId, name: &str) -> bool {
    let mut stack = vec![id];
    let mut seen = HashSet::new();
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        let s = arena.get(id);
        if s.properties.contains_key(name) {
            return true;
        }
        stack.extend(s.reference);
        stack.extend(s.all_of.iter().copied());
    }
    false
}
