//! The AsyncAPI starter set: rules over one loaded AsyncAPI contract (2.x or 3.0).
//!
//! The rules read only the model the loader built, so they treat both versions alike: 2.x
//! `publish`/`subscribe` have already become `receive`/`send`, traits are merged, and `$ref`s are
//! resolved (messages are shared by index, so "the same message" means the same resolved
//! object). Findings point at the element's key, where `x-treaty-ignore` written on the element
//! silences them.

use std::collections::{HashMap, HashSet};

use crate::formats::tree::escape_pointer_token;
use crate::lint::{LintCx, LintRule, Sink};
use crate::lint_rule;
use crate::model::{Contract, Payload, VersionSource, path_params};
use crate::schema::validate::{Violation, validate};
use crate::source::Span;

/// The AsyncAPI rules, in registry order.
pub static RULES: &[&LintRule] = &[
    &OPERATION_ID_UNIQUE,
    &OPERATION_MESSAGE_NOT_IN_CHANNEL,
    &MESSAGE_PAYLOAD,
    &EXAMPLE_VALID,
    &INFO_VERSION_SEMVER,
    &COMPONENT_UNUSED,
    &CHANNEL_PARAMS_DECLARED,
];

lint_rule! {
    /// ## What it does
    /// Checks that no two operations share an `operationId`.
    ///
    /// ## Why is this bad?
    /// AsyncAPI 2.x requires operation ids to be unique among all operations of the document:
    /// code generators name functions after them and tools pair operations across revisions by
    /// them, so two operations with one id collide or are silently confused. (3.0 operations are
    /// keys of one mapping and cannot collide.)
    ///
    /// ## Example
    /// ```yaml
    /// channels:
    ///   orders/created:
    ///     subscribe:
    ///       operationId: orderEvents
    ///   orders/cancelled:
    ///     subscribe:
    ///       operationId: orderEvents   # used twice
    /// ```
    /// Use instead: `operationId: orderCreated` and `operationId: orderCancelled`.
    pub OPERATION_ID_UNIQUE = "asyncapi-operation-id-unique", formats: [Asyncapi],
    categories: ["ASYNCAPI"], default: true, severity: Error, check: Contract(operation_id_unique)
}

fn operation_id_unique(cx: &LintCx, c: &Contract, sink: &mut Sink) {
    let mut ids: Vec<(&str, Span)> = c
        .channels
        .iter()
        .flat_map(|ch| &ch.operations)
        .filter_map(|op| op.id_span.map(|s| (op.id.as_str(), s)))
        .collect();
    ids.sort_by_key(|(_, span)| *span);
    let mut first: HashMap<&str, Span> = HashMap::new();
    for (id, span) in ids {
        match first.get(id) {
            Some(earlier) => {
                let line = cx.sources().line_col(*earlier).line;
                sink.report(
                    span,
                    format!("operationId `{id}` is already used by the operation on line {line}"),
                );
            }
            None => {
                first.insert(id, span);
            }
        }
    }
}

lint_rule! {
    /// ## What it does
    /// Checks that every message an AsyncAPI 3.0 operation lists is a message of the operation's
    /// channel, and that every message of an operation's `reply` is a message of the reply
    /// channel.
    ///
    /// ## Why is this bad?
    /// The channel says what may travel on it; an operation only picks the subset it sends or
    /// receives. The specification requires operation `messages` to be a subset of the channel's
    /// `messages`: a message outside it is either a mistake (the wrong `$ref`) or a message the
    /// channel's other users do not expect.
    ///
    /// ## Example
    /// ```yaml
    /// channels:
    ///   orders:
    ///     messages:
    ///       OrderCreated: {$ref: '#/components/messages/OrderCreated'}
    ///   payments:
    ///     messages:
    ///       PaymentTaken: {$ref: '#/components/messages/PaymentTaken'}
    /// operations:
    ///   publishOrder:
    ///     action: send
    ///     channel: {$ref: '#/channels/orders'}
    ///     messages:
    ///       - $ref: '#/channels/payments/messages/PaymentTaken'   # not a message of `orders`
    /// ```
    /// Use instead: list `#/channels/orders/messages/OrderCreated`, or add the message to the
    /// channel.
    pub OPERATION_MESSAGE_NOT_IN_CHANNEL = "asyncapi-operation-message-not-in-channel", formats: [Asyncapi],
    categories: ["ASYNCAPI"], default: true, severity: Error, check: Contract(operation_message_not_in_channel)
}

