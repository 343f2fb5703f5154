//! The elements of a paired operation: parameters, the request body, responses, their headers
//! and media types, and the deprecation lifecycle shared by operations and parameters.

use indexmap::IndexMap;
use serde_json::Value;

use super::lifecycle::DateExt;
use super::rules::*;
use super::schema::Use;
use super::{Differ, Site, label};
use crate::compat::rule::BreakingRule;
use crate::model::{Content, Example, Operation, ParamIn, Parameter, Response};
use crate::source::Span;

/// The rules one kind of element reports its deprecation lifecycle under.
pub(crate) struct LifecycleRules {
    pub deprecated: &'static BreakingRule,
    pub deprecated_with_sunset: &'static BreakingRule,
    pub sunset_missing: &'static BreakingRule,
    pub sunset_parse: &'static BreakingRule,
    pub too_small: &'static BreakingRule,
    pub changed_too_small: &'static BreakingRule,
    pub deleted: &'static BreakingRule,
    pub reactivated: &'static BreakingRule,
}

/// One side of an element for the lifecycle: deprecated, extensions, span.
type Side<'a> = (bool, &'a IndexMap<String, Value>, Span);

impl Differ<'_, '_, '_> {
    /// Deprecation, sunset dates and reactivation of an operation or parameter.
    pub(crate) fn lifecycle(
        &mut self,
        site: &Site,
        rules: &LifecycleRules,
        what: &str,
        o: Side,
        n: Side,
    ) {
        let (od, oext, ospan) = o;
        let (nd, next, nspan) = n;
        let earliest = self.policy.earliest_sunset();
        let sunset = |ext: &IndexMap<String, Value>| DateExt::of(ext, "x-sunset");
        let since = |ext: &IndexMap<String, Value>| DateExt::of(ext, "x-deprecated-at");
        let at = (Some(ospan), Some(nspan));
        match (od, nd) {
            (false, true) => {
                let (s, d) = (sunset(next), since(next));
                if self.policy.days > 0 {
                    if let Some(t) = s
                        .is_unreadable()
                        .then(|| s.text())
                        .flatten()
                        .or_else(|| d.is_unreadable().then(|| d.text()).flatten())
                    {
                        let m = format!(
                            "{what} was deprecated with the date `{t}`, which is not YYYY-MM-DD: write it as 2025-06-30"
                        );
                        return self.emit(site, rules.sunset_parse, at.0, at.1, m);
                    }
                    if let Some(day) = s.day()
                        && day < earliest
                    {
                        let m = format!(
                            "{what} was deprecated with `x-sunset: {}`, less than the {} days of notice consumers get: set it to {} or later",
                            s.text().unwrap_or_default(),
                            self.policy.days,
                            super::lifecycle::civil_text(earliest)
                        );
                        return self.emit(site, rules.too_small, at.0, at.1, m);
                    }
                    if s == DateExt::Absent && d == DateExt::Absent {
                        let m = format!(
                            "{what} was deprecated without an `x-sunset` (or `x-deprecated-at`) date: consumers cannot tell how long they have. Add `x-sunset: {}` or later",
                            super::lifecycle::civil_text(earliest)
                        );
                        return self.emit(site, rules.sunset_missing, at.0, at.1, m);
                    }
                }
                match s.text() {
                    Some(t) => self.emit(
                        site,
                        rules.deprecated_with_sunset,
                        at.0,
                        at.1,
                        format!("{what} was deprecated, with `x-sunset: {t}`"),
                    ),
                    None => self.emit(
                        site,
                        rules.deprecated,
                        at.0,
                        at.1,
                        format!("{what} was deprecated"),
                    ),
                }
            }
            (true, false) => self.emit(
                site,
                rules.reactivated,
                at.0,
                at.1,
                format!("{what} is no longer deprecated"),
            ),
            (true, true) => {
                let (os, ns) = (sunset(oext), sunset(next));
                if os == ns {
                    return;
                }
                match (&os, &ns) {
                    (_, DateExt::Absent) => {
                        let m = format!(
                            "the `x-sunset: {}` of deprecated {what} was removed: consumers lose the date they planned for. Keep it",
                            os.text().unwrap_or_default()
                        );
                        self.emit(site, rules.deleted, at.0, at.1, m)
                    }
                    (_, DateExt::Unreadable(t)) => {
                        let m = format!(
                            "the `x-sunset` of {what} is now `{t}`, which is not YYYY-MM-DD"
                        );
                        self.emit(site, rules.sunset_parse, at.0, at.1, m)
                    }
                    (old, DateExt::Date(day, t))
                        if *day < earliest && old.day().is_none_or(|o| *day < o) =>
                    {
                        let m = format!(
                            "the `x-sunset` of deprecated {what} moved to {t}, earlier than announced and less than {} days away: keep {} or later",
                            self.policy.days,
                            old.text()
                                .unwrap_or(&super::lifecycle::civil_text(earliest))
                        );
                        self.emit(site, rules.changed_too_small, at.0, at.1, m)
                    }
                    _ => {}
                }
            }
            (false, false) => {}
        }
    }

    pub(crate) fn parameters(&mut self, site: &Site, o: &Operation, n: &Operation) {
        let old_by_key: IndexMap<&str, &Parameter> =
            o.parameters.iter().map(|p| (p.key.as_str(), p)).collect();
        let new_by_key: IndexMap<&str, &Parameter> =
            n.parameters.iter().map(|p| (p.key.as_str(), p)).collect();
        let mut moved: Vec<&str> = Vec::new();
        for np in &n.parameters {
            if let Some(op) = old_by_key.get(np.key.as_str()) {
                self.parameter(site, n, op, np);
                continue;
            }
            let psite = site.within(np.span, format!("parameter `{}` of {}", np.name, label(n)));
            // The same name in another location: the parameter moved rather than appeared.
            let moved_from = o.parameters.iter().find(|p| {
                !new_by_key.contains_key(p.key.as_str())
                    && p.location != np.location
                    && p.location != ParamIn::Path
                    && np.location != ParamIn::Path
                    && p.name.eq_ignore_ascii_case(&np.name)
            });
            if let Some(op) = moved_from {
                moved.push(op.key.as_str());
                let m = format!(
                    "parameter `{}` of {} moved from the {} to the {}: clients keep sending it where it was. Accept it in both places, or release this as a new major version",
                    np.name,
                    label(n),
                    op.location.as_str(),
                    np.location.as_str()
                );
                self.emit(
                    &psite,
                    &REQUEST_PARAMETER_LOCATION_CHANGED,
                    Some(op.span),
                    Some(np.span),
                    m,
                );
                continue;
            }
            // A parameter written on the path item applies to every operation of the path.
            let path_level = !n.span.contains(&np.span);
            let (rule, m) = if np.location == ParamIn::Path {
                (
                    &NEW_REQUEST_PATH_PARAMETER,
                    format!(
                        "path parameter `{}` of {} is new: clients that did not send it fail",
                        np.name,
                        label(n)
                    ),
                )
            } else if np.required {
                let rule = if path_level {
                    &NEW_REQUIRED_REQUEST_DEFAULT_PARAMETER_TO_EXISTING_PATH
                } else {
                    &NEW_REQUIRED_REQUEST_PARAMETER
                };
                (
                    rule,
                    format!(
                        "new required {} parameter `{}` in {}: clients do not send it and fail. Make it optional, with a default that keeps the old behaviour",
                        np.location.as_str(),
                        np.name,
                        label(n)
                    ),
                )
            } else {
                let rule = if path_level {
                    &NEW_OPTIONAL_REQUEST_DEFAULT_PARAMETER_TO_EXISTING_PATH
                } else {
                    &NEW_OPTIONAL_REQUEST_PARAMETER
                };
                (
                    rule,
                    format!(
                        "new optional {} parameter `{}` in {}",
                        np.location.as_str(),
                        np.name,
                        label(n)
                    ),
                )
            };
            self.emit(&psite, rule, None, Some(np.span), m);
        }
        for op in &o.parameters {
            if new_by_key.contains_key(op.key.as_str()) || moved.contains(&op.key.as_str()) {
                continue;
            }
            let what = format!(
                "{} parameter `{}` of {}",
                op.location.as_str(),
                op.name,
                label(n)
            );
            let (rule, m) = match self.policy.removal(op.deprecated, &op.extensions) {
                super::lifecycle::Removal::NotDeprecated => (
                    &REQUEST_PARAMETER_REMOVED,
                    format!(
                        "{what} was removed: clients still send it and expect it to have an effect. Deprecate it first"
                    ),
                ),
                super::lifecycle::Removal::Allowed => (
                    &REQUEST_PARAMETER_REMOVED_WITH_DEPRECATION,
                    format!("{what} was removed after its deprecation period"),
                ),
                _ => (
                    &REQUEST_PARAMETER_REMOVED_BEFORE_SUNSET,
                    format!(
                        "{what} was removed before the end of its deprecation period: keep it until its `x-sunset` date has passed"
                    ),
                ),
            };
            self.emit(site, rule, Some(op.span), Some(n.span), m);
        }
    }

    fn parameter(&mut self, site: &Site, n_op: &Operation, o: &Parameter, n: &Parameter) {
        let what = format!(
            "{} parameter `{}` of {}",
            n.location.as_str(),
            n.name,
            label(n_op)
        );
        let site = site.within(n.span, what.clone());
        let at = (Some(o.span), Some(n.span));
        match (o.required, n.required) {
            (false, true) => {
                let m = format!(
                    "{what} became required: clients that leave it out fail. Keep it optional, with a default"
                );
                self.emit(&site, &REQUEST_PARAMETER_BECAME_REQUIRED, at.0, at.1, m);
            }
            (true, false) => self.emit(
                &site,
                &REQUEST_PARAMETER_BECAME_OPTIONAL,
                at.0,
                at.1,
                format!("{what} became optional"),
            ),
            _ => {}
        }
        let (os, ns) = (style(o), style(n));
        if os != ns {
            let m = format!(
                "the `style` of {what} changed from {os} to {ns}: clients serialise it the old way and the server reads other values. Keep the style"
            );
            self.emit(&site, &REQUEST_PARAMETER_STYLE_CHANGED, at.0, at.1, m);
        } else if explode(o) != explode(n) {
            let m = format!(
                "`explode` of {what} changed from {} to {}: clients serialise lists and objects the old way. Keep it",
                explode(o),
                explode(n)
            );
            self.emit(&site, &REQUEST_PARAMETER_EXPLODE_CHANGED, at.0, at.1, m);
        }
        let rules = LifecycleRules {
            deprecated: &REQUEST_PARAMETER_DEPRECATED,
            deprecated_with_sunset: &REQUEST_PARAMETER_DEPRECATED,
            sunset_missing: &REQUEST_PARAMETER_DEPRECATED_SUNSET_MISSING,
            sunset_parse: &REQUEST_PARAMETER_SUNSET_PARSE,
            too_small: &REQUEST_PARAMETER_SUNSET_DATE_TOO_SMALL,
            changed_too_small: &REQUEST_PARAMETER_SUNSET_DATE_CHANGED_TOO_SMALL,
            deleted: &REQUEST_PARAMETER_SUNSET_DELETED,
            reactivated: &REQUEST_PARAMETER_REACTIVATED,
        };
        self.lifecycle(
            &site,
            &rules,
            &what,
            (o.deprecated, &o.extensions, o.span),
            (n.deprecated, &n.extensions, n.span),
        );
        if o.description != n.description {
            self.emit(
                &site,
                &API_DESCRIPTION_CHANGED,
                at.0,
                at.1,
                format!("the description of {what} changed"),
            );
        }
        if o.examples != n.examples {
            self.emit(
                &site,
                &API_EXAMPLE_CHANGED,
                at.0,
                at.1,
                format!("the examples of {what} changed"),
            );
        }
        if let (Some(a), Some(b)) = (o.schema, n.schema) {
            let usage = if n.location == ParamIn::Header {
                Use::HEADER_PARAMETER
            } else {
                Use::PARAMETER
            };
            self.schema(&site, usage, a, b);
        }
    }

    pub(crate) fn request_body(&mut self, site: &Site, o_op: &Operation, n_op: &Operation) {
        let what = format!("the request body of {}", label(n_op));
        match (&o_op.request, &n_op.request) {
            (None, Some(b)) => {
                let bsite = site.within(b.span, what.clone());
                if b.required {
                    let m = format!(
                        "{} requires a request body now: clients send none and fail. Make it optional",
                        label(n_op)
                    );
                    self.emit(&bsite, &REQUEST_BODY_ADDED_REQUIRED, None, Some(b.span), m);
                } else {
                    self.emit(
                        &bsite,
                        &REQUEST_BODY_ADDED_OPTIONAL,
                        None,
                        Some(b.span),
                        format!("{} accepts an optional request body now", label(n_op)),
                    );
                }
            }
            (Some(b), None) => {
                let m = format!(
                    "{what} was removed: clients still send one and what it carried is lost. Keep accepting it"
                );
                self.emit(
                    site,
                    &REQUEST_BODY_REMOVED,
                    Some(b.span),
                    Some(n_op.span),
                    m,
                );
            }
            (Some(a), Some(b)) => {
                let bsite = site.within(b.span, what.clone());
                let at = (Some(a.span), Some(b.span));
                match (a.required, b.required) {
                    (false, true) => {
                        let m = format!(
                            "{what} became required: clients that send none fail. Keep it optional"
                        );
                        self.emit(&bsite, &REQUEST_BODY_BECAME_REQUIRED, at.0, at.1, m);
                    }
                    (true, false) => self.emit(
                        &bsite,
                        &REQUEST_BODY_BECAME_OPTIONAL,
                        at.0,
                        at.1,
                        format!("{what} became optional"),
                    ),
                    _ => {}
                }
                if a.description != b.description {
                    self.emit(
                        &bsite,
                        &API_DESCRIPTION_CHANGED,
                        at.0,
                        at.1,
                        format!("the description of {what} changed"),
                    );
                }
                for oc in &a.content {
                    match find_media(&b.content, &oc.media_type) {
                        Some(nc) => self.request_content(&bsite, &what, oc, nc),
                        None => {
                            let m = format!(
                                "{what} no longer accepts `{}`: clients sending it get 415 Unsupported Media Type. Keep accepting it",
                                oc.media_type
                            );
                            self.emit(
                                &bsite,
                                &REQUEST_BODY_MEDIA_TYPE_REMOVED,
                                Some(oc.span),
                                Some(b.span),
                                m,
                            );
                        }
                    }
                }
                for nc in b
                    .content
                    .iter()
                    .filter(|c| find_media(&a.content, &c.media_type).is_none())
                {
                    let m = format!("{what} accepts `{}` now", nc.media_type);
                    self.emit(
                        &bsite,
                        &REQUEST_BODY_MEDIA_TYPE_ADDED,
                        None,
                        Some(nc.span),
                        m,
                    );
                }
            }
            (None, None) => {}
        }
    }

    fn request_content(&mut self, site: &Site, what: &str, oc: &Content, nc: &Content) {
        let text = format!("{what} (`{}`)", nc.media_type);
        let site = site.within(nc.span, text.clone());
        let at = (Some(oc.span), Some(nc.span));
        match (oc.schema, nc.schema) {
            (None, Some(_)) => {
                let m = format!(
                    "{text} has a schema now where anything was accepted: bodies that passed may be rejected"
                );
                self.emit(&site, &REQUEST_BODY_MEDIA_TYPE_SCHEMA_ADDED, at.0, at.1, m);
            }
            (Some(_), None) => self.emit(
                &site,
                &REQUEST_BODY_MEDIA_TYPE_SCHEMA_REMOVED,
                at.0,
                at.1,
                format!("{text} lost its schema: anything is accepted"),
            ),
            (Some(a), Some(b)) => self.schema(&site, Use::REQUEST_BODY, a, b),
            (None, None) => {}
        }
        if !same_examples(&oc.examples, &nc.examples) {
            self.emit(
                &site,
                &API_EXAMPLE_CHANGED,
                at.0,
                at.1,
                format!("the examples of {text} changed"),
            );
        }
    }

    pub(crate) fn responses(&mut self, site: &Site, o_op: &Operation, n_op: &Operation) {
        for or in &o_op.responses {
            match n_op
                .responses
                .iter()
                .find(|r| r.status.eq_ignore_ascii_case(&or.status))
            {
                Some(nr) => self.response(site, n_op, or, nr),
                None => {
                    let success = or.status.starts_with('2');
                    let (rule, m) = if success {
                        (
                            &RESPONSE_SUCCESS_STATUS_REMOVED,
                            format!(
                                "response `{}` of {} was removed: clients handle it and now get another status. Keep it",
                                or.status,
                                label(n_op)
                            ),
                        )
                    } else {
                        (
                            &RESPONSE_NON_SUCCESS_STATUS_REMOVED,
                            format!("response `{}` of {} was removed", or.status, label(n_op)),
                        )
                    };
                    self.emit(site, rule, Some(or.span), Some(n_op.span), m);
                }
            }
        }
        for nr in n_op.responses.iter().filter(|r| {
            !o_op
                .responses
                .iter()
                .any(|o| o.status.eq_ignore_ascii_case(&r.status))
        }) {
            let rule = if nr.status.starts_with('2') {
                &RESPONSE_SUCCESS_STATUS_ADDED
            } else {
                &RESPONSE_NON_SUCCESS_STATUS_ADDED
            };
            let rsite = site.within(
                nr.span,
                format!("response `{}` of {}", nr.status, label(n_op)),
            );
            self.emit(
                &rsite,
                rule,
                None,
                Some(nr.span),
                format!("new response `{}` of {}", nr.status, label(n_op)),
            );
        }
    }

    fn response(&mut self, site: &Site, n_op: &Operation, o: &Response, n: &Response) {
        let what = format!("response `{}` of {}", n.status, label(n_op));
        let site = site.within(n.span, what.clone());
        if o.description != n.description {
            self.emit(
                &site,
                &API_DESCRIPTION_CHANGED,
                Some(o.span),
                Some(n.span),
                format!("the description of {what} changed"),
            );
        }
        for oh in &o.headers {
            match n
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case(&oh.name))
            {
                Some(nh) => {
                    let text = format!("header `{}` of {what}", nh.name);
                    let hsite = site.within(nh.span, text.clone());
                    if oh.required && !nh.required {
                        let m = format!(
                            "{text} became optional: clients rely on it being there. Keep it required"
                        );
                        self.emit(
                            &hsite,
                            &RESPONSE_HEADER_BECAME_OPTIONAL,
                            Some(oh.span),
                            Some(nh.span),
                            m,
                        );
                    }
                    if let (Some(a), Some(b)) = (oh.schema, nh.schema) {
                        self.schema(&hsite, Use::RESPONSE_HEADER, a, b);
                    }
                }
                None => {
                    let (rule, m) = if oh.required {
                        (
                            &REQUIRED_RESPONSE_HEADER_REMOVED,
                            format!(
                                "required header `{}` of {what} was removed: clients read it and find nothing. Keep sending it",
                                oh.name
                            ),
                        )
                    } else {
                        (
                            &OPTIONAL_RESPONSE_HEADER_REMOVED,
                            format!("optional header `{}` of {what} was removed", oh.name),
                        )
                    };
                    self.emit(&site, rule, Some(oh.span), Some(n.span), m);
                }
            }
        }
        for nh in n.headers.iter().filter(|h| {
            !o.headers
                .iter()
                .any(|x| x.name.eq_ignore_ascii_case(&h.name))
        }) {
            let hsite = site.within(nh.span, format!("header `{}` of {what}", nh.name));
            self.emit(
                &hsite,
                &RESPONSE_HEADER_ADDED,
                None,
                Some(nh.span),
                format!("new header `{}` in {what}", nh.name),
            );
        }
        // Media types: by name; a range that replaces a type (or the reverse) is the same media
        // type generalised (or specialised).
        let mut used = vec![false; n.content.len()];
        for oc in &o.content {
            if let Some(j) = n
                .content
                .iter()
                .position(|c| same_media(&c.media_type, &oc.media_type))
            {
                used[j] = true;
                self.response_content(&site, &what, oc, &n.content[j]);
                continue;
            }
            if let Some(j) = n
                .content
                .iter()
                .position(|c| covers(&c.media_type, &oc.media_type))
            {
                used[j] = true;
                let nc = &n.content[j];
                let m = format!(
                    "{what} is `{}` now where it was `{}`: clients parsed `{}` and may now get any type in the range. Keep the exact type",
                    nc.media_type, oc.media_type, oc.media_type
                );
                let csite = site.within(nc.span, what.clone());
                self.emit(
                    &csite,
                    &RESPONSE_MEDIA_TYPE_NAME_GENERALIZED,
                    Some(oc.span),
                    Some(nc.span),
                    m,
                );
                self.response_content(&site, &what, oc, nc);
                continue;
            }
            // A range replaced by types inside it is reported from the new side.
            let specialised = n.content.iter().enumerate().any(|(j, c)| {
                !used[j]
                    && covers(&oc.media_type, &c.media_type)
                    && !o
                        .content
                        .iter()
                        .any(|x| same_media(&x.media_type, &c.media_type))
            });
            if specialised {
                continue;
            }
            let m = format!(
                "{what} no longer has `{}`: clients asking for it get another type or 406. Keep it",
                oc.media_type
            );
            self.emit(
                &site,
                &RESPONSE_MEDIA_TYPE_REMOVED,
                Some(oc.span),
                Some(n.span),
                m,
            );
        }
        for (j, nc) in n.content.iter().enumerate() {
            if used[j] {
                continue;
            }
            let csite = site.within(nc.span, what.clone());
            match o.content.iter().find(|c| {
                covers(&c.media_type, &nc.media_type)
                    && !n
                        .content
                        .iter()
                        .any(|x| same_media(&x.media_type, &c.media_type))
            }) {
                Some(oc) => {
                    let m = format!(
                        "{what} is `{}` now where it was the range `{}`",
                        nc.media_type, oc.media_type
                    );
                    self.emit(
                        &csite,
                        &RESPONSE_MEDIA_TYPE_NAME_SPECIALIZED,
                        Some(oc.span),
                        Some(nc.span),
                        m,
                    );
                    self.response_content(&site, &what, oc, nc);
                }
                None => {
                    let m = format!("{what} has the new media type `{}`", nc.media_type);
                    self.emit(&csite, &RESPONSE_MEDIA_TYPE_ADDED, None, Some(nc.span), m);
                }
            }
        }
    }

    fn response_content(&mut self, site: &Site, what: &str, oc: &Content, nc: &Content) {
        let text = format!("{what} (`{}`)", nc.media_type);
        let site = site.within(nc.span, text.clone());
        let at = (Some(oc.span), Some(nc.span));
        match (oc.schema, nc.schema) {
            (None, Some(_)) => self.emit(
                &site,
                &RESPONSE_BODY_MEDIA_TYPE_SCHEMA_ADDED,
                at.0,
                at.1,
                format!("{text} has a schema now"),
            ),
            (Some(_), None) => {
                let m = format!("{text} lost its schema: clients no longer know what they receive");
                self.emit(
                    &site,
                    &RESPONSE_BODY_MEDIA_TYPE_SCHEMA_REMOVED,
                    at.0,
                    at.1,
                    m,
                );
            }
            (Some(a), Some(b)) => self.schema(&site, Use::RESPONSE_BODY, a, b),
            (None, None) => {}
        }
        if !same_examples(&oc.examples, &nc.examples) {
            self.emit(
                &site,
                &API_EXAMPLE_CHANGED,
                at.0,
                at.1,
                format!("the examples of {text} changed"),
            );
        }
    }
}

