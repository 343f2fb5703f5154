//! Payload and header rules: a message's schemas compared for what they accept, in the
//! direction the message travels.
//!
//! - **JSON Schema** (AsyncAPI's default) goes through the shared engine
//!   ([`crate::schema::compat`]), which reports neutral change kinds with their impact for the
//!   given [`Direction`]. Kinds are grouped into one rule per group and part (payload, headers):
//!   `asyncapi-payload-property-removed`, `asyncapi-header-type-changed`, …
//! - **Avro** payloads follow Avro's schema resolution ([`crate::registry::avro`]): what the
//!   service sends must be readable by readers of the old schema, what it receives must be
//!   readable by the new schema when written with the old one.
//! - **Protobuf** payloads (the `.proto` text embedded in the document) are compiled with protox
//!   and compared with the schema registry's protobuf rules ([`crate::registry::protobuf`]). The
//!   buf rules of `compat::proto` need a compiled contract whose files are in the workspace's
//!   source map (they locate every finding through source info); an embedded `.proto` text is
//!   no file, so the registry's rules, which judge wire compatibility of one message set, are
//!   the subset used here. Findings point at the message.
//! - A payload whose message or channel is named in treaty.yaml's `registry:` map is judged with
//!   that compatibility mode ([`crate::registry::Mode`]) instead of the direction.
//!
//! Schemas in another language than these (RAML, an unknown `schemaFormat`) are compared as raw
//! values: any change to them is reported as a format change, since nothing here can say
//! whether it is compatible.

use std::collections::BTreeMap;

use super::{Dirs, Grade, Judge};
use crate::breaking_rule;
use crate::compat::rule::BreakingRule;
use crate::model::{Direction, Message, Payload, SchemaId};
use crate::registry::{self, Language, Mode};
use crate::schema::compat::{ChangeKind, Impact, SchemaChange};
use crate::source::Span;

/// Declares the payload and the header rule of one group of schema changes.
macro_rules! schema_rules {
    (
        $payload:ident = $payload_id:literal, $header:ident = $header_id:literal,
        severity: $sev:ident, bump: $bump:ident,
        what: $what:literal, why: $why:literal, example: $example:literal
    ) => {
        breaking_rule! {
            #[doc = "## What it does"]
            #[doc = concat!("Reports, in a message's payload schema, ", $what)]
            #[doc = ""]
            #[doc = "The change is judged in the direction the message travels: what the service sends may only narrow, what it receives may only widen. A change that breaks neither way is an addition (info, minor) or, for a narrowing of what is sent or an annotation, a patch."]
            #[doc = ""]
            #[doc = "## Why is this bad?"]
            #[doc = $why]
            #[doc = ""]
            #[doc = "## Example"]
            #[doc = $example]
            pub $payload = $payload_id, formats: [Asyncapi],
            categories: ["PAYLOAD"], default: true, severity: $sev, bump: $bump
        }
        breaking_rule! {
            #[doc = "## What it does"]
            #[doc = concat!("Reports, in a message's headers schema, ", $what)]
            #[doc = ""]
            #[doc = "Headers are judged like the payload: in the direction the message travels."]
            #[doc = ""]
            #[doc = "## Why is this bad?"]
            #[doc = $why]
            #[doc = ""]
            #[doc = "## Example"]
            #[doc = "The same change as in the payload rule, written under `headers:` (e.g. a header such as `ID` or `command_reply_to`)."]
            pub $header = $header_id, formats: [Asyncapi],
            categories: ["HEADERS"], default: true, severity: $sev, bump: $bump
        }
    };
}

schema_rules! {
    PAYLOAD_PROPERTY_REMOVED = "asyncapi-payload-property-removed", HEADER_PROPERTY_REMOVED = "asyncapi-header-property-removed",
    severity: Error, bump: Major,
    what: "a property removed.",
    why: "Consumers of a message the service sends read the property: a required one gone breaks them, an optional one gone is a warning. For a message the service receives, senders keep sending it; that breaks only a schema that rejects unknown properties.",
    example: "```yaml\npayload:\n  properties:\n    orderTotal: {$ref: '#/components/schemas/Money'}   # removed\n```\nKeep the property (deprecated) until no consumer reads it."
}