fn operation_message_not_in_channel(_cx: &LintCx, c: &Contract, sink: &mut Sink) {
    // 2.x operations carry the channel's messages by construction.
    if !c.spec_version.starts_with('3') {
        return;
    }
    let name = |i: usize| c.messages.get(i).map(|m| m.id.as_str()).unwrap_or("?");
    for ch in &c.channels {
        for op in &ch.operations {
            for &m in op.messages.iter().filter(|m| !ch.messages.contains(m)) {
                sink.report(
                    op.span,
                    format!(
                        "operation `{}` lists message `{}`, which is not a message of its channel `{}`",
                        op.id,
                        name(m),
                        ch.id
                    ),
                );
            }
            let Some(reply) = &op.reply else { continue };
            let Some(reply_channel) = reply
                .channel
                .as_deref()
                .and_then(|id| c.channels.iter().find(|x| x.id == id))
            else {
                continue;
            };
            for &m in reply
                .messages
                .iter()
                .filter(|m| !reply_channel.messages.contains(m))
            {
                sink.report(
                    reply.span,
                    format!(
                        "the reply of operation `{}` lists message `{}`, which is not a message of the reply channel `{}`",
                        op.id,
                        name(m),
                        reply_channel.id
                    ),
                );
            }
        }
    }
}

lint_rule! {
    /// ## What it does
    /// Checks that every message has a `payload`.
    ///
    /// ## Why is this bad?
    /// A message without a payload schema says nothing about what consumers will receive: they
    /// cannot generate types for it, examples cannot be checked, and no change to it can be
    /// judged breaking or not. A message that really has no body says so with an empty schema
    /// (`payload: {type: object, additionalProperties: false}`).
    ///
    /// ## Example
    /// ```yaml
    /// components:
    ///   messages:
    ///     OrderCreated:
    ///       name: OrderCreated
    ///       contentType: application/json   # no payload
    /// ```
    /// Use instead: add `payload: {$ref: '#/components/schemas/OrderCreated'}`.
    pub MESSAGE_PAYLOAD = "asyncapi-message-payload", formats: [Asyncapi],
    categories: ["ASYNCAPI"], default: true, severity: Error, check: Contract(message_payload)
}

fn message_payload(_cx: &LintCx, c: &Contract, sink: &mut Sink) {
    for m in c.messages.iter().filter(|m| m.payload == Payload::None) {
        sink.report(m.span, format!("message `{}` has no payload", m.id));
    }
}

lint_rule! {
    /// ## What it does
    /// Checks that the `payload` and `headers` of every message example are valid against the
    /// message's payload and header schemas.
    ///
    /// ## Why is this bad?
    /// Examples are read by people and by tools (documentation, mock producers, contract tests).
    /// An example that its own schema rejects misleads the reader and breaks the tools, and it
    /// usually means the schema or the example was changed without the other.
    ///
    /// Payloads in another schema language (Avro, protobuf) are not checked.
    ///
    /// ## Example
    /// ```yaml
    /// payload:
    ///   type: object
    ///   properties:
    ///     orderId: {type: integer}
    /// examples:
    ///   - payload:
    ///       orderId: "42"      # a string, the schema says integer
    /// ```
    /// Use instead: `orderId: 42`.
    pub EXAMPLE_VALID = "asyncapi-example-valid", formats: [Asyncapi],
    categories: ["ASYNCAPI"], default: true, severity: Error, check: Contract(example_valid)
}

fn example_valid(_cx: &LintCx, c: &Contract, sink: &mut Sink) {
    for m in &c.messages {
        for (i, ex) in m.examples.iter().enumerate() {
            let name = ex.name.clone().unwrap_or_else(|| format!("#{}", i + 1));
            if let (Some(value), Payload::Schema(id)) = (&ex.payload, &m.payload) {
                let v = validate(&c.schemas, *id, value);
                if !v.is_empty() {
                    sink.report(
                        ex.span,
                        format!(
                            "the payload of example {name} of message `{}` does not match its schema: {}",
                            m.id,
                            describe(&v)
                        ),
                    );
                }
            }
            if let (Some(value), Some(id)) = (&ex.headers, m.headers) {
                let v = validate(&c.schemas, id, value);
                if !v.is_empty() {
                    sink.report(
                        ex.span,
                        format!(
                            "the headers of example {name} of message `{}` do not match their schema: {}",
                            m.id,
                            describe(&v)
                        ),
                    );
                }
            }
        }
    }
}

/// The first few violations, `at /pointer: message`.
fn describe(violations: &[Violation]) -> String {
    const SHOWN: usize = 3;
    let mut parts: Vec<String> = violations
        .iter()
        .take(SHOWN)
        .map(|v| {
            let path = if v.instance_path.is_empty() {
                "/"
            } else {
                &v.instance_path
            };
            format!("at {path}: {}", v.message)
        })
        .collect();
    if violations.len() > SHOWN {
        parts.push(format!("and {} more", violations.len() - SHOWN));
    }
    parts.join("; ")
}

