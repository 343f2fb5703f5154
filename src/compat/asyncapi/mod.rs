//! AsyncAPI breaking-change rules: channels, operations, replies, messages, the FTGO
//! channel-semantics convention, and payloads in JSON Schema, Avro and protobuf.
//!
//! ```text
//! old Contract ─┐                                   ┌─ channels.rs    channel removed/added, address, parameters,
//!               ├─ pair.rs: channels by address,  ──┤                 kind, Kafka partitions, messages on the channel
//! new Contract ─┘  then id, then shared operation;  ├─ operations.rs  operation removed/added, action, messages, reply
//!                  operations by id, then action;   ├─ messages.rs    content type, correlation id, Kafka key,
//!                  messages by name                 │                 message kind, shard key, message id, docs
//!                                                   └─ payload.rs     headers and payload through the schema engine,
//!                                                                     Avro and protobuf through `crate::registry`
//! ```
//!
//! Everything is compared on meaning, never on how the document is written: a 2.6 document and its
//! faithful 3.0 migration load to the same model (2.6 `publish` is the application receiving), and
//! pairing ignores what the two versions name differently (3.0 channel ids, operation ids a 2.6
//! document never had). So a faithful migration reports nothing.
//!
//! **Direction.** Whatever the service sends (the events it publishes, the commands it sends, the
//! replies it answers with) is read by others: its payload and headers may only narrow
//! ([`Direction::ProviderWrites`]). Whatever it receives may only widen
//! ([`Direction::ConsumerWrites`]). A message the contract both sends and receives is judged both
//! ways; one that no operation uses is judged both ways too, since nothing says who reads it. A
//! message whose channel is named in treaty.yaml's `registry:` map is judged with that
//! schema-registry compatibility mode instead (see [`crate::registry`]).
//!
//! **Grades.** A rule has one default severity and bump, but some changes break only in one
//! direction (a new required property breaks receivers, not readers of what is sent). The differ
//! grades each finding (breaking, warning, addition, documentation) and sets its severity and bump
//! from the grade, unless treaty.yaml overrides the rule's severity or bump, which then wins.
//!
//! Findings point where the element is now (`new`) and where it was (`old`); for an element that
//! is gone, `new` is the element that enclosed it (the channel of a removed message, the document
//! for a removed channel), so `x-treaty-ignore` there silences the rule.
//!
//! [`Direction::ProviderWrites`]: crate::model::Direction::ProviderWrites
//! [`Direction::ConsumerWrites`]: crate::model::Direction::ConsumerWrites

mod channels;
mod messages;
mod operations;
mod pair;
mod payload;

use std::collections::HashSet;

use super::{Emitter, PairCx, rule::BreakingRule};
use crate::diag::Severity;
use crate::model::{Contract, Direction};
use crate::report::Bump;
use crate::schema::compat::Engine;
use crate::source::Span;

/// Every AsyncAPI breaking rule, in a stable order.
pub static RULES: &[&BreakingRule] = &[
    &channels::CHANNEL_REMOVED,
    &channels::CHANNEL_ADDED,
    &channels::CHANNEL_ADDRESS_CHANGED,
    &channels::CHANNEL_KIND_CHANGED,
    &channels::KAFKA_PARTITIONS_CHANGED,
    &channels::MESSAGE_REMOVED,
    &channels::MESSAGE_ADDED,
    &operations::OPERATION_REMOVED,
    &operations::OPERATION_ADDED,
    &operations::OPERATION_ACTION_CHANGED,
    &operations::REPLY_CHANGED,
    &messages::CONTENT_TYPE_CHANGED,
    &messages::CORRELATION_ID_CHANGED,
    &messages::KAFKA_KEY_CHANGED,
    &messages::MESSAGE_KIND_CHANGED,
    &messages::SHARD_KEY_CHANGED,
    &messages::MESSAGE_ID_HEADER_REMOVED,
    &messages::DESCRIPTION_CHANGED,
    &payload::PAYLOAD_FORMAT_CHANGED,
    &payload::PAYLOAD_PROPERTY_REMOVED,
    &payload::HEADER_PROPERTY_REMOVED,
    &payload::PAYLOAD_PROPERTY_ADDED,
    &payload::HEADER_PROPERTY_ADDED,
    &payload::PAYLOAD_BECAME_REQUIRED,
    &payload::HEADER_BECAME_REQUIRED,
    &payload::PAYLOAD_BECAME_OPTIONAL,
    &payload::HEADER_BECAME_OPTIONAL,
    &payload::PAYLOAD_TYPE_CHANGED,
    &payload::HEADER_TYPE_CHANGED,
    &payload::PAYLOAD_ENUM_CHANGED,
    &payload::HEADER_ENUM_CHANGED,
    &payload::PAYLOAD_CONSTRAINT_CHANGED,
    &payload::HEADER_CONSTRAINT_CHANGED,
    &payload::PAYLOAD_ADDITIONAL_PROPERTIES_CHANGED,
    &payload::HEADER_ADDITIONAL_PROPERTIES_CHANGED,
    &payload::PAYLOAD_COMPOSITION_CHANGED,
    &payload::HEADER_COMPOSITION_CHANGED,
    &payload::PAYLOAD_DEFAULT_CHANGED,
    &payload::HEADER_DEFAULT_CHANGED,
    &payload::PAYLOAD_DOC_CHANGED,
    &payload::HEADER_DOC_CHANGED,
    &payload::AVRO_INCOMPATIBLE,
    &payload::AVRO_ADDITION,
    &payload::PROTOBUF_INCOMPATIBLE,
    &payload::PROTOBUF_ADDITION,
    &payload::REGISTRY_INCOMPATIBLE,
];