schema_rules! {
    PAYLOAD_PROPERTY_ADDED = "asyncapi-payload-property-added", HEADER_PROPERTY_ADDED = "asyncapi-header-property-added",
    severity: Info, bump: Minor,
    what: "a property added.",
    why: "An optional property is an addition. A *required* property added to a message the service receives breaks every sender that does not send it yet.",
    example: "```yaml\npayload:\n  required: [orderId, reason]   # `reason` is new and required\n```\nAdd the property as optional, with a default the service applies."
}

schema_rules! {
    PAYLOAD_BECAME_REQUIRED = "asyncapi-payload-became-required", HEADER_BECAME_REQUIRED = "asyncapi-header-became-required",
    severity: Error, bump: Major,
    what: "an existing property made required.",
    why: "For a message the service receives, senders that leave the property out are now rejected. For a message it sends, it is a narrowing consumers cope with.",
    example: "```yaml\nrequired: [consumerId, name]   # `name` was optional\n```\nKeep it optional and apply a default."
}

schema_rules! {
    PAYLOAD_BECAME_OPTIONAL = "asyncapi-payload-became-optional", HEADER_BECAME_OPTIONAL = "asyncapi-header-became-optional",
    severity: Error, bump: Major,
    what: "a required property made optional.",
    why: "Consumers of a message the service sends rely on a required property being there; when it may be missing they fail. For a message the service receives it only widens what it accepts.",
    example: "```yaml\nrequired: [orderId]   # `orderTotal` no longer required in an event\n```\nKeep sending it."
}

schema_rules! {
    PAYLOAD_TYPE_CHANGED = "asyncapi-payload-type-changed", HEADER_TYPE_CHANGED = "asyncapi-header-type-changed",
    severity: Error, bump: Major,
    what: "a changed type: `type` changed, widened or narrowed, a `format` added or dropped, `null` allowed or no longer allowed.",
    why: "A consumer decodes the value as the old type: an event that sends a number where a string was promised breaks it, and a service that now only accepts integers rejects what senders still send.",
    example: "```yaml\norderId: {type: string}   # was {type: integer, format: int64}\n```\nAdd a new property of the new type and keep the old one."
}

schema_rules! {
    PAYLOAD_ENUM_CHANGED = "asyncapi-payload-enum-changed", HEADER_ENUM_CHANGED = "asyncapi-header-enum-changed",
    severity: Error, bump: Major,
    what: "a changed set of values: `enum` values added or removed, `enum` or `const` added, dropped or changed.",
    why: "A value removed from what the service receives rejects senders that still send it; a value added to what it sends reaches consumers that switch over the old values (a warning).",
    example: "```yaml\nstate: {enum: [APPROVED, CANCELLED]}   # PENDING removed from a received command\n```\nKeep accepting the old values."
}

schema_rules! {
    PAYLOAD_CONSTRAINT_CHANGED = "asyncapi-payload-constraint-changed", HEADER_CONSTRAINT_CHANGED = "asyncapi-header-constraint-changed",
    severity: Error, bump: Major,
    what: "a changed constraint: a bound (`maxLength`, `minimum`, `maxItems`, …), `multipleOf`, `pattern`, `uniqueItems`, or an applicator such as `contains`, `if`/`then`, `propertyNames`.",
    why: "A tighter constraint on what the service receives rejects values senders still send; a looser one on what it sends reaches consumers that relied on the old bound.",
    example: "```yaml\nname: {type: string, maxLength: 50}   # was 200, in a received command\n```\nTighten only what the service sends; loosen only what it receives."
}

schema_rules! {
    PAYLOAD_ADDITIONAL_PROPERTIES_CHANGED = "asyncapi-payload-additional-properties-changed", HEADER_ADDITIONAL_PROPERTIES_CHANGED = "asyncapi-header-additional-properties-changed",
    severity: Error, bump: Major,
    what: "`additionalProperties` closed or opened.",
    why: "Closing a received message rejects senders that send extra properties; opening a sent one lets consumers with a closed model meet properties they reject.",
    example: "```yaml\nadditionalProperties: false   # new, on a received command\n```\nKeep the content model open, as the FTGO convention says."
}

