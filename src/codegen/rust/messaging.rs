//! The `messaging` module of a generated crate, from an AsyncAPI contract.
//!
//! An AsyncAPI contract says, from its service's point of view, which channels it sends to and
//! receives from, which message types travel on each, and (through FTGO's conventions, see
//! docs/conventions.md) how each channel delivers (`x-channel-kind`), what each message is for
//! (`x-message-kind`), which header names its type (the `const` of `command_type`, `event-type` or
//! `reply_type` in its headers schema) and how it is partitioned (`x-shard-key`). This generator
//! turns that into typed Rust over the runtime's `Transport` (runtime/src/messaging.rs), with the
//! plumbing every contract shares in runtime/src/dispatch.rs:
//!
//! * `channels`: the address and the kind of every channel (and the consumer group the contract
//!   declares for receiving), and a function for addresses with parameters;
//! * `message_types`: the type-header value of every message;
//! * per channel the service **sends events or other one-way messages** to: a publisher struct
//!   with one method per message that sets the type header, the fixed headers, and the partition
//!   key headers from the shard key the contract declares;
//! * per channel the service **sends commands** to (a send operation with a `reply`): a client
//!   over the runtime's `Requester`, one method per command, answering with an enum of the
//!   replies the contract allows; the same client is generated from a service's own command
//!   channel (a receive operation with a `reply`), for the services that call it;
//! * per channel the service **receives** from: a handler trait with one method per message
//!   (returning the reply for commands) and a dispatcher that reads a subscription, skips
//!   duplicates, decodes by type header, calls the handler, and sends a command's reply to the
//!   channel the command names;
//! * with the crate feature `validate`: `contract()` and `install_contract(broker)`, which
//!   declare every channel's kind on an in-memory broker and check every message sent there
//!   against the contract's JSON Schemas ([`super::schema_json`]).
//!
//! Payload types come from [`super::types::TypeGen`]. AsyncAPI 2.6 has no reply object: a
//! receive operation of commands without one takes as its replies the reply messages the
//! contract sends (FTGO's 2.6 contracts declare them on a `{sagaType}-reply` channel), since the
//! reply's address comes from the command's `command_reply_to` header either way.
//!
//! Identifiers all come from [`super::ident`], made unique per namespace; items are generated in
//! contract order, so the output is the same on every run.

use std::collections::BTreeSet;

use proc_macro2::{Ident, TokenStream};
use quote::quote;
use serde_json::Value;

use super::ident::{self, Scope};
use super::{CrateCx, Module, doc, doc_inner, raw_json, schema_json};
use crate::codegen::GenError;
use crate::lint::convention::{CHANNEL_KIND, MESSAGE_KIND, SHARD_KEY};
use crate::model::{
    Action, Channel, ChannelOperation, Contract, Message, Payload, SchemaArena, SchemaId,
};

/// The extension that closes a channel's (or a sending operation's) set of message types.
const CLOSED_MESSAGE_SET: &str = "x-closed-message-set";

/// The headers that name a message's type, in the order the runtime's `MessageHeaders` reads
/// them, and the message kind each belongs to.
const TYPE_HEADERS: &[(&str, &str)] = &[
    ("event-type", "event"),
    ("command_type", "command"),
    ("reply_type", "reply"),
];

/// The header the runtime's broker partitions by.
const PARTITION_ID: &str = "PARTITION_ID";
/// The FTGO header that carries an event's aggregate id.
const AGGREGATE_ID: &str = "event-aggregate-id";

/// At most this many addresses are listed for a channel whose address has parameters.
const MAX_EXPANSIONS: usize = 64;

/// Generates the `messaging` module for one AsyncAPI contract; `None` when it has no channels.
pub fn generate(cx: &mut CrateCx, contract: &Contract) -> Result<Option<Module>, GenError> {
    if contract.channels.is_empty() {
        return Ok(None);
    }
    let plan = Plan::new(cx, contract);
    let code = plan.render(contract)?;
    let name = cx.modules.unique("messaging".to_string());
    cx.feature("validate", &["treaty-runtime/validate"]);
    Ok(Some(Module {
        name,
        sources: cx.source_names(contract),
        code,
    }))
}

/// How a message's partition key is found when it is written.
#[derive(Clone, Debug, PartialEq)]
enum KeySource {
    /// No key.
    None,
    /// The caller passes it (the shard key is a header, or the message has a Kafka key).
    Param,
    /// Read from the payload at this JSON pointer.
    Payload(String),
}

/// One message of the contract, as the generated code names and writes it.
struct Msg {
    /// The name the contract gives it (its `name`, else its id).
    name: String,
    /// In `message_types`.
    konst: Ident,
    /// Method names: `create_ticket`.
    snake: String,
    /// Enum variants: `CreateTicket`.
    camel: String,
    kind: Option<String>,
    /// The header naming the message's type, and its value.
    type_header: Option<(String, String)>,
    /// Headers with a value fixed by the contract (the type header first).
    fixed: Vec<(String, String)>,
    key: KeySource,
    /// The headers that carry the partition key.
    key_headers: Vec<String>,
    /// Named after the aggregate (`aggregate_id`) or not (`key`).
    key_param: Ident,
    body: TokenStream,
    title: Option<String>,
    /// Summary and description.
    details: Vec<String>,
    headers_schema: Option<SchemaId>,
    payload_schema: Option<SchemaId>,
}

impl Msg {
    /// `` `CreateTicket` (Create ticket) ``.
    fn describe(&self) -> String {
        match &self.title {
            Some(t) if !t.eq_ignore_ascii_case(&self.name) => format!("`{}` ({t})", self.name),
            _ => format!("`{}`", self.name),
        }
    }

    /// A doc text: `head`, the message's summary and description, then `notes`.
    fn doc(&self, head: &str, notes: &str) -> String {
        let mut parts = vec![head.to_string()];
        parts.extend(self.details.iter().cloned());
        if !notes.is_empty() {
            parts.push(notes.to_string());
        }
        wrap(&parts.join("\n\n"))
    }

    /// The parameter name of a message body, after what the message is.
    fn param(&self) -> Ident {
        ident::ident(match self.kind.as_deref() {
            Some("event") => "event",
            Some("command") => "command",
            Some("reply") => "reply",
            _ => "message",
        })
    }
}

/// How a channel's address is known.
enum Address {
    /// The address and its constant in `channels`.
    Fixed(String, Ident),
    /// A template with `{parameter}`s: the function that fills it, its parameters, and the
    /// addresses the parameters' `enum`s allow.
    Template {
        func: Ident,
        params: Vec<(String, Ident)>,
        expansions: Vec<String>,
    },
    /// Known only at run time (a reply channel whose address comes from a header).
    Unknown,
}

struct Chan<'c> {
    ch: &'c Channel,
    /// `KitchenServiceCommands`: the base of the channel's type names.
    base: String,
    address: Address,
    /// `channels::KITCHEN_SERVICE_COMMANDS_KIND`.
    kind_const: Ident,
    point_to_point: bool,
    closed: bool,
    /// The consumer group for receiving, and its constant.
    group: Option<(String, Ident)>,
    /// Message indices of the channel.
    messages: Vec<usize>,
}

/// Everything decided before any code is written.
struct Plan<'c> {
    msgs: Vec<Msg>,
    chans: Vec<Chan<'c>>,
    /// The reply messages of each operation, by channel index and operation index.
    replies: Vec<Vec<Vec<usize>>>,
    /// Reply-only send operations whose messages are the replies of a receive operation.
    reply_routes: BTreeSet<(usize, usize)>,
    contract_name: String,
    service: String,
}

