//! OpenAPI breaking-change rules: pair the two revisions of a description once, then judge each
//! pair.
//!
//! ```text
//! old Contract ─┐   operations by key (`GET /orders/{}`: path shape, so renaming a path
//!               ├─▶ parameter pairs), then within each pair: parameters by key, the request
//! new Contract ─┘   body and its media types by name, responses by status, headers by name,
//!                   media types by name, effective security requirements
//!                          │
//!                          ├─ elements.rs   parameters, bodies, responses, headers, media types
//!                          ├─ lifecycle.rs  deprecation, sunset dates, x-stability-level
//!                          └─ schema.rs     each schema pair → the schema engine
//!                                           (crate::schema::compat) → rule by context
//! ```
//!
//! Rules are data ([`rules`]), with oasdiff's ids wherever treaty checks the same thing. Whether
//! a schema change breaks anyone is decided once, in the schema engine, from the direction of the
//! data (what clients send may only widen, what they receive may only narrow); this module only
//! chooses the rule id and the words.
//!
//! Where findings point: `new` is where the element is now, or for an element that is gone the
//! element that enclosed it in the new revision (the path item for a removed operation, the
//! operation for a removed parameter or response, the response for a removed header or media
//! type, `paths` for a removed path); `old` is where it was. An `x-treaty-ignore` on the element
//! or anything that encloses it silences the rule; for a change inside a shared component schema,
//! one written on the operation, parameter, body or response that uses it does too.
//!
//! Operations marked `x-stability-level: draft` or `alpha` in the old revision promise nothing:
//! their breaking findings are not reported (information still is).

mod elements;
pub mod lifecycle;
pub mod rules;
pub mod schema;

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;

use super::{Emitter, PairCx, rule::BreakingRule};
use crate::diag::Severity;
use crate::model::{
    Contract, Direction, Operation, OperationKind, SchemaId, SecurityRequirement, path_shape,
};
use crate::report::Bump;
use crate::schema::compat::{ChangeKind, DiffId, Engine, SchemaChange};
use crate::source::{FileId, Span};
use crate::workspace::Workspace;

pub use lifecycle::DEFAULT_DEPRECATION_DAYS;
use lifecycle::{Policy, Removal, Stability};
pub use rules::RULES;
use rules::*;
use schema::{Ctx, Use};

/// Compares the two revisions of one OpenAPI contract.
pub fn diff(cx: &PairCx, em: &mut Emitter) {
    let policy = Policy {
        today: lifecycle::today(cx.options.today.as_deref()),
        days: cx
            .options
            .config
            .deprecation_days
            .unwrap_or(DEFAULT_DEPRECATION_DAYS),
    };
    let mut d = Differ {
        cx,
        em,
        engine: Engine::new(&cx.old.schemas, &cx.new.schemas),
        policy,
        pending: IndexMap::new(),
        judged: HashMap::new(),
        judged_roots: HashMap::new(),
        renamed: HashSet::new(),
        global_security_reported: false,
    };
    d.operations();
    d.components();
    d.flush();
}

/// Where a finding is reported from: the use it belongs to, for suppressions and messages.
#[derive(Clone, Debug)]
pub(crate) struct Site {
    /// The operation promises nothing (`x-stability-level: draft` or `alpha`).
    pub lenient: bool,
    /// Elements of the new revision an `x-treaty-ignore` may sit on (the operation, the
    /// parameter, the response…), besides the finding's own location.
    pub spans: Vec<Span>,
    /// How a message names the place: "the request body of `POST /orders` (application/json)".
    pub text: String,
}

impl Site {
    fn within(&self, span: Span, text: String) -> Site {
        let mut spans = self.spans.clone();
        spans.push(span);
        Site {
            lenient: self.lenient,
            spans,
            text,
        }
    }
}

/// A schema finding waiting for the other uses of the same location to be counted.
struct Pending {
    rule: &'static BreakingRule,
    change: SchemaChange,
    dir: Direction,
    /// Written for the first use that reports it.
    message: String,
    /// Uses that report it (not lenient about it, not suppressed); none means it is dropped.
    uses: usize,
}

