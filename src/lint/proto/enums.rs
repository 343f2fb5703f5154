//! Enum rules: the zero value, aliases, and value prefixes.

use super::case::to_upper_snake_case;
use super::{Element, Reporter, own_files, walk};
use crate::lint::{LintCx, Sink};
use crate::model::Contract;

crate::lint_rule! {
    /// ## What it does
    /// Checks that the first value of every enum has the number 0 (proto3 requires it; proto2
    /// does not).
    ///
    /// ## Why is this bad?
    /// An unset enum field reads as its first value in proto2 and as 0 in proto3; when the first
    /// value is not 0 the two disagree, and a message cannot say "not set" in a way both read alike.
    ///
    /// ## Example
    /// ```proto
    /// syntax = "proto2";
    /// enum Color {
    ///   COLOR_RED = 1; // the first value should be COLOR_UNSPECIFIED = 0
    /// }
    /// ```
    pub ENUM_FIRST_VALUE_ZERO = "ENUM_FIRST_VALUE_ZERO", formats: [Proto],
    categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(enum_first_value_zero)
}

fn enum_first_value_zero(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let mut r = Reporter::new(cx, contract, sink, &ENUM_FIRST_VALUE_ZERO);
    for f in own_files(cx, contract) {
        walk(f.fd, &mut |el, path| {
            if let Element::EnumValue(v, 0, _) = el
                && v.number() != 0
            {
                // Reported at the number, where buf points.
                let number = [path, &[2]].concat();
                r.report(
                    f.span(&number),
                    format!(
                        "First enum value {:?} should have a numeric value of 0",
                        v.name()
                    ),
                );
            }
        });
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that no enum sets `option allow_alias = true`.
    ///
    /// ## Why is this bad?
    /// With aliases, two names share a number: the JSON and text forms can show either name, and
    /// renaming or removing one of them is a breaking change that no wire check can see.
    ///
    /// ## Example
    /// ```proto
    /// enum Color {
    ///   option allow_alias = true;
    ///   COLOR_UNSPECIFIED = 0;
    ///   COLOR_RED = 1;
    ///   COLOR_CRIMSON = 1;
    /// }
    /// ```
    pub ENUM_NO_ALLOW_ALIAS = "ENUM_NO_ALLOW_ALIAS", formats: [Proto],
    categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(enum_no_allow_alias)
}

fn enum_no_allow_alias(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let mut r = Reporter::new(cx, contract, sink, &ENUM_NO_ALLOW_ALIAS);
    for f in own_files(cx, contract) {
        walk(f.fd, &mut |el, path| {
            if let Element::Enum(e) = el
                && e.options.as_ref().and_then(|o| o.allow_alias) == Some(true)
            {
                // `EnumDescriptorProto.options` (3) → `EnumOptions.allow_alias` (2).
                let option = [path, &[3, 2]].concat();
                r.report(
                    f.span(&option),
                    format!(
                        "Enum option \"allow_alias\" on enum {:?} must be false.",
                        e.name()
                    ),
                );
            }
        });
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that every enum value starts with the enum's name in UPPER_SNAKE_CASE and an
    /// underscore (`COLOR_` for `enum Color`).
    ///
    /// ## Why is this bad?
    /// protobuf enum values are scoped like C enums: siblings of the enum, not children. Two
    /// enums of a package with a value `UNKNOWN` collide; the prefix keeps every value unique.
    ///
    /// ## Example
    /// ```proto
    /// enum Color {
    ///   COLOR_UNSPECIFIED = 0;
    ///   RED = 1; // should be COLOR_RED
    /// }
    /// ```
    pub ENUM_VALUE_PREFIX = "ENUM_VALUE_PREFIX", formats: [Proto],
    categories: ["DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(enum_value_prefix)
}

fn enum_value_prefix(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let mut r = Reporter::new(cx, contract, sink, &ENUM_VALUE_PREFIX);
    for f in own_files(cx, contract) {
        walk(f.fd, &mut |el, path| {
            if let Element::EnumValue(v, _, e) = el {
                let prefix = format!("{}_", to_upper_snake_case(e.name()));
                if !v.name().starts_with(&prefix) {
                    r.report(
                        f.span(&[path, &[1]].concat()),
                        format!(
                            "Enum value name {:?} should be prefixed with {prefix:?}.",
                            v.name()
                        ),
                    );
                }
            }
        });
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that every enum value numbered 0 ends with a suffix, `_UNSPECIFIED` unless the
    /// configuration's `enum_zero_value_suffix` says otherwise.
    ///
    /// ## Why is this bad?
    /// The zero value is what an unset field reads as. Naming it `…_UNSPECIFIED` keeps it from
    /// meaning something real, so "not set" is never mistaken for a deliberate choice.
    ///
    /// ## Example
    /// ```proto
    /// enum Color {
    ///   COLOR_RED = 0; // should be COLOR_UNSPECIFIED = 0, with COLOR_RED another number
    /// }
    /// ```
    pub ENUM_ZERO_VALUE_SUFFIX = "ENUM_ZERO_VALUE_SUFFIX", formats: [Proto],
    categories: ["DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(enum_zero_value_suffix)
}

fn enum_zero_value_suffix(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let mut r = Reporter::new(cx, contract, sink, &ENUM_ZERO_VALUE_SUFFIX);
    let suffix = r
        .config
        .enum_zero_value_suffix
        .clone()
        .unwrap_or_else(|| "_UNSPECIFIED".to_string());
    for f in own_files(cx, contract) {
        walk(f.fd, &mut |el, path| {
            if let Element::EnumValue(v, ..) = el
                && v.number() == 0
                && !v.name().ends_with(&suffix)
            {
                r.report(
                    f.span(&[path, &[1]].concat()),
                    format!(
                        "Enum zero value name {:?} should be suffixed with {suffix:?}.",
                        v.name()
                    ),
                );
            }
        });
    }
}
