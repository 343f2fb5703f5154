//! Files and packages: a file or package that is gone, a file's package or syntax changed, and
//! the file options that decide where and how code is generated.

use prost_types::FileOptions;
use prost_types::file_options::OptimizeMode;

use super::index::{FilePair, tag};
use super::{Judge, Side};
use crate::breaking_rule;
use crate::compat::rule::BreakingRule;
use crate::source::Span;

breaking_rule! {
    /// ## What it does
    /// Reports a file of the old revision that is missing from the new one (files pair by their
    /// import name, e.g. `google/pubsub/v1/pubsub.proto`).
    ///
    /// ## Why is this bad?
    /// Every `import` of the file stops compiling, and the code generated from it disappears.
    ///
    /// ## Example
    /// `billing/v1/invoice.proto` is deleted (or moved to `billing/v1/invoices.proto`). Keep the
    /// file; to move its contents, leave the old file importing the new one with `import public`.
    pub FILE_NO_DELETE = "FILE_NO_DELETE", formats: [Proto],
    categories: ["CSR", "FILE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a package that no file of the new revision declares any more.
    ///
    /// ## Why is this bad?
    /// Every type and service of the package is gone for its consumers: fully qualified names in
    /// their code, `Any` type URLs and gRPC method paths (`/pkg.Service/Method`) all stop resolving.
    ///
    /// ## Example
    /// All files with `package acme.billing.v1;` are deleted or renamed to `acme.billing.v2`.
    /// Keep the old package alongside the new one until consumers have moved.
    pub PACKAGE_NO_DELETE = "PACKAGE_NO_DELETE", formats: [Proto],
    categories: ["PACKAGE"], default: false, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a file whose `package` changed.
    ///
    /// ## Why is this bad?
    /// The package is part of every full name: gRPC method paths (`/pkg.Service/Method`), `Any`
    /// type URLs and the generated code's namespaces all change, so existing clients call methods
    /// the server no longer serves.
    ///
    /// ## Example
    /// ```proto
    /// package acme.billing.v1;   // old
    /// package acme.payments.v1;  // new
    /// ```
    /// Keep the package; put new definitions into a new file with the new package.
    pub FILE_SAME_PACKAGE = "FILE_SAME_PACKAGE", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a file whose syntax changed (`proto2` ↔ `proto3`).
    ///
    /// ## Why is this bad?
    /// The syntax decides field presence, enum openness, UTF-8 validation of strings, default
    /// values and JSON behaviour; generated code changes shape (has-accessors, pointer fields).
    ///
    /// ## Example
    /// `syntax = "proto2";` becomes `syntax = "proto3";`. Keep the syntax of existing files; write
    /// new definitions in a new file.
    pub FILE_SAME_SYNTAX = "FILE_SAME_SYNTAX", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `cc_enable_arenas` (default `true`).
    ///
    /// ## Why is this bad?
    /// C++ code that allocates these messages on arenas stops compiling or changes ownership
    /// semantics.
    ///
    /// ## Example
    /// `option cc_enable_arenas = false;` added to a file that had no such option. Leave it as it was.
    pub FILE_SAME_CC_ENABLE_ARENAS = "FILE_SAME_CC_ENABLE_ARENAS", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `cc_generic_services`.
    ///
    /// ## Why is this bad?
    /// C++ code written against the generated generic service classes stops compiling when they
    /// disappear (or collides with a plugin's when they appear).
    ///
    /// ## Example
    /// `option cc_generic_services = true;` added. Leave it as it was.
    pub FILE_SAME_CC_GENERIC_SERVICES = "FILE_SAME_CC_GENERIC_SERVICES", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `csharp_namespace`.
    ///
    /// ## Why is this bad?
    /// The generated C# types move to another namespace: every `using` of the old one breaks.
    ///
    /// ## Example
    /// `option csharp_namespace = "Acme.Billing.V1";` becomes `"Acme.Payments.V1"`. Keep the
    /// old value.
    pub FILE_SAME_CSHARP_NAMESPACE = "FILE_SAME_CSHARP_NAMESPACE", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `go_package`.
    ///
    /// ## Why is this bad?
    /// The generated Go package moves (import path) or is renamed: every Go import of it breaks.
    ///
    /// ## Example
    /// `option go_package = "example.com/billing/v1;billingv1";` becomes
    /// `"example.com/billing/v1;billing"`. Keep the old value.
    pub FILE_SAME_GO_PACKAGE = "FILE_SAME_GO_PACKAGE", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `java_generic_services`.
    ///
    /// ## Why is this bad?
    /// Java code using the generated generic service classes stops compiling when they disappear.
    ///
    /// ## Example
    /// `option java_generic_services = true;` removed. Leave it as it was.
    pub FILE_SAME_JAVA_GENERIC_SERVICES = "FILE_SAME_JAVA_GENERIC_SERVICES", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `java_multiple_files`.
    ///
    /// ## Why is this bad?
    /// Generated Java classes move between one outer class and top-level classes: every import
    /// of them changes.
    ///
    /// ## Example
    /// `option java_multiple_files = false;` becomes `true`. Keep the old value.
    pub FILE_SAME_JAVA_MULTIPLE_FILES = "FILE_SAME_JAVA_MULTIPLE_FILES", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `java_outer_classname`.
    ///
    /// ## Why is this bad?
    /// The Java outer class is renamed: every reference to it (and, without
    /// `java_multiple_files`, to the classes nested in it) breaks.
    ///
    /// ## Example
    /// `option java_outer_classname = "InvoiceProto";` becomes `"InvoiceOuter"`. Keep the old value.
    pub FILE_SAME_JAVA_OUTER_CLASSNAME = "FILE_SAME_JAVA_OUTER_CLASSNAME", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `java_package`.
    ///
    /// ## Why is this bad?
    /// The generated Java classes move to another package: every Java import of them breaks.
    ///
    /// ## Example
    /// `option java_package = "com.acme.billing.v1";` becomes `"com.acme.payments.v1"`. Keep the
    /// old value.
    pub FILE_SAME_JAVA_PACKAGE = "FILE_SAME_JAVA_PACKAGE", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `objc_class_prefix`.
    ///
    /// ## Why is this bad?
    /// Every generated Objective-C class is renamed.
    ///
    /// ## Example
    /// `option objc_class_prefix = "ABX";` becomes `"ABV"`. Keep the old value.
    pub FILE_SAME_OBJC_CLASS_PREFIX = "FILE_SAME_OBJC_CLASS_PREFIX", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `optimize_for` (default `SPEED`).
    ///
    /// ## Why is this bad?
    /// `LITE_RUNTIME` code links against another runtime library and lacks reflection and
    /// descriptors; code using them stops compiling.
    ///
    /// ## Example
    /// `option optimize_for = SPEED;` becomes `LITE_RUNTIME`. Keep the old value.
    pub FILE_SAME_OPTIMIZE_FOR = "FILE_SAME_OPTIMIZE_FOR", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `php_class_prefix`.
    ///
    /// ## Why is this bad?
    /// Every generated PHP class is renamed.
    ///
    /// ## Example
    /// `option php_class_prefix = "ABX";` added. Leave it as it was.
    pub FILE_SAME_PHP_CLASS_PREFIX = "FILE_SAME_PHP_CLASS_PREFIX", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `php_metadata_namespace`.
    ///
    /// ## Why is this bad?
    /// The generated PHP metadata classes move to another namespace; code and autoloaders
    /// referring to them break.
    ///
    /// ## Example
    /// `option php_metadata_namespace = "Acme\\Billing\\V1\\Meta";` removed. Keep the old value.
    pub FILE_SAME_PHP_METADATA_NAMESPACE = "FILE_SAME_PHP_METADATA_NAMESPACE", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `php_namespace`.
    ///
    /// ## Why is this bad?
    /// The generated PHP classes move to another namespace: every `use` of them breaks.
    ///
    /// ## Example
    /// `option php_namespace = "Acme\\Billing\\V1";` becomes `"Acme\\Payments\\V1"`. Keep the old value.
    pub FILE_SAME_PHP_NAMESPACE = "FILE_SAME_PHP_NAMESPACE", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `py_generic_services`.
    ///
    /// ## Why is this bad?
    /// Python code using the generated generic service classes breaks when they disappear.
    ///
    /// ## Example
    /// `option py_generic_services = true;` becomes `false`. Keep the old value.
    pub FILE_SAME_PY_GENERIC_SERVICES = "FILE_SAME_PY_GENERIC_SERVICES", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `ruby_package`.
    ///
    /// ## Why is this bad?
    /// The generated Ruby modules are renamed: every reference to them breaks.
    ///
    /// ## Example
    /// `option ruby_package = "Acme::Billing::V1";` becomes `"Acme::Payments::V1"`. Keep the old value.
    pub FILE_SAME_RUBY_PACKAGE = "FILE_SAME_RUBY_PACKAGE", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change of the file option `swift_prefix`.
    ///
    /// ## Why is this bad?
    /// Every generated Swift type is renamed.
    ///
    /// ## Example
    /// `option swift_prefix = "ABX";` added. Leave it as it was.
    pub FILE_SAME_SWIFT_PREFIX = "FILE_SAME_SWIFT_PREFIX", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

/// A file option a rule keeps stable: its field number in `FileOptions` (for its location), its
/// effective value, and who is hurt by a change.
struct FileOption {
    rule: &'static BreakingRule,
    name: &'static str,
    number: i32,
    value: fn(&FileOptions) -> Option<String>,
    default: &'static str,
    language: &'static str,
}

fn text(v: &Option<String>) -> Option<String> {
    v.clone()
}

fn flag(v: Option<bool>) -> Option<String> {
    v.map(|b| b.to_string())
}

const FILE_OPTIONS: &[FileOption] = &[
    FileOption {
        rule: &FILE_SAME_CC_ENABLE_ARENAS,
        name: "cc_enable_arenas",
        number: 31,
        value: |o| flag(o.cc_enable_arenas),
        default: "true",
        language: "C++",
    },
    FileOption {
        rule: &FILE_SAME_CC_GENERIC_SERVICES,
        name: "cc_generic_services",
        number: 16,
        value: |o| flag(o.cc_generic_services),
        default: "false",
        language: "C++",
    },
    FileOption {
        rule: &FILE_SAME_CSHARP_NAMESPACE,
        name: "csharp_namespace",
        number: 37,
        value: |o| text(&o.csharp_namespace),
        default: "",
        language: "C#",
    },
    FileOption {
        rule: &FILE_SAME_GO_PACKAGE,
        name: "go_package",
        number: 11,
        value: |o| text(&o.go_package),
        default: "",
        language: "Go",
    },
    FileOption {
        rule: &FILE_SAME_JAVA_GENERIC_SERVICES,
        name: "java_generic_services",
        number: 17,
        value: |o| flag(o.java_generic_services),
        default: "false",
        language: "Java",
    },
    FileOption {
        rule: &FILE_SAME_JAVA_MULTIPLE_FILES,
        name: "java_multiple_files",
        number: 10,
        value: |o| flag(o.java_multiple_files),
        default: "false",
        language: "Java",
    },
    FileOption {
        rule: &FILE_SAME_JAVA_OUTER_CLASSNAME,
        name: "java_outer_classname",
        number: 8,
        value: |o| text(&o.java_outer_classname),
        default: "",
        language: "Java",
    },
    FileOption {
        rule: &FILE_SAME_JAVA_PACKAGE,
        name: "java_package",
        number: 1,
        value: |o| text(&o.java_package),
        default: "",
        language: "Java",
    },
    FileOption {
        rule: &FILE_SAME_OBJC_CLASS_PREFIX,
        name: "objc_class_prefix",
        number: 36,
        value: |o| text(&o.objc_class_prefix),
        default: "",
        language: "Objective-C",
    },
    FileOption {
        rule: &FILE_SAME_OPTIMIZE_FOR,
        name: "optimize_for",
        number: 9,
        value: |o| {
            o.optimize_for.map(|v| {
                OptimizeMode::try_from(v)
                    .map(|m| m.as_str_name().to_string())
                    .unwrap_or_else(|_| v.to_string())
            })
        },
        default: "SPEED",
        language: "C++ and Java",
    },
    FileOption {
        rule: &FILE_SAME_PHP_CLASS_PREFIX,
        name: "php_class_prefix",
        number: 40,
        value: |o| text(&o.php_class_prefix),
        default: "",
        language: "PHP",
    },
    FileOption {
        rule: &FILE_SAME_PHP_METADATA_NAMESPACE,
        name: "php_metadata_namespace",
        number: 44,
        value: |o| text(&o.php_metadata_namespace),
        default: "",
        language: "PHP",
    },
    FileOption {
        rule: &FILE_SAME_PHP_NAMESPACE,
        name: "php_namespace",
        number: 41,
        value: |o| text(&o.php_namespace),
        default: "",
        language: "PHP",
    },
    FileOption {
        rule: &FILE_SAME_PY_GENERIC_SERVICES,
        name: "py_generic_services",
        number: 18,
        value: |o| flag(o.py_generic_services),
        default: "false",
        language: "Python",
    },
    FileOption {
        rule: &FILE_SAME_RUBY_PACKAGE,
        name: "ruby_package",
        number: 45,
        value: |o| text(&o.ruby_package),
        default: "",
        language: "Ruby",
    },
    FileOption {
        rule: &FILE_SAME_SWIFT_PREFIX,
        name: "swift_prefix",
        number: 39,
        value: |o| text(&o.swift_prefix),
        default: "",
        language: "Swift",
    },
];

pub(super) fn judge(j: &mut Judge, pairs: &[FilePair]) {
    for p in pairs {
        match (p.old, p.new) {
            (Some(o), None) => file_deleted(j, o),
            (Some(o), Some(n)) if !p.same => {
                same_package(j, o, n);
                same_syntax(j, o, n);
                same_options(j, o, n);
            }
            _ => {}
        }
    }
    packages_deleted(j);
}

/// The start of a file, where buf reports what has no location of its own.
fn file_start(side: &Side, fi: usize) -> Span {
    Span::file_start(side.files[fi].id)
}

fn file_deleted(j: &mut Judge, o: usize) {
    let f = &j.old.files[o];
    let msg = format!(
        "File `{}` was deleted. Every file importing it stops compiling and its generated code disappears; keep the file (it may `import public` a file its contents moved to).",
        f.name
    );
    j.report(&FILE_NO_DELETE, Some(file_start(j.old, o)), None, msg);
}

fn packages_deleted(j: &mut Judge) {
    let old = j.old;
    for (package, files) in &old.packages {
        if j.new.packages.contains_key(package) {
            continue;
        }
        let fi = files[0];
        let at = old
            .span(fi, &[tag::FILE_PACKAGE])
            .unwrap_or_else(|| file_start(old, fi));
        let msg = format!(
            "Package `{package}` was deleted: no file declares it any more. Its types and services are gone for every consumer (full names, `Any` type URLs, gRPC paths); keep it until consumers have moved to its replacement."
        );
        j.report(&PACKAGE_NO_DELETE, Some(at), None, msg);
    }
}

fn same_package(j: &mut Judge, o: usize, n: usize) {
    let (of, nf) = (&j.old.files[o], &j.new.files[n]);
    if of.package == nf.package {
        return;
    }
    let msg = format!(
        "The package of `{}` changed from `{}` to `{}`. Full names, gRPC method paths and generated namespaces change with it, so existing clients call methods that no longer exist; keep the package and put new definitions in a new file.",
        nf.name, of.package, nf.package
    );
    let old_at = j
        .old
        .span(o, &[tag::FILE_PACKAGE])
        .unwrap_or_else(|| file_start(j.old, o));
    let new_at = j
        .new
        .span(n, &[tag::FILE_PACKAGE])
        .unwrap_or_else(|| file_start(j.new, n));
    j.report(&FILE_SAME_PACKAGE, Some(old_at), Some(new_at), msg);
}

fn same_syntax(j: &mut Judge, o: usize, n: usize) {
    let (of, nf) = (&j.old.files[o], &j.new.files[n]);
    if of.syntax == nf.syntax {
        return;
    }
    let msg = format!(
        "The syntax of `{}` changed from `{}` to `{}`. Field presence, enum openness, string validation and generated code all follow the syntax; keep it, and write new definitions in a new file.",
        nf.name,
        of.syntax.as_str(),
        nf.syntax.as_str()
    );
    let old_at = j
        .old
        .span(o, &[tag::FILE_SYNTAX])
        .unwrap_or_else(|| file_start(j.old, o));
    let new_at = j
        .new
        .span(n, &[tag::FILE_SYNTAX])
        .unwrap_or_else(|| file_start(j.new, n));
    j.report(&FILE_SAME_SYNTAX, Some(old_at), Some(new_at), msg);
}

fn same_options(j: &mut Judge, o: usize, n: usize) {
    let (of, nf) = (&j.old.files[o], &j.new.files[n]);
    let none = FileOptions::default();
    let (oo, no) = (
        of.d.options.as_ref().unwrap_or(&none),
        nf.d.options.as_ref().unwrap_or(&none),
    );
    for opt in FILE_OPTIONS {
        if !j.on(opt.rule) {
            continue;
        }
        let before = (opt.value)(oo).unwrap_or_else(|| opt.default.to_string());
        let after = (opt.value)(no).unwrap_or_else(|| opt.default.to_string());
        if before == after {
            continue;
        }
        let msg = format!(
            "File option `{}` of `{}` changed from \"{before}\" to \"{after}\". Code generated for {} changes its names or shape, so code using it stops compiling; keep the old value.",
            opt.name, nf.name, opt.language
        );
        let path = [tag::FILE_OPTIONS, opt.number];
        let old_at = j.old.span(o, &path).unwrap_or_else(|| file_start(j.old, o));
        let new_at = j.new.span(n, &path).unwrap_or_else(|| file_start(j.new, n));
        j.report(opt.rule, Some(old_at), Some(new_at), msg);
    }
}