type PendingKey = (&'static str, Span, Span, Option<String>, ChangeKind);

/// A node of the schema diff graph as met from one kind of use: its findings, once judged.
type NodeUse = (DiffId, Ctx, Ctx, bool);

pub(crate) struct Differ<'c, 'e, 'w> {
    cx: &'c PairCx<'c>,
    em: &'e mut Emitter<'w>,
    engine: Engine<'c>,
    policy: Policy,
    pending: IndexMap<PendingKey, Pending>,
    /// The pending findings of each node of the diff graph per kind of use, so a component
    /// shared by many operations is judged once and its other uses only counted.
    judged: HashMap<NodeUse, Vec<usize>>,
    /// The same for everything reachable from a root, for schemas used as a whole many times.
    judged_roots: HashMap<(DiffId, Ctx, Ctx), Vec<usize>>,
    /// Path templates already reported as renamed (once per path, not per method).
    renamed: HashSet<(String, String)>,
    global_security_reported: bool,
}

impl Differ<'_, '_, '_> {
    /// Emits a finding unless the use is lenient about it or suppressed where it is used.
    fn emit(
        &mut self,
        site: &Site,
        rule: &'static BreakingRule,
        old: Option<Span>,
        new: Option<Span>,
        message: String,
    ) {
        if !self.allowed(site, rule) {
            return;
        }
        self.em.emit(rule, old, new, message);
    }

    fn allowed(&self, site: &Site, rule: &'static BreakingRule) -> bool {
        let severity = self.cx.options.config.severity_of(rule);
        if site.lenient && severity >= Severity::Warning {
            return false;
        }
        !site
            .spans
            .iter()
            .any(|s| self.cx.new.is_suppressed(rule.id, *s))
    }

    /// Compares a schema pair of one use; findings are merged across uses in [`Differ::flush`].
    fn schema(&mut self, site: &Site, usage: Use, old: SchemaId, new: SchemaId) {
        let dir = usage.root.direction();
        let root = self.engine.compare(old, new, dir);
        let found = match self.judged_roots.get(&(root, usage.root, usage.nested)) {
            Some(found) => found.clone(),
            None => {
                let mut found = Vec::new();
                let reached = self.engine.reachable(root);
                for (i, r) in reached.iter().enumerate() {
                    let key = (r.node, usage.root, usage.nested, i == 0);
                    match self.judged.get(&key) {
                        Some(f) => found.extend_from_slice(f),
                        None => {
                            let pointer = self.engine.pointer_of(&reached, i, "");
                            let f = self.judge_node(usage, r.node, &pointer);
                            found.extend_from_slice(&f);
                            self.judged.insert(key, f);
                        }
                    }
                }
                self.judged_roots
                    .insert((root, usage.root, usage.nested), found.clone());
                found
            }
        };
        let all_allowed = !site.lenient && self.cx.new.suppressions.is_empty();
        for i in found {
            if !all_allowed && !self.allowed(site, self.pending[i].rule) {
                continue;
            }
            let p = &mut self.pending[i];
            if p.uses == 0 {
                let component = component_at(self.cx.new, p.change.new);
                p.message = schema::message(&p.change, &site.text, p.dir, component);
            }
            p.uses += 1;
        }
    }

    /// The rules the changes of one node of the diff graph are reported under, as pending
    /// findings (shared with every other node that finds the same change at the same place).
    fn judge_node(&mut self, usage: Use, node: DiffId, pointer: &str) -> Vec<usize> {
        let mut found = Vec::new();
        for change in self.engine.own_changes(node, pointer) {
            let Some(rule) = schema::rule_for(usage, &change, &self.policy) else {
                continue;
            };
            let key = (
                rule.id,
                change.old,
                change.new,
                change.subject.clone(),
                change.kind,
            );
            let i = match self.pending.get_index_of(&key) {
                Some(i) => i,
                None => {
                    let pending = Pending {
                        rule,
                        change,
                        dir: usage.root.direction(),
                        message: String::new(),
                        uses: 0,
                    };
                    self.pending.insert_full(key, pending).0
                }
            };
            found.push(i);
        }
        found
    }

    /// Emits the merged schema findings.
    fn flush(&mut self) {
        let config = &self.cx.options.config;
        for (_, p) in std::mem::take(&mut self.pending) {
            let message = match p.uses {
                0 => continue,
                1 => p.message,
                2 => format!("{} (the same schema is used in one other place)", p.message),
                n => format!(
                    "{} (the same schema is used in {} other places)",
                    p.message,
                    n - 1
                ),
            };
            let enum_added =
                p.rule.id.ends_with("enum-value-added") && p.rule.id.starts_with("response-");
            if let Some(f) = self
                .em
                .emit(p.rule, Some(p.change.old), Some(p.change.new), message)
                && enum_added
                && let Some(severity) = config.response_enum_added
                && !config.severity.contains_key(p.rule.id)
            {
                // `response_enum_added` decides how much a new response enum value weighs.
                f.severity = severity;
                if !config.bump.contains_key(p.rule.id) {
                    f.bump = Some(if severity == Severity::Error {
                        Bump::Major
                    } else {
                        Bump::Minor
                    });
                }
            }
        }
    }

    fn operations(&mut self) {
        let (old, new) = (self.cx.old, self.cx.new);
        let new_by_key: HashMap<_, _> = new.operations.iter().map(|o| (&o.key, o)).collect();
        let old_by_key: HashMap<_, _> = old.operations.iter().map(|o| (&o.key, o)).collect();
        for o in &old.operations {
            match new_by_key.get(&o.key) {
                Some(n) => self.operation(o, n),
                None => self.removed_operation(o),
            }
        }
        for n in new
            .operations
            .iter()
            .filter(|n| !old_by_key.contains_key(&n.key))
        {
            let site = Site {
                lenient: false,
                spans: vec![n.span],
                text: label(n),
            };
            let (rule, what) = if is_webhook(n) {
                (&WEBHOOK_ADDED, "webhook")
            } else {
                (&ENDPOINT_ADDED, "operation")
            };
            self.emit(
                &site,
                rule,
                None,
                Some(n.span),
                format!("new {what} {}", label(n)),
            );
        }
    }

    fn removed_operation(&mut self, o: &Operation) {
        // Draft and alpha operations may go without notice.
        if Stability::may_break(&o.extensions) {
            return;
        }
        let new = self.cx.new;
        let site = Site {
            lenient: false,
            spans: Vec::new(),
            text: label(o),
        };
        if is_webhook(o) {
            let at = top_key(self.cx.new_ws, new.root_file, "webhooks");
            let message = format!(
                "{} was removed: subscribers stop receiving these events. Deprecate it first and remove it in a major release",
                label(o)
            );
            self.emit(&site, &WEBHOOK_REMOVED, Some(o.span), at, message);
            return;
        }
        let shape = path_of(o).map(path_shape);
        let same_path = new
            .operations
            .iter()
            .find(|n| !is_webhook(n) && path_of(n).map(path_shape) == shape)
            .and_then(|n| match &n.kind {
                OperationKind::Http { path_span, .. } => Some(*path_span),
                _ => None,
            });
        let (at, whole_path) = match same_path {
            Some(span) => (Some(span), false),
            None => (top_key(self.cx.new_ws, new.root_file, "paths"), true),
        };
        let what = if whole_path {
            format!("{} was removed with its whole path", label(o))
        } else {
            format!("{} was removed", label(o))
        };
        let (rule, message) = match self.policy.removal(o.deprecated, &o.extensions) {
            Removal::NotDeprecated => (
                if whole_path {
                    &API_PATH_REMOVED_WITHOUT_DEPRECATION
                } else {
                    &API_REMOVED_WITHOUT_DEPRECATION
                },
                format!(
                    "{what} without being deprecated first: clients calling it now fail. Restore it, mark it `deprecated: true` with an `x-sunset` date, and remove it once that date has passed"
                ),
            ),
            Removal::TooEarly { until } => (
                if whole_path {
                    &API_PATH_REMOVED_BEFORE_SUNSET
                } else {
                    &API_REMOVED_BEFORE_SUNSET
                },
                format!(
                    "{what} before the end of its deprecation period ({}): consumers were promised it until then. Keep it until the date has passed",
                    until
                        .map(|d| format!("not before {}", lifecycle::civil_text(d)))
                        .unwrap_or_else(|| {
                            "it has no `x-sunset` or `x-deprecated-at` date to count from"
                                .to_string()
                        })
                ),
            ),
            Removal::Unreadable(text) => (
                if whole_path {
                    &API_PATH_SUNSET_PARSE
                } else {
                    &API_REMOVED_BEFORE_SUNSET
                },
                format!(
                    "{what}, but its deprecation date `{text}` is not a YYYY-MM-DD date, so treaty cannot tell whether the deprecation period is over. Write the date as 2025-06-30"
                ),
            ),
            Removal::Allowed => (
                if whole_path {
                    &API_PATH_REMOVED_WITH_DEPRECATION
                } else {
                    &API_REMOVED_WITH_DEPRECATION
                },
                format!("{what} after its deprecation period"),
            ),
        };
        self.emit(&site, rule, Some(o.span), at, message);
    }

    fn operation(&mut self, o: &Operation, n: &Operation) {
        let site = Site {
            lenient: Stability::may_break(&o.extensions),
            spans: vec![n.span],
            text: label(n),
        };
        if let (
            OperationKind::Http {
                path: op,
                path_span: os,
                ..
            },
            OperationKind::Http {
                path: np,
                path_span: ns,
                ..
            },
        ) = (&o.kind, &n.kind)
            && op != np
            && self.renamed.insert((op.clone(), np.clone()))
        {
            let message = format!(
                "path `{op}` is now written `{np}`: the same endpoint with its parameters renamed, so clients build the same URLs"
            );
            self.emit(
                &site,
                &API_PATH_PARAM_RENAMED,
                Some(*os),
                Some(*ns),
                message,
            );
        }
        self.operation_lifecycle(&site, o, n);
        match (&o.id, &n.id) {
            (None, Some(id)) => {
                let m = format!("{} got the operationId `{id}`", label(n));
                self.emit(
                    &site,
                    &API_OPERATION_ID_ADDED,
                    Some(o.span),
                    Some(n.id_span.unwrap_or(n.span)),
                    m,
                );
            }
            (Some(id), None) => {
                let m = format!(
                    "{} lost its operationId `{id}`: generated clients named a method after it",
                    label(n)
                );
                self.emit(
                    &site,
                    &API_OPERATION_ID_REMOVED,
                    Some(o.id_span.unwrap_or(o.span)),
                    Some(n.span),
                    m,
                );
            }
            _ => {}
        }
        if o.summary != n.summary || o.description != n.description {
            let m = format!("the summary or description of {} changed", label(n));
            self.emit(
                &site,
                &API_DESCRIPTION_CHANGED,
                Some(o.span),
                Some(n.span),
                m,
            );
        }
        self.security(&site, o, n);
        self.parameters(&site, o, n);
        self.request_body(&site, o, n);
        self.responses(&site, o, n);
    }

    fn operation_lifecycle(&mut self, site: &Site, o: &Operation, n: &Operation) {
        let rules = elements::LifecycleRules {
            deprecated: &ENDPOINT_DEPRECATED,
            deprecated_with_sunset: &ENDPOINT_DEPRECATED_WITH_SUNSET,
            sunset_missing: &API_DEPRECATED_SUNSET_MISSING,
            sunset_parse: &API_DEPRECATED_SUNSET_PARSE,
            too_small: &API_SUNSET_DATE_TOO_SMALL,
            changed_too_small: &API_SUNSET_DATE_CHANGED_TOO_SMALL,
            deleted: &SUNSET_DELETED,
            reactivated: &ENDPOINT_REACTIVATED,
        };
        let what = label(n);
        self.lifecycle(
            site,
            &rules,
            &what,
            (o.deprecated, &o.extensions, o.span),
            (n.deprecated, &n.extensions, n.span),
        );
        let level = |op: &Operation| Stability::of(&op.extensions);
        match (level(o), level(n)) {
            (a, Err(text)) if a.as_ref().err() != Some(&text) => {
                let m = format!(
                    "{what} has `x-stability-level: {text}`, which is none of draft, alpha, beta, stable; treaty treats it as stable"
                );
                self.emit(
                    site,
                    &API_INVALID_STABILITY_LEVEL,
                    Some(o.span),
                    Some(n.span),
                    m,
                );
            }
            (Ok(a), Ok(b)) => {
                let (a, b) = (
                    a.unwrap_or(Stability::Stable),
                    b.unwrap_or(Stability::Stable),
                );
                if b < a {
                    let m = format!("the stability of {what} went down from {a:?} to {b:?}: consumers depended on its promise. Keep the level, or publish the less stable version as a new operation").to_lowercase();
                    self.emit(
                        site,
                        &API_STABILITY_DECREASED,
                        Some(o.span),
                        Some(n.span),
                        m,
                    );
                } else if b > a {
                    let m = format!("the stability of {what} went up from {a:?} to {b:?}")
                        .to_lowercase();
                    self.emit(
                        site,
                        &API_STABILITY_INCREASED,
                        Some(o.span),
                        Some(n.span),
                        m,
                    );
                }
            }
            _ => {}
        }
    }

    /// Security requirements a client that met the old ones may no longer meet.
    fn security(&mut self, site: &Site, o: &Operation, n: &Operation) {
        let (old, new) = (self.cx.old, self.cx.new);
        let inherited = o.security.is_none() && n.security.is_none();
        let os = o.security.as_deref().unwrap_or(&old.security);
        let ns = n.security.as_deref().unwrap_or(&new.security);
        if !tightened(os, ns) {
            return;
        }
        if inherited {
            // The top-level requirements changed: report once, where they are written.
            if std::mem::replace(&mut self.global_security_reported, true) {
                return;
            }
            let at_new = top_key(self.cx.new_ws, new.root_file, "security")
                .unwrap_or(Span::file_start(new.root_file));
            let at_old = top_key(self.cx.old_ws, old.root_file, "security")
                .unwrap_or(Span::file_start(old.root_file));
            let m = format!(
                "the top-level security requirements changed from {} to {}: clients that authenticate as before are refused (first seen on {}). Accept the old credentials too, or release this as a new major version",
                security_text(os),
                security_text(ns),
                label(n)
            );
            let global = Site {
                lenient: site.lenient,
                spans: Vec::new(),
                text: site.text.clone(),
            };
            self.emit(
                &global,
                &API_SECURITY_TIGHTENED,
                Some(at_old),
                Some(at_new),
                m,
            );
            return;
        }
        let m = format!(
            "the security requirements of {} changed from {} to {}: clients that authenticate as before are refused. Accept the old credentials too, or release this as a new major version",
            label(n),
            security_text(os),
            security_text(ns)
        );
        self.emit(site, &API_SECURITY_TIGHTENED, Some(o.span), Some(n.span), m);
    }

    fn components(&mut self) {
        let (old, new) = (self.cx.old, self.cx.new);
        let at = top_key(self.cx.new_ws, new.root_file, "components");
        let site = Site {
            lenient: false,
            spans: Vec::new(),
            text: String::new(),
        };
        for (name, &id) in &old.components {
            if !new.components.contains_key(name) {
                let m = format!(
                    "component schema `{name}` was removed: generated clients lose the type"
                );
                self.emit(
                    &site,
                    &API_SCHEMA_REMOVED,
                    Some(old.schemas.get(id).span),
                    at,
                    m,
                );
            }
        }
    }
}

