//! The OpenAPI starter set: rules over one loaded OpenAPI contract (3.0, 3.1 or 3.2).
//!
//! The rules read only the model the loader built, so both versions are judged alike: `$ref`s
//! are resolved, path-level parameters are merged into operations, and 3.0's `nullable` is a
//! type like 3.1's `null`. Findings point at the element's key (the method of an operation, the
//! name of a component), where an `x-treaty-ignore` written on the element silences them.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::lint::{LintCx, LintRule, Sink};
use crate::lint_rule;
use crate::model::{
    Contract, Operation, OperationKind, ParamIn, SchemaId, VersionSource, path_params,
};
use crate::schema::validate::{Access, Violation, validate_as};
use crate::source::Span;

/// The OpenAPI rules, in registry order.
pub static RULES: &[&LintRule] = &[
    &OPERATION_ID_MISSING,
    &OPERATION_ID_UNIQUE,
    &PATH_PARAMS_DECLARED,
    &EXAMPLE_VALID,
    &INFO_VERSION_SEMVER,
    &COMPONENT_UNUSED,
];

/// How an operation is named in messages: `GET /orders/{orderId}` as written, or its key.
fn op_name(op: &Operation) -> String {
    match &op.kind {
        OperationKind::Http { method, path, .. } if !op.key.as_str().starts_with("WEBHOOK ") => {
            format!("{method} {path}")
        }
        _ => op.key.to_string(),
    }
}

lint_rule! {
    /// ## What it does
    /// Checks that every operation has an `operationId`.
    ///
    /// ## Why is this bad?
    /// Code generators name client methods and server handlers after the `operationId`; without
    /// one they invent a name from the method and path, which changes whenever the path does and
    /// breaks every caller of the generated code. Documentation links, SDKs and API gateways use
    /// it as the operation's stable identity too.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get:            # no operationId
    ///       responses:
    ///         '200': {description: the orders}
    /// ```
    /// Use instead:
    /// ```yaml
    ///     get:
    ///       operationId: listOrders
    /// ```
    pub OPERATION_ID_MISSING = "operation-id-missing", formats: [Openapi],
    categories: ["OPENAPI"], default: true, severity: Error, check: Contract(operation_id_missing)
}

fn operation_id_missing(_cx: &LintCx, c: &Contract, sink: &mut Sink) {
    for op in c.operations.iter().filter(|op| op.id.is_none()) {
        sink.report(
            op.span,
            format!("operation `{}` has no operationId", op_name(op)),
        );
    }
}

lint_rule! {
    /// ## What it does
    /// Checks that no two operations of a contract share an `operationId`.
    ///
    /// ## Why is this bad?
    /// OpenAPI requires the id to be unique among all operations of the API: generated clients
    /// would get two methods with one name (a compile error, or one silently shadowing the
    /// other), and links and tools that address operations by id reach the wrong one.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders:
    ///     get: {operationId: getOrders, responses: {'200': {description: ok}}}
    ///   /orders/{orderId}:
    ///     get: {operationId: getOrders, responses: {'200': {description: ok}}}   # taken
    /// ```
    /// Use instead: `operationId: getOrder` for the second.
    pub OPERATION_ID_UNIQUE = "operation-id-unique", formats: [Openapi],
    categories: ["OPENAPI"], default: true, severity: Error, check: Contract(operation_id_unique)
}

fn operation_id_unique(_cx: &LintCx, c: &Contract, sink: &mut Sink) {
    let mut first: HashMap<&str, &Operation> = HashMap::new();
    for op in &c.operations {
        let (Some(id), Some(span)) = (op.id.as_deref(), op.id_span) else {
            continue;
        };
        match first.get(id) {
            Some(earlier) => sink.report(
                span,
                format!(
                    "operationId `{id}` is already used by `{}`",
                    op_name(earlier)
                ),
            ),
            None => {
                first.insert(id, op);
            }
        }
    }
}

lint_rule! {
    /// ## What it does
    /// Checks that every `{name}` in a path template has a path parameter declared (on the
    /// operation or its path item), and that every declared path parameter appears in the
    /// template.
    ///
    /// ## Why is this bad?
    /// OpenAPI requires both. A template variable without a parameter has no schema, so clients
    /// cannot be generated for it and servers cannot validate it; a declared path parameter that
    /// is not in the template can never be sent, and usually means the template or the name has
    /// a typo.
    ///
    /// ## Example
    /// ```yaml
    /// paths:
    ///   /orders/{orderId}:
    ///     get:
    ///       parameters:
    ///         - {name: id, in: path, required: true, schema: {type: string}}   # not `orderId`
    /// ```
    /// Use instead: `name: orderId`.
    pub PATH_PARAMS_DECLARED = "path-params-declared", formats: [Openapi],
    categories: ["OPENAPI"], default: true, severity: Error, check: Contract(path_params_declared)
}

