//! The `http` module of a generated crate: for one OpenAPI contract, an async client trait, its
//! reqwest implementation and a mock.
//!
//! What is generated, for an API titled "FTGO Kitchen Service API":
//!
//! * per operation, a request struct (`AcceptTicketRequest`: path, query, header and cookie
//!   parameters as fields, optional ones as `Option`, then `body`) and a response enum
//!   (`AcceptTicketResponse`: one variant per declared status, `Ok`, `NotFound`, …, a variant per
//!   declared range and `default`, and `Status { code, body }` for anything undeclared);
//! * the trait `FtgoKitchenServiceApi`, one method per operation taking the request struct and
//!   answering `Result<Response<AcceptTicketResponse>, Error>` (`Response` adds status and
//!   headers to the enum);
//! * `FtgoKitchenServiceHttpClient`, the trait on reqwest: discovery asked on every call, every
//!   call under the runtime's [`Resilient`] (bulkhead, breaker, timeout) with a [`Fallback`] per
//!   operation, the contract's security requirements applied from `Credentials`;
//! * `MockFtgoKitchenServiceApi`, the trait answering from programmable responders and recording
//!   every call; with the crate feature `validate` it also checks each request and programmed
//!   answer against the contract's JSON Schemas ([`super::schema_json`]), the way the messaging
//!   contract checks messages, and fails the call with `Error::Encode` (request) or
//!   `Error::Decode` (answer) naming the operation, the part, the JSON pointer and the problem.
//!
//! Two decisions shape the generated API:
//!
//! * **Errors are for failures, variants for answers.** A declared answer, 4xx included, is a
//!   variant: it is part of the contract and the caller decides what it means. A 5xx or 429
//!   answer, declared or not, is `Err(Error::Status)`, as are transport failures and timeouts,
//!   because those are what the circuit breaker must count and what a fallback may replace
//!   (`Error::counts_as_failure`). So 5xx/429 responses never get variants.
//! * **The trait is object safe.** Methods return a boxed `Send` future (the shape async-trait and
//!   tonic's server traits use) rather than `impl Future`, so an application can hold an
//!   `Arc<dyn FtgoKitchenServiceApi>` and give it the HTTP client in production and the mock in
//!   tests, and can spawn calls onto tokio. The box costs one allocation per call, nothing next
//!   to an HTTP exchange.
//!
//! Parameter values are serialised through `serde_json::Value` and then written in the
//! parameter's OpenAPI style (simple, label, matrix, form, space- and pipe-delimited,
//! deepObject), so any type the type generator gives a parameter is handled the same way. Those
//! writers, `Response`, `Headers` and `Multipart` are in the runtime (`treaty_runtime::http`,
//! tested there); the module imports the ones its operations use and emits its few reqwest-
//! specific helpers only when used, so a generated crate compiles without dead-code warnings.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::ident::{self, Scope, camel, snake};
use super::schema_json;
use super::{CrateCx, Module, doc, doc_inner, raw_json};
use crate::codegen::GenError;
use crate::model::{
    Content, Contract, Operation, OperationKind, ParamIn, Parameter, SchemaArena, SchemaId,
};

/// Type names the module declares or imports itself, taken before any operation's names.
const MODULE_TYPES: &[&str] = &[
    "Arc",
    "BasicAuth",
    "BoxFuture",
    "Credentials",
    "DeserializeOwned",
    "Error",
    "Fallback",
    "Fallbacks",
    "Future",
    "Headers",
    "MockResponder",
    "Multipart",
    "Mutex",
    "MutexGuard",
    "Outgoing",
    "Part",
    "Pin",
    "Policy",
    "PoisonError",
    "Received",
    "Recorder",
    "Resilient",
    "Resolver",
    "Responder",
    "Response",
    "Scheme",
    "Serialize",
    "Value",
];

/// Method names of the client's and the mock's own (inherent) methods, which operation methods
/// must not shadow.
const OWN_METHODS: &[&str] = &[
    "new",
    "with_client",
    "from_env",
    "with_policy",
    "with_credentials",
    "with_credentials_from",
    "policy",
    "resilient",
    "recorder",
    "with_recorder",
    "call",
    "exchange",
];

/// Generates the `http` module for `contract`, or nothing when it has no operations to call.
pub fn generate(cx: &mut CrateCx, contract: &Contract) -> Result<Option<Module>, GenError> {
    let endpoints: Vec<&Operation> = contract
        .operations
        .iter()
        .filter(|o| is_endpoint(o))
        .collect();
    if endpoints.is_empty() {
        return Ok(None);
    }
    let mut types = Scope::with_reserved(MODULE_TYPES);
    let names = ApiNames::new(cx, contract, &mut types);
    let schemes = Schemes::new(contract, &endpoints);
    let mut methods = Scope::with_reserved(OWN_METHODS);
    // Trait methods first, so they keep their plain names; the per-operation helper methods
    // (`on_…`, `send_…`, `with_…_fallback`) are numbered if they collide with one.
    let funcs: Vec<String> = endpoints
        .iter()
        .map(|o| methods.unique(snake(&operation_name(o))))
        .collect();
    let mut ops = Vec::new();
    for (op, func) in endpoints.into_iter().zip(funcs) {
        ops.push(plan(
            cx,
            contract,
            op,
            func,
            &mut methods,
            &mut types,
            &schemes,
        ));
    }
    let needs = Needs::of(&ops, &schemes);
    add_dependencies(cx, &needs);
    let checks = ContractChecks::new(&contract.schemas, &ops);
    if !checks.items.is_empty() {
        cx.feature("validate", &["treaty-runtime/validate"]);
    }
    let code = module(contract, &names, &ops, &schemes, &needs, &checks);
    Ok(Some(Module {
        name: cx.modules.unique("http".to_string()),
        sources: cx.source_names(contract),
        code,
    }))
}

/// Operations a client calls: those of paths, not webhooks (which the provider calls).
fn is_endpoint(op: &Operation) -> bool {
    matches!(op.kind, OperationKind::Http { ref path, .. } if path.starts_with('/'))
        && !op.key.as_str().starts_with("WEBHOOK ")
}

/// The name the contract gives an operation: its operationId, else `METHOD /path`. Mocks record
/// calls under it.
fn operation_name(op: &Operation) -> String {
    match (&op.id, &op.kind) {
        (Some(id), _) if !id.trim().is_empty() => id.clone(),
        (_, OperationKind::Http { method, path, .. }) => format!("{method} {path}"),
        _ => op.key.to_string(),
    }
}

fn http_parts(op: &Operation) -> (String, String) {
    match &op.kind {
        OperationKind::Http { method, path, .. } => (method.to_ascii_uppercase(), path.clone()),
        OperationKind::Rpc { .. } => (String::new(), String::new()),
    }
}

/// The names of the API's three main items.
struct ApiNames {
    api: Ident,
    client: Ident,
    mock: Ident,
    /// The environment variable `from_env` reads the base URL from.
    env_var: String,
}

