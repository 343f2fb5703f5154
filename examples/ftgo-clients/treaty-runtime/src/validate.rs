//! Checking messages against the JSON Schemas of a contract.
//!
//! A generated crate knows, for every channel of its AsyncAPI contract, which message types go
//! there and the JSON Schema of each one's headers and payload. This module turns that knowledge
//! into [`crate::broker::Validator`]s for the [`InMemoryBroker`], so that a test whose code sends a
//! message the contract does not allow fails at the `send`, with a message that says where:
//!
//! ```text
//! message rejected by the contract of channel `kitchenService`: message CreateTicket
//! (command_type net.chrisrichardson.ftgo.kitchenservice.api.CreateTicket), payload at
//! /ticketDetails/lineItems/0/quantity: "five" is not of type "integer"
//! ```
//!
//! The pieces, from small to large:
//!
//! * [`Schema`]: one compiled JSON Schema (draft 2020-12 unless the schema's `$schema` says
//!   otherwise), validated with the `jsonschema` crate. [`Schema::check`] lists every
//!   [`Violation`] with the JSON pointer of the bad value; [`Schema::payload_validator`] makes a
//!   broker validator of it for a channel that carries one kind of message.
//! * [`MessageContract`]: one message type: the header that names its type and the value it
//!   has, and the schemas of its headers and payload.
//! * [`ChannelContract`]: the message types of one channel, whether the contract's service sends
//!   on it, and whether the set of types is closed.
//! * [`Contract`]: every channel of one or more services' contracts. Contracts of several
//!   services [merge](Contract::merge) into one, which is what a test of several services installs
//!   on its broker: every channel then knows every type any of them declares, and a message is
//!   checked against each declaration of its type, the sender's and the receivers', which is the
//!   point of contract testing.
//!
//! Headers are checked as a JSON object of strings (`{"ID": "...", "command_type": "..."}`),
//! payloads as the JSON the message carries.
//!
//! The module is behind the crate feature `validate`, as the `jsonschema` crate it is built on is
//! the largest dependency of the runtime: a clean debug build of the runtime took 11 s without it
//! and 46 s more with it on a two-core machine (`cargo build` and `cargo build --features
//! validate` in tests/runtime-crate). Generated crates turn it on with their own `validate`
//! feature, which tests enable.
//!
//! Generated HTTP mocks check requests and programmed answers with [`check`], [`check_text`]
//! and [`refused`], which word the violations the same way.
//!
//! A message whose type no installed contract declares on its channel is refused when one of the
//! contracts sends on that channel (the sender's contract lists everything it sends) or marks
//! the channel's message set closed; when only receivers' contracts are installed it passes,
//! since a receiver lists only the types it handles and ignores the others.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde_json::Value;

use crate::broker::{ChannelKind, InMemoryBroker};
use crate::messaging::{MessageHeaders, RawMessage};
use crate::Error;

/// At most this many violations are listed for one message; the rest are counted.
const MAX_LISTED: usize = 5;

/// A compiled JSON Schema. Cloning shares the compiled form.
#[derive(Clone)]
pub struct Schema {
    validator: Arc<jsonschema::Validator>,
}

impl fmt::Debug for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Schema")
            .field("draft", &self.validator.draft())
            .finish()
    }
}

/// One way a value breaks a schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The JSON pointer of the bad value in the checked document (`/lineItems/0/quantity`;
    /// empty for the document itself).
    pub pointer: String,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pointer.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "at {}: {}", self.pointer, self.message)
        }
    }
}

impl Schema {
    /// Compiles `schema`. It must be self-contained: references to other documents are not
    /// fetched. Fails with [`Error::Decode`] when `schema` is not a valid JSON Schema.
    pub fn new(schema: &Value) -> Result<Schema, Error> {
        let validator = jsonschema::options()
            .build(schema)
            .map_err(|e| Error::Decode(format!("invalid JSON Schema: {e}")))?;
        Ok(Schema {
            validator: Arc::new(validator),
        })
    }

    /// Compiles a schema given as JSON text.
    pub fn from_json(text: &str) -> Result<Schema, Error> {
        let schema: Value = serde_json::from_str(text)
            .map_err(|e| Error::Decode(format!("JSON Schema is not JSON: {e}")))?;
        Schema::new(&schema)
    }

    /// Whether `value` satisfies the schema.
    pub fn is_valid(&self, value: &Value) -> bool {
        self.validator.is_valid(value)
    }

