//! The format-neutral contract model.
//!
//! Loaders in `formats/` turn protobuf, OpenAPI and AsyncAPI files into a [`Contract`]; lint, the
//! compatibility engine and code generation read only this model. Where the formats agree the
//! model is shared (operations, parameters, messages, JSON schemas); where they don't it keeps
//! what is specific ([`ProtoContract`] holds the descriptors buf's rules need).
//!
//! Every element carries a [`Key`], which pairs it with its counterpart in another revision, and
//! a [`Span`], which a diagnostic can point at. Every body, parameter and message knows its
//! [`Direction`]: who writes it and who reads it, which is what decides whether a change widens or
//! narrows what a consumer must handle.

pub mod schema;

use indexmap::IndexMap;
use serde_json::Value;

pub use schema::{Additional, Constraints, Discriminator, Schema, SchemaArena, SchemaId, TypeSet};

use crate::source::{FileId, Span};

/// A stable identity for pairing elements across revisions, e.g. `GET /orders/{}` or
/// `channel:kitchenService`. Keys never contain spans or positions.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key(pub String);

impl Key {
    pub fn new(s: impl Into<String>) -> Key {
        Key(s.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The three contract formats.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ContractKind {
    Proto,
    Openapi,
    Asyncapi,
}

impl ContractKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ContractKind::Proto => "proto",
            ContractKind::Openapi => "openapi",
            ContractKind::Asyncapi => "asyncapi",
        }
    }
}

impl std::fmt::Display for ContractKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who writes a value and who reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Written by the consumer, read by the provider: request bodies, parameters, request headers,
    /// messages the service receives (commands sent to it, events it subscribes to). May only widen.
    ConsumerWrites,
    /// Written by the provider, read by consumers: responses, response headers, events and replies
    /// the service sends. May only narrow.
    ProviderWrites,
}

/// Where a contract declares its version.
#[derive(Clone, Debug, PartialEq)]
pub struct DeclaredVersion {
    pub text: String,
    /// The span of the version text (in the contract, or in treaty.yaml for proto and service versions).
    pub span: Option<Span>,
    pub source: VersionSource,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersionSource {
    /// `info.version` of an OpenAPI or AsyncAPI document.
    Info,
    /// `version:` of the contract in treaty.yaml.
    Manifest,
    /// `version:` of the service in treaty.yaml (all its contracts share it).
    Service,
}

/// One contract: the files of one API of one service, as the manifest lists it.
#[derive(Clone, Debug)]
pub struct Contract {
    /// Manifest name (`order/openapi`), else the path relative to the workspace root.
    pub name: String,
    pub service: Option<String>,
    pub kind: ContractKind,
    /// The file the contract starts from (for proto, the first file of the contract).
    pub root_file: FileId,
    /// All files that make up the contract (referenced files and imports included).
    pub files: Vec<FileId>,
    /// `openapi: 3.1.0`, `asyncapi: 2.6.0`, or the proto syntax of the first file.
    pub spec_version: String,
    pub title: Option<String>,
    pub description: Option<String>,
    pub version: Option<DeclaredVersion>,
    /// The version the document itself declares (`info.version`), kept when the manifest's
    /// service version takes precedence, so lint can flag a disagreement.
    pub document_version: Option<DeclaredVersion>,
    pub servers: Vec<Server>,
    pub operations: Vec<Operation>,
    pub channels: Vec<Channel>,
    pub messages: Vec<Message>,
    pub schemas: SchemaArena,
    /// Named component schemas: name → id (OpenAPI `components.schemas`, AsyncAPI `components.schemas`).
    pub components: IndexMap<String, SchemaId>,
    /// Other components by kind (`parameters`, `responses`, `messages`, …) → name → span, for the
    /// unused-component lint.
    pub other_components: IndexMap<String, IndexMap<String, Span>>,
    /// Component references seen anywhere in the contract, as canonical `file#/pointer` locations.
    pub referenced: std::collections::HashSet<String>,
    pub security_schemes: IndexMap<String, SecurityScheme>,
    /// Top-level `security` requirements (OpenAPI).
    pub security: Vec<SecurityRequirement>,
    pub extensions: IndexMap<String, Value>,
    pub proto: Option<ProtoContract>,
    /// Rule suppressions written into the contract (`x-treaty-ignore`, `// buf:lint:ignore`,
    /// `// treaty:ignore`): each covers the span of the element it is written on.
    pub suppressions: Vec<Suppression>,
}

impl Contract {
    pub fn new(name: String, kind: ContractKind, root_file: FileId) -> Contract {
        Contract {
            name,
            service: None,
            kind,
            root_file,
            files: vec![root_file],
            spec_version: String::new(),
            title: None,
            description: None,
            version: None,
            document_version: None,
            servers: Vec::new(),
            operations: Vec::new(),
            channels: Vec::new(),
            messages: Vec::new(),
            schemas: SchemaArena::new(),
            components: IndexMap::new(),
            other_components: IndexMap::new(),
            referenced: Default::default(),
            security_schemes: IndexMap::new(),
            security: Vec::new(),
            extensions: IndexMap::new(),
            proto: None,
            suppressions: Vec::new(),
        }
    }