schema_rules! {
    PAYLOAD_COMPOSITION_CHANGED = "asyncapi-payload-composition-changed", HEADER_COMPOSITION_CHANGED = "asyncapi-header-composition-changed",
    severity: Error, bump: Major,
    what: "a changed composition: `oneOf`/`anyOf` alternatives added or removed, a schema wrapped into a `oneOf`, a discriminator changed.",
    why: "An alternative removed from what the service receives rejects senders that use it; one added to what it sends reaches consumers that handle only the old alternatives.",
    example: "```yaml\noneOf: [{$ref: '#/components/schemas/Card'}]   # `Voucher` removed\n```\nKeep every alternative counterparts may use."
}

schema_rules! {
    PAYLOAD_DEFAULT_CHANGED = "asyncapi-payload-default-changed", HEADER_DEFAULT_CHANGED = "asyncapi-header-default-changed",
    severity: Warning, bump: Minor,
    what: "a `default` added, removed or changed.",
    why: "A sender that leaves the value out relies on the receiver applying the default: another default changes what the message means.",
    example: "```yaml\npriority: {type: integer, default: 5}   # was 0\n```\nKeep the default; make the value required if it must change."
}

schema_rules! {
    PAYLOAD_DOC_CHANGED = "asyncapi-payload-doc-changed", HEADER_DOC_CHANGED = "asyncapi-header-doc-changed",
    severity: Info, bump: Patch,
    what: "a documentation or lifecycle change: `description`, `deprecated`, `x-sunset`, `x-stability-level`.",
    why: "It is not breaking; it needs a new patch version.",
    example: "```yaml\ndescription: Id of the consumer, as registered by the consumer service.\n```"
}

