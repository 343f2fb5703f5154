//! From schema changes to findings: which rule a change of the schema engine is reported under,
//! where, and with what message.
//!
//! The engine ([`crate::schema::compat`]) knows nothing of OpenAPI; it reports a neutral
//! [`ChangeKind`] with its [`Impact`] for the direction of the data. Here the place the schema is
//! used (a request body, a parameter, a response header…) and the depth of the change choose the
//! rule id, in oasdiff's vocabulary: `request-body-*` for the body schema itself,
//! `request-property-*` below it, `request-parameter-*`, `response-header-*`, and so on. Where a
//! context has no id for a change, the nearest context that has one is used (a parameter's
//! `contains` is reported as a request property's), and where a change has no id of its own, an
//! id of the same effect (a bound that is set where there was none is reported as tightened). A
//! candidate is taken only if its severity fits the impact, so a fallback never turns a
//! compatible change into an error or the reverse.
//!
//! A component schema used by many operations is compared once, and a change in it would be
//! found once per use: findings are merged by rule and location, and the message names the first
//! use and how many others there are.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::compat::rule::BreakingRule;
use crate::diag::Severity;
use crate::model::Direction;
use crate::schema::compat::{ChangeKind, Impact, SchemaChange};

use super::lifecycle::{DateExt, Policy, Stability};

/// Where a schema is used, as rule ids name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ctx {
    /// The schema of a request body.
    RequestBody,
    /// Anything below a request body schema.
    RequestProperty,
    /// The schema of a request parameter.
    Parameter,
    /// Below the schema of a query, path or cookie parameter.
    ParameterProperty,
    /// Below the schema of a request header.
    HeaderProperty,
    ResponseBody,
    ResponseProperty,
    ResponseHeader,
}

impl Ctx {
    fn prefix(self) -> &'static str {
        match self {
            Ctx::RequestBody => "request-body",
            Ctx::RequestProperty => "request-property",
            Ctx::Parameter => "request-parameter",
            Ctx::ParameterProperty => "request-parameter-property",
            Ctx::HeaderProperty => "request-header-property",
            Ctx::ResponseBody => "response-body",
            Ctx::ResponseProperty => "response-property",
            Ctx::ResponseHeader => "response-header",
        }
    }

    /// This context, then the ones whose ids stand in for it.
    fn chain(self) -> &'static [Ctx] {
        use Ctx::*;
        match self {
            RequestBody => &[RequestBody, RequestProperty],
            RequestProperty => &[RequestProperty, RequestBody],
            Parameter => &[Parameter, RequestProperty, RequestBody],
            ParameterProperty => &[ParameterProperty, Parameter, RequestProperty, RequestBody],
            HeaderProperty => &[
                HeaderProperty,
                ParameterProperty,
                Parameter,
                RequestProperty,
                RequestBody,
            ],
            ResponseBody => &[ResponseBody, ResponseProperty],
            ResponseProperty => &[ResponseProperty, ResponseBody],
            ResponseHeader => &[ResponseHeader, ResponseBody, ResponseProperty],
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Ctx::ResponseBody | Ctx::ResponseProperty | Ctx::ResponseHeader => {
                Direction::ProviderWrites
            }
            _ => Direction::ConsumerWrites,
        }
    }

    fn is_request(self) -> bool {
        self.direction() == Direction::ConsumerWrites
    }
}

/// The schema contexts of one use: the schema itself, and what lies below it.
#[derive(Clone, Copy, Debug)]
pub struct Use {
    pub root: Ctx,
    pub nested: Ctx,
}

impl Use {
    pub const REQUEST_BODY: Use = Use {
        root: Ctx::RequestBody,
        nested: Ctx::RequestProperty,
    };
    pub const PARAMETER: Use = Use {
        root: Ctx::Parameter,
        nested: Ctx::ParameterProperty,
    };
    pub const HEADER_PARAMETER: Use = Use {
        root: Ctx::Parameter,
        nested: Ctx::HeaderProperty,
    };
    pub const RESPONSE_BODY: Use = Use {
        root: Ctx::ResponseBody,
        nested: Ctx::ResponseProperty,
    };
    pub const RESPONSE_HEADER: Use = Use {
        root: Ctx::ResponseHeader,
        nested: Ctx::ResponseProperty,
    };
}

/// Every OpenAPI rule by id.
pub fn rules() -> &'static HashMap<&'static str, &'static BreakingRule> {
    static MAP: OnceLock<HashMap<&'static str, &'static BreakingRule>> = OnceLock::new();
    MAP.get_or_init(|| super::RULES.iter().map(|r| (r.id, *r)).collect())
}

/// True when a rule of this severity may report a change of this impact.
fn fits(severity: Severity, impact: Impact) -> bool {
    match impact {
        Impact::Breaking => severity >= Severity::Warning,
        Impact::Warning => true,
        Impact::Compatible => severity == Severity::Info,
    }
}