    /// True when a suppression written on an element that encloses `span` names `rule`.
    pub fn is_suppressed(&self, rule: &str, span: Span) -> bool {
        self.suppressions
            .iter()
            .any(|s| s.span.contains(&span) && s.rules.iter().any(|r| r == rule))
    }
}

/// A rule silenced on an element.
#[derive(Clone, Debug, PartialEq)]
pub struct Suppression {
    pub span: Span,
    pub rules: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Server {
    pub key: Key,
    pub name: Option<String>,
    pub url: String,
    pub protocol: Option<String>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SecurityScheme {
    pub name: String,
    /// `http`, `apiKey`, `oauth2`, `openIdConnect`, `mutualTLS`, …
    pub kind: String,
    /// For `http`: `bearer`, `basic`.
    pub scheme: Option<String>,
    /// For `apiKey`: header, query or cookie, and the parameter name.
    pub location: Option<String>,
    pub param_name: Option<String>,
    pub span: Span,
}

/// One alternative of a `security` list: scheme name → scopes.
pub type SecurityRequirement = IndexMap<String, Vec<String>>;

/// An HTTP operation or a gRPC method.
#[derive(Clone, Debug, PartialEq)]
pub struct Operation {
    pub key: Key,
    pub span: Span,
    pub id: Option<String>,
    pub id_span: Option<Span>,
    pub kind: OperationKind,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub deprecated: bool,
    pub parameters: Vec<Parameter>,
    pub request: Option<RequestBody>,
    pub responses: Vec<Response>,
    /// `None`: inherits the contract's; `Some(vec![])`: explicitly no security.
    pub security: Option<Vec<SecurityRequirement>>,
    pub extensions: IndexMap<String, Value>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum OperationKind {
    Http {
        method: String,
        /// The path as written (`/orders/{orderId}`).
        path: String,
        path_span: Span,
    },
    Rpc {
        /// Fully qualified service name (`ftgo.order.v1.OrderService`).
        service: String,
        method: String,
        /// Fully qualified message names.
        input: String,
        output: String,
        client_streaming: bool,
        server_streaming: bool,
        idempotency: Option<String>,
    },
}

/// The normalised form of an HTTP path for pairing: parameter names erased, so
/// `/orders/{id}` and `/orders/{orderId}` are the same endpoint.
pub fn path_shape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '{' => {
                depth += 1;
                if depth == 1 {
                    out.push_str("{}");
                }
            }
            '}' => depth -= 1,
            _ if depth > 0 => {}
            _ => out.push(c),
        }
    }
    out
}

/// The `{name}` parameters of a path template, in order.
pub fn path_params(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParamIn {
    Path,
    Query,
    Header,
    Cookie,
    QueryString,
}

impl ParamIn {
    pub fn parse(s: &str) -> Option<ParamIn> {
        Some(match s {
            "path" => ParamIn::Path,
            "query" => ParamIn::Query,
            "header" => ParamIn::Header,
            "cookie" => ParamIn::Cookie,
            "querystring" => ParamIn::QueryString,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            ParamIn::Path => "path",
            ParamIn::Query => "query",
            ParamIn::Header => "header",
            ParamIn::Cookie => "cookie",
            ParamIn::QueryString => "querystring",
        }
    }
}

/// A request parameter; always written by the consumer.
#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    /// `query:limit`, `path:0` (path parameters pair by position, since their names may change).
    pub key: Key,
    pub name: String,
    pub location: ParamIn,
    pub required: bool,
    pub deprecated: bool,
    pub schema: Option<SchemaId>,
    pub style: Option<String>,
    pub explode: Option<bool>,
    pub description: Option<String>,
    pub examples: Vec<Value>,
    pub span: Span,
    pub extensions: IndexMap<String, Value>,
}

/// A media type entry (`application/json` → schema).
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    pub media_type: String,
    pub schema: Option<SchemaId>,
    pub examples: Vec<Example>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    pub name: Option<String>,
    pub value: Value,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RequestBody {
    pub required: bool,
    pub description: Option<String>,
    pub content: Vec<Content>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub name: String,
    pub required: bool,
    pub deprecated: bool,
    pub schema: Option<SchemaId>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    /// `200`, `4XX`, `default`.
    pub status: String,
    pub description: Option<String>,
    pub headers: Vec<Header>,
    pub content: Vec<Content>,
    pub span: Span,
}

/// A message channel (AsyncAPI).
#[derive(Clone, Debug, PartialEq)]
pub struct Channel {
    /// `channel:<address>` where there is an address, else `channel-id:<id>`.
    pub key: Key,
    pub id: String,
    pub address: Option<String>,
    pub description: Option<String>,
    pub parameters: Vec<ChannelParameter>,
    /// Indices into [`Contract::messages`].
    pub messages: Vec<usize>,
    pub bindings: IndexMap<String, Value>,
    pub extensions: IndexMap<String, Value>,
    pub span: Span,
    /// The operations on this channel (indices into [`Channel::operations`] are local).
    pub operations: Vec<ChannelOperation>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChannelParameter {
    pub name: String,
    pub enum_values: Option<Vec<Value>>,
    pub default: Option<Value>,
    pub location: Option<String>,
    pub span: Span,
}

/// What the application does on a channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Send,
    Receive,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Send => "send",
            Action::Receive => "receive",
        }
    }

