//! What generated messaging code shares: writing headers, duplicate detection, replies.
//!
//! A generated publisher or client writes each message with the headers its contract fixes; a
//! generated dispatcher reads a [`crate::messaging::Subscription`], recognises each message's
//! type by its type header, decodes it and calls the matching method of a handler trait, and for
//! a command sends the handler's reply back. The per-contract part (which types, which methods,
//! which header values) is generated; the part that is the same for every contract is here:
//!
//! * [`outgoing`]: a message's headers as the contract fixes them, plus defaults and the
//!   partition key; [`partition_key`] reads the key from the payload where the contract says so.
//! * [`Deduplicator`]: brokers deliver at least once, so a dispatcher skips a message whose `ID`
//!   it has handled before (*Microservices Patterns* 3.3.6). Like [`crate::messaging::Idempotent`],
//!   it remembers an id only once its handler succeeded, and forgets the oldest ids first; unlike
//!   it, it is shared by reference (`&self`), so a dispatcher's futures stay `Send`.
//! * [`reply_to`]: addresses a reply to the command it answers, as the FTGO platform (Eventuate
//!   Tram) does: [`crate::messaging::address_reply`], plus each `command_X` header of the
//!   command echoed as `commandreply_X` (a saga finds its instance by `commandreply_saga_id`).
//! * [`Dispatched`]: what a dispatcher did with one message.

use std::collections::{HashSet, VecDeque};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::messaging::{address_reply, Headers, MessageHeaders, RawMessage};
use crate::Error;

/// What a dispatcher did with one message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Dispatched {
    /// The handler processed it.
    Handled,
    /// The handler processed a command and its reply was sent to `channel`.
    Replied {
        /// The reply channel (the command's `command_reply_to`).
        channel: String,
    },
    /// A message with the same `ID` was handled before: skipped.
    Duplicate,
    /// The message's type is not one the handler handles: skipped, as FTGO's consumers skip
    /// message types they do not know.
    Ignored {
        /// The message's type header, if it has one.
        message_type: Option<String>,
    },
}

/// The ids of the messages handled, bounded, behind a lock.
#[derive(Debug)]
pub struct Deduplicator {
    capacity: usize,
    state: Mutex<Seen>,
}

#[derive(Debug, Default)]
struct Seen {
    ids: HashSet<String>,
    order: VecDeque<String>,
}

impl Default for Deduplicator {
    fn default() -> Self {
        Deduplicator::new()
    }
}

impl Deduplicator {
    /// Remembers the last 10 000 message ids.
    pub fn new() -> Self {
        Deduplicator::with_capacity(10_000)
    }

    /// Remembers the last `capacity` message ids (at least 1).
    pub fn with_capacity(capacity: usize) -> Self {
        Deduplicator {
            capacity: capacity.max(1),
            state: Mutex::new(Seen::default()),
        }
    }

    /// Whether a message with the id of `msg` was handled. A message without an `ID` header is
    /// never a duplicate: nothing identifies it.
    pub fn is_duplicate(&self, msg: &RawMessage) -> bool {
        msg.message_id()
            .is_some_and(|id| self.lock().ids.contains(id))
    }

    /// Records that `msg` was handled.
    pub fn remember(&self, msg: &RawMessage) {
        let Some(id) = msg.message_id() else {
            return;
        };
        let mut seen = self.lock();
        if seen.ids.contains(id) {
            return;
        }
        if seen.order.len() >= self.capacity {
            if let Some(oldest) = seen.order.pop_front() {
                seen.ids.remove(&oldest);
            }
        }
        seen.ids.insert(id.to_string());
        seen.order.push_back(id.to_string());
    }

    fn lock(&self) -> MutexGuard<'_, Seen> {
        // Every change under the lock is an insert or a remove of one id.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The prefix of command headers that a reply echoes.
const COMMAND_PREFIX: &str = "command_";
/// The prefix the echoed headers get in the reply.
const ECHO_PREFIX: &str = "commandreply_";

/// Addresses `reply` to `command`: the channel to send it to and the reply with
/// `reply_to_message_id`, `ID` and `correlation_id` set by [`address_reply`], and every
/// `command_X` header of the command copied as `commandreply_X` unless the reply sets it.
pub fn reply_to(
    command: &RawMessage,
    mut reply: RawMessage,
) -> Result<(String, RawMessage), Error> {
    for (name, value) in &command.headers {
        if let Some(rest) = name.strip_prefix(COMMAND_PREFIX) {
            reply
                .headers
                .entry(format!("{ECHO_PREFIX}{rest}"))
                .or_insert_with(|| value.clone());
        }
    }
    address_reply(command, reply)
}

/// The partition key of a message whose contract takes it from the payload
/// (`x-shard-key: '$message.payload#/orderId'`): the value at JSON `pointer` in the body, as text
/// (a string as it is, a number or boolean as JSON writes it).
pub fn partition_key(msg: &RawMessage, pointer: &str) -> Result<String, Error> {
    let body: serde_json::Value = serde_json::from_slice(&msg.payload)
        .map_err(|e| Error::Encode(format!("the payload is not JSON: {e}")))?;
    match body.pointer(pointer) {
        Some(serde_json::Value::String(s)) => Ok(s.clone()),
        Some(v @ (serde_json::Value::Number(_) | serde_json::Value::Bool(_))) => Ok(v.to_string()),
        Some(other) => Err(Error::Encode(format!(
            "the partition key at `{pointer}` of the payload is not a string or number: {other}"
        ))),
        None => Err(Error::Encode(format!(
            "the payload has no `{pointer}`, which the contract names as its partition key"
        ))),
    }
}

/// A message on its way out, as generated publishers and clients write it: each of `defaults`
/// added where the message has no header of that name, then the headers the contract `fixed`
/// set (replacing any the message had), then, with a partition key, the key set in each of
/// `key_headers`.
pub fn outgoing(
    mut msg: RawMessage,
    defaults: &Headers,
    fixed: &[(&str, &str)],
    key: Option<(&str, &[&str])>,
) -> RawMessage {
    for (name, value) in defaults {
        msg.headers
            .entry(name.clone())
            .or_insert_with(|| value.clone());
    }
    for (name, value) in fixed {
        msg.headers.insert(name.to_string(), value.to_string());
    }
    if let Some((key, headers)) = key {
        for name in headers {
            msg.headers.insert(name.to_string(), key.to_string());
        }
    }
    msg
}