/// The first rule among `ids` that exists and fits the impact.
fn first_fit(
    ids: impl IntoIterator<Item = String>,
    impact: Impact,
) -> Option<&'static BreakingRule> {
    let rules = rules();
    ids.into_iter()
        .filter_map(|id| rules.get(id.as_str()).copied())
        .find(|r| fits(r.severity, impact))
}

/// The rule a schema change is reported under, if any: `None` for changes no rule covers
/// (compatible changes with no rule of their own, such as a response bound tightened).
pub fn rule_for(
    usage: Use,
    change: &SchemaChange,
    policy: &Policy,
) -> Option<&'static BreakingRule> {
    let kind = change.kind;
    let ctx = if kind.is_property() {
        usage.nested
    } else if change.pointer.is_empty() {
        usage.root
    } else {
        usage.nested
    };
    if kind.is_property() {
        return property_rule(ctx, kind, change.impact);
    }
    if kind == ChangeKind::DescriptionChanged {
        return rules().get("api-description-changed").copied();
    }
    let (slugs, impact) = match lifecycle_slugs(kind, change, policy) {
        Some(l) => l,
        None => {
            let mut slugs = vec![kind.slug()];
            slugs.extend(kind.fallback_slugs());
            (slugs, change.impact)
        }
    };
    let mut ids = Vec::new();
    for c in ctx.chain() {
        for s in &slugs {
            // oasdiff names an enum value removed from a response body schema after the media type.
            if *c == Ctx::ResponseBody && s == "enum-value-removed" {
                ids.push("response-mediatype-enum-value-removed".to_string());
            }
            ids.push(format!("{}-{s}", c.prefix()));
        }
    }
    first_fit(ids, impact)
}

/// Property existence changes have ids of their own shape (`new-required-request-property`).
fn property_rule(ctx: Ctx, kind: ChangeKind, impact: Impact) -> Option<&'static BreakingRule> {
    let header = ctx == Ctx::HeaderProperty;
    let id: &[&str] = match (ctx.is_request(), kind) {
        (true, ChangeKind::PropertyAdded { required: true, .. }) if header => {
            &["new-required-request-header-property"]
        }
        (
            true,
            ChangeKind::PropertyAdded {
                required: true,
                with_default: true,
            },
        ) => &[
            "new-required-request-property-with-default",
            "new-required-request-property",
        ],
        (true, ChangeKind::PropertyAdded { required: true, .. }) => {
            &["new-required-request-property"]
        }
        (
            true,
            ChangeKind::PropertyAdded {
                required: false, ..
            },
        ) => &["new-optional-request-property"],
        (true, ChangeKind::PropertyRemoved { .. }) => &["request-property-removed"],
        (true, ChangeKind::PropertyBecameRequired { .. }) if header => {
            &["request-header-property-became-required"]
        }
        (true, ChangeKind::PropertyBecameRequired { with_default: true }) => &[
            "request-property-became-required-with-default",
            "request-property-became-required",
        ],
        (true, ChangeKind::PropertyBecameRequired { .. }) => &["request-property-became-required"],
        (true, ChangeKind::PropertyBecameOptional) => &["request-property-became-optional"],
        (false, ChangeKind::PropertyAdded { required: true, .. }) => {
            &["response-required-property-added"]
        }
        (
            false,
            ChangeKind::PropertyAdded {
                required: false, ..
            },
        ) => &["response-optional-property-added"],
        (false, ChangeKind::PropertyRemoved { required: true }) => {
            &["response-required-property-removed"]
        }
        (false, ChangeKind::PropertyRemoved { required: false }) => {
            &["response-optional-property-removed"]
        }
        (false, ChangeKind::PropertyBecameRequired { .. }) => {
            &["response-property-became-required"]
        }
        (false, ChangeKind::PropertyBecameOptional) => &["response-property-became-optional"],
        _ => &[],
    };
    first_fit(id.iter().map(|s| s.to_string()), impact)
}