lint_rule! {
    /// ## What it does
    /// Checks that `info.version` is a semantic version (`MAJOR.MINOR.PATCH`, with optional
    /// pre-release and build parts).
    ///
    /// ## Why is this bad?
    /// treaty judges every change to a contract by the semantic-version bump it needs and checks
    /// the declared version against it. A version that is not semver (`v2`, `1.0`, a build
    /// placeholder) cannot be compared, so that check, and every consumer that pins versions,
    /// has nothing to go on.
    ///
    /// ## Example
    /// ```yaml
    /// info:
    ///   title: Order events
    ///   version: '2'
    /// ```
    /// Use instead: `version: 2.0.0`.
    pub INFO_VERSION_SEMVER = "asyncapi-info-version-semver", formats: [Asyncapi],
    categories: ["ASYNCAPI"], default: true, severity: Error, check: Contract(info_version_semver)
}

fn info_version_semver(_cx: &LintCx, c: &Contract, sink: &mut Sink) {
    let Some(v) = &c.version else { return };
    if v.source != VersionSource::Info || semver::Version::parse(&v.text).is_ok() {
        return;
    }
    let at = v.span.unwrap_or(Span::file_start(c.root_file));
    sink.report(
        at,
        format!(
            "info.version `{}` is not a semantic version (MAJOR.MINOR.PATCH)",
            v.text
        ),
    );
}

lint_rule! {
    /// ## What it does
    /// Reports components (schemas, messages, channels, parameters, traits, correlation ids,
    /// security schemes, …) that nothing in the document refers to.
    ///
    /// ## Why is this bad?
    /// An unused component is dead text that still has to be read, reviewed and kept in step
    /// with the rest. Often it is what is left after a rename, or a `$ref` that points at a
    /// different component by mistake. The specification lets components go unused, so this is a
    /// warning.
    ///
    /// A component counts as used when any `$ref` anywhere in the contract points at it (or
    /// inside it), or, for 2.x security schemes, when a security requirement names it.
    ///
    /// ## Example
    /// ```yaml
    /// components:
    ///   schemas:
    ///     OrderV1:        # nothing refers to it any more
    ///       type: object
    /// ```
    /// Use instead: delete it, or refer to it.
    pub COMPONENT_UNUSED = "asyncapi-component-unused", formats: [Asyncapi],
    categories: ["ASYNCAPI"], default: true, severity: Warning, check: Contract(component_unused)
}

fn component_unused(cx: &LintCx, c: &Contract, sink: &mut Sink) {
    let display = &cx.sources().get(c.root_file).display;
    // A reference into a component (`#/components/schemas/Order/properties/id`) uses it too.
    let mut used: HashSet<&str> = HashSet::new();
    for r in &c.referenced {
        let mut prefix = r.as_str();
        loop {
            used.insert(prefix);
            match prefix.rsplit_once('/') {
                Some((p, _)) if p.contains('#') => prefix = p,
                _ => break,
            }
        }
    }
    let location = |kind: &str, name: &str| {
        format!(
            "{display}#/components/{kind}/{}",
            escape_pointer_token(name)
        )
    };
    for (name, id) in &c.components {
        if !used.contains(location("schemas", name).as_str()) {
            sink.report(
                c.schemas.get(*id).span,
                format!("component schema `{name}` is never referenced"),
            );
        }
    }
    for (kind, names) in &c.other_components {
        for (name, span) in names {
            if !used.contains(location(kind, name).as_str()) {
                sink.report(
                    *span,
                    format!("component `{kind}.{name}` is never referenced"),
                );
            }
        }
    }
}

lint_rule! {
    /// ## What it does
    /// Checks that every `{parameter}` in a channel address is declared in the channel's
    /// `parameters`, and that every declared parameter appears in the address.
    ///
    /// ## Why is this bad?
    /// A placeholder without a declaration leaves its values unknown to producers and consumers
    /// (and to code generators, which need its name and type); a declared parameter the address
    /// does not use is dead, and usually a typo of the placeholder's name.
    ///
    /// ## Example
    /// ```yaml
    /// channels:
    ///   orderEvents:
    ///     address: 'orders/{orderId}/events'
    ///     parameters:
    ///       orderID: {}      # `orderId` undeclared; `orderID` unused
    /// ```
    /// Use instead: name the parameter `orderId`.
    pub CHANNEL_PARAMS_DECLARED = "asyncapi-channel-params-declared", formats: [Asyncapi],
    categories: ["ASYNCAPI"], default: true, severity: Error, check: Contract(channel_params_declared)
}

fn channel_params_declared(_cx: &LintCx, c: &Contract, sink: &mut Sink) {
    for ch in &c.channels {
        // A null address is unknown until run time; there is nothing to compare with.
        let Some(address) = &ch.address else { continue };
        let used = path_params(address);
        for name in &used {
            if !ch.parameters.iter().any(|p| p.name == *name) {
                sink.report(
                    ch.span,
                    format!("address `{address}` uses `{{{name}}}`, but the channel declares no parameter `{name}`"),
                );
            }
        }
        for p in ch
            .parameters
            .iter()
            .filter(|p| !used.contains(&p.name.as_str()))
        {
            sink.report(
                p.span,
                format!(
                    "parameter `{}` does not appear in the address `{address}`",
                    p.name
                ),
            );
        }
    }
}