/// A parameter's serialisation style, with OpenAPI's default for its location.
fn style(p: &Parameter) -> &str {
    match &p.style {
        Some(s) => s,
        None => match p.location {
            ParamIn::Query | ParamIn::Cookie | ParamIn::QueryString => "form",
            ParamIn::Path | ParamIn::Header => "simple",
        },
    }
}

/// `explode`, with OpenAPI's default (true for `form`, false otherwise).
fn explode(p: &Parameter) -> bool {
    p.explode.unwrap_or(style(p) == "form")
}

/// The media type without parameters, lower case.
fn essence(m: &str) -> String {
    m.split(';').next().unwrap_or(m).trim().to_ascii_lowercase()
}

fn same_media(a: &str, b: &str) -> bool {
    essence(a) == essence(b)
}

fn find_media<'c>(list: &'c [Content], media: &str) -> Option<&'c Content> {
    list.iter().find(|c| same_media(&c.media_type, media))
}

/// True when the range `range` (`application/*`, `*/*`) includes the type `ty` and is not it.
fn covers(range: &str, ty: &str) -> bool {
    let (r, t) = (essence(range), essence(ty));
    if r == t {
        return false;
    }
    let (rt, rs) = r.split_once('/').unwrap_or((&r, ""));
    let (tt, ts) = t.split_once('/').unwrap_or((&t, ""));
    (rt == "*" || rt == tt) && (rs == "*" || (rs == ts && rt == "*"))
}

fn same_examples(a: &[Example], b: &[Example]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.name == y.name && x.value == y.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_ranges_cover_the_types_inside_them() {
        assert!(covers("application/*", "application/json"));
        assert!(covers("*/*", "text/csv"));
        assert!(!covers("application/json", "application/json"));
        assert!(!covers("application/*", "text/plain"));
        assert!(!covers("application/json", "application/*"));
        assert!(same_media(
            "application/json; charset=utf-8",
            "Application/JSON"
        ));
    }
}
