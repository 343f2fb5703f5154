//! Operation rules: an operation removed or added, its action flipped, the messages it sends or
//! receives, and its reply (channel, address, message types).

use super::{Grade, Judge, channels, pair, shown};
use crate::breaking_rule;
use crate::model::{Action, Channel, ChannelOperation, Reply};

breaking_rule! {
    /// ## What it does
    /// Reports an operation of a channel that the new revision no longer has (operations pair
    /// by id, then by action).
    ///
    /// ## Why is this bad?
    /// A `receive` operation removed means the messages senders still publish are no longer
    /// handled; a `send` operation removed means consumers wait for messages that never come.
    ///
    /// ## Example
    /// ```yaml
    /// operations:
    ///   handleRestaurantEvents:       # removed
    ///     action: receive
    /// ```
    /// Keep the operation until no counterpart depends on it, then remove it in a new major version.
    pub OPERATION_REMOVED = "asyncapi-operation-removed", formats: [Asyncapi],
    categories: ["OPERATION"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Notes an operation the new revision has and the old one did not.
    ///
    /// ## Why is this bad?
    /// It is not: a new operation is an addition, which needs a new minor version.
    ///
    /// ## Example
    /// A new `publishTicketEvents` operation with `action: send`.
    pub OPERATION_ADDED = "asyncapi-operation-added", formats: [Asyncapi],
    categories: ["OPERATION", "ADDITION"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports an operation whose action changed between `send` and `receive` (in 2.x terms,
    /// `subscribe` and `publish`), seen from the application.
    ///
    /// ## Why is this bad?
    /// The service stopped doing what its counterparts rely on: where it sent, consumers no
    /// longer get messages; where it received, producers' messages are no longer handled. A 2.x
    /// document that swaps `publish` and `subscribe` by mistake shows up here.
    ///
    /// ## Example
    /// ```yaml
    /// publishTicketEvents:
    ///   action: receive               # was send
    /// ```
    /// Add an operation for the new direction instead of turning the old one around.
    pub OPERATION_ACTION_CHANGED = "asyncapi-operation-action-changed", formats: [Asyncapi],
    categories: ["OPERATION"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of an operation's reply (AsyncAPI 3.0 request/reply): the reply removed,
    /// its channel's address or its runtime `address` expression changed, or a reply message type
    /// removed. A new reply message type is reported as `asyncapi-message-added`.
    ///
    /// ## Why is this bad?
    /// The requester waits for the reply where and as the contract said: a saga waiting for
    /// `CreateTicketReply` on its reply channel blocks when the reply goes elsewhere, under
    /// another type, or not at all.
    ///
    /// ## Example
    /// ```yaml
    /// reply:
    ///   address:
    ///     location: '$message.header#/replyTo'    # was $message.header#/command_reply_to
    /// ```
    /// Keep the reply as it was; add a new operation for a new reply protocol.
    pub REPLY_CHANGED = "asyncapi-reply-changed", formats: [Asyncapi],
    categories: ["OPERATION"], default: true, severity: Error, bump: Major
}

/// Judges the operations of a channel pair.
pub(super) fn judge(j: &mut Judge, o: &Channel, n: &Channel) {
    for (oi, ni) in pair::operations(o, n) {
        match (oi.map(|i| &o.operations[i]), ni.map(|i| &n.operations[i])) {
            (Some(oo), None) => {
                let msg = format!(
                    "operation `{}` ({} on channel `{}`) was removed: {}. Keep it until no counterpart depends on it, then remove it in a new major version",
                    oo.id,
                    oo.action.as_str(),
                    n.id,
                    match oo.action {
                        Action::Send => "consumers wait for messages that no longer come",
                        Action::Receive => "what producers still send is no longer handled",
                    }
                );
                j.report(
                    &OPERATION_REMOVED,
                    Grade::Breaking,
                    Some(oo.span),
                    Some(n.span),
                    msg,
                );
            }
            (None, Some(no)) => {
                let msg = format!(
                    "operation `{}` ({} on channel `{}`) was added",
                    no.id,
                    no.action.as_str(),
                    n.id
                );
                j.report(
                    &OPERATION_ADDED,
                    Grade::Addition,
                    Some(o.span),
                    Some(no.span),
                    msg,
                );
            }
            (Some(oo), Some(no)) => operation_pair(j, o, n, oo, no),
            (None, None) => {}
        }
    }
}

fn operation_pair(
    j: &mut Judge,
    oc: &Channel,
    nc: &Channel,
    o: &ChannelOperation,
    n: &ChannelOperation,
) {
    if o.action != n.action {
        let msg = format!(
            "operation `{}` on channel `{}` changed from {} to {}: the service no longer does what its counterparts rely on. Add an operation for the new direction and keep the old one",
            n.id,
            nc.id,
            o.action.as_str(),
            n.action.as_str()
        );
        j.report(
            &OPERATION_ACTION_CHANGED,
            Grade::Breaking,
            Some(o.span),
            Some(n.span),
            msg,
        );
    }
    if o.summary != n.summary {
        let msg = format!("the summary of operation `{}` changed", n.id);
        j.report(
            &super::messages::DESCRIPTION_CHANGED,
            Grade::Docs,
            Some(o.span),
            Some(n.span),
            msg,
        );
    }
    let old_channel = pair::by_key(j.old, &oc.messages);
    let new_channel = pair::by_key(j.new, &nc.messages);
    let old_keys = pair::by_key(j.old, &o.messages);
    let new_keys = pair::by_key(j.new, &n.messages);
    for (key, &mi) in &old_keys {
        // A message gone from the channel is reported once, on the channel.
        if !new_keys.contains_key(key) && new_channel.contains_key(key) {
            let m = &j.old.messages[mi];
            let msg = format!(
                "message `{}` was removed from operation `{}`: {}. Keep it until no counterpart uses it",
                m.name.as_deref().unwrap_or(&m.id),
                n.id,
                match n.action {
                    Action::Send => "the service no longer sends it, and its consumers wait for it",
                    Action::Receive =>
                        "the service no longer handles it, and its senders still send it",
                }
            );
            j.report(
                &channels::MESSAGE_REMOVED,
                Grade::Breaking,
                Some(m.span),
                Some(n.span),
                msg,
            );
        }
    }
    for (key, &mi) in &new_keys {
        // New on the channel too: reported on the channel. Already on the channel: receivers
        // knew the type, so the operation using it is an addition.
        if !old_keys.contains_key(key) && old_channel.contains_key(key) {
            let m = &j.new.messages[mi];
            let msg = format!(
                "message `{}` was added to operation `{}`",
                m.name.as_deref().unwrap_or(&m.id),
                n.id
            );
            j.report(
                &channels::MESSAGE_ADDED,
                Grade::Addition,
                Some(o.span),
                Some(m.span),
                msg,
            );
        }
    }
    reply(j, oc, nc, o, n);
}

fn reply(j: &mut Judge, oc: &Channel, nc: &Channel, o: &ChannelOperation, n: &ChannelOperation) {
    match (&o.reply, &n.reply) {
        (Some(or), None) => {
            let msg = format!(
                "the reply of operation `{}` was removed: requesters waiting for it block. Keep the reply",
                n.id
            );
            j.report(
                &REPLY_CHANGED,
                Grade::Breaking,
                Some(or.span),
                Some(n.span),
                msg,
            );
        }
        (None, Some(nr)) => {
            let msg = format!("operation `{}` now declares a reply", n.id);
            j.report(
                &REPLY_CHANGED,
                Grade::Addition,
                Some(o.span),
                Some(nr.span),
                msg,
            );
        }
        (Some(or), Some(nr)) => reply_pair(j, oc, nc, n, or, nr),
        (None, None) => {}
    }
}

fn reply_pair(
    j: &mut Judge,
    oc: &Channel,
    nc: &Channel,
    n: &ChannelOperation,
    or: &Reply,
    nr: &Reply,
) {
    if or.channel_address != nr.channel_address {
        let msg = format!(
            "the reply channel of operation `{}` changed address from {} to {}: requesters wait for the reply where it no longer comes. Keep the reply channel",
            n.id,
            shown(or.channel_address.as_deref()),
            shown(nr.channel_address.as_deref())
        );
        j.report(
            &REPLY_CHANGED,
            Grade::Breaking,
            Some(or.span),
            Some(nr.span),
            msg,
        );
    }
    if or.address_location != nr.address_location {
        let msg = format!(
            "the reply address of operation `{}` changed from {} to {}: the reply is sent to an address computed from another field. Keep the runtime expression",
            n.id,
            shown(or.address_location.as_deref()),
            shown(nr.address_location.as_deref())
        );
        j.report(
            &REPLY_CHANGED,
            Grade::Breaking,
            Some(or.span),
            Some(nr.span),
            msg,
        );
    }
    let old_keys = pair::by_key(j.old, &or.messages);
    let new_keys = pair::by_key(j.new, &nr.messages);
    for (key, &mi) in &old_keys {
        if !new_keys.contains_key(key) {
            let m = &j.old.messages[mi];
            let msg = format!(
                "reply message `{}` was removed from operation `{}`: a requester waiting for it (a saga step) blocks. Keep the reply type",
                m.name.as_deref().unwrap_or(&m.id),
                n.id
            );
            j.report(
                &REPLY_CHANGED,
                Grade::Breaking,
                Some(m.span),
                Some(nr.span),
                msg,
            );
        }
    }
    // The service sends the replies of what it receives: a new reply type then reaches
    // requesters written without it.
    let sent = n.action == Action::Receive;
    let closed = channels::closed(oc, nc);
    for (key, &mi) in &new_keys {
        if !old_keys.contains_key(key) {
            let m = &j.new.messages[mi];
            let grade = channels::added_grade(sent, closed);
            let msg = if sent {
                format!(
                    "reply message `{}` was added to operation `{}`: requesters written without it must cope with a reply type they do not know",
                    m.name.as_deref().unwrap_or(&m.id),
                    n.id
                )
            } else {
                format!(
                    "reply message `{}` was added to operation `{}`",
                    m.name.as_deref().unwrap_or(&m.id),
                    n.id
                )
            };
            j.report(
                &channels::MESSAGE_ADDED,
                grade,
                Some(or.span),
                Some(m.span),
                msg,
            );
        }
    }
}