fn ext_str<'a>(ext: &'a indexmap::IndexMap<String, Value>, key: &str) -> Option<&'a str> {
    ext.get(key).and_then(Value::as_str)
}

fn ext_true(ext: &indexmap::IndexMap<String, Value>, key: &str) -> bool {
    ext.get(key).and_then(Value::as_bool) == Some(true)
}

/// A schema's `const` or single `enum` value as header text, looking through references.
fn fixed_value(arena: &SchemaArena, id: SchemaId) -> Option<String> {
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    for id in [id, arena.resolve(id)] {
        let s = arena.get(id);
        if let Some(v) = &s.const_value {
            return Some(text(v));
        }
        if let Some([v]) = s.enum_values.as_deref() {
            return Some(text(v));
        }
    }
    None
}

fn enum_values(arena: &SchemaArena, id: SchemaId) -> Option<&[Value]> {
    [id, arena.resolve(id)]
        .into_iter()
        .find_map(|id| arena.get(id).enum_values.as_deref())
}

/// The properties and required names of a headers schema (looking through a reference).
fn header_props(arena: &SchemaArena, id: SchemaId) -> (Vec<(String, SchemaId)>, Vec<String>) {
    let s = arena.get(arena.resolve(id));
    (
        s.properties.iter().map(|(k, v)| (k.clone(), *v)).collect(),
        s.required.clone(),
    )
}

/// `$message.header#/NAME` → header NAME; `$message.payload#/a/b` → payload pointer `/a/b`.
enum Expr {
    Header(String),
    Payload(String),
}

fn parse_expr(text: &str) -> Option<Expr> {
    let (source, pointer) = text.trim().split_once('#')?;
    match source {
        "$message.header" => {
            let name = pointer.strip_prefix('/')?;
            Some(Expr::Header(name.replace("~1", "/").replace("~0", "~")))
        }
        "$message.payload" => Some(Expr::Payload(pointer.to_string())),
        _ => None,
    }
}

/// A channel's doc text: its description.
fn channel_doc(ch: &Channel) -> String {
    ch.description.clone().unwrap_or_default()
}

/// The base of the type names of a channel: its id, or for an id that is an address
/// (`net.chrisrichardson.ftgo.consumerservice.domain.Consumer`) its last segment.
fn channel_base(ch: &Channel) -> String {
    let id = ch.id.as_str();
    let last = id.rsplit(['.', '/']).find(|s| !s.is_empty()).unwrap_or(id);
    ident::camel(last)
}

/// The parameters of an address template, in order.
fn template_params(address: &str) -> Vec<&str> {
    crate::model::path_params(address)
}

/// Every address a template allows when each parameter lists its values.
fn expansions(ch: &Channel, address: &str) -> Vec<String> {
    let mut out = vec![address.to_string()];
    for p in template_params(address) {
        let Some(values) = ch
            .parameters
            .iter()
            .find(|cp| cp.name == p)
            .and_then(|cp| cp.enum_values.as_ref())
        else {
            return Vec::new();
        };
        let values: Vec<String> = values
            .iter()
            .map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        out = out
            .iter()
            .flat_map(|a| {
                values
                    .iter()
                    .map(move |v| a.replacen(&format!("{{{p}}}"), v, 1))
            })
            .collect();
        if out.len() > MAX_EXPANSIONS {
            return Vec::new();
        }
    }
    out
}

/// The consumer group a receive operation declares (`bindings.kafka.groupId`, a const or a
/// one-value enum).
fn declared_group(op: &ChannelOperation) -> Option<String> {
    let g = op.bindings.get("kafka")?.get("groupId")?;
    let one = |v: &Value| v.as_str().map(str::to_string);
    g.get("const")
        .and_then(one)
        .or_else(|| match g.get("enum")?.as_array()?.as_slice() {
            [v] => one(v),
            _ => None,
        })
}