    /// Every violation of the schema by `value`, in document order of the bad values.
    pub fn check(&self, value: &Value) -> Result<(), Vec<Violation>> {
        let mut violations: Vec<Violation> = self
            .validator
            .iter_errors(value)
            .map(|e| Violation {
                pointer: e.instance_path().as_str().to_string(),
                message: e.to_string(),
            })
            .collect();
        if violations.is_empty() {
            return Ok(());
        }
        // Stable order whatever the validator's order of keywords: by place, then by text.
        violations.sort_by(|a, b| (&a.pointer, &a.message).cmp(&(&b.pointer, &b.message)));
        violations.dedup();
        Err(violations)
    }

    /// A broker validator that checks the payload of every message against this schema: for a
    /// channel that carries a single kind of message.
    ///
    /// ```
    /// use treaty_runtime::broker::InMemoryBroker;
    /// use treaty_runtime::validate::Schema;
    ///
    /// let schema = Schema::new(&serde_json::json!({"type": "object", "required": ["orderId"]}))?;
    /// let broker = InMemoryBroker::new();
    /// broker.validate("orders", schema.payload_validator());
    /// # Ok::<(), treaty_runtime::Error>(())
    /// ```
    pub fn payload_validator(&self) -> impl Fn(&RawMessage) -> Result<(), String> + Send + Sync {
        let schema = self.clone();
        move |msg: &RawMessage| {
            let payload = payload_json(msg)?;
            schema.check(&payload).map_err(|v| list("payload", &v))
        }
    }
}

/// The violations of `part` (`payload`, `headers`) as one line: the first few, then how many
/// more.
fn list(part: &str, violations: &[Violation]) -> String {
    let mut parts: Vec<String> = violations
        .iter()
        .take(MAX_LISTED)
        .map(|v| {
            if v.pointer.is_empty() {
                format!("{part}: {}", v.message)
            } else {
                format!("{part} {v}")
            }
        })
        .collect();
    if violations.len() > MAX_LISTED {
        parts.push(format!(
            "and {} more violations",
            violations.len() - MAX_LISTED
        ));
    }
    parts.join("; ")
}

fn payload_json(msg: &RawMessage) -> Result<Value, String> {
    serde_json::from_slice(&msg.payload).map_err(|e| format!("payload is not JSON: {e}"))
}

fn headers_json(msg: &RawMessage) -> Value {
    Value::Object(
        msg.headers
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect(),
    )
}

/// One message type of a channel.
#[derive(Debug, Clone)]
pub struct MessageContract {
    name: String,
    /// The header that names the type, and its value for this message.
    type_header: Option<(String, String)>,
    headers: Option<Schema>,
    payload: Option<Schema>,
    /// The contract that declares it, for messages naming the declaration that failed.
    source: String,
}

impl MessageContract {
    /// A message type named `name` (as the contract names it), with no schemas yet.
    pub fn new(name: impl Into<String>) -> Self {
        MessageContract {
            name: name.into(),
            type_header: None,
            headers: None,
            payload: None,
            source: String::new(),
        }
    }

    /// Messages of this type carry `value` in header `header` (`command_type`, `event-type`,
    /// `reply_type`). A message type without one is recognised only on a channel where it is the
    /// only type.
    pub fn type_header(mut self, header: impl Into<String>, value: impl Into<String>) -> Self {
        self.type_header = Some((header.into(), value.into()));
        self
    }

    /// The schema of the headers, checked against the headers as a JSON object of strings.
    pub fn headers(mut self, schema: Schema) -> Self {
        self.headers = Some(schema);
        self
    }

    /// The schema of the payload.
    pub fn payload(mut self, schema: Schema) -> Self {
        self.payload = Some(schema);
        self
    }

    /// The message's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// `message CreateTicket (command_type ...) as kitchen/asyncapi declares it`, for the
    /// declarations `all` of one message type that found the same problems.
    fn describe(all: &[&MessageContract]) -> String {
        let Some(first) = all.first() else {
            return String::new();
        };
        let mut out = format!("message {}", first.name);
        if let Some((header, value)) = &first.type_header {
            out.push_str(&format!(" ({header} {value})"));
        }
        let sources: Vec<&str> = all
            .iter()
            .map(|m| m.source.as_str())
            .filter(|s| !s.is_empty())
            .collect();
        match sources.as_slice() {
            [] => {}
            [one] => out.push_str(&format!(" as {one} declares it")),
            [init @ .., last] => {
                out.push_str(&format!(" as {} and {last} declare it", init.join(", ")))
            }
        }
        out
    }

    fn matches(&self, msg: &RawMessage) -> bool {
        match &self.type_header {
            Some((header, value)) => msg.header(header) == Some(value.as_str()),
            None => false,
        }
    }

