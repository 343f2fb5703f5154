//! Document-level parts of an OpenAPI description: `info`, `servers`, and `components`.
//!
//! Every component schema is built (named, so findings and generated code can call it by its
//! name) even when no operation uses it: the unused-component lint and the compatibility engine
//! both need it. The other components are listed by kind with their spans for the
//! unused-component lint, and the ones with structure (parameters, request bodies, responses,
//! headers, path items) are read like their inline forms, so their errors surface and their
//! references count.

use indexmap::IndexMap;

use super::paths::Owner;
use super::{Loader, Loc, element_span};
use crate::formats::tree::{Node, NodeKind};
use crate::model::{DeclaredVersion, Key, SecurityScheme, Server, VersionSource};
use crate::source::Span;

impl Loader<'_, '_> {
    pub(super) fn info(&mut self, root: &Node) {
        let Some(info) = root.get("info") else {
            let span = Span::new(root.span.file, 0, 0);
            self.missing(span, "info", "the document");
            return;
        };
        if !self.expect_map(info, "`info`") {
            return;
        }
        match self.string(info, "title") {
            Some(t) => self.contract.title = Some(t),
            None if info.get("title").is_none() => self.missing(info.span, "title", "`info`"),
            None => {}
        }
        self.contract.description = self.string(info, "description");
        match info.get("version") {
            None => self.missing(info.span, "version", "`info`"),
            Some(v) => {
                let source = self.cx.sources.get(root.span.file).clone();
                match v.scalar_text(&source) {
                    // `version: 1.10` is the text "1.10", not the number 1.1.
                    Some(text) => {
                        self.contract.version = Some(DeclaredVersion {
                            text: text.into_owned(),
                            span: Some(v.span),
                            source: VersionSource::Info,
                        });
                    }
                    None => self.wrong_type(v, "`info.version`", "a string"),
                }
            }
        }
    }

    pub(super) fn servers(&mut self, node: &Node) -> Vec<Server> {
        let Some(servers) = node.get("servers") else {
            return Vec::new();
        };
        let NodeKind::Seq(items) = &servers.kind else {
            self.wrong_type(servers, "`servers`", "a list");
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if !self.expect_map(item, "a server") {
                continue;
            }
            let Some(url) = self.string(item, "url") else {
                if item.get("url").is_none() {
                    self.missing(item.span, "url", "a server");
                }
                continue;
            };
            out.push(Server {
                key: Key::new(format!("server:{url}")),
                name: self.string(item, "name"),
                protocol: url.split_once("://").map(|(scheme, _)| scheme.to_string()),
                url,
                span: item.span,
            });
        }
        out
    }

    /// Lists every named component except schemas (which are built and named) for the
    /// unused-component lint, with the span of the whole entry.
    pub(super) fn register_components(&mut self, _at: &Loc, components: &Node) {
        if !self.expect_map(components, "`components`") {
            return;
        }
        for group in components.entries() {
            if group.key.starts_with("x-") || group.key == "schemas" {
                continue;
            }
            if !group.value.is_map() {
                self.wrong_type(
                    &group.value,
                    &format!("`components.{}`", group.key),
                    "a mapping",
                );
                continue;
            }
            let names: IndexMap<String, Span> = group
                .value
                .entries()
                .iter()
                .map(|e| (e.key.clone(), element_span(e.key_span, &e.value)))
                .collect();
            self.contract
                .other_components
                .insert(group.key.clone(), names);
        }
    }

    /// Builds the component schemas and reads the other structured components.
    pub(super) fn components(&mut self, at: &Loc, components: &Node) {
        if !components.is_map() {
            return;
        }
        if let Some(schemas) = components.get("schemas")
            && self.expect_map(schemas, "`components.schemas`")
        {
            let group = at.child("schemas");
            for e in schemas.entries() {
                let Some(id) = self.schema(&group.child(&e.key)) else {
                    continue;
                };
                let s = self.contract.schemas.get_mut(id);
                s.name = Some(e.key.clone());
                // A named schema is found by its name: findings point there, and an
                // `x-treaty-ignore` in it covers the name too.
                s.span = element_span(e.key_span, &e.value);
                self.contract.components.insert(e.key.clone(), id);
            }
        }
        if let Some(schemes) = components.get("securitySchemes")
            && schemes.is_map()
        {
            self.security_schemes(&at.child("securitySchemes"), schemes);
        }
        // Read for their errors and the references they make; the model keeps operations' copies.
        let group = |kind: &str| components.get(kind).filter(|g| g.is_map());
        if let Some(g) = group("parameters") {
            let base = at.child("parameters");
            for e in g.entries() {
                let loc = base.child(&e.key);
                self.parameter(&loc, &e.value, None);
            }
        }
        if let Some(g) = group("requestBodies") {
            let base = at.child("requestBodies");
            for e in g.entries() {
                self.request_body(&base.child(&e.key), &e.value);
            }
        }
        if let Some(g) = group("responses") {
            let base = at.child("responses");
            for e in g.entries() {
                self.response(&base.child(&e.key), &e.key, e.key_span, &e.value);
            }
        }
        if let Some(g) = group("headers") {
            let base = at.child("headers");
            for e in g.entries() {
                self.header(&base.child(&e.key), &e.key, &e.value);
            }
        }
        if let Some(g) = group("pathItems") {
            let base = at.child("pathItems");
            let mut discard = Vec::new();
            for e in g.entries() {
                self.path_item(&base.child(&e.key), &e.value, &Owner::Discard, &mut discard);
            }
        }
    }

    fn security_schemes(&mut self, at: &Loc, schemes: &Node) {
        for e in schemes.entries() {
            let loc = at.child(&e.key);
            let Some(target) = self.resolve(&loc, &e.value) else {
                continue;
            };
            let node = match &target {
                Some(t) => t.node(),
                None => &e.value,
            };
            if !self.expect_map(node, &format!("security scheme `{}`", e.key)) {
                continue;
            }
            let kind = self.string(node, "type");
            if kind.is_none() && node.get("type").is_none() {
                self.missing(node.span, "type", &format!("security scheme `{}`", e.key));
            }
            let scheme = self.string(node, "scheme");
            let location = self.string(node, "in");
            let param_name = self.string(node, "name");
            self.contract.security_schemes.insert(
                e.key.clone(),
                SecurityScheme {
                    name: e.key.clone(),
                    kind: kind.unwrap_or_default(),
                    scheme,
                    location,
                    param_name,
                    span: element_span(e.key_span, &e.value),
                },
            );
        }
    }
}