/// The component schema whose definition holds `span`, if any.
fn component_at(contract: &Contract, span: Span) -> Option<&str> {
    contract
        .components
        .iter()
        .find(|(_, id)| contract.schemas.get(**id).span.contains(&span))
        .map(|(name, _)| name.as_str())
}

/// True when some client that met `old` may not meet `new`: an old alternative that no new
/// alternative asks the same or less of.
pub fn tightened(old: &[SecurityRequirement], new: &[SecurityRequirement]) -> bool {
    let anonymous = IndexMap::new();
    let old_alternatives: Vec<&SecurityRequirement> = if old.is_empty() {
        vec![&anonymous]
    } else {
        old.iter().collect()
    };
    if new.is_empty() || new.iter().any(|r| r.is_empty()) {
        return false;
    }
    old_alternatives.iter().any(|a| {
        !new.iter().any(|b| {
            b.iter().all(|(scheme, scopes)| {
                a.get(scheme)
                    .is_some_and(|had| scopes.iter().all(|s| had.contains(s)))
            })
        })
    })
}

fn security_text(reqs: &[SecurityRequirement]) -> String {
    if reqs.is_empty() {
        return "none".to_string();
    }
    reqs.iter()
        .map(|r| {
            if r.is_empty() {
                return "anonymous".to_string();
            }
            r.iter()
                .map(|(k, v)| {
                    if v.is_empty() {
                        k.clone()
                    } else {
                        format!("{k} [{}]", v.join(", "))
                    }
                })
                .collect::<Vec<_>>()
                .join(" and ")
        })
        .collect::<Vec<_>>()
        .join(" or ")
}