    /// Who writes the messages of an operation with this action: what the application sends is
    /// read by others; what it receives is written by others.
    pub fn direction(self) -> Direction {
        match self {
            Action::Send => Direction::ProviderWrites,
            Action::Receive => Direction::ConsumerWrites,
        }
    }
}

/// An AsyncAPI operation (3.0 `operations`, 2.6 `publish`/`subscribe` mapped to the application's
/// own point of view: 2.6 `publish` means others publish, so the application receives).
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelOperation {
    pub key: Key,
    pub id: String,
    /// Where the id is declared: the 2.x `operationId` value or the 3.0 key under `operations`;
    /// `None` when the id was made up (a 2.x operation without `operationId`).
    pub id_span: Option<Span>,
    pub action: Action,
    /// Indices into [`Contract::messages`].
    pub messages: Vec<usize>,
    pub reply: Option<Reply>,
    pub bindings: IndexMap<String, Value>,
    pub extensions: IndexMap<String, Value>,
    pub summary: Option<String>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    /// The reply channel's id and address, when it names one.
    pub channel: Option<String>,
    pub channel_address: Option<String>,
    /// A runtime expression (`$message.header#/replyTo`) for a dynamic reply address.
    pub address_location: Option<String>,
    pub messages: Vec<usize>,
    pub span: Span,
}

/// What a payload is written in.
#[derive(Clone, Debug, PartialEq)]
pub enum Payload {
    None,
    /// A JSON Schema (AsyncAPI's default schema format, or an OpenAPI schema object).
    Schema(SchemaId),
    /// Another schema format (`application/vnd.apache.avro;version=1.9.0`, protobuf, …), kept raw.
    Other {
        schema_format: String,
        schema: Value,
    },
}

/// An AsyncAPI message.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// `message:<name or id>`.
    pub key: Key,
    /// The message id (key under `messages` / `components.messages`).
    pub id: String,
    pub name: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub content_type: Option<String>,
    pub headers: Option<SchemaId>,
    pub payload: Payload,
    /// The message key schema (Kafka `bindings.kafka.key`), when it is a JSON Schema.
    pub key_schema: Option<SchemaId>,
    /// The runtime expression of the correlation id (`$message.header#/correlationId`).
    pub correlation_id: Option<String>,
    pub bindings: IndexMap<String, Value>,
    pub extensions: IndexMap<String, Value>,
    pub examples: Vec<MessageExample>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MessageExample {
    pub name: Option<String>,
    pub headers: Option<Value>,
    pub payload: Option<Value>,
    pub span: Span,
}

/// What protobuf rules need beyond the neutral model: the compiled descriptors of the contract's
/// own files (imports are in the pool but not listed as the contract's files).
#[derive(Clone, Debug)]
pub struct ProtoContract {
    /// Descriptors of every file compiled (the contract's own files and their imports). Each
    /// file's `source_code_info` is sorted by path: look spans up with
    /// `formats::proto::{location, span_of}` (a binary search).
    pub descriptors: prost_types::FileDescriptorSet,
    /// The same files linked: name lookups, and options with their extensions (custom options),
    /// which `descriptors` drops.
    pub pool: prost_reflect::DescriptorPool,
    /// For each descriptor of the contract's own files: its index in `descriptors.file`, its name
    /// relative to its import root (`ftgo/order/v1/order_service.proto`), and the loaded file.
    pub files: Vec<ProtoFile>,
    /// The imports read from an import root (not the contract's files, not the well-known types
    /// protox bundles), listed the same way, so another revision can tell whether it would
    /// compile them from the same text.
    pub imports: Vec<ProtoFile>,
    /// The suppressions that came from `// buf:lint:ignore` comments (also in
    /// `Contract::suppressions`), which buf's `disallow_comment_ignores` turns off.
    pub lint_ignores: Vec<Suppression>,
}

#[derive(Clone, Debug)]
pub struct ProtoFile {
    pub index: usize,
    pub name: String,
    pub file: FileId,
}