impl ApiNames {
    fn new(cx: &CrateCx, contract: &Contract, types: &mut Scope) -> ApiNames {
        let title = contract
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| cx.service.clone());
        let mut base = camel(&title);
        if base.len() > 3 && base.ends_with("Api") {
            base.truncate(base.len() - 3);
        }
        // Composed names are converted again: `Self_` + `Api` is `SelfApi`, not `Self_Api`.
        ApiNames {
            api: ident::ident(&types.unique(camel(&format!("{base} api")))),
            client: ident::ident(&types.unique(camel(&format!("{base} http client")))),
            mock: ident::ident(&types.unique(camel(&format!("mock {base} api")))),
            env_var: ident::shouty(&format!("{base} url")),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Security

/// How a security scheme puts its credential into a request.
#[derive(Clone, Debug, PartialEq)]
enum Credential {
    /// `Authorization: Bearer <token>`: HTTP bearer, OAuth 2 and OpenID Connect access tokens.
    Bearer,
    /// `Authorization: Basic …`.
    Basic,
    /// An API key in a header, query parameter or cookie of this name.
    ApiKey(ParamIn, String),
}

/// What the generated code does for a scheme named in a security requirement.
enum Support {
    Credential(Credential),
    /// Nothing per request (mutual TLS is configured on the reqwest client).
    Implicit,
    /// A scheme the generated client cannot apply, or a name with no scheme.
    Unsupported,
}

fn support(contract: &Contract, name: &str) -> Support {
    let Some(s) = contract.security_schemes.get(name) else {
        return Support::Unsupported;
    };
    let scheme = s.scheme.as_deref().unwrap_or("").to_ascii_lowercase();
    match s.kind.as_str() {
        "http" if scheme == "bearer" => Support::Credential(Credential::Bearer),
        "http" if scheme == "basic" => Support::Credential(Credential::Basic),
        "oauth2" | "openIdConnect" => Support::Credential(Credential::Bearer),
        "mutualTLS" => Support::Implicit,
        "apiKey" => {
            let location = s.location.as_deref().and_then(ParamIn::parse);
            match (location, &s.param_name) {
                (Some(l @ (ParamIn::Header | ParamIn::Query | ParamIn::Cookie)), Some(n)) => {
                    Support::Credential(Credential::ApiKey(l, n.clone()))
                }
                _ => Support::Unsupported,
            }
        }
        _ => Support::Unsupported,
    }
}

/// A scheme some operation uses, with its names in the generated code.
struct UsedScheme {
    /// The scheme's name in the contract.
    name: String,
    credential: Credential,
    /// Variant of the private `Scheme` enum.
    variant: Ident,
    /// Field of `Credentials`.
    field: Ident,
}

/// The security schemes the operations use.
struct Schemes {
    used: Vec<UsedScheme>,
}

impl Schemes {
    fn new(contract: &Contract, ops: &[&Operation]) -> Schemes {
        let mut wanted: Vec<&str> = Vec::new();
        for op in ops {
            for alternative in requirements(contract, op) {
                for name in alternative.keys() {
                    if matches!(support(contract, name), Support::Credential(_))
                        && !wanted.contains(&name.as_str())
                    {
                        wanted.push(name);
                    }
                }
            }
        }
        let mut variants = Scope::new();
        let mut fields = Scope::new();
        let mut used = Vec::new();
        // In the contract's order of schemes, so the output does not depend on operation order.
        for name in contract.security_schemes.keys() {
            if !wanted.contains(&name.as_str()) {
                continue;
            }
            let Support::Credential(credential) = support(contract, name) else {
                continue;
            };
            used.push(UsedScheme {
                name: name.clone(),
                credential,
                variant: ident::ident(&variants.unique(camel(name))),
                field: ident::ident(&fields.unique(snake(name))),
            });
        }
        Schemes { used }
    }

    fn get(&self, name: &str) -> Option<&UsedScheme> {
        self.used.iter().find(|s| s.name == name)
    }

    fn any(&self, f: impl Fn(&Credential) -> bool) -> bool {
        self.used.iter().any(|s| f(&s.credential))
    }

    /// The alternatives of an operation's requirements the client can satisfy, as lists of
    /// `Scheme` variants: alternatives naming a scheme it cannot apply are dropped, and the empty
    /// alternative (security optional) goes last, so credentials are sent when there are any.
    fn alternatives(&self, contract: &Contract, op: &Operation) -> Vec<Vec<Ident>> {
        let mut out: Vec<Vec<Ident>> = Vec::new();
        'alternatives: for alternative in requirements(contract, op) {
            let mut variants = Vec::new();
            for name in alternative.keys() {
                match support(contract, name) {
                    Support::Credential(_) => match self.get(name) {
                        Some(s) => variants.push(s.variant.clone()),
                        None => continue 'alternatives,
                    },
                    Support::Implicit => {}
                    Support::Unsupported => continue 'alternatives,
                }
            }
            out.push(variants);
        }
        out.sort_by_key(|a| a.is_empty());
        // Only empty alternatives: nothing to send.
        if out.iter().all(|a| a.is_empty()) {
            out.clear();
        }
        out
    }
}

fn requirements<'c>(
    contract: &'c Contract,
    op: &'c Operation,
) -> &'c [crate::model::SecurityRequirement] {
    op.security.as_deref().unwrap_or(&contract.security)
}

// ---------------------------------------------------------------------------------------------
// The plan of one operation

struct Op<'c> {
    op: &'c Operation,
    /// The contract's name of the operation, under which mocks record it.
    name: String,
    http_method: String,
    path: String,
    func: Ident,
    send: Ident,
    on: Ident,
    with_fallback: Ident,
    request: Ident,
    response: Ident,
    params: Vec<Param<'c>>,
    body: Option<Body>,
    variants: Vec<Variant>,
    /// Whether the enum has a catch-all `Status` variant (there is no `default` response).
    catch_all: Option<Ident>,
    security: Vec<Vec<Ident>>,
    /// Whether the request has a `Default` implementation (every field has one).
    default: bool,
}

struct Param<'c> {
    p: &'c Parameter,
    field: Ident,
    ty: TokenStream,
    style: String,
    explode: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum BodyKind {
    Json,
    Form,
    Multipart,
    Text,
    Bytes,
}

struct Body {
    field: Ident,
    kind: BodyKind,
    media_type: String,
    ty: TokenStream,
    required: bool,
    description: Option<String>,
    /// For multipart bodies: the parts the schema names, for the documentation.
    parts: Vec<String>,
    /// The schema a JSON or form body is checked against by the mock (feature `validate`).
    schema: Option<SchemaId>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum StatusMatch {
    Exact(u16),
    /// `4XX`: the first digit.
    Range(u16),
    Default,
}

#[derive(Clone)]
enum Payload {
    None,
    Json(TokenStream),
    Text,
    Bytes,
}

struct Variant {
    name: Ident,
    status: StatusMatch,
    payload: Payload,
    /// The schema of a JSON payload, which the mock checks programmed answers against.
    schema: Option<SchemaId>,
    doc: String,
}

fn plan<'c>(
    cx: &mut CrateCx,
    contract: &'c Contract,
    op: &'c Operation,
    func: String,
    methods: &mut Scope,
    types: &mut Scope,
    schemes: &Schemes,
) -> Op<'c> {
    let name = operation_name(op);
    let (http_method, path) = http_parts(op);
    // Composed names are converted again, so `self_` gives `send_self`, not `send_self_`.
    let base = camel(&name);
    let request = types.unique(camel(&format!("{base} request")));
    let response = types.unique(camel(&format!("{base} response")));
    let send = methods.unique(snake(&format!("send {func}")));
    let on = methods.unique(snake(&format!("on {func}")));
    let with_fallback = methods.unique(snake(&format!("with {func} fallback")));

    let mut fields = Scope::new();
    // The body keeps its plain name; a parameter called `body` is numbered.
    let body_field = op
        .request
        .as_ref()
        .map(|_| fields.unique("body".to_string()));
    let mut params = Vec::new();
    for p in &op.parameters {
        if p.location == ParamIn::Header
            && ["accept", "content-type", "authorization"]
                .contains(&p.name.to_ascii_lowercase().as_str())
        {
            // OpenAPI: such header parameters are ignored; the client sets these headers.
            continue;
        }
        let ty = match p.schema {
            Some(id) => cx
                .types
                .type_of(contract, id, &format!("{base}{}", camel(&p.name))),
            None => quote! { String },
        };
        let ty = if p.required || p.location == ParamIn::Path {
            ty
        } else {
            optional(ty)
        };
        let default_style = match p.location {
            ParamIn::Path | ParamIn::Header => "simple",
            _ => "form",
        };
        let style = p.style.clone().unwrap_or_else(|| default_style.to_string());
        let explode = p.explode.unwrap_or(style == "form");
        params.push(Param {
            p,
            field: ident::ident(&fields.unique(snake(&p.name))),
            ty,
            style,
            explode,
        });
    }
    // Path, query, header, cookie: the order the request is built in.
    params.sort_by_key(|p| p.p.location);

    let body = match (&op.request, body_field) {
        (Some(rb), Some(field)) => choose_request_content(&rb.content).map(|(kind, c)| {
            let ty = match kind {
                BodyKind::Json | BodyKind::Form => match c.schema {
                    Some(id) => cx
                        .types
                        .type_of(contract, id, &format!("{base}RequestBody")),
                    None => quote! { serde_json::Value },
                },
                BodyKind::Multipart => quote! { Multipart },
                BodyKind::Text => quote! { String },
                BodyKind::Bytes => quote! { Vec<u8> },
            };
            let parts = match (kind, c.schema) {
                (BodyKind::Multipart, Some(id)) => {
                    let s = contract.schemas.get(contract.schemas.resolve(id));
                    s.properties
                        .keys()
                        .map(|k| {
                            if s.required.contains(k) {
                                format!("`{k}` (required)")
                            } else {
                                format!("`{k}`")
                            }
                        })
                        .collect()
                }
                _ => Vec::new(),
            };
            Body {
                field: ident::ident(&field),
                kind,
                media_type: c.media_type.clone(),
                ty: if rb.required { ty } else { optional(ty) },
                required: rb.required,
                description: rb.description.clone(),
                parts,
                schema: match kind {
                    BodyKind::Json | BodyKind::Form => c.schema,
                    _ => None,
                },
            }
        }),
        _ => None,
    };

    let (variants, catch_all) = plan_variants(cx, contract, op, &base);
    let default = params.iter().all(|p| has_default(&p.ty))
        && body.as_ref().is_none_or(|b| has_default(&b.ty));
    Op {
        op,
        name,
        http_method,
        path,
        func: ident::ident(&func),
        send: ident::ident(&send),
        on: ident::ident(&on),
        with_fallback: ident::ident(&with_fallback),
        request: ident::ident(&request),
        response: ident::ident(&response),
        params,
        body,
        variants,
        catch_all,
        security: schemes.alternatives(contract, op),
        default,
    }
}

