//! Rules on how files are laid out: syntax, packages, directories, file names, and the
//! language options that every file of a package must agree on.

use std::collections::BTreeMap;

use prost_types::FileOptions;

use super::case::{package_version, to_lower_snake_case};
use super::{FileRef, Reporter, joined, own_files};
use crate::lint::{LintCx, LintRule, Sink};
use crate::model::Contract;

crate::lint_rule! {
    /// ## What it does
    /// Checks that all files in a directory declare the same package.
    ///
    /// ## Why is this bad?
    /// Code generators map a directory to one package (Go in particular); a directory that mixes
    /// packages generates code that does not compile, and readers cannot tell from a file's place
    /// what package it is in.
    ///
    /// ## Example
    /// ```proto
    /// // foo/v1/a.proto
    /// package foo.v1;
    /// // foo/v1/b.proto: the same directory, another package
    /// package bar.v1;
    /// ```
    pub DIRECTORY_SAME_PACKAGE = "DIRECTORY_SAME_PACKAGE", formats: [Proto],
    categories: ["MINIMAL", "BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(directory_same_package)
}

fn directory_same_package(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let files = own_files(cx, contract);
    let mut by_dir: BTreeMap<&str, Vec<&FileRef>> = BTreeMap::new();
    for f in &files {
        by_dir.entry(f.dir()).or_default().push(f);
    }
    let mut r = Reporter::new(cx, contract, sink, &DIRECTORY_SAME_PACKAGE);
    for (dir, files) in by_dir {
        let mut packages: std::collections::BTreeSet<&str> =
            files.iter().map(|f| f.fd.package()).collect();
        if packages.len() < 2 {
            continue;
        }
        let prefix = if packages.remove("") {
            let list = joined(packages.iter().copied());
            if packages.len() > 1 {
                format!("Multiple packages {list:?} and file with no package")
            } else {
                format!("Package {list:?} and file with no package")
            }
        } else {
            format!("Multiple packages {:?}", joined(packages.iter().copied()))
        };
        for f in files {
            r.report(
                f.package_span(),
                format!("{prefix} detected within directory {dir:?}."),
            );
        }
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that every file declares a package.
    ///
    /// ## Why is this bad?
    /// Without a package every type lands in one global namespace, where names collide across
    /// files and APIs, and generated code has no namespace of its own.
    ///
    /// ## Example
    /// ```proto
    /// syntax = "proto3";
    /// // no `package foo.v1;`
    /// message Foo {}
    /// ```
    pub PACKAGE_DEFINED = "PACKAGE_DEFINED", formats: [Proto],
    categories: ["MINIMAL", "BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(package_defined)
}

fn package_defined(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let mut r = Reporter::new(cx, contract, sink, &PACKAGE_DEFINED);
    for f in own_files(cx, contract) {
        if f.fd.package().is_empty() {
            r.report(f.start(), "Files must have a package defined.".to_string());
        }
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that a file of package `foo.bar.v1` lies in directory `foo/bar/v1` relative to the
    /// root.
    ///
    /// ## Why is this bad?
    /// Imports name files by path while code names types by package; when the two agree, readers
    /// and tools find a type's file from its name, and generated code lands where its package says.
    ///
    /// ## Example
    /// ```proto
    /// // bar/foo.proto
    /// package foo.v1; // expected in foo/v1/
    /// ```
    pub PACKAGE_DIRECTORY_MATCH = "PACKAGE_DIRECTORY_MATCH", formats: [Proto],
    categories: ["MINIMAL", "BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(package_directory_match)
}

fn package_directory_match(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let mut r = Reporter::new(cx, contract, sink, &PACKAGE_DIRECTORY_MATCH);
    for f in own_files(cx, contract) {
        let pkg = f.fd.package();
        if pkg.is_empty() {
            continue;
        }
        let expected = pkg.replace('.', "/");
        let dir = f.dir();
        if dir != expected {
            r.report(
                f.package_span(),
                format!("Files with package {pkg:?} must be within a directory {expected:?} relative to root but were in directory {dir:?}."),
            );
        }
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that all files of a package are in one directory.
    ///
    /// ## Why is this bad?
    /// A package spread over directories generates into several places (one Go package per
    /// directory), and nobody can find all of a package's files at once.
    ///
    /// ## Example
    /// ```proto
    /// // foo/v1/a.proto
    /// package foo.v1;
    /// // other/b.proto: the same package elsewhere
    /// package foo.v1;
    /// ```
    pub PACKAGE_SAME_DIRECTORY = "PACKAGE_SAME_DIRECTORY", formats: [Proto],
    categories: ["MINIMAL", "BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(package_same_directory)
}

fn package_same_directory(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let files = own_files(cx, contract);
    let mut by_package: BTreeMap<&str, Vec<&FileRef>> = BTreeMap::new();
    for f in &files {
        by_package.entry(f.fd.package()).or_default().push(f);
    }
    let mut r = Reporter::new(cx, contract, sink, &PACKAGE_SAME_DIRECTORY);
    for (pkg, files) in by_package {
        let dirs = joined(files.iter().map(|f| f.dir()));
        if !dirs.contains(',') {
            continue;
        }
        for f in files {
            r.report(
                f.package_span(),
                format!("Multiple directories {dirs:?} contain files with package {pkg:?}."),
            );
        }
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that package names are lower_snake.case: each dot-separated part lower_snake_case.
    ///
    /// ## Why is this bad?
    /// Packages become namespaces, directories and import paths in every language; mixed case
    /// breaks on case-insensitive file systems and clashes with each language's conventions.
    ///
    /// ## Example
    /// ```proto
    /// package Foo.barBaz.v1; // should be foo.bar_baz.v1
    /// ```
    pub PACKAGE_LOWER_SNAKE_CASE = "PACKAGE_LOWER_SNAKE_CASE", formats: [Proto],
    categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(package_lower_snake_case)
}

fn package_lower_snake_case(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let mut r = Reporter::new(cx, contract, sink, &PACKAGE_LOWER_SNAKE_CASE);
    for f in own_files(cx, contract) {
        let pkg = f.fd.package();
        if pkg.is_empty() {
            continue;
        }
        let expected = pkg
            .split('.')
            .map(to_lower_snake_case)
            .collect::<Vec<_>>()
            .join(".");
        if pkg != expected {
            r.report(
                f.package_span(),
                format!("Package name {pkg:?} should be lower_snake.case, such as {expected:?}."),
            );
        }
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that the last part of every package is a version: `v1`, `v1beta1`, `v1alpha`,
    /// `v1p1beta1`, `v1test…` (numbers from 1).
    ///
    /// ## Why is this bad?
    /// A versioned package lets a breaking revision live next to the old one (`foo.v2` beside
    /// `foo.v1`) so clients migrate at their pace; without a version, the only way to break is in
    /// place.
    ///
    /// ## Example
    /// ```proto
    /// package foo.bar; // should be, e.g., foo.bar.v1
    /// ```
    pub PACKAGE_VERSION_SUFFIX = "PACKAGE_VERSION_SUFFIX", formats: [Proto],
    categories: ["DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(package_version_suffix)
}

fn package_version_suffix(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let mut r = Reporter::new(cx, contract, sink, &PACKAGE_VERSION_SUFFIX);
    for f in own_files(cx, contract) {
        let pkg = f.fd.package();
        if pkg.is_empty() || package_version(pkg).is_some() {
            continue;
        }
        r.report(
            f.package_span(),
            format!("Package name {pkg:?} should be suffixed with a correctly formed version, such as {:?}.", format!("{pkg}.v1")),
        );
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that every file states its syntax (`syntax = "proto3";` or `"proto2"`).
    ///
    /// ## Why is this bad?
    /// A file without a syntax statement is proto2, whatever its author meant; field presence,
    /// default values and enum semantics then differ from what a proto3 reader expects.
    ///
    /// ## Example
    /// ```proto
    /// // no syntax statement: this file is proto2
    /// package foo.v1;
    /// ```
    pub SYNTAX_SPECIFIED = "SYNTAX_SPECIFIED", formats: [Proto],
    categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(syntax_specified)
}

fn syntax_specified(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let mut r = Reporter::new(cx, contract, sink, &SYNTAX_SPECIFIED);
    for f in own_files(cx, contract) {
        // The descriptor cannot tell: protoc and protox leave `syntax` empty for proto2 files,
        // stated or not. Only a stated syntax has a location.
        if f.location(&[12]).is_none() {
            r.report(
                f.start(),
                "Files must have a syntax explicitly specified. If no syntax is specified, the file defaults to \"proto2\"."
                    .to_string(),
            );
        }
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that file names are lower_snake_case (`order_service.proto`).
    ///
    /// ## Why is this bad?
    /// Generated files take their names from the .proto file; mixed case or dashes give names
    /// that some languages cannot import and that differ only by case on case-insensitive disks.
    ///
    /// ## Example
    /// ```text
    /// foo/v1/OrderService.proto   // should be foo/v1/order_service.proto
    /// ```
    pub FILE_LOWER_SNAKE_CASE = "FILE_LOWER_SNAKE_CASE", formats: [Proto],
    categories: ["DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(file_lower_snake_case)
}

fn file_lower_snake_case(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let mut r = Reporter::new(cx, contract, sink, &FILE_LOWER_SNAKE_CASE);
    for f in own_files(cx, contract) {
        let base = f.name.rsplit('/').next().unwrap_or(f.name);
        // Go's filepath.Ext: the suffix from the last dot of the base name.
        let (stem, ext) = match base.rfind('.') {
            Some(i) => (&base[..i], &base[i..]),
            None => (base, ""),
        };
        let expected = to_lower_snake_case(stem);
        if expected != stem {
            r.report(
                f.start(),
                format!(
                    "Filename {base:?} should be lower_snake_case{ext}, such as {:?}.",
                    format!("{expected}{ext}")
                ),
            );
        }
    }
}

/// A file option every file of a package must agree on: its name, its field number in
/// `FileOptions`, and how to read it (`""` when unset).
struct SameOption {
    rule: &'static LintRule,
    name: &'static str,
    number: i32,
    value: fn(&FileOptions) -> String,
}

/// buf groups the files by package (no package included), and when they hold more than one value
/// (an unset option counts as a value of its own) reports every file of the group: at the option
/// when the file sets it, else at the start of the file.
fn same_option(cx: &LintCx, contract: &Contract, sink: &mut Sink, opt: &SameOption) {
    let files = own_files(cx, contract);
    let mut by_package: BTreeMap<&str, Vec<(&FileRef, String)>> = BTreeMap::new();
    for f in &files {
        let value = f.fd.options.as_ref().map(opt.value).unwrap_or_default();
        by_package
            .entry(f.fd.package())
            .or_default()
            .push((f, value));
    }
    let mut r = Reporter::new(cx, contract, sink, opt.rule);
    for (pkg, files) in by_package {
        let mut values: std::collections::BTreeSet<&str> =
            files.iter().map(|(_, v)| v.as_str()).collect();
        if values.len() < 2 {
            continue;
        }
        let message = if values.remove("") {
            format!(
                "Files in package {pkg:?} have both values {:?} and no value for option {:?} and all values must be equal.",
                joined(values.iter().copied()),
                opt.name
            )
        } else {
            format!(
                "Files in package {pkg:?} have multiple values {:?} for option {:?} and all values must be equal.",
                joined(values.iter().copied()),
                opt.name
            )
        };
        for (f, _) in files {
            r.report(f.span(&[8, opt.number]), message.clone());
        }
    }
}

macro_rules! same_option_rule {
    ($name:ident, $id:literal, $check:ident, $option:literal, $number:literal, $value:expr, $what:literal, $example:literal) => {
        crate::lint_rule! {
            #[doc = concat!("## What it does\nChecks that all files of a package set the same `", $option, "` (or all leave it unset).")]
            #[doc = ""]
            #[doc = "## Why is this bad?"]
            #[doc = concat!("Generated code of one package must land in one ", $what, "; files that disagree split the package, and their code does not compile or link together.")]
            #[doc = ""]
            #[doc = "## Example"]
            #[doc = "```proto"]
            #[doc = concat!("// foo/v1/a.proto\npackage foo.v1;\noption ", $option, " = ", $example, ";\n// foo/v1/b.proto: same package, no or another value\npackage foo.v1;")]
            #[doc = "```"]
            pub $name = $id, formats: [Proto],
            categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
            check: Contract($check)
        }

        fn $check(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
            same_option(
                cx,
                contract,
                sink,
                &SameOption {
                    rule: &$name,
                    name: $option,
                    number: $number,
                    value: $value,
                },
            );
        }
    };
}

fn text(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

same_option_rule!(
    PACKAGE_SAME_CSHARP_NAMESPACE,
    "PACKAGE_SAME_CSHARP_NAMESPACE",
    package_same_csharp_namespace,
    "csharp_namespace",
    37,
    |o| text(&o.csharp_namespace),
    "C# namespace",
    "\"Foo.V1\""
);
same_option_rule!(
    PACKAGE_SAME_GO_PACKAGE,
    "PACKAGE_SAME_GO_PACKAGE",
    package_same_go_package,
    "go_package",
    11,
    |o| text(&o.go_package),
    "Go package",
    "\"example.com/foo/v1;foov1\""
);
same_option_rule!(
    PACKAGE_SAME_JAVA_MULTIPLE_FILES,
    "PACKAGE_SAME_JAVA_MULTIPLE_FILES",
    package_same_java_multiple_files,
    "java_multiple_files",
    10,
    |o| o
        .java_multiple_files
        .map(|b| b.to_string())
        .unwrap_or_default(),
    "Java layout",
    "true"
);
same_option_rule!(
    PACKAGE_SAME_JAVA_PACKAGE,
    "PACKAGE_SAME_JAVA_PACKAGE",
    package_same_java_package,
    "java_package",
    1,
    |o| text(&o.java_package),
    "Java package",
    "\"com.example.foo.v1\""
);
same_option_rule!(
    PACKAGE_SAME_PHP_NAMESPACE,
    "PACKAGE_SAME_PHP_NAMESPACE",
    package_same_php_namespace,
    "php_namespace",
    41,
    |o| text(&o.php_namespace),
    "PHP namespace",
    "\"Foo\\\\V1\""
);
same_option_rule!(
    PACKAGE_SAME_RUBY_PACKAGE,
    "PACKAGE_SAME_RUBY_PACKAGE",
    package_same_ruby_package,
    "ruby_package",
    45,
    |o| text(&o.ruby_package),
    "Ruby module",
    "\"Foo::V1\""
);
same_option_rule!(
    PACKAGE_SAME_SWIFT_PREFIX,
    "PACKAGE_SAME_SWIFT_PREFIX",
    package_same_swift_prefix,
    "swift_prefix",
    39,
    |o| text(&o.swift_prefix),
    "Swift prefix",
    "\"FooV1\""
);