    fn check(&self, msg: &RawMessage) -> Result<(), String> {
        let mut problems = Vec::new();
        if let Some(schema) = &self.headers {
            if let Err(v) = schema.check(&headers_json(msg)) {
                problems.push(list("headers", &v));
            }
        }
        if let Some(schema) = &self.payload {
            match payload_json(msg) {
                Ok(payload) => {
                    if let Err(v) = schema.check(&payload) {
                        problems.push(list("payload", &v));
                    }
                }
                Err(e) => problems.push(e),
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        }
    }
}

/// The message types of one channel.
#[derive(Debug, Clone)]
pub struct ChannelContract {
    kind: ChannelKind,
    messages: Vec<MessageContract>,
    /// Some contract's service sends on the channel: its list of types is complete.
    sends: bool,
    /// The set of types is closed: any other type is refused.
    closed: bool,
}

impl ChannelContract {
    fn new(kind: ChannelKind) -> Self {
        ChannelContract {
            kind,
            messages: Vec::new(),
            sends: false,
            closed: false,
        }
    }

    /// The contract's service sends on this channel, so the types listed are all that may
    /// appear there.
    pub fn sends(&mut self) -> &mut Self {
        self.sends = true;
        self
    }

    /// The channel's message set is closed (`x-closed-message-set`): any other type is refused
    /// even when no sender's contract is installed.
    pub fn closed(&mut self) -> &mut Self {
        self.closed = true;
        self
    }

    /// Adds a message type.
    pub fn message(&mut self, message: MessageContract) -> &mut Self {
        self.messages.push(message);
        self
    }

    /// The message types, in the order they were added.
    pub fn messages(&self) -> &[MessageContract] {
        &self.messages
    }

    /// Checks `msg` against every declaration of its type.
    fn check(&self, msg: &RawMessage) -> Result<(), String> {
        let mut declared: Vec<&MessageContract> =
            self.messages.iter().filter(|m| m.matches(msg)).collect();
        if declared.is_empty() {
            // A channel with one message type (under any number of declarations) and no type
            // headers: every message is of that type.
            let untyped = self.messages.iter().all(|m| m.type_header.is_none());
            let names: std::collections::BTreeSet<&str> =
                self.messages.iter().map(|m| m.name.as_str()).collect();
            if untyped && names.len() == 1 {
                declared = self.messages.iter().collect();
            }
        }
        if declared.is_empty() {
            if !(self.sends || self.closed) {
                return Ok(());
            }
            return Err(self.unknown(msg));
        }
        // Declarations (of several services' contracts) that find the same problems are named
        // together.
        let mut found: Vec<(String, Vec<&MessageContract>)> = Vec::new();
        for m in declared {
            let Err(problems) = m.check(msg) else {
                continue;
            };
            match found
                .iter_mut()
                .find(|(p, ms)| *p == problems && ms[0].name == m.name)
            {
                Some((_, ms)) => ms.push(m),
                None => found.push((problems, vec![m])),
            }
        }
        if found.is_empty() {
            return Ok(());
        }
        let parts: Vec<String> = found
            .iter()
            .map(|(problems, ms)| format!("{}: {problems}", MessageContract::describe(ms)))
            .collect();
        Err(parts.join("; "))
    }

    fn unknown(&self, msg: &RawMessage) -> String {
        let mut names: Vec<&str> = self.messages.iter().map(|m| m.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        let mut headers: Vec<&str> = self
            .messages
            .iter()
            .filter_map(|m| m.type_header.as_ref().map(|(h, _)| h.as_str()))
            .collect();
        headers.sort_unstable();
        headers.dedup();
        let found: Vec<String> = headers
            .iter()
            .filter_map(|h| msg.header(h).map(|v| format!("{h} {v}")))
            .collect();
        let what = if found.is_empty() {
            format!(
                "a message without a type header ({})",
                if headers.is_empty() {
                    "none declared".to_string()
                } else {
                    headers.join(", ")
                }
            )
        } else {
            format!("message type {}", found.join(", "))
        };
        format!(
            "{what} is not declared on this channel (declared: {})",
            names.join(", ")
        )
    }
}

/// The channels of one or more services' contracts, by address.
#[derive(Debug, Clone, Default)]
pub struct Contract {
    channels: BTreeMap<String, ChannelContract>,
}

impl Contract {
    /// No channels.
    pub fn new() -> Self {
        Contract::default()
    }

    /// The channel at `address`, added with `kind` if it is not there yet.
    pub fn channel(&mut self, address: &str, kind: ChannelKind) -> &mut ChannelContract {
        self.channels
            .entry(address.to_string())
            .or_insert_with(|| ChannelContract::new(kind))
    }