fn plan_variants(
    cx: &mut CrateCx,
    contract: &Contract,
    op: &Operation,
    base: &str,
) -> (Vec<Variant>, Option<Ident>) {
    let mut scope = Scope::with_reserved(&["Status"]);
    let mut planned: Vec<(StatusMatch, &crate::model::Response)> = Vec::new();
    for r in &op.responses {
        let status = r.status.trim();
        let m = if status.eq_ignore_ascii_case("default") {
            StatusMatch::Default
        } else if let Ok(code) = status.parse::<u16>() {
            StatusMatch::Exact(code)
        } else if status.len() == 3 && status[1..].eq_ignore_ascii_case("xx") {
            match status[..1].parse::<u16>() {
                Ok(d) => StatusMatch::Range(d),
                Err(_) => continue,
            }
        } else {
            continue;
        };
        // 5xx and 429 are errors, whatever the contract says about them.
        let error = match m {
            StatusMatch::Exact(c) => c >= 500 || c == 429,
            StatusMatch::Range(d) => d >= 5,
            StatusMatch::Default => false,
        };
        if !error && !planned.iter().any(|(p, _)| *p == m) {
            planned.push((m, r));
        }
    }
    planned.sort_by_key(|(m, _)| *m);
    let mut variants = Vec::new();
    for (m, r) in planned {
        let name = match m {
            StatusMatch::Exact(c) => reason(c)
                .map(str::to_string)
                .unwrap_or_else(|| format!("Status{c}")),
            StatusMatch::Range(1) => "Informational".to_string(),
            StatusMatch::Range(2) => "Success".to_string(),
            StatusMatch::Range(3) => "Redirection".to_string(),
            StatusMatch::Range(4) => "ClientError".to_string(),
            StatusMatch::Range(d) => format!("Status{d}xx"),
            StatusMatch::Default => "Default".to_string(),
        };
        let name = scope.unique(name);
        let content = choose_response_content(&r.content);
        let schema = match content {
            Some((BodyKind::Json, c)) => c.schema,
            _ => None,
        };
        let payload = match content {
            None => Payload::None,
            Some((BodyKind::Json, c)) => Payload::Json(match c.schema {
                Some(id) => cx.types.type_of(contract, id, &format!("{base}{name}Body")),
                None => quote! { serde_json::Value },
            }),
            Some((BodyKind::Text, _)) => Payload::Text,
            Some(_) => Payload::Bytes,
        };
        let status = match m {
            StatusMatch::Exact(c) => format!("`{c}`"),
            StatusMatch::Range(d) => format!("`{d}XX`"),
            StatusMatch::Default => "Any other status (`default`)".to_string(),
        };
        let mut text = match r.description.as_deref().map(str::trim) {
            Some(d) if !d.is_empty() => format!("{status}: {d}"),
            _ => format!("{status}."),
        };
        if !r.headers.is_empty() {
            let names: Vec<String> = r.headers.iter().map(|h| format!("`{}`", h.name)).collect();
            text.push_str(&format!(
                "\n\nHeaders (in [`Response::headers`]): {}.",
                names.join(", ")
            ));
        }
        variants.push(Variant {
            name: ident::ident(&name),
            status: m,
            payload,
            schema,
            doc: text,
        });
    }
    let catch_all = (!variants.iter().any(|v| v.status == StatusMatch::Default))
        .then(|| ident::ident("Status"));
    (variants, catch_all)
}

/// The reason phrase of a status as a variant name.
fn reason(code: u16) -> Option<&'static str> {
    Some(match code {
        100 => "Continue",
        101 => "SwitchingProtocols",
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        203 => "NonAuthoritativeInformation",
        204 => "NoContent",
        205 => "ResetContent",
        206 => "PartialContent",
        207 => "MultiStatus",
        300 => "MultipleChoices",
        301 => "MovedPermanently",
        302 => "Found",
        303 => "SeeOther",
        304 => "NotModified",
        307 => "TemporaryRedirect",
        308 => "PermanentRedirect",
        400 => "BadRequest",
        401 => "Unauthorized",
        402 => "PaymentRequired",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        407 => "ProxyAuthenticationRequired",
        408 => "RequestTimeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "LengthRequired",
        412 => "PreconditionFailed",
        413 => "ContentTooLarge",
        414 => "UriTooLong",
        415 => "UnsupportedMediaType",
        416 => "RangeNotSatisfiable",
        417 => "ExpectationFailed",
        421 => "MisdirectedRequest",
        422 => "UnprocessableContent",
        423 => "Locked",
        424 => "FailedDependency",
        425 => "TooEarly",
        426 => "UpgradeRequired",
        428 => "PreconditionRequired",
        431 => "RequestHeaderFieldsTooLarge",
        451 => "UnavailableForLegalReasons",
        _ => return None,
    })
}

/// The media type without parameters, lower-cased.
fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn kind_of(media_type: &str) -> BodyKind {
    let m = essence(media_type);
    if m == "application/json" || m.ends_with("+json") || m == "text/json" {
        BodyKind::Json
    } else if m == "multipart/form-data" {
        BodyKind::Multipart
    } else if m == "application/x-www-form-urlencoded" {
        BodyKind::Form
    } else if m.starts_with("text/") {
        BodyKind::Text
    } else {
        BodyKind::Bytes
    }
}

/// The content a client sends: JSON if the operation takes it, else multipart, a form, text or
/// bytes, in that order of preference.
fn choose_request_content(content: &[Content]) -> Option<(BodyKind, &Content)> {
    let order = [
        BodyKind::Json,
        BodyKind::Multipart,
        BodyKind::Form,
        BodyKind::Text,
        BodyKind::Bytes,
    ];
    order.iter().find_map(|k| {
        content
            .iter()
            .find(|c| kind_of(&c.media_type) == *k)
            .map(|c| (*k, c))
    })
}

/// How a client reads an answer: as JSON if the contract offers it, else text, else bytes.
fn choose_response_content(content: &[Content]) -> Option<(BodyKind, &Content)> {
    let kinds: Vec<(BodyKind, &Content)> = content
        .iter()
        .map(|c| (kind_of(&c.media_type), c))
        .collect();
    kinds
        .iter()
        .find(|(k, _)| *k == BodyKind::Json)
        .or_else(|| kinds.iter().find(|(k, _)| *k == BodyKind::Text))
        .or_else(|| kinds.first())
        .map(|(k, c)| match k {
            BodyKind::Json | BodyKind::Text => (*k, *c),
            _ => (BodyKind::Bytes, *c),
        })
}

fn is_option(ty: &TokenStream) -> bool {
    let s = ty.to_string();
    let s = s.trim_start_matches(":: ");
    s.starts_with("Option <")
        || s.starts_with("std :: option :: Option <")
        || s.starts_with("core :: option :: Option <")
}