/// Deprecation and stability of a schema, judged by the policy: the slugs to look up and the
/// impact they carry.
fn lifecycle_slugs(
    kind: ChangeKind,
    change: &SchemaChange,
    policy: &Policy,
) -> Option<(Vec<Cow<'static, str>>, Impact)> {
    let owned = |s: &'static str| vec![Cow::Borrowed(s)];
    Some(match kind {
        ChangeKind::Deprecated => {
            let sunset = DateExt::from_text(change.new_value.as_deref());
            match sunset {
                _ if policy.days == 0 => (
                    owned(if sunset.day().is_some() {
                        "deprecated-with-sunset"
                    } else {
                        "deprecated"
                    }),
                    Impact::Compatible,
                ),
                DateExt::Absent => (owned("deprecated-sunset-missing"), Impact::Warning),
                DateExt::Unreadable(_) => (owned("deprecated-sunset-invalid"), Impact::Warning),
                DateExt::Date(d, _) if d < policy.earliest_sunset() => {
                    (owned("sunset-date-too-small"), Impact::Breaking)
                }
                DateExt::Date(..) => (owned("deprecated-with-sunset"), Impact::Compatible),
            }
        }
        ChangeKind::Reactivated => (owned("reactivated"), Impact::Compatible),
        ChangeKind::StabilityChanged => {
            let level = |v: &Option<String>| {
                v.as_deref()
                    .and_then(Stability::parse)
                    .unwrap_or(Stability::Stable)
            };
            let (a, b) = (level(&change.old_value), level(&change.new_value));
            if b < a {
                (owned("stability-decreased"), Impact::Breaking)
            } else if b > a {
                (owned("stability-increased"), Impact::Compatible)
            } else {
                (Vec::new(), Impact::Compatible)
            }
        }
        ChangeKind::SunsetChanged => (Vec::new(), Impact::Compatible),
        _ => return None,
    })
}

/// A schema pointer as a reader writes a path into the data: `items[].quantity`.
pub fn readable(pointer: &str) -> String {
    let mut out = String::new();
    let mut parts = pointer
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .peekable();
    while let Some(seg) = parts.next() {
        match seg.as_str() {
            "properties" | "patternProperties" | "dependentSchemas" => {
                if let Some(name) = parts.next() {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(&name);
                }
            }
            "items" => out.push_str("[]"),
            "prefixItems" => {
                let i = parts.next().unwrap_or_default();
                out.push_str(&format!("[{i}]"));
            }
            "additionalProperties" => out.push_str(".*"),
            "oneOf" | "anyOf" => {
                let i = parts.next().unwrap_or_default();
                out.push_str(&format!("<{seg} {i}>"));
            }
            other => out.push_str(&format!("<{other}>")),
        }
    }
    out
}

/// The message of a schema finding: what changed, where, why it matters and what to do.
/// `component` names the component schema the change is in, when it is in one.
pub fn message(
    change: &SchemaChange,
    usage_text: &str,
    dir: Direction,
    component: Option<&str>,
) -> String {
    let at = readable(&change.pointer);
    let subject = change.subject.as_deref().unwrap_or_default();
    let from_to = match (&change.old_value, &change.new_value) {
        (Some(a), Some(b)) => format!(" from {a} to {b}"),
        (Some(a), None) => format!(" (was {a})"),
        (None, Some(b)) => format!(" (now {b})"),
        (None, None) => String::new(),
    };
    use ChangeKind::*;
    let what = match change.kind {
        PropertyAdded { required, .. } => format!(
            "{} property `{subject}` was added",
            if required { "required" } else { "optional" }
        ),
        PropertyRemoved { required } => format!(
            "{} property `{subject}` was removed",
            if required { "required" } else { "optional" }
        ),
        PropertyBecameRequired { .. } => format!("property `{subject}` became required"),
        PropertyBecameOptional => format!("property `{subject}` became optional"),
        TypeChanged | TypeGeneralized | TypeSpecialized | TypesWidened | TypesNarrowed => {
            format!("the type changed{from_to}")
        }
        BecameNullable => "it became nullable".to_string(),
        BecameNotNullable => "it is no longer nullable".to_string(),
        BecameEnum => "an `enum` restricts its values now".to_string(),
        EnumDropped => "its `enum` was removed: any value of the type may appear".to_string(),
        EnumValueAdded => format!("enum value {subject} was added"),
        EnumValueRemoved | ExtensibleEnumValueRemoved => {
            format!("enum value {subject} was removed")
        }
        Limit(l, _) => format!("`{}` changed{from_to}", l.keyword()),
        WrappedInOneOf => format!(
            "it became one alternative of a `oneOf` (with {})",
            change.new_value.as_deref().unwrap_or("others")
        ),
        OneOfAdded | AnyOfAdded | AllOfAdded => format!(
            "alternative {subject} was added to `{}`",
            keyword_of(change.kind)
        ),
        OneOfRemoved | AnyOfRemoved | AllOfRemoved => {
            format!("{subject} was removed from `{}`", keyword_of(change.kind))
        }
        DescriptionChanged => "its description changed".to_string(),
        Deprecated => format!(
            "it was deprecated{}",
            change
                .new_value
                .as_deref()
                .map(|s| format!(" (x-sunset {s})"))
                .unwrap_or_default()
        ),
        _ => {
            let slug = change.kind.slug().replace('-', " ");
            if subject.is_empty() {
                format!("{slug}{from_to}")
            } else {
                format!("{slug} ({subject}){from_to}")
            }
        }
    };
    let place = match (at.is_empty(), component) {
        (true, None) => usage_text.to_string(),
        (true, Some(c)) => format!("schema `{c}` in {usage_text}"),
        (false, None) => format!("`{at}` in {usage_text}"),
        (false, Some(c)) => format!("schema `{c}`, used at `{at}` in {usage_text}"),
    };
    let consequence = match (change.impact, dir) {
        (Impact::Breaking, Direction::ConsumerWrites) => {
            ": clients keep sending what the old schema accepted and some of it is rejected now. Keep accepting the old values, or release this as a new major version"
        }
        (Impact::Breaking, Direction::ProviderWrites) => {
            ": clients were written for what the old schema allowed and may now receive values they cannot handle. Keep the response as narrow as it was, or version it"
        }
        (Impact::Warning, _) => {
            ": this can break clients, depending on how they use the value; check with its consumers"
        }
        (Impact::Compatible, _) => "",
    };
    format!("{place}: {what}{consequence}")
}

