//! Channel rules: a channel removed or added, its address and parameters, its delivery kind, the
//! Kafka partitions that order its messages, and the messages it carries.

use serde_json::Value;

use super::{Grade, Judge, operations, pair, shown};
use crate::breaking_rule;
use crate::lint::convention::{CHANNEL_KIND, SHARD_KEY};
use crate::model::{Channel, ChannelParameter};

/// The extension that declares a channel's (or an operation's) message set closed: receivers
/// reject message types they do not know, so a new one breaks them.
pub(super) const CLOSED_MESSAGE_SET: &str = "x-closed-message-set";

breaking_rule! {
    /// ## What it does
    /// Reports a channel of the old revision that the new one no longer has (paired by address,
    /// then by channel id, then by an operation id the two share).
    ///
    /// ## Why is this bad?
    /// Producers still publish to the channel's address and consumers still listen on it: once
    /// the service stops, whatever flowed through it is lost or piles up unread.
    ///
    /// ## Example
    /// ```yaml
    /// channels:
    ///   ticketEvents:                 # removed in the new revision
    ///     address: net.chrisrichardson.ftgo.kitchenservice.domain.Ticket
    /// ```
    /// Keep the channel, deprecate it in the description, and remove it in a new major version
    /// once no counterpart uses it.
    pub CHANNEL_REMOVED = "asyncapi-channel-removed", formats: [Asyncapi],
    categories: ["CHANNEL"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Notes a channel the new revision has and the old one did not.
    ///
    /// ## Why is this bad?
    /// It is not: a new channel is an addition, which needs a new minor version.
    ///
    /// ## Example
    /// A new `deliveryEvents` channel with a `send` operation.
    pub CHANNEL_ADDED = "asyncapi-channel-added", formats: [Asyncapi],
    categories: ["CHANNEL", "ADDITION"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a channel whose address (the topic, queue or routing key) changed, and changes to
    /// the parameters of an address template: a parameter removed, added or renamed, its location
    /// changed, or values removed from its `enum` (new values are an addition).
    ///
    /// ## Why is this bad?
    /// Producers and consumers meet on the address. Whoever still uses the old one no longer
    /// meets the other side: messages are published where nobody listens.
    ///
    /// ## Example
    /// ```yaml
    /// kitchenServiceCommands:
    ///   address: kitchenService       # was kitchenServiceCommands
    /// ```
    /// Publish to both addresses during a migration, or release the change as a new major
    /// version together with every counterpart.
    pub CHANNEL_ADDRESS_CHANGED = "asyncapi-channel-address-changed", formats: [Asyncapi],
    categories: ["CHANNEL"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a channel whose `x-channel-kind` (FTGO convention, `docs/conventions.md`) changed
    /// between `point-to-point` and `publish-subscribe`.
    ///
    /// ## Why is this bad?
    /// The kind says who gets a message. On a point-to-point channel one receiving service
    /// handles each message; on a publish-subscribe channel every subscriber gets every message.
    /// Turning a command channel into publish-subscribe lets a second subscriber handle the same
    /// command again (a payment authorized twice); turning it back makes subscribers compete for
    /// messages they each expected to see.
    ///
    /// ## Example
    /// ```yaml
    /// accountingService:
    ///   x-channel-kind: publish-subscribe    # was point-to-point
    /// ```
    /// Keep commands on a point-to-point channel and publish an event on a publish-subscribe
    /// channel for the services that want to observe them.
    pub CHANNEL_KIND_CHANGED = "asyncapi-channel-kind-changed", formats: [Asyncapi],
    categories: ["CHANNEL", "SEMANTICS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the Kafka channel binding's `partitions`. It is an error when the
    /// channel's messages are ordered by key (a message declares `x-shard-key` or a Kafka `key`),
    /// a warning otherwise.
    ///
    /// ## Why is this bad?
    /// Kafka keeps the order of messages only within a partition, and picks the partition from
    /// the key modulo the partition count. Changing the count moves keys to other partitions:
    /// for a while, messages of one aggregate are consumed out of order.
    ///
    /// ## Example
    /// ```yaml
    /// bindings:
    ///   kafka:
    ///     partitions: 12              # was 6
    /// ```
    /// Create a new topic with the new partition count and migrate consumers to it.
    pub KAFKA_PARTITIONS_CHANGED = "asyncapi-kafka-partitions-changed", formats: [Asyncapi],
    categories: ["CHANNEL", "BINDINGS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a message type removed from a channel, or from an operation while its channel
    /// still carries it (messages pair by name).
    ///
    /// ## Why is this bad?
    /// If the service received it, senders still send it and it is no longer handled; if the
    /// service sent it, its consumers wait for messages that never come (a saga waiting for a
    /// reply blocks).
    ///
    /// ## Example
    /// ```yaml
    /// messages:
    ///   TicketCancelled: {$ref: '#/components/messages/TicketCancelled'}   # removed
    /// ```
    /// Keep the message until no counterpart depends on it, then remove it in a new major version.
    pub MESSAGE_REMOVED = "asyncapi-message-removed", formats: [Asyncapi],
    categories: ["MESSAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Notes a message type added to a channel or an operation.
    ///
    /// - When the service **receives** it, it is an addition (info, minor).
    /// - When the service **sends** it, the channel's receivers were written without it. A
    ///   receiver of an *open* message set skips types it does not know (the FTGO convention:
    ///   "subscribers that do not know it ignore it"): a warning, minor. A receiver of a
    ///   *closed* set rejects unknown types, which breaks it: an error, major. A message set is
    ///   closed when the channel or the sending operation says `x-closed-message-set: true` in
    ///   either revision.
    ///
    /// ## Why is this bad?
    /// Consumers generated from a closed set (a sealed type, a `oneOf` deserializer) fail on a
    /// message type they have never seen, and a consumer that fails on a message stops its
    /// partition.
    ///
    /// ## Example
    /// ```yaml
    /// ticketEvents:
    ///   x-closed-message-set: true
    ///   messages:
    ///     TicketRevised: {$ref: '#/components/messages/TicketRevised'}   # new
    /// ```
    /// Publish the new type on a new channel, or upgrade the consumers first.
    pub MESSAGE_ADDED = "asyncapi-message-added", formats: [Asyncapi],
    categories: ["MESSAGE", "ADDITION"], default: true, severity: Info, bump: Minor
}

/// Judges every channel pair, then the operations of each.
pub(super) fn judge(j: &mut Judge, pairs: &[(Option<usize>, Option<usize>)]) {
    let (old_c, new_c) = (j.old, j.new);
    for &(o, n) in pairs {
        match (o.map(|i| &old_c.channels[i]), n.map(|i| &new_c.channels[i])) {
            (Some(o), None) => {
                let msg = format!(
                    "channel `{}` ({}) was removed: producers and consumers that still use it no longer meet. Keep it, deprecated, until no counterpart uses it, and remove it in a new major version",
                    o.id,
                    address_of(o)
                );
                let at = j.new_document();
                j.report(
                    &CHANNEL_REMOVED,
                    Grade::Breaking,
                    Some(o.span),
                    Some(at),
                    msg,
                );
            }
            (None, Some(n)) => {
                let msg = format!("channel `{}` ({}) was added", n.id, address_of(n));
                j.report(&CHANNEL_ADDED, Grade::Addition, None, Some(n.span), msg);
            }
            (Some(o), Some(n)) => {
                channel_pair(j, o, n);
                operations::judge(j, o, n);
            }
            (None, None) => {}
        }
    }
}

fn address_of(c: &Channel) -> String {
    match &c.address {
        Some(a) => format!("address `{a}`"),
        None => "address known only at run time".to_string(),
    }
}

fn channel_pair(j: &mut Judge, o: &Channel, n: &Channel) {
    if o.address != n.address {
        let msg = format!(
            "the address of channel `{}` changed from {} to {}: producers and consumers still on the old address no longer meet the other side. Keep the old address, or move every counterpart in the same major release",
            n.id,
            shown(o.address.as_deref()),
            shown(n.address.as_deref())
        );
        j.report(
            &CHANNEL_ADDRESS_CHANGED,
            Grade::Breaking,
            Some(o.span),
            Some(n.span),
            msg,
        );
    }
    parameters(j, o, n);
    if o.description != n.description {
        let msg = format!("the description of channel `{}` changed", n.id);
        j.report(
            &super::messages::DESCRIPTION_CHANGED,
            Grade::Docs,
            Some(o.span),
            Some(n.span),
            msg,
        );
    }
    let kind = |c: &Channel| {
        c.extensions
            .get(CHANNEL_KIND)
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    if let (Some(ok), Some(nk)) = (kind(o), kind(n))
        && ok != nk
    {
        let why = if nk == "publish-subscribe" {
            "every subscriber of a publish-subscribe channel gets every message, so a message meant for one receiver may be handled more than once"
        } else {
            "on a point-to-point channel receivers compete for messages, so a subscriber that expected every message now sees only some"
        };
        let msg = format!(
            "channel `{}` changed from {ok} to {nk}: {why}. Keep the channel's kind, and add a channel of the other kind for the new use",
            n.id
        );
        j.report(
            &CHANNEL_KIND_CHANGED,
            Grade::Breaking,
            Some(o.span),
            Some(n.span),
            msg,
        );
    }
    let partitions = |c: &Channel| {
        c.bindings
            .get("kafka")
            .and_then(|k| k.get("partitions"))
            .cloned()
    };
    let (op, np) = (partitions(o), partitions(n));
    if op != np {
        let keyed = n
            .messages
            .iter()
            .filter_map(|&m| j.new.messages.get(m))
            .any(|m| {
                m.extensions.contains_key(SHARD_KEY)
                    || m.key_schema.is_some()
                    || m.bindings
                        .get("kafka")
                        .is_some_and(|k| k.get("key").is_some())
            });
        let grade = if keyed {
            Grade::Breaking
        } else {
            Grade::Warning
        };
        let show = |v: &Option<Value>| {
            v.as_ref()
                .map(|v| v.to_string())
                .unwrap_or_else(|| "unset".to_string())
        };
        let msg = format!(
            "the Kafka partitions of channel `{}` changed from {} to {}: keys move to other partitions, so messages of one key are consumed out of order while the old ones drain. Create a new topic instead",
            n.id,
            show(&op),
            show(&np)
        );
        j.report(
            &KAFKA_PARTITIONS_CHANGED,
            grade,
            Some(o.span),
            Some(n.span),
            msg,
        );
    }
    messages_of_channel(j, o, n);
}

fn parameters(j: &mut Judge, o: &Channel, n: &Channel) {
    let find = |c: &'_ Channel, name: &str| c.parameters.iter().find(|p| p.name == name).cloned();
    for op in &o.parameters {
        let Some(np) = find(n, &op.name) else {
            let msg = format!(
                "parameter `{}` was removed from the address of channel `{}`: the addresses it produced are no longer used. Keep the parameter, or move every counterpart in the same major release",
                op.name, n.id
            );
            j.report(
                &CHANNEL_ADDRESS_CHANGED,
                Grade::Breaking,
                Some(op.span),
                Some(n.span),
                msg,
            );
            continue;
        };
        parameter_pair(j, n, op, &np);
    }
    for np in &n.parameters {
        if find(o, &np.name).is_none() {
            let msg = format!(
                "parameter `{}` was added to the address of channel `{}`: counterparts built on the old address template no longer produce the same addresses",
                np.name, n.id
            );
            j.report(
                &CHANNEL_ADDRESS_CHANGED,
                Grade::Breaking,
                Some(o.span),
                Some(np.span),
                msg,
            );
        }
    }
}

fn parameter_pair(j: &mut Judge, n: &Channel, op: &ChannelParameter, np: &ChannelParameter) {
    if op.location != np.location {
        let msg = format!(
            "the location of parameter `{}` of channel `{}` changed from {} to {}: the address is computed from another field",
            np.name,
            n.id,
            shown(op.location.as_deref()),
            shown(np.location.as_deref())
        );
        j.report(
            &CHANNEL_ADDRESS_CHANGED,
            Grade::Breaking,
            Some(op.span),
            Some(np.span),
            msg,
        );
    }
    match (&op.enum_values, &np.enum_values) {
        (Some(ov), Some(nv)) => {
            let removed: Vec<String> = ov
                .iter()
                .filter(|v| !nv.contains(v))
                .map(|v| v.to_string())
                .collect();
            let added: Vec<String> = nv
                .iter()
                .filter(|v| !ov.contains(v))
                .map(|v| v.to_string())
                .collect();
            if !removed.is_empty() {
                let msg = format!(
                    "values {} of parameter `{}` of channel `{}` were removed: the addresses they made are no longer used, and counterparts on them no longer meet",
                    removed.join(", "),
                    np.name,
                    n.id
                );
                j.report(
                    &CHANNEL_ADDRESS_CHANGED,
                    Grade::Breaking,
                    Some(op.span),
                    Some(np.span),
                    msg,
                );
            }
            if !added.is_empty() {
                let msg = format!(
                    "values {} were added to parameter `{}` of channel `{}`",
                    added.join(", "),
                    np.name,
                    n.id
                );
                j.report(
                    &CHANNEL_ADDRESS_CHANGED,
                    Grade::Addition,
                    Some(op.span),
                    Some(np.span),
                    msg,
                );
            }
        }
        (None, Some(_)) => {
            let msg = format!(
                "parameter `{}` of channel `{}` is now limited to an `enum`: addresses outside it are no longer used",
                np.name, n.id
            );
            j.report(
                &CHANNEL_ADDRESS_CHANGED,
                Grade::Breaking,
                Some(op.span),
                Some(np.span),
                msg,
            );
        }
        (Some(_), None) => {
            let msg = format!(
                "parameter `{}` of channel `{}` is no longer limited to an `enum`",
                np.name, n.id
            );
            j.report(
                &CHANNEL_ADDRESS_CHANGED,
                Grade::Addition,
                Some(op.span),
                Some(np.span),
                msg,
            );
        }
        (None, None) => {}
    }
}

/// True when receivers of the channel reject message types they do not know.
pub(super) fn closed(o: &Channel, n: &Channel) -> bool {
    let flag = |ext: &indexmap::IndexMap<String, Value>| {
        ext.get(CLOSED_MESSAGE_SET).and_then(Value::as_bool) == Some(true)
    };
    flag(&o.extensions)
        || flag(&n.extensions)
        || o.operations
            .iter()
            .chain(&n.operations)
            .any(|op| op.action == crate::model::Action::Send && flag(&op.extensions))
}

/// The grade of a message type that is new on a channel: an addition for what the service
/// receives; for what it sends, a warning for an open set and a break for a closed one.
pub(super) fn added_grade(sent: bool, closed: bool) -> Grade {
    match (sent, closed) {
        (false, _) => Grade::Addition,
        (true, false) => Grade::Warning,
        (true, true) => Grade::Breaking,
    }
}

fn messages_of_channel(j: &mut Judge, o: &Channel, n: &Channel) {
    let old_keys = pair::by_key(j.old, &o.messages);
    let new_keys = pair::by_key(j.new, &n.messages);
    let new_dirs = pair::directions(j.new);
    for (key, &oi) in &old_keys {
        if !new_keys.contains_key(key) {
            let m = &j.old.messages[oi];
            let msg = format!(
                "message `{}` was removed from channel `{}`: its senders still send it and its receivers still wait for it. Keep it until no counterpart uses it, then remove it in a new major version",
                m.name.as_deref().unwrap_or(&m.id),
                n.id
            );
            j.report(
                &MESSAGE_REMOVED,
                Grade::Breaking,
                Some(m.span),
                Some(n.span),
                msg,
            );
        }
    }
    let closed = closed(o, n);
    for (key, &ni) in &new_keys {
        if old_keys.contains_key(key) {
            continue;
        }
        let m = &j.new.messages[ni];
        let sent = new_dirs.get(key).is_some_and(|d| d.sent);
        let grade = added_grade(sent, closed);
        let name = m.name.as_deref().unwrap_or(&m.id);
        let msg = match grade {
            Grade::Breaking => format!(
                "message `{name}` was added to channel `{}`, whose message set is closed: its receivers reject a type they do not know. Publish it on a new channel, or upgrade the receivers first",
                n.id
            ),
            Grade::Warning => format!(
                "message `{name}` was added to channel `{}`: receivers written without it must skip types they do not know",
                n.id
            ),
            _ => format!("message `{name}` was added to channel `{}`", n.id),
        };
        j.report(&MESSAGE_ADDED, grade, Some(o.span), Some(m.span), msg);
    }
}