/// `Option<ty>`, unless the type is optional already (a nullable schema).
fn optional(ty: TokenStream) -> TokenStream {
    if is_option(&ty) {
        ty
    } else {
        quote! { Option<#ty> }
    }
}

/// Whether a field type surely implements `Default` (types generated from schemas may not).
fn has_default(ty: &TokenStream) -> bool {
    const GENERIC: &[&str] = &[
        "Option <",
        "Vec <",
        "BTreeMap <",
        "HashMap <",
        "std :: vec :: Vec <",
        "std :: option :: Option <",
        "std :: collections :: BTreeMap <",
        "std :: collections :: HashMap <",
    ];
    const PLAIN: &[&str] = &[
        "String",
        "bool",
        "i8",
        "i16",
        "i32",
        "i64",
        "i128",
        "u8",
        "u16",
        "u32",
        "u64",
        "u128",
        "f32",
        "f64",
        "serde_json :: Value",
        "Multipart",
        "()",
    ];
    let s = ty.to_string();
    let s = s.trim_start_matches(":: ");
    GENERIC.iter().any(|g| s.starts_with(g)) || PLAIN.contains(&s)
}

// ---------------------------------------------------------------------------------------------
// What the module needs

/// Which helpers and dependencies the operations use.
#[derive(Default)]
struct Needs {
    path_param: bool,
    query_param: bool,
    header_param: bool,
    cookie_param: bool,
    json_body: bool,
    form_body: bool,
    multipart: bool,
    decode_json: bool,
    /// Any scheme applied (Credentials, Scheme, authorize).
    security: bool,
    bearer: bool,
    basic: bool,
    api_key_query: bool,
    api_key_cookie: bool,
}

impl Needs {
    fn of(ops: &[Op], schemes: &Schemes) -> Needs {
        let mut n = Needs::default();
        for op in ops {
            for p in &op.params {
                match p.p.location {
                    ParamIn::Path => n.path_param = true,
                    ParamIn::Query | ParamIn::QueryString => n.query_param = true,
                    ParamIn::Header => n.header_param = true,
                    ParamIn::Cookie => n.cookie_param = true,
                }
            }
            match op.body.as_ref().map(|b| b.kind) {
                Some(BodyKind::Json) => n.json_body = true,
                Some(BodyKind::Form) => n.form_body = true,
                Some(BodyKind::Multipart) => n.multipart = true,
                _ => {}
            }
            if op
                .variants
                .iter()
                .any(|v| matches!(v.payload, Payload::Json(_)))
            {
                n.decode_json = true;
            }
        }
        n.security = !schemes.used.is_empty();
        n.bearer = schemes.any(|c| *c == Credential::Bearer);
        n.basic = schemes.any(|c| *c == Credential::Basic);
        n.api_key_query = schemes.any(|c| matches!(c, Credential::ApiKey(ParamIn::Query, _)));
        n.api_key_cookie = schemes.any(|c| matches!(c, Credential::ApiKey(ParamIn::Cookie, _)));
        n
    }
}

fn add_dependencies(cx: &mut CrateCx, needs: &Needs) {
    // reqwest without default features: no TLS stack is forced on the application, which picks
    // one through this crate's features. JSON goes through serde_json directly.
    if needs.multipart {
        cx.dep(
            "reqwest",
            r#"{ version = "0.13", default-features = false, features = ["multipart"] }"#,
        );
    } else if !cx.deps.contains_key("reqwest") {
        cx.dep(
            "reqwest",
            r#"{ version = "0.13", default-features = false }"#,
        );
    }
    cx.feature("rustls", &["reqwest/rustls"]);
    cx.feature("native-tls", &["reqwest/native-tls"]);
}

// ---------------------------------------------------------------------------------------------
// Emission

fn lit(s: &str) -> Literal {
    Literal::string(s)
}

/// What the generated `encode` does, for names known when generating.
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn module(
    contract: &Contract,
    names: &ApiNames,
    ops: &[Op],
    schemes: &Schemes,
    needs: &Needs,
    checks: &ContractChecks,
) -> TokenStream {
    let module_doc = doc_inner(&module_doc(contract, names));
    let imports = imports(needs);
    let shared = shared_items(needs);
    let security = security_items(schemes, needs);
    let per_op = ops.iter().map(|op| op_items(op, names));
    let api = api_trait(contract, names, ops);
    let client = client(contract, names, ops, needs);
    let mock = mock(names, ops, checks);
    let contract_module = checks.module(names);
    let helpers = helpers(needs);
    quote! {
        #module_doc
        #imports
        #shared
        #security
        #(#per_op)*
        #api
        #client
        #mock
        #contract_module
        #helpers
    }
}

fn module_doc(contract: &Contract, names: &ApiNames) -> String {
    let title = contract.title.as_deref().unwrap_or(&contract.name);
    let mut text = format!("HTTP client, trait and mock for {title}");
    if let Some(v) = &contract.version {
        text.push_str(&format!(" (version {})", v.text.trim()));
    }
    text.push('.');
    if let Some(d) = contract.description.as_deref().map(str::trim)
        && !d.is_empty()
    {
        text.push_str("\n\n");
        text.push_str(d);
    }
    let (api, client, mock) = (&names.api, &names.client, &names.mock);
    text.push_str(&format!(
        "\n\n* [`{api}`]: one method per operation, taking the operation's request struct and \
         answering its response enum inside a [`Response`] (status and headers). Object safe: \
         hold an `Arc<dyn {api}>`.\n\
         * [`{client}`]: the trait over HTTP (reqwest). It asks its resolver for the service's \
         URL on every call and runs every call under the runtime's resilience policy (bulkhead, \
         circuit breaker, timeout) with a fallback per operation.\n\
         * [`{mock}`]: the trait answering as a test programs it, recording every call.\n\n\
         Declared answers, 4xx included, are variants of the operation's response enum. Answers \
         with status 5xx or 429, transport failures and timeouts are `Err(Error)`: they count \
         against the circuit breaker and may be replaced by a fallback.\n\n\
         reqwest is built without TLS: enable this crate's `rustls` or `native-tls` feature to \
         call `https` URLs.\n\n\
         ```ignore\n\
         let client = {client}::new(treaty_runtime::discovery::Static(\"http://localhost:8080\".into()))?;\n\
         let api: Arc<dyn {api}> = Arc::new(client);\n\
         ```"
    ));
    text
}

fn imports(needs: &Needs) -> TokenStream {
    let de = needs
        .decode_json
        .then(|| quote! { use serde::de::DeserializeOwned; });
    let mut writers = Vec::new();
    for (on, name) in [
        (
            needs.api_key_query || needs.api_key_cookie,
            quote! { encode },
        ),
        (needs.path_param, quote! { path_param }),
        (needs.query_param, quote! { query_param }),
        (needs.header_param, quote! { header_param }),
        (needs.cookie_param, quote! { cookie_param }),
        (needs.json_body, quote! { json_body }),
        (needs.form_body, quote! { form_body }),
    ] {
        if on {
            writers.push(name);
        }
    }
    let writers =
        (!writers.is_empty()).then(|| quote! { use treaty_runtime::http::{#(#writers),*}; });
    quote! {
        use std::future::Future;
        use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

        use serde::Serialize;
        #de
        #writers
        use treaty_runtime::discovery::{FromEnv, Resolver};
        use treaty_runtime::mock::{Recorder, Responder};
        use treaty_runtime::resilience::{Fallback, Policy, Resilient};
        use treaty_runtime::Error;
    }
}

/// Items every module has: the future and response types, and the multipart body when used.
fn shared_items(needs: &Needs) -> TokenStream {
    let multipart = needs
        .multipart
        .then(|| quote! { pub use treaty_runtime::http::{Multipart, Part}; });
    quote! {
        pub use treaty_runtime::http::{BoxFuture, Headers, MockResponder, Response};
        #multipart
    }
}

fn security_items(schemes: &Schemes, needs: &Needs) -> TokenStream {
    if !needs.security {
        return TokenStream::new();
    }
    let basic = needs.basic.then(|| {
        quote! {
            /// A user name and password for HTTP basic authentication.
            #[derive(Clone, PartialEq, Eq)]
            pub struct BasicAuth {
                pub username: String,
                pub password: Option<String>,
            }

            impl std::fmt::Debug for BasicAuth {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.debug_struct("BasicAuth")
                        .field("username", &self.username)
                        .field("password", &self.password.as_ref().map(|_| "<redacted>"))
                        .finish()
                }
            }
        }
    });
    let fields = schemes.used.iter().map(|s| {
        let how = match &s.credential {
            Credential::Bearer => {
                "a bearer token, sent as `Authorization: Bearer <token>`".to_string()
            }
            Credential::Basic => "HTTP basic authentication".to_string(),
            Credential::ApiKey(l, n) => format!(
                "an API key, sent in the {} `{n}`",
                match l {
                    ParamIn::Header => "header",
                    ParamIn::Query => "query parameter",
                    _ => "cookie",
                }
            ),
        };
        let doc = doc(&format!("`{}`: {how}.", s.name));
        let field = &s.field;
        let ty = match s.credential {
            Credential::Basic => quote! { BasicAuth },
            _ => quote! { String },
        };
        quote! { #doc pub #field: Option<#ty>, }
    });
    let debug_fields = schemes.used.iter().map(|s| {
        let field = &s.field;
        let name = lit(&field.to_string());
        quote! { .field(#name, &self.#field.as_ref().map(|_| "<redacted>")) }
    });
    let variants = schemes.used.iter().map(|s| &s.variant);
    let has = schemes.used.iter().map(|s| {
        let (v, f) = (&s.variant, &s.field);
        quote! { Scheme::#v => self.#f.is_some(), }
    });
    let apply = schemes.used.iter().map(|s| {
        let (v, f) = (&s.variant, &s.field);
        let put = match &s.credential {
            Credential::Bearer => quote! { out.bearer = Some(value.clone()); },
            Credential::Basic => quote! { out.basic = Some(value.clone()); },
            Credential::ApiKey(ParamIn::Header, n) => {
                let n = lit(n);
                quote! { out.headers.push((#n.to_string(), value.clone())); }
            }
            Credential::ApiKey(ParamIn::Query, n) => {
                let pair = lit(&format!("{}={{}}", percent_encode(n)));
                quote! { out.query.push(format!(#pair, encode(value))); }
            }
            Credential::ApiKey(_, n) => {
                let pair = lit(&format!("{}={{}}", n.replace('{', "{{").replace('}', "}}")));
                quote! { out.cookies.push(format!(#pair, encode(value))); }
            }
        };
        quote! {
            Scheme::#v => {
                if let Some(value) = &self.#f {
                    #put
                }
            }
        }
    });
    quote! {
        #basic

        /// Credentials for the security schemes the API's operations require. A `None` field is
        /// not sent; each operation uses the first of its security requirements whose
        /// credentials are all present, and sends none when there is none (the service then
        /// answers as it does to anonymous calls).
        #[derive(Clone, Default)]
        pub struct Credentials {
            #(#fields)*
        }

        impl std::fmt::Debug for Credentials {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct("Credentials")
                    #(#debug_fields)*
                    .finish()
            }
        }

        /// A security scheme of the contract.
        #[derive(Clone, Copy)]
        enum Scheme {
            #(#variants,)*
        }

        impl Credentials {
            fn has(&self, scheme: Scheme) -> bool {
                match scheme {
                    #(#has)*
                }
            }

            fn apply(&self, scheme: Scheme, out: &mut Outgoing) {
                match scheme {
                    #(#apply)*
                }
            }
        }

        /// Applies the first of `alternatives` (each a set of schemes, all needed) that
        /// `credentials` can satisfy.
        fn authorize(credentials: &Credentials, out: &mut Outgoing, alternatives: &[&[Scheme]]) {
            if let Some(schemes) = alternatives
                .iter()
                .find(|schemes| schemes.iter().all(|s| credentials.has(*s)))
            {
                for scheme in schemes.iter() {
                    credentials.apply(*scheme, out);
                }
            }
        }
    }
}

fn op_doc(op: &Op) -> String {
    let mut parts = Vec::new();
    if let Some(s) = op
        .op
        .summary
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        parts.push(s.to_string());
    }
    if let Some(d) = op
        .op
        .description
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        parts.push(d.to_string());
    }
    parts.push(format!("`{} {}`", op.http_method, op.path));
    parts.join("\n\n")
}

fn op_items(op: &Op, names: &ApiNames) -> TokenStream {
    let (api, func, request, response) = (&names.api, &op.func, &op.request, &op.response);
    // The request struct.
    let req_doc = doc(&format!(
        "The request of [`{api}::{func}`] (`{} {}`).",
        op.http_method, op.path
    ));
    let fields = op.params.iter().map(|p| {
        let mut text =
            p.p.description
                .as_deref()
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(|d| format!("{d}\n\n"))
                .unwrap_or_default();
        text.push_str(&format!(
            "The {} parameter `{}`.",
            p.p.location.as_str(),
            p.p.name
        ));
        if p.p.deprecated {
            text.push_str(" Deprecated.");
        }
        let doc = doc(&text);
        let (field, ty) = (&p.field, &p.ty);
        quote! { #doc pub #field: #ty, }
    });
    let body_field = op.body.as_ref().map(|b| {
        let mut text = b
            .description
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| format!("{d}\n\n"))
            .unwrap_or_default();
        text.push_str(&format!("The body, sent as `{}`", b.media_type));
        if !b.required {
            text.push_str("; optional");
        }
        text.push('.');
        if !b.parts.is_empty() {
            text.push_str(&format!(" Parts: {}.", b.parts.join(", ")));
        }
        let doc = doc(&text);
        let (field, ty) = (&b.field, &b.ty);
        quote! { #doc pub #field: #ty, }
    });
    let default = op.default.then(|| quote! { Default, });
    let deprecated = op
        .op
        .deprecated
        .then(|| quote! { #[doc = ""] #[doc = " Deprecated by the contract."] });

    // The response enum.
    let resp_doc = doc(&format!(
        "The answers of [`{api}::{func}`] that the contract declares, and `{}` for others. \
         Answers with status 5xx or 429 are `Err(Error::Status)` instead.",
        match &op.catch_all {
            Some(_) => "Status",
            None => "Default",
        }
    ));
    let variants = op.variants.iter().map(|v| {
        let doc = doc(&v.doc);
        let name = &v.name;
        let body = match &v.payload {
            Payload::None => None,
            Payload::Json(ty) => Some(ty.clone()),
            Payload::Text => Some(quote! { String }),
            Payload::Bytes => Some(quote! { Vec<u8> }),
        };
        match (v.status, body) {
            (StatusMatch::Exact(_), None) => quote! { #doc #name, },
            (StatusMatch::Exact(_), Some(b)) => quote! { #doc #name(#b), },
            (_, None) => quote! { #doc #name { code: u16 }, },
            (_, Some(b)) => quote! { #doc #name { code: u16, body: #b }, },
        }
    });
    let catch_all = op.catch_all.as_ref().map(|c| {
        quote! {
            /// A status the contract does not declare, with the body as text.
            #c { code: u16, body: String },
        }
    });
    let status_arms = op.variants.iter().map(|v| {
        let name = &v.name;
        match (v.status, &v.payload) {
            (StatusMatch::Exact(c), Payload::None) => {
                let c = Literal::u16_unsuffixed(c);
                quote! { #response::#name => #c, }
            }
            (StatusMatch::Exact(c), _) => {
                let c = Literal::u16_unsuffixed(c);
                quote! { #response::#name(_) => #c, }
            }
            _ => quote! { #response::#name { code, .. } => *code, },
        }
    });
    let catch_all_arm = op
        .catch_all
        .as_ref()
        .map(|c| quote! { #response::#c { code, .. } => *code, });
    quote! {
        #req_doc
        #deprecated
        #[derive(Debug, Clone, #default Serialize)]
        pub struct #request {
            #(#fields)*
            #body_field
        }

        #resp_doc
        #[derive(Debug, Clone)]
        #[allow(clippy::large_enum_variant)]
        pub enum #response {
            #(#variants)*
            #catch_all
        }

        impl #response {
            /// The status this answer stands for.
            pub fn status(&self) -> u16 {
                match self {
                    #(#status_arms)*
                    #catch_all_arm
                }
            }
        }

        impl From<#response> for Response<#response> {
            /// The answer with its status and no headers, as mocks give it.
            fn from(body: #response) -> Self {
                Response::new(body.status(), body)
            }
        }
    }
}

fn signature(op: &Op) -> TokenStream {
    let (func, request, response) = (&op.func, &op.request, &op.response);
    quote! {
        fn #func(&self, request: #request) -> BoxFuture<'_, Result<Response<#response>, Error>>
    }
}

fn api_trait(contract: &Contract, names: &ApiNames, ops: &[Op]) -> TokenStream {
    let api = &names.api;
    let title = contract.title.as_deref().unwrap_or(&contract.name);
    let doc = doc(&format!(
        "{title}: one method per operation.\n\nImplemented by [`{}`] over HTTP and by [`{}`] for \
         tests; `Arc<T>` implements it for any implementation `T`, `dyn {api}` included.",
        names.client, names.mock
    ));
    let methods = ops.iter().map(|op| {
        let doc = self::doc(&op_doc(op));
        let sig = signature(op);
        let deprecated = op
            .op
            .deprecated
            .then(|| quote! { #[deprecated(note = "deprecated by the contract")] });
        quote! { #doc #deprecated #sig; }
    });
    let forward = ops.iter().map(|op| {
        let sig = signature(op);
        let func = &op.func;
        quote! { #sig { (**self).#func(request) } }
    });
    quote! {
        #doc
        pub trait #api: Send + Sync {
            #(#methods)*
        }

        #[allow(deprecated)]
        impl<T: #api + ?Sized> #api for Arc<T> {
            #(#forward)*
        }
    }
}

fn client(contract: &Contract, names: &ApiNames, ops: &[Op], needs: &Needs) -> TokenStream {
    let (api, client) = (&names.api, &names.client);
    let title = contract.title.as_deref().unwrap_or(&contract.name);
    let env_var = lit(&names.env_var);
    let default_url = contract
        .servers
        .iter()
        .map(|s| s.url.trim())
        .find(|u| (u.starts_with("http://") || u.starts_with("https://")) && !u.contains('{'));
    let (from_env_doc, from_env) = match default_url {
        Some(url) => (
            format!(
                "A client for the URL in the environment variable `{}`, read on every call, or \
                 the contract's server `{url}` when it is unset.",
                names.env_var
            ),
            {
                let url = lit(url);
                quote! { FromEnv::or(#env_var, #url) }
            },
        ),
        None => (
            format!(
                "A client for the URL in the environment variable `{}`, read on every call.",
                names.env_var
            ),
            quote! { FromEnv::new(#env_var) },
        ),
    };
    let from_env_doc = doc(&from_env_doc);
    let fallback_fields = ops.iter().map(|op| {
        let (f, r) = (&op.func, &op.response);
        quote! { #f: Fallback<Response<#r>>, }
    });
    let fallback_defaults = ops.iter().map(|op| {
        let f = &op.func;
        quote! { #f: Fallback::Error, }
    });
    let fallback_setters = ops.iter().map(|op| {
        let (f, r, w) = (&op.func, &op.response, &op.with_fallback);
        let doc = doc(&format!(
            "What [`{api}::{f}`] answers when the service is unavailable (a 5xx or 429 answer, a \
             transport failure, a timeout, the bulkhead full or the breaker open): the error \
             (the default), a fixed answer, or the last answer to the same request \
             (`Fallback::Cached`)."
        ));
        quote! {
            #doc
            pub fn #w(mut self, fallback: Fallback<Response<#r>>) -> Self {
                self.fallbacks.#f = fallback;
                self
            }
        }
    });
    let credentials_field = needs
        .security
        .then(|| quote! { credentials: Arc<dyn Fn() -> Credentials + Send + Sync>, });
    let credentials_init = needs
        .security
        .then(|| quote! { credentials: Arc::new(Credentials::default), });
    let credentials_setters = needs.security.then(|| {
        quote! {
            /// Sends `credentials` with the calls that require them.
            pub fn with_credentials(self, credentials: Credentials) -> Self {
                self.with_credentials_from(move || credentials.clone())
            }

            /// Asks `credentials` on every call, for credentials that change (refreshed tokens).
            pub fn with_credentials_from(
                mut self,
                credentials: impl Fn() -> Credentials + Send + Sync + 'static,
            ) -> Self {
                self.credentials = Arc::new(credentials);
                self
            }
        }
    });
    let impls = ops.iter().map(|op| {
        let sig = signature(op);
        let (f, send) = (&op.func, &op.send);
        let name = lit(&op.name);
        quote! {
            #sig {
                Box::pin(self.call(#name, &self.fallbacks.#f, request, |request| self.#send(request)))
            }
        }
    });
    let sends = ops.iter().map(|op| send_fn(op, needs));
    let bearer = needs.bearer.then(
        || quote! { if let Some(token) = out.bearer { builder = builder.bearer_auth(token); } },
    );
    let basic = needs.basic.then(|| {
        quote! {
            if let Some(basic) = out.basic {
                builder = builder.basic_auth(basic.username, basic.password);
            }
        }
    });
    let multipart = needs.multipart.then(|| {
        quote! { if let Some(form) = out.multipart { builder = builder.multipart(form); } }
    });
    let multipart_field = needs
        .multipart
        .then(|| quote! { multipart: Option<reqwest::multipart::Form>, });
    let multipart_init = needs.multipart.then(|| quote! { multipart: None, });
    let bearer_field = needs.bearer.then(|| quote! { bearer: Option<String>, });
    let bearer_init = needs.bearer.then(|| quote! { bearer: None, });
    let basic_field = needs.basic.then(|| quote! { basic: Option<BasicAuth>, });
    let basic_init = needs.basic.then(|| quote! { basic: None, });
    let struct_doc = doc(&format!(
        "{title} over HTTP: implements [`{api}`] with reqwest.\n\n\
         Cloning is cheap and shares the connection pool, the resolver and the resilience state \
         (bulkhead, breaker, cached fallback values)."
    ));
    quote! {
        #struct_doc
        #[derive(Clone)]
        pub struct #client {
            http: reqwest::Client,
            resolver: Arc<dyn Resolver>,
            resilient: Arc<Resilient>,
            #credentials_field
            fallbacks: Fallbacks,
        }

        /// The fallback of each operation.
        #[derive(Clone)]
        struct Fallbacks {
            #(#fallback_fields)*
        }

        impl Default for Fallbacks {
            fn default() -> Self {
                Fallbacks {
                    #(#fallback_defaults)*
                }
            }
        }

        impl std::fmt::Debug for #client {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!(#client))
                    .field("policy", self.resilient.policy())
                    .finish_non_exhaustive()
            }
        }

        impl #client {
            /// A client for the service `resolver` finds, with a default reqwest client and the
            /// default [`Policy`]. Fails only when reqwest cannot set up its client (TLS
            /// backend, system configuration).
            pub fn new(resolver: impl Resolver + 'static) -> Result<Self, Error> {
                let http = reqwest::Client::builder()
                    .build()
                    .map_err(|e| Error::Transport(chain(&e)))?;
                Ok(Self::with_client(http, resolver))
            }

            /// A client sending through `http`, configured by the application (TLS, proxies,
            /// connection pool, default headers).
            pub fn with_client(http: reqwest::Client, resolver: impl Resolver + 'static) -> Self {
                #client {
                    http,
                    resolver: Arc::new(resolver),
                    resilient: Arc::new(Resilient::new(Policy::default())),
                    #credentials_init
                    fallbacks: Fallbacks::default(),
                }
            }

            #from_env_doc
            pub fn from_env() -> Result<Self, Error> {
                Self::new(#from_env)
            }

            /// Protects calls with `policy` (timeout, bulkhead, breaker), starting afresh: the
            /// breaker closed and no cached fallback values.
            pub fn with_policy(mut self, policy: Policy) -> Self {
                self.resilient = Arc::new(Resilient::new(policy));
                self
            }

            /// The policy calls run under.
            pub fn policy(&self) -> &Policy {
                self.resilient.policy()
            }

            /// The resilience state calls share: the breaker, the calls outstanding.
            pub fn resilient(&self) -> &Resilient {
                &self.resilient
            }

            #credentials_setters

            #(#fallback_setters)*

            /// Runs `send(request)` under the resilience policy with `fallback`. A cached fallback
            /// keeps answers by operation and request (as JSON).
            async fn call<T, R, F, Fut>(
                &self,
                operation: &str,
                fallback: &Fallback<T>,
                request: R,
                send: F,
            ) -> Result<T, Error>
            where
                T: Clone + Send + 'static,
                R: Serialize,
                F: FnOnce(R) -> Fut,
                Fut: Future<Output = Result<T, Error>>,
            {
                let key = match fallback {
                    Fallback::Cached => match serde_json::to_string(&request) {
                        Ok(json) => format!("{operation} {json}"),
                        // Without a JSON form the request has no key to cache under.
                        Err(_) => return self.resilient.call(operation, || send(request)).await,
                    },
                    _ => operation.to_string(),
                };
                self.resilient.call_with(&key, fallback, || send(request)).await
            }

            /// Sends `out` and reads the whole answer; 5xx and 429 answers are errors.
            async fn exchange(&self, out: Outgoing) -> Result<Received, Error> {
                let mut url = self.resolver.url(&out.path)?;
                if !out.query.is_empty() {
                    url.push('?');
                    url.push_str(&out.query.join("&"));
                }
                let mut builder = self.http.request(out.method, url);
                for (name, value) in out.headers {
                    builder = builder.header(name, value);
                }
                if !out.cookies.is_empty() {
                    builder = builder.header(reqwest::header::COOKIE, out.cookies.join("; "));
                }
                #bearer
                #basic
                if let Some((content_type, data)) = out.body {
                    builder = builder
                        .header(reqwest::header::CONTENT_TYPE, content_type)
                        .body(data);
                }
                #multipart
                let response = builder.send().await.map_err(transport)?;
                let status = response.status().as_u16();
                let headers: Headers = response
                    .headers()
                    .iter()
                    .map(|(n, v)| (n.as_str(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
                    .collect();
                let body = response.bytes().await.map_err(transport)?.to_vec();
                if status >= 500 || status == 429 {
                    return Err(Error::Status {
                        code: status,
                        body: String::from_utf8_lossy(&body).into_owned(),
                    });
                }
                Ok(Received {
                    status,
                    headers,
                    body,
                })
            }

            #(#sends)*
        }

        #[allow(deprecated)]
        impl #api for #client {
            #(#impls)*
        }

        /// A request as an operation builds it, before reqwest sees it.
        struct Outgoing {
            method: reqwest::Method,
            path: String,
            /// `name=value` pairs, percent-encoded.
            query: Vec<String>,
            headers: Vec<(String, String)>,
            /// `name=value` pairs, percent-encoded.
            cookies: Vec<String>,
            /// Content type and bytes.
            body: Option<(String, Vec<u8>)>,
            #multipart_field
            #bearer_field
            #basic_field
        }

        impl Outgoing {
            fn new(method: reqwest::Method, path: String) -> Self {
                Outgoing {
                    method,
                    path,
                    query: Vec::new(),
                    headers: Vec::new(),
                    cookies: Vec::new(),
                    body: None,
                    #multipart_init
                    #bearer_init
                    #basic_init
                }
            }
        }

        /// An answer read whole.
        struct Received {
            status: u16,
            headers: Headers,
            body: Vec<u8>,
        }
    }
}

fn http_method(method: &str) -> TokenStream {
    const STANDARD: &[&str] = &[
        "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "CONNECT", "PATCH", "TRACE",
    ];
    if STANDARD.contains(&method) {
        let m = format_ident!("{method}");
        quote! { reqwest::Method::#m }
    } else {
        let bytes = Literal::byte_string(method.as_bytes());
        quote! {
            reqwest::Method::from_bytes(#bytes).map_err(|e| Error::Encode(e.to_string()))?
        }
    }
}

/// The expression of an operation's path: the template's literal parts and its parameters,
/// serialised and percent-encoded, concatenated. (Not `format!`: prettyplease cannot format
/// macro arguments, and an argument-free format string would need its braces escaped.)
fn path_expr(op: &Op) -> TokenStream {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut rest = op.path.as_str();
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            break;
        };
        let name = &after[..close];
        literal.push_str(&rest[..open]);
        match op
            .params
            .iter()
            .find(|p| p.p.location == ParamIn::Path && p.p.name == name)
        {
            Some(p) => {
                if !literal.is_empty() {
                    let l = lit(&std::mem::take(&mut literal));
                    pieces.push(quote! { #l });
                }
                let (field, style, explode) = (&p.field, lit(&p.style), p.explode);
                let name = lit(name);
                pieces.push(quote! {
                    path_param(#name, &request.#field, #style, #explode)?.as_str()
                });
            }
            // A name the operation does not declare stays as written (reqwest percent-encodes
            // the braces).
            None => literal.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    literal.push_str(rest);
    if pieces.is_empty() {
        let path = lit(&literal);
        return quote! { String::from(#path) };
    }
    if !literal.is_empty() {
        let l = lit(&literal);
        pieces.push(quote! { #l });
    }
    quote! { [#(#pieces),*].concat() }
}

fn send_fn(op: &Op, needs: &Needs) -> TokenStream {
    let (send, request, response) = (&op.send, &op.request, &op.response);
    let uses_request = !op.params.is_empty() || op.body.is_some();
    let request_arg = if uses_request {
        format_ident!("request")
    } else {
        format_ident!("_request")
    };
    let method = http_method(&op.http_method);
    let path = path_expr(op);
    let mut steps = Vec::new();
    for p in &op.params {
        let (name, field, style, explode) = (lit(&p.p.name), &p.field, lit(&p.style), p.explode);
        steps.push(match p.p.location {
            ParamIn::Path => continue,
            ParamIn::Query | ParamIn::QueryString => quote! {
                query_param(&mut out.query, #name, &request.#field, #style, #explode)?;
            },
            ParamIn::Header => quote! {
                header_param(&mut out.headers, #name, &request.#field, #explode)?;
            },
            ParamIn::Cookie => quote! {
                cookie_param(&mut out.cookies, #name, &request.#field, #explode)?;
            },
        });
    }
    if op
        .variants
        .iter()
        .any(|v| matches!(v.payload, Payload::Json(_)))
    {
        steps.push(quote! {
            out.headers.push(("accept".to_string(), "application/json".to_string()));
        });
    }
    if needs.security && !op.security.is_empty() {
        let alternatives = op.security.iter().map(|a| quote! { &[#(Scheme::#a),*] });
        steps.push(quote! {
            authorize(&(self.credentials)(), &mut out, &[#(#alternatives),*]);
        });
    }
    if let Some(b) = &op.body {
        let field = &b.field;
        let media_type = if b.media_type.contains('*') {
            "application/octet-stream".to_string()
        } else {
            b.media_type.clone()
        };
        let mt = lit(&media_type);
        let value = if b.required {
            quote! { request.#field }
        } else {
            quote! { body }
        };
        let (target, encode) = match b.kind {
            BodyKind::Json => (quote! { out.body }, quote! { json_body(#mt, &#value)? }),
            BodyKind::Form => (quote! { out.body }, quote! { form_body(#mt, &#value)? }),
            BodyKind::Text => (
                quote! { out.body },
                quote! { (#mt.to_string(), #value.into_bytes()) },
            ),
            BodyKind::Bytes => (quote! { out.body }, quote! { (#mt.to_string(), #value) }),
            BodyKind::Multipart => (quote! { out.multipart }, quote! { multipart_form(#value)? }),
        };
        steps.push(if b.required {
            quote! { #target = Some(#encode); }
        } else {
            quote! {
                if let Some(body) = request.#field {
                    #target = Some(#encode);
                }
            }
        });
    }
    let out_binding = if steps.is_empty() {
        quote! { out }
    } else {
        quote! { mut out }
    };
    let name = lit(&op.name);
    let arms = op.variants.iter().map(|v| {
        let variant = &v.name;
        let decoded = match &v.payload {
            Payload::None => None,
            Payload::Json(_) => Some(quote! { decode_json(#name, &received)? }),
            Payload::Text => Some(quote! { String::from_utf8_lossy(&received.body).into_owned() }),
            Payload::Bytes => Some(quote! { received.body }),
        };
        match (v.status, decoded) {
            (StatusMatch::Exact(c), None) => {
                let c = Literal::u16_unsuffixed(c);
                quote! { #c => #response::#variant, }
            }
            (StatusMatch::Exact(c), Some(d)) => {
                let c = Literal::u16_unsuffixed(c);
                quote! { #c => #response::#variant(#d), }
            }
            (m, d) => {
                let pattern = match m {
                    StatusMatch::Range(d) => {
                        let (lo, hi) = (
                            Literal::u16_unsuffixed(d * 100),
                            Literal::u16_unsuffixed(d * 100 + 99),
                        );
                        quote! { code @ #lo..=#hi }
                    }
                    _ => quote! { code },
                };
                match d {
                    None => quote! { #pattern => #response::#variant { code }, },
                    Some(d) => quote! { #pattern => #response::#variant { code, body: #d }, },
                }
            }
        }
    });
    let catch_all = op.catch_all.as_ref().map(|c| {
        quote! {
            code => #response::#c {
                code,
                body: String::from_utf8_lossy(&received.body).into_owned(),
            },
        }
    });
    quote! {
        async fn #send(&self, #request_arg: #request) -> Result<Response<#response>, Error> {
            let path = #path;
            let #out_binding = Outgoing::new(#method, path);
            #(#steps)*
            let received = self.exchange(out).await?;
            let body = match received.status {
                #(#arms)*
                #catch_all
            };
            Ok(Response {
                status: received.status,
                headers: received.headers,
                body,
            })
        }
    }
}

fn mock(names: &ApiNames, ops: &[Op], checks: &ContractChecks) -> TokenStream {
    let (api, mock) = (&names.api, &names.mock);
    let mut text = format!(
        "[`{api}`] for tests: each operation answers as programmed through its `on_…` method \
         (rules tried in order, then the default; `Error::Unmatched` without either), and every \
         call is recorded under the operation's name in the contract."
    );
    if let Some(op) = ops.first() {
        let answer = match op.variants.first() {
            Some(v) => match (v.status, &v.payload) {
                (StatusMatch::Exact(_), Payload::None) => format!("{}::{}", op.response, v.name),
                (StatusMatch::Exact(_), _) => format!("{}::{}(body)", op.response, v.name),
                (_, Payload::None) => format!("{}::{} {{ code }}", op.response, v.name),
                _ => format!("{}::{} {{ code, body }}", op.response, v.name),
            },
            None => format!("{}::Status {{ code, body }}", op.response),
        };
        text.push_str(&format!(
            "\n\n```ignore\n\
             let mock = Arc::new({mock}::new());\n\
             mock.{on}().otherwise(Ok({answer}.into()));\n\
             let api: Arc<dyn {api}> = mock.clone();\n\
             // ... the code under test calls `api` ...\n\
             assert_eq!(mock.recorder().calls_to(\"{name}\").len(), 1);\n\
             ```",
            on = op.on,
            name = op.name,
        ));
    }
    if !checks.items.is_empty() {
        text.push_str(
            "\n\nWith the crate feature `validate`, every call is checked against the contract's \
             JSON Schemas after it is recorded: a request (body and parameters) that breaks them \
             fails with `Error::Encode`, a programmed answer whose body breaks the schema of its \
             status with `Error::Decode`; the message names the operation, the part, the JSON \
             pointer and the problem.",
        );
    }
    let doc = doc(&text);
    let fields = ops.iter().map(|op| {
        let (f, req, resp) = (&op.func, &op.request, &op.response);
        quote! { #f: Mutex<MockResponder<#req, #resp>>, }
    });
    let inits = ops.iter().map(|op| {
        let f = &op.func;
        let name = lit(&op.name);
        quote! { #f: Mutex::new(Responder::new(#name)), }
    });
    let programs = ops.iter().map(|op| {
        let (f, on, req, resp) = (&op.func, &op.on, &op.request, &op.response);
        let doc = self::doc(&format!(
            "The answers of [`{api}::{f}`]: `.when(|req| ...).then(answer)`, `.otherwise(answer)`."
        ));
        quote! {
            #doc
            pub fn #on(&self) -> MutexGuard<'_, MockResponder<#req, #resp>> {
                lock(&self.#f)
            }
        }
    });
    let impls = ops.iter().zip(&checks.ops).map(|(op, check)| {
        let sig = signature(op);
        let f = &op.func;
        let name = lit(&op.name);
        let request = check.request.as_ref().map(|c| {
            quote! {
                #[cfg(feature = "validate")]
                contract::#c(&request)?;
            }
        });
        let respond = match &check.answer {
            None => quote! { lock(&self.#f).respond(&request)? },
            Some(c) => quote! {
                let answer = lock(&self.#f).respond(&request)?;
                #[cfg(feature = "validate")]
                if let Ok(answer) = &answer {
                    contract::#c(answer)?;
                }
                answer
            },
        };
        quote! {
            #sig {
                Box::pin(async move {
                    self.recorder.record(#name, &request)?;
                    #request
                    #respond
                })
            }
        }
    });
    quote! {
        #doc
        #[derive(Debug)]
        pub struct #mock {
            recorder: Recorder,
            #(#fields)*
        }

        impl Default for #mock {
            fn default() -> Self {
                #mock {
                    recorder: Recorder::new(),
                    #(#inits)*
                }
            }
        }

        impl #mock {
            /// A mock with nothing programmed and an empty record.
            pub fn new() -> Self {
                Self::default()
            }

            /// Records into `recorder`, which other mocks may share, so a test sees the calls to
            /// several services in one order.
            pub fn with_recorder(mut self, recorder: Recorder) -> Self {
                self.recorder = recorder;
                self
            }

            /// The calls made so far.
            pub fn recorder(&self) -> &Recorder {
                &self.recorder
            }

            #(#programs)*
        }

        #[allow(deprecated)]
        impl #api for #mock {
            #(#impls)*
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The mock's contract checks (crate feature `validate`)

/// What the mock checks with the crate feature `validate`, as the private module `contract`:
/// each schema an operation's request or answers are checked against, embedded once as JSON text
/// ([`schema_json::to_validation_schema`]) in a static compiled on first use (operations with
/// the same schema share it), and per operation a function for the request and one for the
/// answer, which the mock calls. An operation with nothing to check (no schemas, only text,
/// binary and multipart bodies, or parameters whose Rust type already says all the schema says)
/// has neither.
struct ContractChecks {
    /// The embedded schemas: name, JSON text, and the parts that use it (for its doc).
    statics: Vec<(Ident, TokenStream, Vec<String>)>,
    /// The per-operation functions, in operation order.
    items: Vec<TokenStream>,
    /// Per operation, in the order of the plan.
    ops: Vec<OpChecks>,
    /// Some answer arm checks a catch-all `Status` body, given as text.
    text: bool,
}

#[derive(Default)]
struct OpChecks {
    request: Option<Ident>,
    answer: Option<Ident>,
}

/// Names of the module's own items, which the per-operation ones must not take.
const CHECK_FNS: &[&str] = &["check", "check_text", "refused"];

impl ContractChecks {
    fn new(arena: &SchemaArena, ops: &[Op]) -> ContractChecks {
        let mut checks = ContractChecks {
            statics: Vec::new(),
            items: Vec::new(),
            ops: Vec::new(),
            text: false,
        };
        let mut names = Scope::new();
        let mut funcs = Scope::with_reserved(CHECK_FNS);
        let mut by_text: std::collections::HashMap<String, usize> = Default::default();
        for op in ops {
            let func = op.func.to_string();
            let base = func.trim_start_matches("r#");
            let mut embed = |part: &str, json: &serde_json::Value| {
                let text = json.to_string();
                let user = format!("the {part} of `{}`", op.name);
                if let Some(&i) = by_text.get(&text) {
                    let (name, _, users) = &mut checks.statics[i];
                    users.push(user);
                    return name.clone();
                }
                let name = ident::ident(&names.unique(ident::shouty(&format!("{base} {part}"))));
                by_text.insert(text, checks.statics.len());
                checks
                    .statics
                    .push((name.clone(), raw_json(json), vec![user]));
                name
            };
            let mut mine = OpChecks::default();
            let name = lit(&op.name);

            // The request: parameters in the order they are sent, then the body.
            let mut steps = Vec::new();
            let mut items = Vec::new();
            let fields =
                op.params
                    .iter()
                    .filter_map(|p| {
                        let part = format!("{} parameter `{}`", p.p.location.as_str(), p.p.name);
                        p.p.schema.map(|id| (part, id, &p.field, &p.ty))
                    })
                    .chain(op.body.as_ref().and_then(|b| {
                        b.schema.map(|id| ("body".to_string(), id, &b.field, &b.ty))
                    }));
            for (part, id, field, ty) in fields {
                let json = schema_json::to_validation_schema(arena, id);
                if said_by_type(&json, ty) {
                    continue;
                }
                let optional = is_option(ty);
                let s = embed(&part, &json);
                let part = lit(&part);
                steps.push(if optional {
                    quote! {
                        if let Some(value) = &request.#field {
                            check(&mut found, #part, &#s, value)?;
                        }
                    }
                } else {
                    quote! { check(&mut found, #part, &#s, &request.#field)?; }
                });
            }
            if !steps.is_empty() {
                let f = ident::ident(&funcs.unique(snake(&format!("{base} request"))));
                let req = &op.request;
                let d = doc(&format!(
                    "Checks a request to `{}` against the contract.",
                    op.name
                ));
                items.push(quote! {
                    #d
                    pub(super) fn #f(request: &super::#req) -> Result<(), Error> {
                        let mut found = Vec::new();
                        #(#steps)*
                        refused(found, #name, None)
                    }
                });
                mine.request = Some(f);
            }

            // The answer: the body of each variant with a JSON schema, and the body of a
            // catch-all `Status` whose code the contract declares exactly (a client would have
            // decoded it into that variant, so it must be what the variant's schema allows).
            let resp = &op.response;
            let mut arms: Vec<(TokenStream, TokenStream)> = Vec::new();
            let mut declared = Vec::new();
            for v in &op.variants {
                let (Payload::Json(ty), Some(id)) = (&v.payload, v.schema) else {
                    continue;
                };
                let json = schema_json::to_validation_schema(arena, id);
                if said_by_type(&json, ty) {
                    continue;
                }
                let s = embed(&format!("{} answer", v.name), &json);
                let vn = &v.name;
                let pattern = match v.status {
                    StatusMatch::Exact(c) => {
                        declared.push((c, s.clone()));
                        quote! { super::#resp::#vn(body) }
                    }
                    _ => quote! { super::#resp::#vn { body, .. } },
                };
                arms.push((pattern, quote! { check(&mut found, "body", &#s, body)? }));
            }
            let covers_all = op.catch_all.is_none() && arms.len() == op.variants.len();
            if let Some(c) = &op.catch_all {
                for (code, s) in declared {
                    let code = Literal::u16_unsuffixed(code);
                    arms.push((
                        quote! { super::#resp::#c { code: #code, body } },
                        quote! { check_text(&mut found, "body", &#s, body)? },
                    ));
                    checks.text = true;
                }
            }
            let inspect = match (arms.as_slice(), covers_all) {
                ([], _) => None,
                ([(pattern, check)], true) => Some(quote! {
                    let #pattern = &answer.body;
                    #check;
                }),
                ([(pattern, check)], false) => Some(quote! {
                    if let #pattern = &answer.body {
                        #check;
                    }
                }),
                (arms, all) => {
                    let arms = arms.iter().map(|(p, c)| quote! { #p => #c, });
                    let rest = (!all).then(|| quote! { _ => {} });
                    Some(quote! {
                        match &answer.body {
                            #(#arms)*
                            #rest
                        }
                    })
                }
            };
            if let Some(inspect) = inspect {
                let f = ident::ident(&funcs.unique(snake(&format!("{base} answer"))));
                let d = doc(&format!(
                    "Checks an answer programmed for `{}` against the schema of its status.",
                    op.name
                ));
                items.push(quote! {
                    #d
                    pub(super) fn #f(answer: &super::Response<super::#resp>) -> Result<(), Error> {
                        let mut found = Vec::new();
                        #inspect
                        refused(found, #name, Some(answer.body.status()))
                    }
                });
                mine.answer = Some(f);
            }
            checks.items.extend(items);
            checks.ops.push(mine);
        }
        checks
    }

    /// The module, behind the feature; nothing when there is nothing to check.
    fn module(&self, names: &ApiNames) -> TokenStream {
        if self.items.is_empty() {
            return quote! {};
        }
        let statics = self.statics.iter().map(|(name, json, users)| {
            let d = doc(&format!("The schema of {}.", users.join(", ")));
            quote! {
                #d
                static #name: Lazy = LazyLock::new(|| Schema::from_json(#json));
            }
        });
        let items = &self.items;
        let d = doc(&format!(
            "The contract's JSON Schemas as [`{}`] checks them with the crate feature `validate`: \
             each embedded once and compiled on first use.",
            names.mock
        ));
        let fns = if self.text {
            quote! { check, check_text, refused }
        } else {
            quote! { check, refused }
        };
        quote! {
            #d
            #[cfg(feature = "validate")]
            mod contract {
                use std::sync::LazyLock;

                use treaty_runtime::validate::{Schema, #fns};
                use treaty_runtime::Error;

                /// A JSON Schema embedded as text, compiled on first use.
                type Lazy = LazyLock<Result<Schema, Error>>;

                #(#statics)*

                #(#items)*
            }
        }
    }
}

/// Whether a value of Rust type `ty` satisfies `schema` whatever it is: the schema allows
/// anything, or says no more than the type (`{"type": "integer", "format": "int64"}` of an
/// `i64`, or of an `Option<i64>` that is checked only when it is `Some`), so checking it would
/// only cost time.
fn said_by_type(schema: &serde_json::Value, ty: &TokenStream) -> bool {
    let Some(map) = schema.as_object() else {
        return false;
    };
    if map.keys().all(|k| k == "$schema") {
        return true;
    }
    if map
        .keys()
        .any(|k| !matches!(k.as_str(), "$schema" | "type" | "format"))
    {
        return false;
    }
    let ty = ty.to_string();
    let ty = ty
        .strip_prefix("Option < ")
        .and_then(|t| t.strip_suffix(" >"))
        .unwrap_or(&ty);
    match map.get("type").and_then(|t| t.as_str()) {
        Some("integer") => ["i32", "i64"].contains(&ty),
        Some("number") => ["f32", "f64"].contains(&ty),
        // A string's format (`date-time`, `uuid`) is more than `String` says.
        Some("string") => ty == "String" && !map.contains_key("format"),
        Some("boolean") => ty == "bool",
        _ => false,
    }
}

/// The private functions the operations use, each only when some operation does; parameters
/// and bodies are written by `treaty_runtime::http`.
fn helpers(needs: &Needs) -> TokenStream {
    let mut out = TokenStream::new();
    if needs.multipart {
        out.extend(quote! {
            /// A [`Multipart`] body as reqwest sends it.
            fn multipart_form(body: Multipart) -> Result<reqwest::multipart::Form, Error> {
                let mut form = reqwest::multipart::Form::new();
                for part in body.parts {
                    let mut data = reqwest::multipart::Part::bytes(part.data);
                    if let Some(file_name) = part.file_name {
                        data = data.file_name(file_name);
                    }
                    if let Some(content_type) = part.content_type {
                        data = data.mime_str(&content_type).map_err(|e| {
                            Error::Encode(format!("multipart part `{}`: {}", part.name, chain(&e)))
                        })?;
                    }
                    form = form.part(part.name, data);
                }
                Ok(form)
            }
        });
    }
    if needs.decode_json {
        out.extend(quote! {
            /// The body of an answer as the type the contract gives it.
            fn decode_json<T: DeserializeOwned>(operation: &str, received: &Received) -> Result<T, Error> {
                serde_json::from_slice(&received.body).map_err(|e| {
                    Error::Decode(format!(
                        "`{operation}` answered {} with a body that does not match the contract: {e}",
                        received.status
                    ))
                })
            }
        });
    }
    out.extend(quote! {
        /// A reqwest failure: a request that could not be built is this side's error, anything
        /// else a transport failure (which the breaker counts).
        fn transport(e: reqwest::Error) -> Error {
            if e.is_builder() {
                Error::Encode(chain(&e))
            } else {
                Error::Transport(chain(&e))
            }
        }

        /// An error and its sources, `: `-separated (reqwest's own message omits the cause).
        fn chain(e: &dyn std::error::Error) -> String {
            let mut text = e.to_string();
            let mut source = e.source();
            while let Some(s) = source {
                text.push_str(": ");
                text.push_str(&s.to_string());
                source = s.source();
            }
            text
        }

        /// A mock's lock; a panic elsewhere cannot leave a responder half-changed.
        fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
            mutex.lock().unwrap_or_else(PoisonError::into_inner)
        }
    });
    out
}