fn path_params_declared(_cx: &LintCx, c: &Contract, sink: &mut Sink) {
    // Path-level parameters are merged into every operation of the path: report each once.
    let mut seen: HashSet<(Span, String)> = HashSet::new();
    for op in &c.operations {
        let OperationKind::Http { path, .. } = &op.kind else {
            continue;
        };
        if op.key.as_str().starts_with("WEBHOOK ") {
            continue;
        }
        let template = path_params(path);
        let declared: Vec<_> = op
            .parameters
            .iter()
            .filter(|p| p.location == ParamIn::Path)
            .collect();
        for name in &template {
            if !declared.iter().any(|p| p.name == *name) {
                sink.report(
                    op.span,
                    format!(
                        "`{{{name}}}` in path `{path}` has no path parameter declared for `{}`",
                        op_name(op)
                    ),
                );
            }
        }
        for p in declared {
            if !template.contains(&p.name.as_str()) {
                let message = format!(
                    "path parameter `{}` is declared, but path `{path}` has no `{{{}}}`",
                    p.name, p.name
                );
                if seen.insert((p.span, message.clone())) {
                    sink.report(p.span, message);
                }
            }
        }
    }
}

lint_rule! {
    /// ## What it does
    /// Checks that examples match their schemas: the examples of media types (`example` and
    /// `examples`, including `$ref`s to `components.examples`), of parameters, and of schemas
    /// themselves. The message names the first failing place in the example as a JSON pointer.
    ///
    /// Request examples may leave out required `readOnly` properties, and response examples
    /// required `writeOnly` ones, as OpenAPI says. Formats checked: `date-time`, `date`, `time`,
    /// `email`, `uuid`, `ipv4`, `ipv6`, and the ranges of `int32` and `int64`.
    ///
    /// ## Why is this bad?
    /// Examples are what people copy, what documentation shows and what mock servers return. An
    /// example that its own schema rejects teaches clients to send requests the server refuses,
    /// or to expect responses it never gives; often it is the schema that is wrong.
    ///
    /// ## Example
    /// ```yaml
    /// content:
    ///   application/json:
    ///     schema:
    ///       type: object
    ///       required: [total]
    ///       properties:
    ///         total: {type: integer}
    ///     example:
    ///       total: "12"      # a string, not an integer
    /// ```
    /// Use instead: `total: 12`.
    pub EXAMPLE_VALID = "example-valid", formats: [Openapi],
    categories: ["OPENAPI"], default: true, severity: Error, check: Contract(example_valid)
}

/// The finding text for a failing example: the first violation with where in the example it
/// is, and how many more there are.
fn describe(what: &str, violations: &[Violation]) -> String {
    let first = &violations[0];
    let at = if first.instance_path.is_empty() {
        String::new()
    } else {
        format!(" (at `{}`)", first.instance_path)
    };
    let more = match violations.len() {
        1 => String::new(),
        n => format!("; and {} more", n - 1),
    };
    format!(
        "{what} does not match its schema: {}{at}{more}",
        first.message
    )
}

fn example_valid(_cx: &LintCx, c: &Contract, sink: &mut Sink) {
    // Shared components are reached from many operations; report each place once.
    let mut seen: HashSet<(Span, String)> = HashSet::new();
    let mut check = |sink: &mut Sink,
                     schema: SchemaId,
                     value: &Value,
                     access: Access,
                     at: Span,
                     what: String| {
        let violations = validate_as(&c.schemas, schema, value, access);
        if violations.is_empty() {
            return;
        }
        let message = describe(&what, &violations);
        if seen.insert((at, message.clone())) {
            sink.report(at, message);
        }
    };
    let name = |n: &Option<String>| match n {
        Some(n) => format!("example `{n}`"),
        None => "the example".to_string(),
    };
    for op in &c.operations {
        for p in &op.parameters {
            let Some(schema) = p.schema else { continue };
            for (i, value) in p.examples.iter().enumerate() {
                let what = match p.examples.len() {
                    1 => format!("the example of parameter `{}`", p.name),
                    _ => format!("example {} of parameter `{}`", i + 1, p.name),
                };
                check(sink, schema, value, Access::Request, p.span, what);
            }
        }
        if let Some(body) = &op.request {
            for content in &body.content {
                let Some(schema) = content.schema else {
                    continue;
                };
                for ex in &content.examples {
                    let what = format!(
                        "{} of the `{}` request body",
                        name(&ex.name),
                        content.media_type
                    );
                    check(sink, schema, &ex.value, Access::Request, ex.span, what);
                }
            }
        }
        for response in &op.responses {
            for content in &response.content {
                let Some(schema) = content.schema else {
                    continue;
                };
                for ex in &content.examples {
                    let what = format!(
                        "{} of the `{}` response `{}`",
                        name(&ex.name),
                        content.media_type,
                        response.status
                    );
                    check(sink, schema, &ex.value, Access::Response, ex.span, what);
                }
            }
        }
    }
    for (id, schema) in c.schemas.iter() {
        for (i, value) in schema.examples.iter().enumerate() {
            let of = match &schema.name {
                Some(n) => format!("schema `{n}`"),
                None => {
                    let pointer = schema.location.split_once('#').map_or("", |(_, p)| p);
                    format!("the schema at `#{pointer}`")
                }
            };
            let what = match schema.examples.len() {
                1 => format!("the example of {of}"),
                _ => format!("example {} of {of}", i + 1),
            };
            check(sink, id, value, Access::Any, schema.span, what);
        }
    }
}

