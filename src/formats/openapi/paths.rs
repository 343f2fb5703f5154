//! Path items and webhooks → [`Operation`]s.
//!
//! An operation's key is `<METHOD> <path shape>` (`GET /orders/{}`), so renaming a path
//! parameter does not make an operation look removed and added; a webhook's is
//! `WEBHOOK <name> <METHOD>`. Path-level parameters are merged into each operation (an
//! operation's own parameter with the same location and name wins, as OpenAPI says). Parameters,
//! request bodies, responses, headers and examples may be `$ref`s: they are followed, and the
//! element keeps the span of the place it is used, so a finding about an operation points into
//! that operation.

use std::collections::HashMap;

use super::{Loader, Loc, code, element_span, extensions};
use crate::formats::jsonschema::Dialect;
use crate::formats::tree::{Node, NodeKind};
use crate::model::{
    Content, Example, Header, Key, Operation, OperationKind, ParamIn, Parameter, RequestBody,
    Response, path_params, path_shape,
};
use crate::source::Span;

/// HTTP methods a path item may hold, in the order the model lists operations.
const METHODS: [&str; 9] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace", "query",
];

/// What a path item belongs to: a path template, a webhook, or nothing kept (a component path
/// item or a callback, read only for errors and references).
pub(super) enum Owner<'p> {
    Path { path: &'p str, span: Span },
    Webhook { name: &'p str, span: Span },
    Discard,
}

impl Loader<'_, '_> {
    pub(super) fn paths(&mut self, at: &Loc, paths: &Node) {
        if !self.expect_map(paths, "`paths`") {
            return;
        }
        let mut ops: Vec<Operation> = Vec::new();
        for e in paths.entries() {
            if e.key.starts_with("x-") {
                continue;
            }
            if !e.key.starts_with('/') {
                let err = self
                    .error(
                        code::INVALID,
                        e.key_span,
                        format!("path `{}` does not start with `/`", e.key),
                    )
                    .with_help(
                        "paths are templates relative to the server URL, e.g. `/orders/{orderId}`",
                    );
                self.push(err);
                continue;
            }
            let owner = Owner::Path {
                path: &e.key,
                span: e.key_span,
            };
            self.path_item(&at.child(&e.key), &e.value, &owner, &mut ops);
        }
        // `/a/{x}` and `/a/{y}` are one path to OpenAPI. Stripe's 2017 description has such
        // pairs with different methods, which stay apart; the same method twice is ambiguous.
        let mut first: HashMap<String, usize> = HashMap::new();
        let mut keep = Vec::with_capacity(ops.len());
        for op in ops {
            if let Some(&i) = first.get(op.key.as_str()) {
                let earlier: &Operation = &keep[i];
                let err = self
                    .error(
                        code::INVALID,
                        op.span,
                        format!(
                            "this operation is `{}` again: its path differs from `{}` only in parameter names",
                            op.key,
                            http_path(earlier)
                        ),
                    )
                    .with_help("OpenAPI treats the two paths as one; merge their path items");
                self.push(err);
                continue;
            }
            first.insert(op.key.to_string(), keep.len());
            keep.push(op);
        }
        self.contract.operations.extend(keep);
    }

    pub(super) fn webhooks(&mut self, at: &Loc, webhooks: &Node) {
        if !self.expect_map(webhooks, "`webhooks`") {
            return;
        }
        let mut ops = Vec::new();
        for e in webhooks.entries() {
            if e.key.starts_with("x-") {
                continue;
            }
            let owner = Owner::Webhook {
                name: &e.key,
                span: e.key_span,
            };
            self.path_item(&at.child(&e.key), &e.value, &owner, &mut ops);
        }
        self.contract.operations.extend(ops);
    }

    /// Reads one path item (following a `$ref`) into operations.
    pub(super) fn path_item(
        &mut self,
        at: &Loc,
        node: &Node,
        owner: &Owner,
        out: &mut Vec<Operation>,
    ) {
        let Some(target) = self.resolve(at, node) else {
            return;
        };
        let (loc, item): (&Loc, &Node) = match &target {
            Some(t) => (t, t.node()),
            None => (at, node),
        };
        if !self.expect_map(item, "a path item") {
            return;
        }
        let path = match owner {
            Owner::Path { path, .. } => Some(*path),
            _ => None,
        };
        let mut shared = Vec::new();
        if let Some(params) = item.get("parameters") {
            shared = self.parameters(&loc.child("parameters"), params, path);
        }
        for e in item.entries() {
            let method = e.key.as_str();
            if !METHODS.contains(&method) {
                if METHODS.contains(&method.to_ascii_lowercase().as_str()) {
                    let err = self.error(
                        code::INVALID,
                        e.key_span,
                        format!("`{method}` is not an operation: methods are written in lower case (`{}`)", method.to_ascii_lowercase()),
                    );
                    self.push(err);
                }
                continue;
            }
            // `query` is an operation from 3.2 on; before, it is an unknown key.
            if method == "query" && !self.contract.spec_version.starts_with("3.2") {
                continue;
            }
            if let Some(op) = self.operation(
                &loc.child(method),
                method,
                e.key_span,
                &e.value,
                owner,
                &shared,
            ) {
                out.push(op);
            }
        }
    }

    fn operation(
        &mut self,
        at: &Loc,
        method: &str,
        key_span: Span,
        node: &Node,
        owner: &Owner,
        shared: &[Parameter],
    ) -> Option<Operation> {
        let method_upper = method.to_ascii_uppercase();
        if !self.expect_map(node, &format!("operation `{method}`")) {
            return None;
        }
        let span = element_span(key_span, node);
        let (key, kind) = match owner {
            Owner::Path {
                path,
                span: path_span,
            } => (
                format!("{method_upper} {}", path_shape(path)),
                OperationKind::Http {
                    method: method_upper.clone(),
                    path: path.to_string(),
                    path_span: *path_span,
                },
            ),
            Owner::Webhook {
                name,
                span: name_span,
            } => (
                format!("WEBHOOK {name} {method_upper}"),
                OperationKind::Http {
                    method: method_upper.clone(),
                    path: name.to_string(),
                    path_span: *name_span,
                },
            ),
            Owner::Discard => (
                format!("{method_upper} {}", at.pointer),
                OperationKind::Http {
                    method: method_upper.clone(),
                    path: String::new(),
                    path_span: key_span,
                },
            ),
        };
        let path = match owner {
            Owner::Path { path, .. } => Some(*path),
            _ => None,
        };
        let id = self.string(node, "operationId");
        let id_span = id
            .as_ref()
            .and_then(|_| node.get("operationId"))
            .map(|n| n.span);
        let tags = match node.get("tags") {
            Some(t) => match &t.kind {
                NodeKind::Seq(items) => items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_string))
                    .collect(),
                _ => {
                    self.wrong_type(t, "`tags`", "a list of tag names");
                    Vec::new()
                }
            },
            None => Vec::new(),
        };
        let own = match node.get("parameters") {
            Some(p) => self.parameters(&at.child("parameters"), p, path),
            None => Vec::new(),
        };
        // Operation parameters override path-level ones with the same location and name.
        let mut parameters: Vec<Parameter> = shared
            .iter()
            .filter(|s| !own.iter().any(|o| same_parameter(o, s)))
            .cloned()
            .collect();
        parameters.extend(own);
        let request = node.get("requestBody").and_then(|b| {
            let entry = node
                .entry("requestBody")
                .map(|e| element_span(e.key_span, b))
                .unwrap_or(b.span);
            self.request_body_at(&at.child("requestBody"), b, entry)
        });
        let mut responses = Vec::new();
        match node.get("responses") {
            Some(r) if self.expect_map(r, "`responses`") => {
                let base = at.child("responses");
                for e in r.entries() {
                    if e.key.starts_with("x-") {
                        continue;
                    }
                    if let Some(resp) =
                        self.response(&base.child(&e.key), &e.key, e.key_span, &e.value)
                    {
                        responses.push(resp);
                    }
                }
            }
            Some(_) => {}
            None if self.dialect == Dialect::OpenApi30 => {
                self.missing(span, "responses", &format!("operation `{key}`"));
            }
            None => {}
        }
        let security = node.get("security").map(|s| self.security(s));
        if let Some(callbacks) = node.get("callbacks")
            && self.expect_map(callbacks, "`callbacks`")
        {
            self.callbacks(&at.child("callbacks"), callbacks);
        }
        Some(Operation {
            key: Key::new(key),
            span,
            id,
            id_span,
            kind,
            summary: self.string(node, "summary"),
            description: self.string(node, "description"),
            tags,
            deprecated: self.boolean(node, "deprecated").unwrap_or(false),
            parameters,
            request,
            responses,
            security,
            extensions: extensions(node),
        })
    }

    /// Callbacks hold path items of their own; they are read for errors and references only.
    fn callbacks(&mut self, at: &Loc, callbacks: &Node) {
        let mut discard = Vec::new();
        for e in callbacks.entries() {
            if e.key.starts_with("x-") {
                continue;
            }
            let loc = at.child(&e.key);
            let Some(target) = self.resolve(&loc, &e.value) else {
                continue;
            };
            let (cloc, cb): (&Loc, &Node) = match &target {
                Some(t) => (t, t.node()),
                None => (&loc, &e.value),
            };
            if !self.expect_map(cb, "a callback") {
                continue;
            }
            for expr in cb.entries() {
                if expr.key.starts_with("x-") {
                    continue;
                }
                self.path_item(
                    &cloc.child(&expr.key),
                    &expr.value,
                    &Owner::Discard,
                    &mut discard,
                );
            }
        }
    }

    fn parameters(&mut self, at: &Loc, node: &Node, path: Option<&str>) -> Vec<Parameter> {
        let NodeKind::Seq(items) = &node.kind else {
            self.wrong_type(node, "`parameters`", "a list");
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if let Some(p) = self.parameter(&at.item(i), item, path) {
                out.push(p);
            }
        }
        out
    }

    /// One parameter (following a `$ref`); `path` is the template its operation belongs to,
    /// which gives path parameters their positional key.
    pub(super) fn parameter(
        &mut self,
        at: &Loc,
        node: &Node,
        path: Option<&str>,
    ) -> Option<Parameter> {
        let site = node.span;
        let target = self.resolve(at, node)?;
        let (loc, obj): (&Loc, &Node) = match &target {
            Some(t) => (t, t.node()),
            None => (at, node),
        };
        if !self.expect_map(obj, "a parameter") {
            return None;
        }
        let name = self.string(obj, "name");
        if name.is_none() && obj.get("name").is_none() {
            self.missing(obj.span, "name", "a parameter");
        }
        let location = match obj.get("in") {
            None => {
                let what = match &name {
                    Some(n) => format!("parameter `{n}`"),
                    None => "a parameter".to_string(),
                };
                self.missing(obj.span, "in", &what);
                None
            }
            Some(v) => match v.as_str().and_then(ParamIn::parse) {
                Some(ParamIn::QueryString) if !self.contract.spec_version.starts_with("3.2") => {
                    let e =
                        self.error(code::INVALID, v.span, "`in: querystring` needs OpenAPI 3.2");
                    self.push(e);
                    None
                }
                Some(l) => Some(l),
                None => {
                    let e = self
                        .error(
                            code::INVALID,
                            v.span,
                            "`in` must be `path`, `query`, `header` or `cookie`",
                        )
                        .with_label("unknown parameter location");
                    self.push(e);
                    None
                }
            },
        };
        let (name, location) = (name?, location?);
        let key = match location {
            ParamIn::Path => {
                match path.and_then(|p| path_params(p).iter().position(|n| *n == name)) {
                    Some(i) => format!("path:{i}"),
                    None => format!("path:{name}"),
                }
            }
            // Header names are case-insensitive on the wire.
            ParamIn::Header => format!("header:{}", name.to_ascii_lowercase()),
            ParamIn::QueryString => "querystring".to_string(),
            other => format!("{}:{name}", other.as_str()),
        };
        let mut schema = None;
        let mut examples: Vec<serde_json::Value> = self
            .examples(loc, obj)
            .into_iter()
            .map(|e| e.value)
            .collect();
        if obj.get("schema").is_some() {
            schema = self.schema(&loc.child("schema"));
        } else if let Some(content) = obj.get("content") {
            let contents = self.content(&loc.child("content"), content);
            if let Some(first) = contents.into_iter().next() {
                schema = first.schema;
                examples.extend(first.examples.into_iter().map(|e| e.value));
            }
        }
        Some(Parameter {
            key: Key::new(key),
            required: self.boolean(obj, "required").unwrap_or(false),
            deprecated: self.boolean(obj, "deprecated").unwrap_or(false),
            schema,
            style: self.string(obj, "style"),
            explode: self.boolean(obj, "explode"),
            description: self.string(obj, "description"),
            examples,
            span: site,
            extensions: extensions(obj),
            name,
            location,
        })
    }

    /// A request body (following a `$ref`), with the span of the place it is used.
    pub(super) fn request_body(&mut self, at: &Loc, node: &Node) -> Option<RequestBody> {
        self.request_body_at(at, node, node.span)
    }

    fn request_body_at(&mut self, at: &Loc, node: &Node, site: Span) -> Option<RequestBody> {
        let target = self.resolve(at, node)?;
        let (loc, obj): (&Loc, &Node) = match &target {
            Some(t) => (t, t.node()),
            None => (at, node),
        };
        if !self.expect_map(obj, "a request body") {
            return None;
        }
        let content = match obj.get("content") {
            Some(c) => self.content(&loc.child("content"), c),
            None => {
                self.missing(obj.span, "content", "a request body");
                Vec::new()
            }
        };
        Some(RequestBody {
            required: self.boolean(obj, "required").unwrap_or(false),
            description: self.string(obj, "description"),
            content,
            span: site,
        })
    }

    /// One response (following a `$ref`); `status` as written (`200`, `4XX`, `default`).
    pub(super) fn response(
        &mut self,
        at: &Loc,
        status: &str,
        key_span: Span,
        node: &Node,
    ) -> Option<Response> {
        let site = element_span(key_span, node);
        let target = self.resolve(at, node)?;
        let (loc, obj): (&Loc, &Node) = match &target {
            Some(t) => (t, t.node()),
            None => (at, node),
        };
        if !self.expect_map(obj, &format!("response `{status}`")) {
            return None;
        }
        let mut headers = Vec::new();
        if let Some(h) = obj.get("headers")
            && self.expect_map(h, "`headers`")
        {
            let base = loc.child("headers");
            for e in h.entries() {
                if let Some(mut header) = self.header(&base.child(&e.key), &e.key, &e.value) {
                    header.span = element_span(e.key_span, &e.value);
                    headers.push(header);
                }
            }
        }
        let content = match obj.get("content") {
            Some(c) => self.content(&loc.child("content"), c),
            None => Vec::new(),
        };
        if let Some(links) = obj.get("links")
            && self.expect_map(links, "`links`")
        {
            let base = loc.child("links");
            for e in links.entries() {
                let _ = self.resolve(&base.child(&e.key), &e.value);
            }
        }
        Some(Response {
            status: status.to_string(),
            description: self.string(obj, "description"),
            headers,
            content,
            span: site,
        })
    }

    /// A header object (following a `$ref`).
    pub(super) fn header(&mut self, at: &Loc, name: &str, node: &Node) -> Option<Header> {
        let target = self.resolve(at, node)?;
        let (loc, obj): (&Loc, &Node) = match &target {
            Some(t) => (t, t.node()),
            None => (at, node),
        };
        if !self.expect_map(obj, &format!("header `{name}`")) {
            return None;
        }
        let mut schema = None;
        if obj.get("schema").is_some() {
            schema = self.schema(&loc.child("schema"));
        } else if let Some(content) = obj.get("content") {
            schema = self
                .content(&loc.child("content"), content)
                .into_iter()
                .next()
                .and_then(|c| c.schema);
        }
        Some(Header {
            name: name.to_string(),
            required: self.boolean(obj, "required").unwrap_or(false),
            deprecated: self.boolean(obj, "deprecated").unwrap_or(false),
            schema,
            span: node.span,
        })
    }

    /// A `content` map: media type → schema and examples.
    fn content(&mut self, at: &Loc, node: &Node) -> Vec<Content> {
        if !self.expect_map(node, "`content`") {
            return Vec::new();
        }
        let mut out = Vec::new();
        for e in node.entries() {
            let loc = at.child(&e.key);
            if !self.expect_map(&e.value, &format!("media type `{}`", e.key)) {
                continue;
            }
            let schema = match e.value.get("schema") {
                Some(_) => self.schema(&loc.child("schema")),
                None => None,
            };
            let examples = self.examples(&loc, &e.value);
            out.push(Content {
                media_type: e.key.clone(),
                schema,
                examples,
                span: element_span(e.key_span, &e.value),
            });
        }
        out
    }

    /// `example` and `examples` of a media type or parameter. An Example Object may be a `$ref`
    /// (to `components.examples`); one with only an `externalValue` has nothing to check and is
    /// left out.
    fn examples(&mut self, at: &Loc, obj: &Node) -> Vec<Example> {
        let mut out = Vec::new();
        if let Some(v) = obj.get("example") {
            out.push(Example {
                name: None,
                value: v.to_json(),
                span: v.span,
            });
        }
        let Some(examples) = obj.get("examples") else {
            return out;
        };
        if !self.expect_map(examples, "`examples`") {
            return out;
        }
        let base = at.child("examples");
        for e in examples.entries() {
            let loc = base.child(&e.key);
            let Some(target) = self.resolve(&loc, &e.value) else {
                continue;
            };
            let ex: &Node = match &target {
                Some(t) => t.node(),
                None => &e.value,
            };
            if !self.expect_map(ex, &format!("example `{}`", e.key)) {
                continue;
            }
            if let Some(v) = ex.get("value") {
                out.push(Example {
                    name: Some(e.key.clone()),
                    value: v.to_json(),
                    span: v.span,
                });
            }
        }
        out
    }
}

fn http_path(op: &Operation) -> &str {
    match &op.kind {
        OperationKind::Http { path, .. } => path,
        _ => "",
    }
}

fn same_parameter(a: &Parameter, b: &Parameter) -> bool {
    a.location == b.location
        && match a.location {
            ParamIn::Header => a.name.eq_ignore_ascii_case(&b.name),
            _ => a.name == b.name,
        }
}
