//! Naming rules: the case of every name (buf's conversions, see [`super::case`]) and the
//! service suffix. Findings point at the name itself.

use super::case::{to_lower_snake_case, to_pascal_case, to_upper_snake_case};
use super::{Element, Reporter, is_map_entry, is_synthetic_oneof, own_files, walk};
use crate::lint::{LintCx, LintRule, Sink};
use crate::model::Contract;

/// Which names a case rule looks at, and how it words its finding.
struct CaseRule {
    rule: &'static LintRule,
    /// The name of the element at `path`, when this rule checks that element.
    pick: fn(&Element) -> Option<String>,
    convert: fn(&str) -> String,
    /// `Message name`, `Field name`, …
    what: &'static str,
    case: &'static str,
}

fn check_case(cx: &LintCx, contract: &Contract, sink: &mut Sink, c: &CaseRule) {
    let mut r = Reporter::new(cx, contract, sink, c.rule);
    for f in own_files(cx, contract) {
        walk(f.fd, &mut |el, path| {
            let Some(name) = (c.pick)(&el) else { return };
            let expected = (c.convert)(&name);
            if expected != name {
                let mut name_path = path.to_vec();
                name_path.push(1);
                r.report(
                    f.span(&name_path),
                    format!(
                        "{} {name:?} should be {}, such as {expected:?}.",
                        c.what, c.case
                    ),
                );
            }
        });
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that enum names are PascalCase.
    ///
    /// ## Why is this bad?
    /// Enums become types in every generated language, whose conventions expect PascalCase type
    /// names; other spellings read as variables and clash with each language's style checks.
    ///
    /// ## Example
    /// ```proto
    /// enum order_status { ORDER_STATUS_UNSPECIFIED = 0; } // should be OrderStatus
    /// ```
    pub ENUM_PASCAL_CASE = "ENUM_PASCAL_CASE", formats: [Proto],
    categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(enum_pascal_case)
}

fn enum_pascal_case(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let rule = CaseRule {
        rule: &ENUM_PASCAL_CASE,
        pick: |el| match el {
            Element::Enum(e) => Some(e.name().to_string()),
            _ => None,
        },
        convert: to_pascal_case,
        what: "Enum name",
        case: "PascalCase",
    };
    check_case(cx, contract, sink, &rule);
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that enum value names are UPPER_SNAKE_CASE.
    ///
    /// ## Why is this bad?
    /// Enum values are constants in generated code; UPPER_SNAKE_CASE is protobuf's style for them
    /// and what the JSON form of the enum shows to clients.
    ///
    /// ## Example
    /// ```proto
    /// enum Color {
    ///   COLOR_UNSPECIFIED = 0;
    ///   colorRed = 1; // should be COLOR_RED
    /// }
    /// ```
    pub ENUM_VALUE_UPPER_SNAKE_CASE = "ENUM_VALUE_UPPER_SNAKE_CASE", formats: [Proto],
    categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(enum_value_upper_snake_case)
}

fn enum_value_upper_snake_case(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let rule = CaseRule {
        rule: &ENUM_VALUE_UPPER_SNAKE_CASE,
        pick: |el| match el {
            Element::EnumValue(v, ..) => Some(v.name().to_string()),
            _ => None,
        },
        convert: to_upper_snake_case,
        what: "Enum value name",
        case: "UPPER_SNAKE_CASE",
    };
    check_case(cx, contract, sink, &rule);
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that field names (extensions included) are lower_snake_case.
    ///
    /// ## Why is this bad?
    /// protobuf derives each field's JSON name and every language's accessor names from the field
    /// name assuming lower_snake_case; other spellings give surprising JSON names and accessors.
    ///
    /// ## Example
    /// ```proto
    /// message Order {
    ///   string orderId = 1; // should be order_id
    /// }
    /// ```
    pub FIELD_LOWER_SNAKE_CASE = "FIELD_LOWER_SNAKE_CASE", formats: [Proto],
    categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(field_lower_snake_case)
}

fn field_lower_snake_case(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let rule = CaseRule {
        rule: &FIELD_LOWER_SNAKE_CASE,
        pick: |el| match el {
            // The key and value of a map entry are named by protoc, not by the author.
            Element::Field(f, m) if !is_map_entry(m) => Some(f.name().to_string()),
            Element::Extension(f) => Some(f.name().to_string()),
            _ => None,
        },
        convert: to_lower_snake_case,
        what: "Field name",
        case: "lower_snake_case",
    };
    check_case(cx, contract, sink, &rule);
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that message names are PascalCase.
    ///
    /// ## Why is this bad?
    /// Messages become classes and structs in every generated language, whose conventions expect
    /// PascalCase type names.
    ///
    /// ## Example
    /// ```proto
    /// message order_created {} // should be OrderCreated
    /// ```
    pub MESSAGE_PASCAL_CASE = "MESSAGE_PASCAL_CASE", formats: [Proto],
    categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(message_pascal_case)
}

fn message_pascal_case(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let rule = CaseRule {
        rule: &MESSAGE_PASCAL_CASE,
        pick: |el| match el {
            Element::Message(m) if !is_map_entry(m) => Some(m.name().to_string()),
            _ => None,
        },
        convert: to_pascal_case,
        what: "Message name",
        case: "PascalCase",
    };
    check_case(cx, contract, sink, &rule);
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that oneof names are lower_snake_case.
    ///
    /// ## Why is this bad?
    /// A oneof's name becomes accessor and case-enum names in generated code, derived on the
    /// assumption that it is lower_snake_case like a field name.
    ///
    /// ## Example
    /// ```proto
    /// message Payment {
    ///   oneof Method { string card = 1; string iban = 2; } // should be method
    /// }
    /// ```
    pub ONEOF_LOWER_SNAKE_CASE = "ONEOF_LOWER_SNAKE_CASE", formats: [Proto],
    categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(oneof_lower_snake_case)
}

fn oneof_lower_snake_case(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let rule = CaseRule {
        rule: &ONEOF_LOWER_SNAKE_CASE,
        pick: |el| match el {
            // The oneof around a proto3 `optional` field is named by protoc (`_field`).
            Element::Oneof(o, i, m) if !is_synthetic_oneof(m, *i) => Some(o.name().to_string()),
            _ => None,
        },
        convert: to_lower_snake_case,
        what: "Oneof name",
        case: "lower_snake_case",
    };
    check_case(cx, contract, sink, &rule);
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that RPC names are PascalCase.
    ///
    /// ## Why is this bad?
    /// RPC names become method names in every client and server, and the path of the call on the
    /// wire (`/pkg.Service/Method`); PascalCase is the convention all gRPC tooling expects.
    ///
    /// ## Example
    /// ```proto
    /// service OrderService {
    ///   rpc get_order(GetOrderRequest) returns (GetOrderResponse); // should be GetOrder
    /// }
    /// ```
    pub RPC_PASCAL_CASE = "RPC_PASCAL_CASE", formats: [Proto],
    categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(rpc_pascal_case)
}

fn rpc_pascal_case(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let rule = CaseRule {
        rule: &RPC_PASCAL_CASE,
        pick: |el| match el {
            Element::Method(m) => Some(m.name().to_string()),
            _ => None,
        },
        convert: to_pascal_case,
        what: "RPC name",
        case: "PascalCase",
    };
    check_case(cx, contract, sink, &rule);
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that service names are PascalCase.
    ///
    /// ## Why is this bad?
    /// Services become client and server types in generated code and part of every call's path;
    /// PascalCase is the convention all gRPC tooling expects.
    ///
    /// ## Example
    /// ```proto
    /// service order_service {} // should be OrderService
    /// ```
    pub SERVICE_PASCAL_CASE = "SERVICE_PASCAL_CASE", formats: [Proto],
    categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(service_pascal_case)
}

fn service_pascal_case(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let rule = CaseRule {
        rule: &SERVICE_PASCAL_CASE,
        pick: |el| match el {
            Element::Service(s) => Some(s.name().to_string()),
            _ => None,
        },
        convert: to_pascal_case,
        what: "Service name",
        case: "PascalCase",
    };
    check_case(cx, contract, sink, &rule);
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that service names end with a suffix, `Service` unless the configuration's
    /// `service_suffix` says otherwise.
    ///
    /// ## Why is this bad?
    /// A consistent suffix tells services apart from messages at a glance, and keeps generated
    /// client and server type names from colliding with message types.
    ///
    /// ## Example
    /// ```proto
    /// service Orders {} // should be OrdersService
    /// ```
    pub SERVICE_SUFFIX = "SERVICE_SUFFIX", formats: [Proto],
    categories: ["DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(service_suffix)
}

fn service_suffix(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let mut r = Reporter::new(cx, contract, sink, &SERVICE_SUFFIX);
    let suffix = r
        .config
        .service_suffix
        .clone()
        .unwrap_or_else(|| "Service".to_string());
    for f in own_files(cx, contract) {
        for (i, s) in f.fd.service.iter().enumerate() {
            if !s.name().ends_with(&suffix) {
                r.report(
                    f.span(&[6, i as i32, 1]),
                    format!(
                        "Service name {:?} should be suffixed with {suffix:?}.",
                        s.name()
                    ),
                );
            }
        }
    }
}