fn is_webhook(o: &Operation) -> bool {
    o.key.as_str().starts_with("WEBHOOK ")
}

fn path_of(o: &Operation) -> Option<&str> {
    match &o.kind {
        OperationKind::Http { path, .. } => Some(path),
        OperationKind::Rpc { .. } => None,
    }
}

/// How messages name an operation: `` `GET /orders/{id}` `` or `` webhook `orderShipped` ``.
pub(crate) fn label(o: &Operation) -> String {
    match &o.kind {
        OperationKind::Http { method, path, .. } if is_webhook(o) => {
            format!("webhook `{path}` ({method})")
        }
        OperationKind::Http { method, path, .. } => format!("`{method} {path}`"),
        OperationKind::Rpc {
            service, method, ..
        } => format!("`{service}.{method}`"),
    }
}

/// The span of a top-level key of a document (`paths:`), the element that encloses what was
/// removed from it. The model keeps no span for these sections, so the text is searched: a key
/// at the start of a line (YAML), else the first quoted occurrence (JSON).
fn top_key(ws: &Workspace, file: FileId, key: &str) -> Option<Span> {
    let text = &ws.sources.get(file).text;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(key)
            && rest.trim_start().starts_with(':')
        {
            return Some(Span::new(file, offset, offset + key.len()));
        }
        offset += line.len();
    }
    let quoted = format!("\"{key}\"");
    text.find(&quoted)
        .map(|i| Span::new(file, i, i + quoted.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(pairs: &[(&str, &[&str])]) -> SecurityRequirement {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    #[test]
    fn security_tightens_when_an_old_way_in_no_longer_works() {
        let oauth_read = req(&[("oauth", &["read"])]);
        let oauth_rw = req(&[("oauth", &["read", "write"])]);
        let key = req(&[("apiKey", &[])]);
        assert!(tightened(&[], std::slice::from_ref(&key)));
        assert!(!tightened(std::slice::from_ref(&key), &[]));
        assert!(tightened(
            std::slice::from_ref(&oauth_read),
            std::slice::from_ref(&oauth_rw)
        ));
        assert!(!tightened(
            std::slice::from_ref(&oauth_rw),
            std::slice::from_ref(&oauth_read)
        ));
        assert!(!tightened(
            std::slice::from_ref(&key),
            &[key.clone(), oauth_read.clone()]
        ));
        assert!(tightened(
            &[key.clone(), oauth_read.clone()],
            std::slice::from_ref(&key)
        ));
        assert!(!tightened(
            std::slice::from_ref(&key),
            &[key.clone(), IndexMap::new()]
        ));
    }
}