breaking_rule! {
    /// ## What it does
    /// Reports a message whose payload changed language (JSON Schema, Avro, protobuf or another
    /// `schemaFormat`), gained or lost its payload schema, or whose payload in a language treaty
    /// cannot compare changed at all.
    ///
    /// ## Why is this bad?
    /// Consumers decode the payload with the old language's reader; bytes written with another
    /// language do not decode, and a schema treaty cannot compare may have changed anything.
    ///
    /// ## Example
    /// ```yaml
    /// payload:
    ///   schemaFormat: application/vnd.apache.avro;version=1.9.0   # was a JSON Schema
    /// ```
    /// Publish the new format as a new message type or on a new channel.
    pub PAYLOAD_FORMAT_CHANGED = "asyncapi-payload-format-changed", formats: [Asyncapi],
    categories: ["PAYLOAD"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an Avro payload change that Avro's schema resolution cannot read across: a
    /// field added without a default (new readers cannot read old data), a field removed
    /// without a default (old readers cannot read new data), a type changed other than by a
    /// promotion (`int`→`long`→`float`→`double`, `string`↔`bytes`), an enum symbol the reader
    /// does not have (and no enum default), a union branch the reader lacks, a named type renamed
    /// without an alias, a fixed size changed.
    ///
    /// What the service sends must be readable with the old schema (old readers, new data);
    /// what it receives must be readable with the new schema (new reader, old data).
    ///
    /// ## Why is this bad?
    /// Avro data carries no field names: the reader resolves the writer's schema against its
    /// own, and fails on what the rules above do not resolve.
    ///
    /// ## Example
    /// ```json
    /// {"name": "reason", "type": "string"}
    /// ```
    /// added to a received record without `"default"`. Give new fields a default.
    pub AVRO_INCOMPATIBLE = "asyncapi-avro-incompatible", formats: [Asyncapi],
    categories: ["PAYLOAD", "AVRO"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Notes an Avro payload change that resolves both ways: a field added or removed with a
    /// default, a type promoted, a documentation change.
    ///
    /// ## Why is this bad?
    /// It is not; it needs a new minor version.
    ///
    /// ## Example
    /// `{"name": "reason", "type": ["null", "string"], "default": null}` added.
    pub AVRO_ADDITION = "asyncapi-avro-changed", formats: [Asyncapi],
    categories: ["PAYLOAD", "AVRO", "ADDITION"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a protobuf payload change (the `.proto` text of a message whose `schemaFormat`
    /// names protobuf) that the schema registry's protobuf rules call incompatible: the package
    /// changed, a message removed, a field's kind, scalar type, named type or numeric label
    /// changed, a required field added or removed, a oneof field removed, fields moved into a
    /// oneof.
    ///
    /// ## Why is this bad?
    /// Protobuf identifies fields by number and type on the wire; readers of the old schema
    /// misread or drop what the new one writes, and the reverse.
    ///
    /// ## Example
    /// ```proto
    /// int32 quantity = 2;   // was string quantity = 2;
    /// ```
    /// Add a new field with a new number and reserve the old one.
    pub PROTOBUF_INCOMPATIBLE = "asyncapi-protobuf-incompatible", formats: [Asyncapi],
    categories: ["PAYLOAD", "PROTOBUF"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Notes a compatible protobuf payload change: a message, enum, field or oneof added, a
    /// field renamed or removed, an enum constant changed.
    ///
    /// ## Why is this bad?
    /// It is not; it needs a new minor version.
    ///
    /// ## Example
    /// `string reason = 3;` added.
    pub PROTOBUF_ADDITION = "asyncapi-protobuf-changed", formats: [Asyncapi],
    categories: ["PAYLOAD", "PROTOBUF", "ADDITION"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// For a message whose channel address or message name treaty.yaml maps to a schema-registry
    /// compatibility mode (`registry: {orderEvents: backward}` on the contract entry), reports
    /// each incompatibility under that mode instead of judging the payload by direction.
    ///
    /// ## Why is this bad?
    /// The registry refuses to register a schema that breaks the subject's mode, so producers
    /// fail at run time; and consumers written for the mode's promise break.
    ///
    /// ## Example
    /// `registry: {net.chrisrichardson.ftgo.orderservice.domain.Order: full}` with a required
    /// property added to `OrderCreated`.
    pub REGISTRY_INCOMPATIBLE = "asyncapi-registry-incompatible", formats: [Asyncapi],
    categories: ["PAYLOAD", "REGISTRY"], default: true, severity: Error, bump: Major
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Payload,
    Headers,
}

impl Part {
    fn name(self) -> &'static str {
        match self {
            Part::Payload => "payload",
            Part::Headers => "headers",
        }
    }
}

/// The rule that reports a change kind in a part.
fn rule_of(part: Part, kind: ChangeKind) -> &'static BreakingRule {
    use ChangeKind::*;
    let (p, h): (&'static BreakingRule, &'static BreakingRule) = match kind {
        PropertyRemoved { .. } => (&PAYLOAD_PROPERTY_REMOVED, &HEADER_PROPERTY_REMOVED),
        PropertyAdded { .. } => (&PAYLOAD_PROPERTY_ADDED, &HEADER_PROPERTY_ADDED),
        PropertyBecameRequired { .. } => (&PAYLOAD_BECAME_REQUIRED, &HEADER_BECAME_REQUIRED),
        PropertyBecameOptional => (&PAYLOAD_BECAME_OPTIONAL, &HEADER_BECAME_OPTIONAL),
        TypeChanged | TypeGeneralized | TypeSpecialized | TypesWidened | TypesNarrowed
        | BecameNullable | BecameNotNullable => (&PAYLOAD_TYPE_CHANGED, &HEADER_TYPE_CHANGED),
        BecameEnum
        | EnumDropped
        | EnumValueAdded
        | EnumValueRemoved
        | ExtensibleEnumValueRemoved
        | ConstAdded
        | ConstRemoved
        | ConstChanged => (&PAYLOAD_ENUM_CHANGED, &HEADER_ENUM_CHANGED),
        Limit(..)
        | MultipleOfNarrowed
        | MultipleOfWidened
        | MultipleOfChanged
        | UniqueItemsAdded
        | UniqueItemsRemoved
        | PatternAdded
        | PatternRemoved
        | PatternChanged
        | Keyword(..)
        | ContentEncodingChanged
        | ContentMediaTypeChanged => (&PAYLOAD_CONSTRAINT_CHANGED, &HEADER_CONSTRAINT_CHANGED),
        AdditionalPropertiesNarrowed | AdditionalPropertiesWidened => (
            &PAYLOAD_ADDITIONAL_PROPERTIES_CHANGED,
            &HEADER_ADDITIONAL_PROPERTIES_CHANGED,
        ),
        OneOfAdded
        | OneOfRemoved
        | AnyOfAdded
        | AnyOfRemoved
        | AllOfAdded
        | AllOfRemoved
        | WrappedInOneOf
        | DiscriminatorAdded
        | DiscriminatorRemoved
        | DiscriminatorPropertyNameChanged
        | DiscriminatorMappingAdded
        | DiscriminatorMappingDeleted
        | DiscriminatorMappingChanged => {
            (&PAYLOAD_COMPOSITION_CHANGED, &HEADER_COMPOSITION_CHANGED)
        }
        DefaultAdded | DefaultRemoved | DefaultChanged => {
            (&PAYLOAD_DEFAULT_CHANGED, &HEADER_DEFAULT_CHANGED)
        }
        Deprecated | Reactivated | SunsetChanged | StabilityChanged | DescriptionChanged => {
            (&PAYLOAD_DOC_CHANGED, &HEADER_DOC_CHANGED)
        }
    };
    match part {
        Part::Payload => p,
        Part::Headers => h,
    }
}

/// The grade of one engine change for data written in `dir`.
fn grade_of(kind: ChangeKind, impact: Impact, dir: Direction) -> Grade {
    match impact {
        Impact::Breaking => Grade::Breaking,
        Impact::Warning => Grade::Warning,
        Impact::Compatible if kind.is_annotation() => Grade::Docs,
        // What the service now accepts, or new data it sends, is an addition; narrowing what
        // it sends promises less and adds nothing.
        Impact::Compatible
            if dir == Direction::ConsumerWrites
                || matches!(kind, ChangeKind::PropertyAdded { .. }) =>
        {
            Grade::Addition
        }
        Impact::Compatible => Grade::Patch,
    }
}

/// Judges the schemas of one message pair.
pub(super) fn judge(j: &mut Judge, oi: usize, ni: usize, dirs: Dirs) {
    let (o, n) = (&j.old.messages[oi], &j.new.messages[ni]);
    match (o.headers, n.headers) {
        (Some(a), Some(b)) => schema(j, Part::Headers, o, n, a, b, dirs),
        (Some(_), None) => {
            let grade = if dirs.sent {
                Grade::Breaking
            } else {
                Grade::Addition
            };
            let msg = format!(
                "the headers schema of message `{}` was removed: consumers lose every header it promised",
                name(n)
            );
            j.report(
                &HEADER_PROPERTY_REMOVED,
                grade,
                Some(o.span),
                Some(n.span),
                msg,
            );
        }
        (None, Some(_)) => {
            let grade = if dirs.received {
                Grade::Breaking
            } else {
                Grade::Addition
            };
            let msg = format!(
                "message `{}` now has a headers schema: senders that do not send those headers are rejected",
                name(n)
            );
            j.report(
                &HEADER_PROPERTY_ADDED,
                grade,
                Some(o.span),
                Some(n.span),
                msg,
            );
        }
        (None, None) => {}
    }
    if let Some(mode) = registry_mode(j, n) {
        registry_payload(j, o, n, mode);
        return;
    }
    match (&o.payload, &n.payload) {
        (Payload::Schema(a), Payload::Schema(b)) => schema(j, Part::Payload, o, n, *a, *b, dirs),
        (Payload::None, Payload::None) => {}
        (
            Payload::Other {
                schema_format: fa,
                schema: sa,
            },
            Payload::Other {
                schema_format: fb,
                schema: sb,
            },
        ) if registry::language_of(fa).is_some()
            && registry::language_of(fa) == registry::language_of(fb) =>
        {
            let lang = registry::language_of(fa).unwrap_or(Language::Avro);
            other(j, o, n, lang, sa, sb, dirs);
        }
        (
            Payload::Other {
                schema_format: fa,
                schema: sa,
            },
            Payload::Other {
                schema_format: fb,
                schema: sb,
            },
        ) => {
            if fa != fb || sa != sb {
                let msg = format!(
                    "the payload of message `{}` ({fb}) changed, in a schema language treaty cannot compare: consumers may not read it. Publish the change as a new message type",
                    name(n)
                );
                j.report(
                    &PAYLOAD_FORMAT_CHANGED,
                    Grade::Breaking,
                    Some(o.span),
                    Some(n.span),
                    msg,
                );
            }
        }
        (Payload::None, _) => {
            let grade = if dirs.received {
                Grade::Breaking
            } else {
                Grade::Addition
            };
            let msg = format!(
                "message `{}` now has a payload schema: senders whose payload does not match it are rejected",
                name(n)
            );
            j.report(
                &PAYLOAD_FORMAT_CHANGED,
                grade,
                Some(o.span),
                Some(n.span),
                msg,
            );
        }
        (_, Payload::None) => {
            let grade = if dirs.sent {
                Grade::Breaking
            } else {
                Grade::Addition
            };
            let msg = format!(
                "the payload schema of message `{}` was removed: consumers lose what it promised",
                name(n)
            );
            j.report(
                &PAYLOAD_FORMAT_CHANGED,
                grade,
                Some(o.span),
                Some(n.span),
                msg,
            );
        }
        (a, b) => {
            let msg = format!(
                "the payload of message `{}` changed language from {} to {}: consumers decode it with the old language's reader and fail. Publish the new format as a new message type or on a new channel",
                name(n),
                language_name(a),
                language_name(b)
            );
            j.report(
                &PAYLOAD_FORMAT_CHANGED,
                Grade::Breaking,
                Some(o.span),
                Some(n.span),
                msg,
            );
        }
    }
}

fn name(m: &Message) -> &str {
    m.name.as_deref().unwrap_or(&m.id)
}

fn language_name(p: &Payload) -> String {
    match p {
        Payload::None => "none".to_string(),
        Payload::Schema(_) => "JSON Schema".to_string(),
        Payload::Other { schema_format, .. } => format!("`{schema_format}`"),
    }
}

/// One finding to emit, keyed so that a change found in both directions is reported once, at
/// its worst grade.
type Pending = BTreeMap<(Span, Span, String, &'static str), (Grade, String)>;

#[allow(clippy::too_many_arguments)]
fn schema(
    j: &mut Judge,
    part: Part,
    o: &Message,
    n: &Message,
    a: SchemaId,
    b: SchemaId,
    dirs: Dirs,
) {
    let mut pending: Pending = BTreeMap::new();
    for dir in dirs.list() {
        let root = j.engine.compare(a, b, dir);
        for c in j.engine.changes(root, "") {
            let rule = rule_of(part, c.kind);
            let grade = grade_of(c.kind, c.impact, dir);
            let message = describe(part, n, &c, dir, grade);
            let key = (c.old, c.new, format!("{}{:?}", c.pointer, c.kind), rule.id);
            match pending.get(&key) {
                Some((g, _)) if *g >= grade => {}
                _ => {
                    pending.insert(key, (grade, message));
                }
            }
        }
    }
    let _ = o;
    for ((old, new, _, id), (grade, message)) in pending {
        let rule = super::RULES
            .iter()
            .copied()
            .find(|r| r.id == id)
            .unwrap_or(&PAYLOAD_FORMAT_CHANGED);
        j.report(rule, grade, Some(old), Some(new), message);
    }
}

/// The message of one schema change: what changed, where, and why it matters in its direction.
fn describe(part: Part, n: &Message, c: &SchemaChange, dir: Direction, grade: Grade) -> String {
    let mut what = c.kind.slug().replace('-', " ");
    if let Some(s) = &c.subject {
        what.push_str(&format!(" `{s}`"));
    }
    match (&c.old_value, &c.new_value) {
        (Some(a), Some(b)) => what.push_str(&format!(" (from {a} to {b})")),
        (Some(a), None) => what.push_str(&format!(" (was {a})")),
        (None, Some(b)) => what.push_str(&format!(" (now {b})")),
        (None, None) => {}
    }
    let at = if c.pointer.is_empty() {
        String::new()
    } else {
        format!(" at `{}`", c.pointer)
    };
    let sent = dir == Direction::ProviderWrites;
    let why = match (grade, sent) {
        (Grade::Breaking, true) => {
            ": the service sends this message, and consumers written against the old schema do not expect it. Keep what is sent within the old schema, or publish a new message type"
        }
        (Grade::Breaking, false) => {
            ": the service receives this message, and senders still send what the old schema allowed, which it now rejects. Keep accepting what the old schema allowed"
        }
        (Grade::Warning, true) => ": consumers of this message that are strict about it may break",
        (Grade::Warning, false) => ": senders that relied on the old behaviour may be affected",
        _ => "",
    };
    format!("{} of message `{}`: {what}{at}{why}", part.name(), name(n))
}

/// Avro and protobuf payloads, judged by the registry's rules in the message's direction: what
/// the service sends is read by old readers (forward), what it receives is read with the new
/// schema from old writers (backward).
#[allow(clippy::too_many_arguments)]
fn other(
    j: &mut Judge,
    o: &Message,
    n: &Message,
    lang: Language,
    a: &serde_json::Value,
    b: &serde_json::Value,
    dirs: Dirs,
) {
    let mut modes = Vec::new();
    if dirs.sent {
        modes.push(Mode::Forward);
    }
    if dirs.received {
        modes.push(Mode::Backward);
    }
    let (bad_rule, ok_rule): (&'static BreakingRule, &'static BreakingRule) = match lang {
        Language::Avro => (&AVRO_INCOMPATIBLE, &AVRO_ADDITION),
        Language::Protobuf => (&PROTOBUF_INCOMPATIBLE, &PROTOBUF_ADDITION),
        Language::Json => (&PAYLOAD_FORMAT_CHANGED, &PAYLOAD_FORMAT_CHANGED),
    };
    let report = match registry::compare_raw(lang, a, b, &modes) {
        Ok(r) => r,
        Err(e) => {
            let msg = format!(
                "the payload of message `{}` could not be compared: {e}",
                name(n)
            );
            j.report(
                &PAYLOAD_FORMAT_CHANGED,
                Grade::Breaking,
                Some(o.span),
                Some(n.span),
                msg,
            );
            return;
        }
    };
    for i in &report.incompatible {
        let msg = format!(
            "payload of message `{}` ({} {}): {}. {}",
            name(n),
            dirs.describe(),
            lang.name(),
            i,
            if dirs.sent {
                "Readers of the old schema cannot read what the service now sends; keep the change resolvable (give fields defaults, only promote types)"
            } else {
                "The new schema cannot read what senders still write; keep the change resolvable (give fields defaults, only promote types)"
            }
        );
        j.report(bad_rule, Grade::Breaking, Some(o.span), Some(n.span), msg);
    }
    if report.incompatible.is_empty() && report.changed {
        let msg = format!(
            "the {} payload of message `{}` changed compatibly",
            lang.name(),
            name(n)
        );
        j.report(ok_rule, Grade::Addition, Some(o.span), Some(n.span), msg);
    }
}

/// The registry mode treaty.yaml gives the message (by name) or its channel (by address or id).
fn registry_mode(j: &Judge, n: &Message) -> Option<Mode> {
    let modes = j.cx.new_ws.registry.get(&j.new.name)?;
    let by_name = n.name.as_deref().and_then(|nm| modes.get(nm));
    let by_channel = || {
        j.new
            .channels
            .iter()
            .filter(|c| {
                c.messages
                    .iter()
                    .any(|&m| j.new.messages.get(m).is_some_and(|x| x.key == n.key))
            })
            .find_map(|c| {
                c.address
                    .as_deref()
                    .and_then(|a| modes.get(a))
                    .or_else(|| modes.get(&c.id))
            })
    };
    by_name.or_else(by_channel).map(|e| e.mode)
}

/// A payload judged by a registry mode rather than by direction.
fn registry_payload(j: &mut Judge, o: &Message, n: &Message, mode: Mode) {
    let (os, ns) = (o.span, n.span);
    let issues: Vec<(String, Span, Span)> = match (&o.payload, &n.payload) {
        (Payload::Schema(a), Payload::Schema(b)) => registry::json::check_mode(
            &j.old.schemas,
            *a,
            &j.new.schemas,
            *b,
            mode,
            registry::Policy::Strict,
        )
        .into_iter()
        .map(|d| (d.to_string(), d.old, d.new))
        .collect(),
        (
            Payload::Other {
                schema_format: fa,
                schema: sa,
            },
            Payload::Other {
                schema_format: fb,
                schema: sb,
            },
        ) if registry::language_of(fa).is_some()
            && registry::language_of(fa) == registry::language_of(fb) =>
        {
            let lang = registry::language_of(fa).unwrap_or(Language::Avro);
            match registry::compare_raw(lang, sa, sb, &mode.checks()) {
                Ok(r) => r.incompatible.into_iter().map(|i| (i, os, ns)).collect(),
                Err(e) => vec![(e, os, ns)],
            }
        }
        (a, b) if a == b => Vec::new(),
        (a, b) => vec![(
            format!(
                "the payload changed language from {} to {}",
                language_name(a),
                language_name(b)
            ),
            os,
            ns,
        )],
    };
    for (i, old, new) in issues {
        let msg = format!(
            "payload of message `{}` under registry mode {}: {i}. The registry refuses the new schema; keep the change within the mode",
            name(n),
            mode.as_str()
        );
        j.report(
            &REGISTRY_INCOMPATIBLE,
            Grade::Breaking,
            Some(old),
            Some(new),
            msg,
        );
    }
}