fn keyword_of(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::OneOfAdded | ChangeKind::OneOfRemoved => "oneOf",
        ChangeKind::AnyOfAdded | ChangeKind::AnyOfRemoved => "anyOf",
        _ => "allOf",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::compat::{Bound, Keyword as Kw, Limit as Lim, Presence};

    /// Every kind the engine can report, for the coverage test below.
    fn all_kinds() -> Vec<ChangeKind> {
        use ChangeKind::*;
        let mut v = vec![
            PropertyAdded {
                required: true,
                with_default: false,
            },
            PropertyAdded {
                required: true,
                with_default: true,
            },
            PropertyAdded {
                required: false,
                with_default: false,
            },
            PropertyRemoved { required: true },
            PropertyRemoved { required: false },
            PropertyBecameRequired {
                with_default: false,
            },
            PropertyBecameRequired { with_default: true },
            PropertyBecameOptional,
            AdditionalPropertiesNarrowed,
            AdditionalPropertiesWidened,
            TypeChanged,
            TypeGeneralized,
            TypeSpecialized,
            TypesWidened,
            TypesNarrowed,
            BecameNullable,
            BecameNotNullable,
            BecameEnum,
            EnumDropped,
            EnumValueAdded,
            EnumValueRemoved,
            ExtensibleEnumValueRemoved,
            ConstAdded,
            ConstRemoved,
            ConstChanged,
            DefaultAdded,
            DefaultRemoved,
            DefaultChanged,
            MultipleOfNarrowed,
            MultipleOfWidened,
            MultipleOfChanged,
            UniqueItemsAdded,
            UniqueItemsRemoved,
            PatternAdded,
            PatternRemoved,
            PatternChanged,
            ContentEncodingChanged,
            ContentMediaTypeChanged,
            OneOfAdded,
            OneOfRemoved,
            AnyOfAdded,
            AnyOfRemoved,
            WrappedInOneOf,
        ];
        for l in Lim::ALL {
            for b in Bound::ALL {
                v.push(Limit(l, b));
            }
        }
        for k in Kw::ALL {
            v.push(Keyword(k, Presence::Added));
            v.push(Keyword(k, Presence::Removed));
        }
        v.push(Keyword(Kw::DependentRequired, Presence::Changed));
        v.push(Keyword(Kw::Not, Presence::Changed));
        v
    }

    /// A change the engine calls breaking must never go unreported for lack of a rule, in any
    /// context.
    #[test]
    fn every_breaking_change_has_a_rule_in_every_context() {
        let policy = Policy {
            today: 0,
            days: 180,
        };
        let uses = [
            Use::REQUEST_BODY,
            Use::PARAMETER,
            Use::HEADER_PARAMETER,
            Use::RESPONSE_BODY,
            Use::RESPONSE_HEADER,
        ];
        let mut missing = Vec::new();
        for usage in uses {
            let dir = usage.root.direction();
            for kind in all_kinds() {
                for closed in [false, true] {
                    let impact = kind.impact(dir, closed);
                    if impact == Impact::Compatible {
                        continue;
                    }
                    for pointer in ["", "/properties/a"] {
                        let change = SchemaChange {
                            pointer: pointer.into(),
                            change: crate::schema::compat::Change {
                                kind,
                                impact,
                                old: Default::default(),
                                new: Default::default(),
                                subject: Some("a".into()),
                                old_value: None,
                                new_value: None,
                            },
                        };
                        if rule_for(usage, &change, &policy).is_none() {
                            missing.push(format!("{usage:?} {pointer:?} {kind:?} {impact:?}"));
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    #[test]
    fn pointers_read_like_paths_into_the_data() {
        assert_eq!(
            readable("/properties/items/items/properties/quantity"),
            "items[].quantity"
        );
        assert_eq!(readable(""), "");
        assert_eq!(readable("/oneOf/1/properties/a~1b"), "<oneOf 1>.a/b");
    }
}