lint_rule! {
    /// ## What it does
    /// Checks that `info.version` is a semantic version (`MAJOR.MINOR.PATCH`, optionally with a
    /// pre-release and build metadata), as semver.org defines it.
    ///
    /// ## Why is this bad?
    /// treaty judges every change between two revisions by the version bump it requires (a
    /// breaking change needs a new major version). That judgement can only be checked against a
    /// version that says major, minor and patch. A date (`2023-09-12`, Stripe's style) or a bare
    /// `v2` says when or which, but not how compatible, so this stays a finding even for APIs
    /// that version by date; silence it with `x-treaty-ignore` on `info` or with `except` if that
    /// is your policy.
    ///
    /// ## Example
    /// ```yaml
    /// info:
    ///   title: Orders
    ///   version: '1.2'     # no patch number
    /// ```
    /// Use instead: `version: 1.2.0`.
    pub INFO_VERSION_SEMVER = "info-version-semver", formats: [Openapi],
    categories: ["OPENAPI"], default: true, severity: Error, check: Contract(info_version_semver)
}

fn info_version_semver(_cx: &LintCx, c: &Contract, sink: &mut Sink) {
    let Some(v) = &c.version else { return };
    if v.source != VersionSource::Info {
        return;
    }
    let Some(span) = v.span else { return };
    if let Err(e) = semver::Version::parse(&v.text) {
        sink.report(
            span,
            format!(
                "info.version `{}` is not a semantic version (MAJOR.MINOR.PATCH): {e}",
                v.text
            ),
        );
    }
}

lint_rule! {
    /// ## What it does
    /// Reports components that nothing refers to: schemas, parameters, responses, request
    /// bodies, headers, examples and security schemes under `components` that no `$ref` in the
    /// contract names (a security scheme also counts as used when a `security` requirement names
    /// it). A reference into a component (`#/components/schemas/Order/properties/id`) uses it.
    ///
    /// ## Why is this bad?
    /// An unused component is usually left over from a refactoring, or meant to be used and
    /// forgotten (an error response every operation should list). Either way it is documentation
    /// and generated code for something the API does not do, and a reader cannot tell.
    ///
    /// ## Example
    /// ```yaml
    /// components:
    ///   schemas:
    ///     LegacyOrder:       # no $ref names it
    ///       type: object
    /// ```
    /// Use instead: remove it, or refer to it where it belongs.
    pub COMPONENT_UNUSED = "component-unused", formats: [Openapi],
    categories: ["OPENAPI"], default: true, severity: Warning, check: Contract(component_unused)
}

/// The component kinds this rule judges (links, callbacks and path items are left alone: they
/// are often kept for documentation and tooling, not referenced by design).
const JUDGED_KINDS: [(&str, &str); 6] = [
    ("parameters", "parameter"),
    ("responses", "response"),
    ("requestBodies", "request body"),
    ("headers", "header"),
    ("examples", "example"),
    ("securitySchemes", "security scheme"),
];

fn component_unused(cx: &LintCx, c: &Contract, sink: &mut Sink) {
    let root = &cx.sources().get(c.root_file).display;
    // Every reference, cut to the component it lands in: `file#/components/<kind>/<name>`.
    let mut used: HashSet<String> = HashSet::new();
    for location in &c.referenced {
        let Some((file, pointer)) = location.split_once('#') else {
            continue;
        };
        if file != root.as_str() {
            continue;
        }
        let mut tokens = pointer.splitn(5, '/');
        if let (Some(""), Some("components"), Some(kind), Some(name)) =
            (tokens.next(), tokens.next(), tokens.next(), tokens.next())
        {
            used.insert(format!("{kind}/{name}"));
        }
    }
    let escape = crate::formats::tree::escape_pointer_token;
    let mut named_schemes: HashSet<&str> = HashSet::new();
    for req in c.security.iter().chain(
        c.operations
            .iter()
            .flat_map(|o| o.security.iter().flatten()),
    ) {
        named_schemes.extend(req.keys().map(String::as_str));
    }
    for (name, &id) in &c.components {
        if !used.contains(&format!("schemas/{}", escape(name))) {
            sink.report(
                c.schemas.get(id).span,
                format!("component schema `{name}` is never referenced"),
            );
        }
    }
    for (kind, what) in JUDGED_KINDS {
        let Some(group) = c.other_components.get(kind) else {
            continue;
        };
        for (name, &span) in group {
            let referenced = used.contains(&format!("{kind}/{}", escape(name)));
            let named = kind == "securitySchemes" && named_schemes.contains(name.as_str());
            if !referenced && !named {
                sink.report(
                    span,
                    format!("component {what} `{name}` is never referenced"),
                );
            }
        }
    }
}