    /// Records `source` (a contract's name, `kitchen/asyncapi`) as the declarer of every message
    /// that has none yet, for messages that say which declaration a message broke.
    pub fn declared_by(mut self, source: &str) -> Self {
        for ch in self.channels.values_mut() {
            for m in &mut ch.messages {
                if m.source.is_empty() {
                    m.source = source.to_string();
                }
            }
        }
        self
    }

    /// Adds every channel and message type of `other`. Fails when the two declare the same
    /// channel with different kinds.
    pub fn merge(mut self, other: Contract) -> Result<Self, Error> {
        for (address, theirs) in other.channels {
            match self.channels.get_mut(&address) {
                None => {
                    self.channels.insert(address, theirs);
                }
                Some(ours) => {
                    if ours.kind != theirs.kind {
                        return Err(Error::Invalid {
                            channel: address,
                            violation: format!(
                                "the contracts disagree on the channel's kind ({:?} and {:?})",
                                ours.kind, theirs.kind
                            ),
                        });
                    }
                    ours.sends |= theirs.sends;
                    ours.closed |= theirs.closed;
                    ours.messages.extend(theirs.messages);
                }
            }
        }
        Ok(self)
    }

    /// The addresses of the channels, sorted.
    pub fn addresses(&self) -> impl Iterator<Item = &str> {
        self.channels.keys().map(String::as_str)
    }

    /// The channel at `address`.
    pub fn get(&self, address: &str) -> Option<&ChannelContract> {
        self.channels.get(address)
    }

    /// Checks `msg` as sent to `channel`. A channel the contract does not know accepts anything.
    pub fn check(&self, channel: &str, msg: &RawMessage) -> Result<(), String> {
        match self.channels.get(channel) {
            Some(ch) => ch.check(msg),
            None => Ok(()),
        }
    }

    /// Declares every channel's kind on `broker` and installs a validator on each, replacing the
    /// validators it had. To check the contracts of several services on one broker, merge them
    /// first and install the result once.
    pub fn install(&self, broker: &InMemoryBroker) -> Result<(), Error> {
        for (address, ch) in &self.channels {
            broker.declare(address, ch.kind)?;
            let ch = ch.clone();
            broker.validate(address, move |msg: &RawMessage| ch.check(msg));
        }
        Ok(())
    }
}

/// Adds the violations of `schema` by `value` to `found`, each introduced by `part` (`body`,
/// ``path parameter `orderId` ``) and the JSON pointer of the bad value. Fails only when the
/// schema did not compile or the value is not JSON. For the generated HTTP mocks.
pub fn check<T: serde::Serialize + ?Sized>(
    found: &mut Vec<String>,
    part: &str,
    schema: &Result<Schema, Error>,
    value: &T,
) -> Result<(), Error> {
    let schema = schema.as_ref().map_err(Clone::clone)?;
    let value = serde_json::to_value(value)
        .map_err(|e| Error::Encode(format!("{part} is not JSON: {e}")))?;
    if let Err(violations) = schema.check(&value) {
        for v in violations {
            let line = if v.pointer.is_empty() {
                format!("{part}: {}", v.message)
            } else {
                format!("{part} {v}")
            };
            found.push(line);
        }
    }
    Ok(())
}

/// [`check`] for a body given as text, which must be JSON.
pub fn check_text(
    found: &mut Vec<String>,
    part: &str,
    schema: &Result<Schema, Error>,
    text: &str,
) -> Result<(), Error> {
    match serde_json::from_str::<Value>(text) {
        Ok(value) => check(found, part, schema, &value),
        Err(e) => {
            found.push(format!("{part} is not JSON: {e}"));
            Ok(())
        }
    }
}

/// `Ok` when nothing was `found`; else [`Error::Encode`] for a request, [`Error::Decode`] for
/// an answer (`answer` is its status), naming the operation and listing at most five
/// violations.
pub fn refused(found: Vec<String>, operation: &str, answer: Option<u16>) -> Result<(), Error> {
    if found.is_empty() {
        return Ok(());
    }
    let mut listed: Vec<String> = found.iter().take(MAX_LISTED).cloned().collect();
    if found.len() > MAX_LISTED {
        listed.push(format!("and {} more violations", found.len() - MAX_LISTED));
    }
    let problems = listed.join("; ");
    match answer {
        None => Err(Error::Encode(format!(
            "request to `{operation}` breaks the contract: {problems}"
        ))),
        Some(status) => Err(Error::Decode(format!(
            "the mock's answer {status} to `{operation}` breaks the contract: {problems}"
        ))),
    }
}