impl<'c> Plan<'c> {
    fn new(cx: &mut CrateCx, contract: &'c Contract) -> Plan<'c> {
        let arena = &contract.schemas;
        let mut type_consts = Scope::new();
        let msgs: Vec<Msg> = contract
            .messages
            .iter()
            .map(|m| Self::message(cx, contract, arena, m, &mut type_consts))
            .collect();

        let mut names =
            Scope::with_reserved(&["channels", "message_types", "contract", "install_contract"]);
        let mut chan_consts = Scope::new();
        let mut chans = Vec::new();
        for ch in &contract.channels {
            let base = names.unique(channel_base(ch));
            let shouty = ident::shouty(&base);
            let address = match ch.address.as_deref() {
                None => Address::Unknown,
                Some(a) if template_params(a).is_empty() => {
                    let k = chan_consts.unique(shouty.clone());
                    Address::Fixed(a.to_string(), ident::ident(&k))
                }
                Some(a) => {
                    let func = chan_consts.unique(ident::snake(&base));
                    let mut params = Scope::new();
                    let params = template_params(a)
                        .into_iter()
                        .map(|p| (p.to_string(), ident::ident(&params.unique(ident::snake(p)))))
                        .collect();
                    Address::Template {
                        func: ident::ident(&func),
                        params,
                        expansions: expansions(ch, a),
                    }
                }
            };
            let kind_const = ident::ident(&chan_consts.unique(format!("{shouty}_KIND")));
            let point_to_point = ext_str(&ch.extensions, CHANNEL_KIND) == Some("point-to-point");
            let closed = ext_true(&ch.extensions, CLOSED_MESSAGE_SET)
                || ch.operations.iter().any(|op| {
                    op.action == Action::Send && ext_true(&op.extensions, CLOSED_MESSAGE_SET)
                });
            let group = ch
                .operations
                .iter()
                .filter(|op| op.action == Action::Receive)
                .find_map(declared_group)
                .or_else(|| {
                    ch.operations
                        .iter()
                        .any(|op| op.action == Action::Receive)
                        .then(|| cx.service.clone())
                })
                .map(|g| {
                    let k = chan_consts.unique(format!("{shouty}_GROUP"));
                    (g, ident::ident(&k))
                });
            chans.push(Chan {
                ch,
                base,
                address,
                kind_const,
                point_to_point,
                closed,
                group,
                messages: ch.messages.clone(),
            });
        }

        // Replies: the operation's own, else (AsyncAPI 2.6) for a receive operation of commands,
        // the reply messages the contract sends.
        let is_kind = |i: usize, kind: &str| msgs[i].kind.as_deref() == Some(kind);
        let mut sent_replies: Vec<usize> = Vec::new();
        let mut reply_ops: Vec<(usize, usize)> = Vec::new();
        for (ci, ch) in contract.channels.iter().enumerate() {
            for (oi, op) in ch.operations.iter().enumerate() {
                if op.action == Action::Send
                    && op.reply.is_none()
                    && !op.messages.is_empty()
                    && op.messages.iter().all(|&i| is_kind(i, "reply"))
                {
                    reply_ops.push((ci, oi));
                    for &i in &op.messages {
                        if !sent_replies.contains(&i) {
                            sent_replies.push(i);
                        }
                    }
                }
            }
        }
        let mut replies = Vec::new();
        let mut borrowed = false;
        for ch in &contract.channels {
            let mut per_op = Vec::new();
            for op in &ch.operations {
                let r = match &op.reply {
                    Some(r) => r.messages.clone(),
                    None if op.action == Action::Receive
                        && !op.messages.is_empty()
                        && op.messages.iter().all(|&i| is_kind(i, "command"))
                        && !sent_replies.is_empty() =>
                    {
                        borrowed = true;
                        sent_replies.clone()
                    }
                    None => Vec::new(),
                };
                per_op.push(r);
            }
            replies.push(per_op);
        }
        let reply_routes = if borrowed {
            reply_ops.into_iter().collect()
        } else {
            BTreeSet::new()
        };
        Plan {
            msgs,
            chans,
            replies,
            reply_routes,
            contract_name: contract.name.clone(),
            service: cx.service.clone(),
        }
    }

    fn message(
        cx: &mut CrateCx,
        contract: &Contract,
        arena: &SchemaArena,
        m: &Message,
        type_consts: &mut Scope,
    ) -> Msg {
        let name = m.name.clone().unwrap_or_else(|| m.id.clone());
        let camel = ident::camel(&name);
        let konst = ident::ident(&type_consts.unique(ident::shouty(&name)));
        let kind = ext_str(&m.extensions, MESSAGE_KIND).map(str::to_string);
        let (props, required) = m
            .headers
            .map(|h| header_props(arena, h))
            .unwrap_or_default();

        // The type header: the one of the message's kind, else any of them, with a fixed value.
        let mut candidates: Vec<&str> = TYPE_HEADERS
            .iter()
            .filter(|(_, k)| Some(*k) == kind.as_deref())
            .map(|(h, _)| *h)
            .collect();
        candidates.extend(TYPE_HEADERS.iter().map(|(h, _)| *h));
        let type_header = candidates.iter().find_map(|h| {
            let (_, id) = props.iter().find(|(n, _)| n == h)?;
            Some((h.to_string(), fixed_value(arena, *id)?))
        });

        let mut fixed: Vec<(String, String)> = type_header.iter().cloned().collect();
        for (header, id) in &props {
            if fixed.iter().any(|(h, _)| h == header) {
                continue;
            }
            if let Some(v) = fixed_value(arena, *id) {
                fixed.push((header.clone(), v));
                continue;
            }
            // A required header with a choice of values that every example makes the same
            // (a reply's `reply_outcome-type`): the value this message always has.
            if !required.contains(header) || enum_values(arena, *id).is_none() {
                continue;
            }
            let seen: BTreeSet<&str> = m
                .examples
                .iter()
                .filter_map(|e| e.headers.as_ref()?.get(header)?.as_str())
                .collect();
            let all = m
                .examples
                .iter()
                .all(|e| e.headers.as_ref().is_some_and(|h| h.get(header).is_some()));
            if let (true, [only]) = (all, seen.into_iter().collect::<Vec<_>>().as_slice()) {
                let allowed = enum_values(arena, *id)
                    .is_some_and(|vs| vs.iter().any(|v| v.as_str() == Some(only)));
                if allowed {
                    fixed.push((header.clone(), only.to_string()));
                }
            }
        }

        let declared = |h: &str| props.iter().any(|(n, _)| n == h);
        let (key, mut key_headers) = match ext_str(&m.extensions, SHARD_KEY).and_then(parse_expr) {
            Some(Expr::Header(h)) => (KeySource::Param, vec![h]),
            Some(Expr::Payload(p)) => (KeySource::Payload(p), Vec::new()),
            None if m.key_schema.is_some() || declared(PARTITION_ID) => {
                (KeySource::Param, Vec::new())
            }
            None => (KeySource::None, Vec::new()),
        };
        if key != KeySource::None {
            for h in [PARTITION_ID, AGGREGATE_ID] {
                if (h == PARTITION_ID || declared(h)) && !key_headers.iter().any(|k| k == h) {
                    key_headers.push(h.to_string());
                }
            }
        }
        let key_param = ident::ident(if declared(AGGREGATE_ID) {
            "aggregate_id"
        } else {
            "key"
        });

        let (body, payload_schema) = match &m.payload {
            Payload::Schema(id) => (cx.types.type_of(contract, *id, &camel), Some(*id)),
            Payload::None | Payload::Other { .. } => (quote! { serde_json::Value }, None),
        };
        Msg {
            title: m.title.clone(),
            details: m.summary.iter().chain(&m.description).cloned().collect(),
            snake: ident::snake(&name),
            camel,
            name,
            konst,
            kind,
            type_header,
            fixed,
            key,
            key_headers,
            key_param,
            body,
            headers_schema: m.headers,
            payload_schema,
        }
    }

    fn msg(&self, i: usize) -> &Msg {
        &self.msgs[i]
    }

    fn render(&self, contract: &Contract) -> Result<TokenStream, GenError> {
        let mut used = Used::default();
        let mut items = Vec::new();
        let mut scope =
            Scope::with_reserved(&["channels", "message_types", "contract", "install_contract"]);
        for ch in &self.chans {
            scope.reserve(&ch.base);
        }
        let mut overview = Vec::new();
        for (ci, chan) in self.chans.iter().enumerate() {
            items.extend(self.channel_items(ci, chan, &mut scope, &mut used, &mut overview)?);
        }
        let contract_fns = self.contract_fns(contract, &mut used);
        let channels = self.channels_module();
        let types = self.types_module();
        let docs = doc_inner(&wrap(&self.module_doc(contract, &overview)));
        let imports = used.imports();
        Ok(quote! {
            #docs
            #imports
            #channels
            #types
            #(#items)*
            #contract_fns
        })
    }

    fn module_doc(&self, contract: &Contract, overview: &[String]) -> String {
        let mut out = String::new();
        let title = contract.title.as_deref().unwrap_or(&contract.name);
        let version = contract
            .version
            .as_ref()
            .map(|v| format!(" {}", v.text))
            .unwrap_or_default();
        out.push_str(&format!(
            "Messages of the `{}` service: {title}{version} (contract `{}`).\n\n",
            self.service, contract.name
        ));
        if let Some(d) = &contract.description {
            out.push_str(d.trim());
            out.push_str("\n\n");
        }
        out.push_str(
            "Channel addresses and kinds are in [`channels`], the type header of each message \
             in [`message_types`]. Everything here works over any \
             [`Transport`](treaty_runtime::messaging::Transport); tests use \
             [`InMemoryBroker`](treaty_runtime::broker::InMemoryBroker).\n",
        );
        if !overview.is_empty() {
            out.push('\n');
            for line in overview {
                out.push_str("* ");
                out.push_str(line);
                out.push('\n');
            }
        }
        out.push_str(
            "\nWith the crate feature `validate`, [`install_contract`] declares each channel's \
             kind on an in-memory broker and makes it refuse messages that break the contract \
             (the error names the channel, the message, the JSON pointer of the bad value and \
             what is wrong). To check several services' contracts on one broker, merge their \
             [`contract`]s and install the result once.",
        );
        out
    }

    /// The address expression of a channel for code inside a method, and the parameters a
    /// method needs for it.
    fn address_expr(&self, chan: &Chan) -> Option<(TokenStream, Vec<Ident>)> {
        match &chan.address {
            Address::Fixed(_, k) => Some((quote! { channels::#k }, Vec::new())),
            Address::Template { func, params, .. } => {
                let ps: Vec<Ident> = params.iter().map(|(_, p)| p.clone()).collect();
                Some((quote! { &channels::#func(#(#ps),*) }, ps))
            }
            Address::Unknown => None,
        }
    }

    fn channel_items(
        &self,
        ci: usize,
        chan: &Chan<'c>,
        scope: &mut Scope,
        used: &mut Used,
        overview: &mut Vec<String>,
    ) -> Result<Vec<TokenStream>, GenError> {
        let ch = chan.ch;
        let mut items = Vec::new();
        let label = match &ch.address {
            Some(a) => format!("`{a}`"),
            None => format!("`{}` (address known at run time)", ch.id),
        };
        let sends: Vec<(usize, &ChannelOperation)> = ch
            .operations
            .iter()
            .enumerate()
            .filter(|(oi, op)| op.action == Action::Send && !self.reply_routes.contains(&(ci, *oi)))
            .collect();
        let receives: Vec<(usize, &ChannelOperation)> = ch
            .operations
            .iter()
            .enumerate()
            .filter(|(_, op)| op.action == Action::Receive)
            .collect();
        let Some((address, addr_params)) = self.address_expr(chan) else {
            // Nothing can be sent to or subscribed on a channel without an address; its
            // messages are the replies of a command channel, sent by the dispatcher.
            return Ok(items);
        };

        // Reply enums, one per operation with replies (named after the channel when only one
        // operation of that action has replies).
        let mut reply_enum = vec![None; ch.operations.len()];
        for action in [Action::Send, Action::Receive] {
            let with: Vec<usize> = (0..ch.operations.len())
                .filter(|&oi| {
                    ch.operations[oi].action == action && !self.replies[ci][oi].is_empty()
                })
                .collect();
            for &oi in &with {
                let base = if with.len() == 1 {
                    format!("{}Reply", chan.base)
                } else {
                    format!("{}Reply", ident::camel(&ch.operations[oi].id))
                };
                let name = scope.unique(base);
                reply_enum[oi] = Some(ident::ident(&name));
            }
        }

        // One-way sends: a publisher.
        let one_way: Vec<usize> = self.collect(
            sends
                .iter()
                .filter(|(oi, _)| reply_enum[*oi].is_none())
                .map(|(_, op)| *op),
        );
        if !one_way.is_empty() {
            let name = ident::ident(&scope.unique(format!("{}Publisher", chan.base)));
            items.push(self.publisher(chan, &name, &one_way, &address, &addr_params, used));
            overview.push(format!(
                "{label}: this service sends {} with [`{name}`].",
                self.names(&one_way)
            ));
        }

        // Commands: a client, from the send operations, else from the receive operations (for
        // the services that call this one).
        let with_reply =
            |ops: &[(usize, &'c ChannelOperation)]| -> Vec<(&'c ChannelOperation, Ident)> {
                ops.iter()
                    .filter_map(|(oi, op)| Some((*op, reply_enum[*oi].clone()?)))
                    .collect()
            };
        let mut command_ops = with_reply(&sends);
        if command_ops.is_empty() {
            command_ops = with_reply(&receives);
        }
        if !command_ops.is_empty() {
            let name = ident::ident(&scope.unique(format!("{}Client", chan.base)));
            let mut entries: Vec<(usize, Ident)> = Vec::new();
            for (op, reply) in &command_ops {
                for &i in &op.messages {
                    if !entries.iter().any(|(m, _)| *m == i) {
                        entries.push((i, reply.clone()));
                    }
                }
            }
            items.push(self.client(chan, &name, &entries, &address, &addr_params, used));
            let replies: Vec<String> = command_ops
                .iter()
                .filter_map(|(op, _)| {
                    let r = op.reply.as_ref()?;
                    r.channel_address.as_ref().map(|a| format!("`{a}`"))
                })
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let entries_idx: Vec<usize> = entries.iter().map(|(i, _)| *i).collect();
            overview.push(format!(
                "{label}: commands {} are sent with [`{name}`]{}.",
                self.names(&entries_idx),
                if replies.is_empty() {
                    String::new()
                } else {
                    format!(", whose replies come back on {}", replies.join(" or "))
                }
            ));
        }
        // Reply enums of the operations that have them.
        for (oi, name) in reply_enum.iter().enumerate() {
            if let Some(name) = name {
                items.push(self.reply_enum(ci, oi, name, used));
            }
        }

        // Receiving: a handler trait and a dispatcher per channel.
        if !receives.is_empty() {
            let handler = ident::ident(&scope.unique(format!("{}Handler", chan.base)));
            let dispatcher = ident::ident(&scope.unique(format!("{}Dispatcher", chan.base)));
            let mut entries: Vec<(usize, Option<Ident>)> = Vec::new();
            for (oi, op) in &receives {
                for &i in &op.messages {
                    if !entries.iter().any(|(m, _)| *m == i) {
                        entries.push((i, reply_enum[*oi].clone()));
                    }
                }
            }
            items.push(self.handler(chan, &handler, &entries, used));
            items.push(self.dispatcher(
                chan,
                &handler,
                &dispatcher,
                &entries,
                &address,
                &addr_params,
                used,
            ));
            let idx: Vec<usize> = entries.iter().map(|(i, _)| *i).collect();
            overview.push(format!(
                "{label}: this service receives {}: implement [`{handler}`] and run a [`{dispatcher}`].",
                self.names(&idx)
            ));
        }
        Ok(items)
    }

    fn collect<'o>(&self, ops: impl Iterator<Item = &'o ChannelOperation>) -> Vec<usize> {
        let mut out = Vec::new();
        for op in ops {
            for &i in &op.messages {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        out
    }

    fn names(&self, idx: &[usize]) -> String {
        idx.iter()
            .map(|&i| self.msg(i).name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The headers the contract fixes for `m`, as `&[(name, value), ...]`: the type header by
    /// its constant in `message_types`.
    fn fixed_list(&self, m: &Msg) -> TokenStream {
        let pairs = m.fixed.iter().enumerate().map(|(i, (h, v))| {
            if i == 0 && m.type_header.is_some() {
                let k = &m.konst;
                quote! { (#h, message_types::#k) }
            } else {
                quote! { (#h, #v) }
            }
        });
        quote! { &[#(#pairs),*] }
    }

    /// How a method writes message `m` (held in `param`, an `Envelope`) into `raw`: the key
    /// parameter it takes, if any, and the statements.
    fn write_message(
        &self,
        m: &Msg,
        param: &Ident,
        used: &mut Used,
    ) -> (Option<TokenStream>, Option<TokenStream>, TokenStream) {
        used.outgoing = true;
        let fixed = self.fixed_list(m);
        let headers = &m.key_headers;
        match &m.key {
            KeySource::None => (
                None,
                None,
                quote! { let raw = outgoing(#param.to_raw()?, &self.headers, #fixed, None); },
            ),
            KeySource::Param => {
                let p = &m.key_param;
                (
                    Some(quote! { #p: impl std::fmt::Display, }),
                    Some(quote! { #p, }),
                    quote! {
                        let key = #p.to_string();
                        let raw = outgoing(#param.to_raw()?, &self.headers, #fixed, Some((&key, &[#(#headers),*])));
                    },
                )
            }
            KeySource::Payload(pointer) => {
                used.partition_key = true;
                (
                    None,
                    None,
                    quote! {
                        let raw = #param.to_raw()?;
                        let key = partition_key(&raw, #pointer)?;
                        let raw = outgoing(raw, &self.headers, #fixed, Some((&key, &[#(#headers),*])));
                    },
                )
            }
        }
    }

    fn publisher(
        &self,
        chan: &Chan,
        name: &Ident,
        msgs: &[usize],
        address: &TokenStream,
        addr_params: &[Ident],
        used: &mut Used,
    ) -> TokenStream {
        used.error = true;
        used.envelope = true;
        used.transport = true;
        used.headers = true;
        let ch = chan.ch;
        let verb = if msgs
            .iter()
            .all(|&i| self.msg(i).kind.as_deref() == Some("event"))
        {
            "publish"
        } else {
            "send"
        };
        let mut methods = Scope::with_reserved(&["new", "with_header", "transport"]);
        let fns = msgs.iter().map(|&i| {
            let m = self.msg(i);
            let f = ident::ident(&methods.unique(ident::snake(&format!("{verb}_{}", m.snake))));
            let f_env = ident::ident(&methods.unique(ident::snake(&format!("{verb}_{}_envelope", m.snake))));
            let body = &m.body;
            let param = m.param();
            let (key_param, key_arg, write) = self.write_message(m, &param, used);
            let doc_main = doc(&m.doc(
                &format!("Sends {} to {}.", m.describe(), address_text(ch)),
                &self.header_note(m),
            ));
            let doc_env = wdoc(&format!(
                "Like [`Self::{f}`], for an envelope: its headers are kept, except those the \
                 contract fixes."
            ));
            let ps = addr_params.iter().map(|p| quote! { #p: &str, });
            let ps2 = ps.clone();
            let args = addr_params.iter().map(|p| quote! { #p, });
            quote! {
                #doc_main
                pub async fn #f(&self, #(#ps)* #key_param #param: #body) -> Result<(), Error> {
                    self.#f_env(#(#args)* #key_arg Envelope::new(#param)).await
                }
                #doc_env
                pub async fn #f_env(&self, #(#ps2)* #key_param #param: Envelope<#body>) -> Result<(), Error> {
                    #write
                    self.transport.send(#address, raw).await
                }
            }
        });
        let fns: Vec<TokenStream> = fns.collect();
        let d = wdoc(&format!(
            "Sends to {} ({}): {}.\n\n{}",
            address_text(ch),
            kind_text(chan),
            self.names(msgs),
            channel_doc(ch)
        ));
        quote! {
            #d
            #[derive(Debug, Clone)]
            pub struct #name<T> {
                transport: T,
                headers: Headers,
            }
            impl<T: Transport> #name<T> {
                /// Sends over `transport`.
                pub fn new(transport: T) -> Self {
                    #name { transport, headers: Headers::new() }
                }
                /// Every message sent carries header `name` with `value` (unless the message sets
                /// it itself or the contract fixes it).
                pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
                    self.headers.insert(name.into(), value.into());
                    self
                }
                /// The transport it sends over.
                pub fn transport(&self) -> &T {
                    &self.transport
                }
                #(#fns)*
            }
        }
    }

    /// What a send method sets, for its doc.
    fn header_note(&self, m: &Msg) -> String {
        let quoted = |hs: &mut dyn Iterator<Item = &String>| {
            hs.map(|h| format!("`{h}`")).collect::<Vec<_>>().join(", ")
        };
        let mut out = Vec::new();
        if !m.fixed.is_empty() {
            out.push(format!(
                "Sets {}.",
                quoted(&mut m.fixed.iter().map(|(h, _)| h))
            ));
        }
        match &m.key {
            KeySource::None => {}
            KeySource::Param => out.push(format!(
                "`{}` is the partition key: it goes into {}.",
                m.key_param,
                quoted(&mut m.key_headers.iter())
            )),
            KeySource::Payload(p) => out.push(format!(
                "The partition key is the payload's `{p}`: it goes into {}.",
                quoted(&mut m.key_headers.iter())
            )),
        }
        out.join(" ")
    }

    fn client(
        &self,
        chan: &Chan,
        name: &Ident,
        entries: &[(usize, Ident)],
        address: &TokenStream,
        addr_params: &[Ident],
        used: &mut Used,
    ) -> TokenStream {
        used.error = true;
        used.envelope = true;
        used.transport = true;
        used.headers = true;
        used.requester = true;
        let ch = chan.ch;
        let mut methods = Scope::with_reserved(&["new", "with_header", "requester"]);
        let fns: Vec<TokenStream> = entries
            .iter()
            .map(|(i, reply)| {
                let m = self.msg(*i);
                let f = ident::ident(&methods.unique(m.snake.clone()));
                let f_env = ident::ident(&methods.unique(ident::snake(&format!("{}_envelope", m.snake))));
                let body = &m.body;
                let param = m.param();
                let (key_param, key_arg, write) = self.write_message(m, &param, used);
                let doc_main = doc(&m.doc(
                    &format!(
                        "Sends {} to {} and waits for its reply, one of [`{reply}`].",
                        m.describe(),
                        address_text(ch)
                    ),
                    &self.header_note(m),
                ));
                let doc_env = wdoc(&format!(
                    "Like [`Self::{f}`], for an envelope: its headers are kept, except those the \
                     contract fixes."
                ));
                let ps: Vec<TokenStream> = addr_params.iter().map(|p| quote! { #p: &str, }).collect();
                let args = addr_params.iter().map(|p| quote! { #p, });
                quote! {
                    #doc_main
                    pub async fn #f(&self, #(#ps)* #key_param #param: #body) -> Result<Envelope<#reply>, Error> {
                        self.#f_env(#(#args)* #key_arg Envelope::new(#param)).await
                    }
                    #doc_env
                    pub async fn #f_env(&self, #(#ps)* #key_param #param: Envelope<#body>) -> Result<Envelope<#reply>, Error> {
                        #write
                        let reply = self.requester.request(#address, raw).await?;
                        Ok(Envelope { body: #reply::from_raw(&reply)?, headers: reply.headers })
                    }
                }
            })
            .collect();
        let idx: Vec<usize> = entries.iter().map(|(i, _)| *i).collect();
        let d = wdoc(&format!(
            "Sends commands to {} ({}): {}; each call waits for the command's reply.\n\n\
             The replies come back on the reply channel of the [`Requester`] it is built on, \
             which sets `command_reply_to`. Share one requester among the clients whose \
             replies come back on the same channel: it is the one consumer of that channel. \
             Headers the contract requires that neither the contract nor the requester fixes \
             (for saga commands, `command_saga_type` and `command_saga_id`) are set with \
             [`Self::with_header`] or on an envelope.\n\n{}",
            address_text(ch),
            kind_text(chan),
            self.names(&idx),
            channel_doc(ch)
        ));
        quote! {
            #d
            #[derive(Debug)]
            pub struct #name<T> {
                requester: Arc<Requester<T>>,
                headers: Headers,
            }
            impl<T> Clone for #name<T> {
                fn clone(&self) -> Self {
                    #name { requester: Arc::clone(&self.requester), headers: self.headers.clone() }
                }
            }
            impl<T: Transport> #name<T> {
                /// Sends through `requester`, whose reply channel the replies come back on.
                pub fn new(requester: Arc<Requester<T>>) -> Self {
                    #name { requester, headers: Headers::new() }
                }
                /// Every command sent carries header `name` with `value` (unless the command
                /// sets it itself or the contract fixes it).
                pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
                    self.headers.insert(name.into(), value.into());
                    self
                }
                /// The requester it sends through.
                pub fn requester(&self) -> &Requester<T> {
                    &self.requester
                }
                #(#fns)*
            }
        }
    }

    /// Code choosing among `msgs` by type header: `arm(n)` for the `n`th message, `fallback`
    /// (with `other: Option<&str>` bound to the message's type) for none. `raw` is the message.
    fn by_type(
        &self,
        raw: &TokenStream,
        msgs: &[usize],
        arm: impl Fn(usize) -> TokenStream,
        fallback: TokenStream,
    ) -> TokenStream {
        let typed: Vec<(usize, &Msg, &str)> = msgs
            .iter()
            .enumerate()
            .filter_map(|(n, &i)| {
                let m = self.msg(i);
                Some((n, m, m.type_header.as_ref()?.0.as_str()))
            })
            .collect();
        // A message without a type header is recognised only when it is the only one.
        if typed.is_empty() && msgs.len() == 1 {
            return arm(0);
        }
        let headers: BTreeSet<&str> = typed.iter().map(|(_, _, h)| *h).collect();
        if let [header] = headers.into_iter().collect::<Vec<_>>().as_slice() {
            let arms = typed.iter().map(|(n, m, _)| {
                let k = &m.konst;
                let a = arm(*n);
                quote! { Some(message_types::#k) => #a, }
            });
            return quote! {
                match #raw.header(#header) {
                    #(#arms)*
                    other => #fallback,
                }
            };
        }
        let mut chain = quote! {{
            let other = #raw.message_type();
            #fallback
        }};
        for (n, m, h) in typed.iter().rev() {
            let k = &m.konst;
            let a = arm(*n);
            chain = quote! {
                if #raw.header(#h) == Some(message_types::#k) { #a } else #chain
            };
        }
        chain
    }

    fn reply_enum(&self, ci: usize, oi: usize, name: &Ident, used: &mut Used) -> TokenStream {
        used.error = true;
        used.raw = true;
        used.message_headers = true;
        let ch = self.chans[ci].ch;
        let op = &ch.operations[oi];
        let msgs = &self.replies[ci][oi];
        let mut variants = Scope::new();
        let vs: Vec<(Ident, &Msg)> = msgs
            .iter()
            .map(|&i| {
                let m = self.msg(i);
                (ident::ident(&variants.unique(m.camel.clone())), m)
            })
            .collect();
        let decls = vs.iter().map(|(v, m)| {
            let d = doc(&m.doc(&format!("{}.", m.describe()), ""));
            let body = &m.body;
            quote! { #d #v(#body), }
        });
        let to_raw = vs.iter().map(|(v, m)| {
            let sets = m.fixed.iter().enumerate().map(|(i, (h, value))| {
                if i == 0 && m.type_header.is_some() {
                    let k = &m.konst;
                    quote! { .with_header(#h, message_types::#k) }
                } else {
                    quote! { .with_header(#h, #value) }
                }
            });
            quote! { #name::#v(body) => Ok(RawMessage::json(body)? #(#sets)*), }
        });
        let type_arms = vs.iter().map(|(v, m)| match &m.type_header {
            Some(_) => {
                let k = &m.konst;
                quote! { #name::#v(_) => Some(message_types::#k), }
            }
            None => quote! { #name::#v(_) => None, },
        });
        let list = msgs
            .iter()
            .map(|&i| self.msg(i).name.clone())
            .collect::<Vec<_>>()
            .join(", ");
        let what = format!(
            "a reply to the commands of operation `{}` (one of: {list})",
            op.id
        );
        let decode = self.by_type(
            &quote! { raw },
            msgs,
            |n| {
                let v = &vs[n].0;
                quote! { Ok(#name::#v(raw.decode()?)) }
            },
            {
                let text = format!(
                    "message of type {{}} is not {}",
                    what.replace('{', "{{").replace('}', "}}")
                );
                quote! { Err(Error::Decode(format!(#text, other.unwrap_or("(none)")))) }
            },
        );
        let d = wdoc(&format!(
            "The replies to the commands of operation `{}` on {}.",
            op.id,
            address_text(ch)
        ));
        quote! {
            #d
            #[derive(Debug, Clone, PartialEq)]
            pub enum #name {
                #(#decls)*
            }
            impl #name {
                /// The reply's type, the value of its type header.
                pub fn message_type(&self) -> Option<&'static str> {
                    match self {
                        #(#type_arms)*
                    }
                }
                /// The reply as a message: its body, its type header and the other headers the
                /// contract fixes. Who it answers is added by the dispatcher.
                pub fn to_raw(&self) -> Result<RawMessage, Error> {
                    match self {
                        #(#to_raw)*
                    }
                }
                /// Reads a reply by its type header.
                pub fn from_raw(raw: &RawMessage) -> Result<Self, Error> {
                    #decode
                }
            }
        }
    }

    fn handler(
        &self,
        chan: &Chan,
        name: &Ident,
        entries: &[(usize, Option<Ident>)],
        used: &mut Used,
    ) -> TokenStream {
        used.error = true;
        used.envelope = true;
        let ch = chan.ch;
        let mut methods = Scope::new();
        let mut forwarded = Scope::new();
        let fns = entries.iter().map(|(i, reply)| {
            let m = self.msg(*i);
            let f = ident::ident(&methods.unique(m.snake.clone()));
            let body = &m.body;
            let param = m.param();
            let (out, what) = match reply {
                Some(r) => (
                    quote! { #r },
                    format!("Returns the reply, one of [`{r}`], which the dispatcher sends to the channel the command names."),
                ),
                None => (quote! { () }, String::new()),
            };
            let d = doc(&m.doc(&format!("Handles {}.", m.describe()), &what));
            quote! {
                #d
                fn #f(&self, #param: Envelope<#body>)
                    -> impl ::std::future::Future<Output = Result<#out, Error>> + Send;
            }
        });
        let fns: Vec<TokenStream> = fns.collect();
        let d = wdoc(&format!(
            "What this service does with the messages it receives on {} ({}).\n\n\
             Implementations may write the methods as `async fn`; the dispatcher of the channel \
             calls them one message at a time. An error stops the dispatcher (and sends no \
             reply): a command that fails in the domain's terms is answered with a failure \
             reply instead.\n\n{}",
            address_text(ch),
            kind_text(chan),
            channel_doc(ch)
        ));
        used.arc = true;
        let forwards = entries.iter().map(|(i, reply)| {
            let m = self.msg(*i);
            let f = ident::ident(&forwarded.unique(m.snake.clone()));
            let body = &m.body;
            let param = m.param();
            let out = match reply {
                Some(r) => quote! { #r },
                None => quote! { () },
            };
            quote! {
                fn #f(&self, #param: Envelope<#body>)
                    -> impl ::std::future::Future<Output = Result<#out, Error>> + Send {
                    (**self).#f(#param)
                }
            }
        });
        quote! {
            #d
            pub trait #name: Send + Sync {
                #(#fns)*
            }
            /// A shared handler handles the same way, so a test can keep a handle on its state.
            impl<H: #name> #name for Arc<H> {
                #(#forwards)*
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn dispatcher(
        &self,
        chan: &Chan,
        handler: &Ident,
        name: &Ident,
        entries: &[(usize, Option<Ident>)],
        address: &TokenStream,
        addr_params: &[Ident],
        used: &mut Used,
    ) -> TokenStream {
        used.error = true;
        used.envelope = true;
        used.raw = true;
        used.message_headers = true;
        used.transport = true;
        used.subscription = true;
        used.dispatch = true;
        let ch = chan.ch;
        let any_reply = entries.iter().any(|(_, r)| r.is_some());
        let idx: Vec<usize> = entries.iter().map(|(i, _)| *i).collect();
        // Handler method names, made unique in declaration order as the trait declares them.
        let mut trait_names = Scope::new();
        let names: Vec<(usize, Ident)> = entries
            .iter()
            .map(|(i, _)| {
                let f = trait_names.unique(self.msg(*i).snake.clone());
                (*i, ident::ident(&f))
            })
            .collect();
        let arm = |at: usize| {
            let f = &names[at].1;
            match &entries[at].1 {
                Some(_) => quote! {{
                    let reply = self.handler.#f(Envelope::from_raw(msg)?).await?;
                    self.reply(msg, reply.to_raw()?).await?
                }},
                None => quote! {{
                    self.handler.#f(Envelope::from_raw(msg)?).await?;
                    Dispatched::Handled
                }},
            }
        };
        let fallback = if chan.closed {
            let text = format!(
                "message of type {{}} is not one {} carries (its set of message types is closed)",
                address_text(ch).replace('{', "{{").replace('}', "}}")
            );
            quote! {
                return Err(Error::Decode(format!(#text, other.unwrap_or("(none)"))))
            }
        } else {
            quote! {
                return Ok(Dispatched::Ignored { message_type: other.map(str::to_string) })
            }
        };
        let choose = self.by_type(&quote! { msg }, &idx, arm, fallback);
        let reply_fn = any_reply.then(|| {
            used.reply_to = true;
            quote! {
                /// Sends a command's reply to the channel the command names.
                async fn reply(&self, command: &RawMessage, reply: RawMessage) -> Result<Dispatched, Error> {
                    let (channel, reply) = reply_to(command, reply)?;
                    self.transport.send(&channel, reply).await?;
                    Ok(Dispatched::Replied { channel })
                }
            }
        });
        let (group, group_expr) = match &chan.group {
            Some((group, k)) => (
                format!("`{group}` ([`channels::{k}`])"),
                quote! { channels::#k },
            ),
            None => {
                let g = &self.service;
                (format!("`{g}`"), quote! { #g })
            }
        };
        let sub_doc = wdoc(&format!(
            "Subscribes to {} as consumer group {group}, for [`Self::run`].",
            address_text(ch)
        ));
        let subscribe = quote! {
            #sub_doc
            pub async fn subscribe(&self, #(#addr_params: &str),*) -> Result<Subscription, Error> {
                self.transport.subscribe(#address, #group_expr).await
            }
        };
        let d = wdoc(&format!(
            "Reads the messages of {} and hands each to a [`{handler}`]: {}.\n\n\
             Each message is recognised by its type header and decoded; a message whose `ID` was \
             handled before is skipped (brokers deliver at least once); {}{}",
            address_text(ch),
            self.names(&idx),
            if chan.closed {
                "a message of another type is an error, as the channel's set of message types is closed"
            } else {
                "a message of another type is skipped, as FTGO's consumers skip types they do not handle"
            },
            if any_reply {
                ". A command's reply goes to the channel named by its `command_reply_to` header, \
                 with `reply_to_message_id` naming the command and its `command_*` headers \
                 echoed as `commandreply_*`."
            } else {
                "."
            }
        ));
        quote! {
            #d
            #[derive(Debug)]
            pub struct #name<H, T> {
                handler: H,
                transport: T,
                seen: Deduplicator,
            }
            impl<H: #handler, T: Transport> #name<H, T> {
                /// Dispatches to `handler`, sending replies over `transport`.
                pub fn new(handler: H, transport: T) -> Self {
                    #name { handler, transport, seen: Deduplicator::new() }
                }
                /// The handler.
                pub fn handler(&self) -> &H {
                    &self.handler
                }
                #subscribe
                /// Dispatches every message of `subscription` until it ends; stops at the first
                /// message that fails (its handler's error, or one that cannot be decoded).
                pub async fn run(&self, mut subscription: Subscription) -> Result<(), Error> {
                    while let Some(msg) = subscription.next().await {
                        self.dispatch(&msg).await?;
                    }
                    Ok(())
                }
                /// Dispatches one message.
                pub async fn dispatch(&self, msg: &RawMessage) -> Result<Dispatched, Error> {
                    if self.seen.is_duplicate(msg) {
                        return Ok(Dispatched::Duplicate);
                    }
                    let done = #choose;
                    self.seen.remember(msg);
                    Ok(done)
                }
                #reply_fn
            }
        }
    }

    fn channels_module(&self) -> TokenStream {
        let mut items = Vec::new();
        for chan in &self.chans {
            let ch = chan.ch;
            let text = channel_doc(ch);
            match &chan.address {
                Address::Fixed(a, k) => {
                    let d = wdoc(&format!(
                        "`{a}`: the address of channel `{}`.\n\n{text}",
                        ch.id
                    ));
                    items.push(quote! { #d pub const #k: &str = #a; });
                }
                Address::Template {
                    func,
                    params,
                    expansions,
                } => {
                    let template = ch.address.clone().unwrap_or_default();
                    let d = wdoc(&format!(
                        "The address of channel `{}`: `{template}` with its parameters filled in.\n\n{text}",
                        ch.id
                    ));
                    let ps = params.iter().map(|(_, p)| quote! { #p: &str });
                    // Parameters are captured by name, except raw identifiers (`r#type`), which
                    // a format string cannot name: those are passed as `p0 = r#type`.
                    let raw = params.iter().any(|(_, p)| p.to_string().starts_with("r#"));
                    let mut fmt = template.replace('{', "{{").replace('}', "}}");
                    let mut args = Vec::new();
                    for (n, (name, p)) in params.iter().enumerate() {
                        let slot = if raw { format!("p{n}") } else { p.to_string() };
                        fmt = fmt.replace(&format!("{{{{{name}}}}}"), &format!("{{{slot}}}"));
                        if raw {
                            let slot = ident::ident(&slot);
                            args.push(quote! { , #slot = #p });
                        }
                    }
                    items.push(quote! {
                        #d
                        pub fn #func(#(#ps),*) -> String {
                            format!(#fmt #(#args)*)
                        }
                    });
                    if !expansions.is_empty() {
                        let k = ident::ident(&format!(
                            "{}_ADDRESSES",
                            ident::shouty(&func.to_string())
                        ));
                        let d = wdoc(&format!(
                            "Every address of channel `{}` that its parameters' values allow.",
                            ch.id
                        ));
                        items.push(quote! { #d pub const #k: &[&str] = &[#(#expansions),*]; });
                    }
                }
                Address::Unknown => continue,
            }
            let k = &chan.kind_const;
            let kind = if chan.point_to_point {
                quote! { ChannelKind::PointToPoint }
            } else {
                quote! { ChannelKind::PublishSubscribe }
            };
            let d = wdoc(&format!(
                "How channel `{}` delivers: {}.",
                ch.id,
                kind_text(chan)
            ));
            items.push(quote! { #d pub const #k: ChannelKind = #kind; });
            if let Some((group, k)) = &chan.group {
                let d = wdoc(&format!(
                    "The consumer group this service receives channel `{}` as.",
                    ch.id
                ));
                items.push(quote! { #d pub const #k: &str = #group; });
            }
        }
        if items.is_empty() {
            return quote! {};
        }
        quote! {
            /// Channel addresses, how each channel delivers, and the consumer groups this service
            /// receives as.
            pub mod channels {
                pub use treaty_runtime::broker::ChannelKind;
                #(#items)*
            }
        }
    }

    fn types_module(&self) -> TokenStream {
        let consts: Vec<TokenStream> = self
            .msgs
            .iter()
            .filter_map(|m| {
                let (h, v) = m.type_header.as_ref()?;
                let k = &m.konst;
                let d = doc(&m.doc(&format!("The `{h}` of {}.", m.describe()), ""));
                Some(quote! { #d pub const #k: &str = #v; })
            })
            .collect();
        quote! {
            /// The value of the type header (`event-type`, `command_type`, `reply_type`) of each
            /// message.
            pub mod message_types {
                #(#consts)*
            }
        }
    }

    /// `contract()` and `install_contract()`, behind the crate feature `validate`.
    fn contract_fns(&self, contract: &Contract, used: &mut Used) -> TokenStream {
        let arena = &contract.schemas;
        let mut stmts = Vec::new();
        for chan in &self.chans {
            let ch = chan.ch;
            let k = &chan.kind_const;
            let all_replies = !chan.messages.is_empty()
                && chan
                    .messages
                    .iter()
                    .all(|&i| self.msg(i).kind.as_deref() == Some("reply"));
            // A sender's list of types is complete for the channel, except on reply channels,
            // where every service answering a command sends its own replies.
            let sends = ch.operations.iter().any(|op| op.action == Action::Send) && !all_replies;
            let mut calls = Vec::new();
            if sends {
                calls.push(quote! { .sends() });
            }
            if chan.closed {
                calls.push(quote! { .closed() });
            }
            for &i in &chan.messages {
                let m = self.msg(i);
                let name = &m.name;
                let mut parts = vec![quote! { MessageContract::new(#name) }];
                if let Some((h, _)) = &m.type_header {
                    let mk = &m.konst;
                    parts.push(quote! { .type_header(#h, message_types::#mk) });
                }
                if let Some(h) = m.headers_schema {
                    let lit = raw_json(&schema_json::to_validation_schema(arena, h));
                    parts.push(quote! { .headers(Schema::from_json(#lit)?) });
                }
                if let Some(p) = m.payload_schema {
                    let lit = raw_json(&schema_json::to_validation_schema(arena, p));
                    parts.push(quote! { .payload(Schema::from_json(#lit)?) });
                }
                calls.push(quote! { .message(#(#parts)*) });
            }
            match &chan.address {
                Address::Fixed(_, a) => {
                    stmts.push(quote! {
                        contract.channel(channels::#a, channels::#k) #(#calls)*;
                    });
                }
                Address::Template {
                    func, expansions, ..
                } if !expansions.is_empty() => {
                    let list =
                        ident::ident(&format!("{}_ADDRESSES", ident::shouty(&func.to_string())));
                    stmts.push(quote! {
                        for address in channels::#list {
                            contract.channel(address, channels::#k) #(#calls)*;
                        }
                    });
                }
                _ => {}
            }
        }
        if stmts.is_empty() {
            return quote! {};
        }
        used.error = true;
        let name = &self.contract_name;
        let d = wdoc(&format!(
            "The contract `{name}` as checks: every channel with a known address, its kind, and \
             the JSON Schemas of the headers and payload of each message type on it. Merge it \
             with other services' contracts ([`Contract::merge`](treaty_runtime::validate::Contract::merge)) \
             to check a conversation between services on one broker."
        ));
        quote! {
            #d
            #[cfg(feature = "validate")]
            pub fn contract() -> Result<treaty_runtime::validate::Contract, Error> {
                use treaty_runtime::validate::{Contract, MessageContract, Schema};
                let mut contract = Contract::new();
                #(#stmts)*
                Ok(contract.declared_by(#name))
            }
            /// Declares every channel of [`contract`] on `broker` with its kind and makes the
            /// broker refuse messages that break the contract: the send fails with
            /// `Error::Invalid`, naming the channel, the message, the JSON pointer of the bad value
            /// and what is wrong with it.
            #[cfg(feature = "validate")]
            pub fn install_contract(broker: &treaty_runtime::broker::InMemoryBroker) -> Result<(), Error> {
                contract()?.install(broker)
            }
        }
    }
}

/// Doc text wrapped at 96 columns, paragraph by paragraph; a line starting `* ` is a list item
/// whose continuation lines are indented.
fn wrap(text: &str) -> String {
    const WIDTH: usize = 96;
    let mut out = Vec::new();
    for line in text.lines() {
        let indent = if line.starts_with("* ") { "  " } else { "" };
        let mut current = String::new();
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            if !current.is_empty() && current.len() + 1 + word.len() > WIDTH {
                out.push(std::mem::take(&mut current));
                current.push_str(indent);
            } else if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push(current);
    }
    out.join("\n")
}

/// [`doc`] of wrapped text.
fn wdoc(text: &str) -> TokenStream {
    doc(&wrap(text))
}

fn address_text(ch: &Channel) -> String {
    match &ch.address {
        Some(a) => format!("channel `{a}`"),
        None => format!("channel `{}`", ch.id),
    }
}

fn kind_text(chan: &Chan) -> &'static str {
    if chan.point_to_point {
        "point-to-point: each message is handled by one consumer"
    } else {
        "publish-subscribe: every consumer group gets each message"
    }
}

/// Which runtime items the module uses, for its `use` lines.
#[derive(Default)]
struct Used {
    error: bool,
    envelope: bool,
    raw: bool,
    message_headers: bool,
    transport: bool,
    headers: bool,
    requester: bool,
    subscription: bool,
    dispatch: bool,
    reply_to: bool,
    partition_key: bool,
    outgoing: bool,
    arc: bool,
}

impl Used {
    fn imports(&self) -> TokenStream {
        let mut out = Vec::new();
        if self.requester || self.arc {
            out.push(quote! { use std::sync::Arc; });
        }
        let mut dispatch: Vec<TokenStream> = Vec::new();
        if self.dispatch {
            dispatch.push(quote! { Deduplicator });
            dispatch.push(quote! { Dispatched });
        }
        if self.outgoing {
            dispatch.push(quote! { outgoing });
        }
        if self.partition_key {
            dispatch.push(quote! { partition_key });
        }
        if self.reply_to {
            dispatch.push(quote! { reply_to });
        }
        if !dispatch.is_empty() {
            out.push(quote! { use treaty_runtime::dispatch::{#(#dispatch),*}; });
        }
        let mut messaging: Vec<TokenStream> = Vec::new();
        for (on, name) in [
            (self.envelope, quote! { Envelope }),
            (self.headers, quote! { Headers }),
            (self.raw, quote! { RawMessage }),
            (self.requester, quote! { Requester }),
            (self.subscription, quote! { Subscription }),
            (self.transport, quote! { Transport }),
        ] {
            if on {
                messaging.push(name);
            }
        }
        if !messaging.is_empty() {
            out.push(quote! { use treaty_runtime::messaging::{#(#messaging),*}; });
        }
        if self.message_headers {
            // The header accessors; unused when no message of the module is typed by a header.
            out.push(quote! {
                #[allow(unused_imports)]
                use treaty_runtime::messaging::MessageHeaders as _;
            });
        }
        if self.error {
            out.push(quote! { use treaty_runtime::Error; });
        }
        quote! { #(#out)* }
    }
}