/// Compares the two revisions of an AsyncAPI contract.
pub fn diff(cx: &PairCx, em: &mut Emitter) {
    if !RULES.iter().any(|r| em.enabled(r)) {
        return;
    }
    let mut j = Judge {
        cx,
        old: cx.old,
        new: cx.new,
        em,
        engine: Engine::new(&cx.old.schemas, &cx.new.schemas),
        seen: HashSet::new(),
    };
    let channel_pairs = pair::channels(cx.old, cx.new);
    channels::judge(&mut j, &channel_pairs);
    messages::judge(&mut j);
}

/// How much a change matters, which sets the finding's severity and bump.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Grade {
    /// Documentation only: info, patch.
    Docs,
    /// Compatible, but not an addition (narrowing what the service sends): info, patch.
    Patch,
    /// An addition every counterpart copes with: info, minor.
    Addition,
    /// Breaks counterparts written in some ways (a new message type on an open channel): warning, minor.
    Warning,
    /// Breaks counterparts written against the old contract: error, major.
    Breaking,
}

impl Grade {
    fn severity(self) -> Severity {
        match self {
            Grade::Docs | Grade::Patch | Grade::Addition => Severity::Info,
            Grade::Warning => Severity::Warning,
            Grade::Breaking => Severity::Error,
        }
    }

    fn bump(self) -> Bump {
        match self {
            Grade::Docs | Grade::Patch => Bump::Patch,
            Grade::Addition | Grade::Warning => Bump::Minor,
            Grade::Breaking => Bump::Major,
        }
    }
}

/// The two revisions, the emitter and the schema engine, handed to every rule.
pub(super) struct Judge<'j, 'x> {
    pub cx: &'j PairCx<'j>,
    pub old: &'j Contract,
    pub new: &'j Contract,
    em: &'j mut Emitter<'x>,
    /// One engine for the whole contract pair, so schemas shared by many messages are compared once.
    pub engine: Engine<'j>,
    /// Findings already emitted: a message judged in both directions, or reached from two
    /// channels, reports each change once.
    seen: HashSet<(&'static str, Option<Span>, Option<Span>, String)>,
}

impl Judge<'_, '_> {
    /// Emits a finding graded `grade`; the configuration's severity or bump for the rule, when
    /// it sets one, wins over the grade.
    pub fn report(
        &mut self,
        rule: &'static BreakingRule,
        grade: Grade,
        old: Option<Span>,
        new: Option<Span>,
        message: String,
    ) {
        if !self.seen.insert((rule.id, old, new, message.clone())) {
            return;
        }
        let config = &self.cx.options.config;
        let fixed_severity = config.severity.contains_key(rule.id);
        let fixed_bump = config.bump.contains_key(rule.id);
        if let Some(f) = self.em.emit(rule, old, new, message) {
            if !fixed_severity {
                f.severity = grade.severity();
            }
            if !fixed_bump {
                f.bump = Some(grade.bump());
            }
        }
    }

    /// Where a deleted top-level element is reported: the start of the new document.
    pub fn new_document(&self) -> Span {
        Span::file_start(self.new.root_file)
    }
}

/// Who writes a message, as a set of directions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Dirs {
    /// The service sends it (others read it).
    pub sent: bool,
    /// The service receives it (others write it).
    pub received: bool,
}

impl Dirs {
    pub fn both() -> Dirs {
        Dirs {
            sent: true,
            received: true,
        }
    }

    pub fn add(&mut self, d: Direction) {
        match d {
            Direction::ProviderWrites => self.sent = true,
            Direction::ConsumerWrites => self.received = true,
        }
    }

    pub fn union(self, o: Dirs) -> Dirs {
        Dirs {
            sent: self.sent || o.sent,
            received: self.received || o.received,
        }
    }

    pub fn list(self) -> Vec<Direction> {
        let mut v = Vec::new();
        if self.sent {
            v.push(Direction::ProviderWrites);
        }
        if self.received {
            v.push(Direction::ConsumerWrites);
        }
        v
    }

    /// "sent", "received" or "sent and received", for messages.
    pub fn describe(self) -> &'static str {
        match (self.sent, self.received) {
            (true, true) => "sent and received",
            (true, false) => "sent",
            (false, true) => "received",
            (false, false) => "used",
        }
    }
}

/// A value for a message: `` `text` `` or "none".
pub(super) fn shown(v: Option<&str>) -> String {
    match v {
        Some(s) => format!("`{s}`"),
        None => "none".to_string(),
    }
}
