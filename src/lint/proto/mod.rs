//! buf's protobuf lint rules, with buf's ids, categories, defaults, messages and locations.
//!
//! Every rule runs over the descriptors the proto loader compiled (`Contract::proto`), looking only
//! at the contract's own files (never imports or the well-known types), and reports where buf
//! does: an element's name, its whole declaration, a specific option, or the start of the file for
//! file-level findings. Rules that compare files (`PACKAGE_SAME_*`, `DIRECTORY_SAME_PACKAGE`, …)
//! compare the files of one contract, which is what buf calls a module.
//!
//! This module holds what the rules share: a view of one file ([`FileRef`]), a walk over every
//! element of a file with its descriptor path ([`walk`]), and [`Reporter`], which applies buf's
//! `disallow_comment_ignores` on top of the sink's suppressions. The rules live in submodules
//! by the part of the file they look at.

pub mod case;
mod comments;
mod enums;
mod fields;
mod imports;
mod layout;
mod names;
mod rpc;

use prost_types::source_code_info::Location;
use prost_types::{
    DescriptorProto, EnumDescriptorProto, EnumValueDescriptorProto, FieldDescriptorProto,
    FileDescriptorProto, MethodDescriptorProto, OneofDescriptorProto, ServiceDescriptorProto,
    SourceCodeInfo,
};

use super::{LintConfig, LintCx, LintRule, Sink};
use crate::formats::proto::source_info;
use crate::model::{Contract, ProtoContract};
use crate::report::Finding;
use crate::source::{FileId, SourceFile, Span};

/// Every protobuf rule, in buf's order (`buf config ls-lint-rules`).
pub static RULES: &[&LintRule] = &[
    &layout::DIRECTORY_SAME_PACKAGE,
    &layout::PACKAGE_DEFINED,
    &layout::PACKAGE_DIRECTORY_MATCH,
    &imports::PACKAGE_NO_IMPORT_CYCLE,
    &layout::PACKAGE_SAME_DIRECTORY,
    &enums::ENUM_FIRST_VALUE_ZERO,
    &enums::ENUM_NO_ALLOW_ALIAS,
    &names::ENUM_PASCAL_CASE,
    &names::ENUM_VALUE_UPPER_SNAKE_CASE,
    &names::FIELD_LOWER_SNAKE_CASE,
    &fields::FIELD_NOT_REQUIRED,
    &imports::IMPORT_NO_PUBLIC,
    &imports::IMPORT_USED,
    &names::MESSAGE_PASCAL_CASE,
    &names::ONEOF_LOWER_SNAKE_CASE,
    &layout::PACKAGE_LOWER_SNAKE_CASE,
    &layout::PACKAGE_SAME_CSHARP_NAMESPACE,
    &layout::PACKAGE_SAME_GO_PACKAGE,
    &layout::PACKAGE_SAME_JAVA_MULTIPLE_FILES,
    &layout::PACKAGE_SAME_JAVA_PACKAGE,
    &layout::PACKAGE_SAME_PHP_NAMESPACE,
    &layout::PACKAGE_SAME_RUBY_PACKAGE,
    &layout::PACKAGE_SAME_SWIFT_PREFIX,
    &names::RPC_PASCAL_CASE,
    &names::SERVICE_PASCAL_CASE,
    &layout::SYNTAX_SPECIFIED,
    &enums::ENUM_VALUE_PREFIX,
    &enums::ENUM_ZERO_VALUE_SUFFIX,
    &layout::FILE_LOWER_SNAKE_CASE,
    &layout::PACKAGE_VERSION_SUFFIX,
    &PROTOVALIDATE,
    &rpc::RPC_REQUEST_RESPONSE_UNIQUE,
    &rpc::RPC_REQUEST_STANDARD_NAME,
    &rpc::RPC_RESPONSE_STANDARD_NAME,
    &names::SERVICE_SUFFIX,
    &comments::COMMENT_ENUM,
    &comments::COMMENT_ENUM_VALUE,
    &comments::COMMENT_FIELD,
    &comments::COMMENT_MESSAGE,
    &comments::COMMENT_ONEOF,
    &comments::COMMENT_RPC,
    &comments::COMMENT_SERVICE,
    &rpc::RPC_NO_CLIENT_STREAMING,
    &rpc::RPC_NO_SERVER_STREAMING,
    &imports::IMPORT_NO_WEAK,
    &imports::STABLE_PACKAGE_NO_IMPORT_UNSTABLE,
];

crate::lint_rule! {
    /// ## What it does
    /// In buf, checks that protovalidate constraints (`buf.validate.*` options) are valid and that
    /// their CEL expressions compile. treaty declares the rule so that configurations naming it
    /// (and buf's `STANDARD` category) carry over, but does not check it.
    ///
    /// ## Why is this bad?
    /// A constraint that cannot be satisfied, or a CEL expression that does not compile, fails at
    /// run time in every service that validates the message. Checking it is out of scope for
    /// treaty: it needs protovalidate's own definitions and a CEL type checker, which is
    /// protovalidate's job (run `buf lint` for it).
    ///
    /// ## Example
    /// ```proto
    /// message User {
    ///   // min_len greater than max_len can never hold.
    ///   string name = 1 [(buf.validate.field).string = {min_len: 5, max_len: 2}];
    /// }
    /// ```
    pub PROTOVALIDATE = "PROTOVALIDATE", formats: [Proto],
    categories: ["DEFAULT", "STANDARD"], default: true, severity: Error, check: None
}

/// One of the contract's own files, with what rules need to locate things in it.
pub(crate) struct FileRef<'a> {
    pub fd: &'a FileDescriptorProto,
    /// The name relative to the import root (`foo/v1/foo.proto`), which buf's directory rules use.
    pub name: &'a str,
    pub id: FileId,
    pub source: &'a SourceFile,
}

impl<'a> FileRef<'a> {
    pub fn sci(&self) -> Option<&'a SourceCodeInfo> {
        self.fd.source_code_info.as_ref()
    }

    pub fn location(&self, path: &[i32]) -> Option<&'a Location> {
        source_info::location(self.sci()?, path)
    }

    /// The span of the element at `path`, when it was written in the file.
    pub fn span_opt(&self, path: &[i32]) -> Option<Span> {
        source_info::location_span(self.source, self.id, self.location(path)?)
    }

    /// The span of the element at `path`, else the start of the file (where buf puts findings
    /// it has no location for).
    pub fn span(&self, path: &[i32]) -> Span {
        self.span_opt(path).unwrap_or_else(|| self.start())
    }

    pub fn start(&self) -> Span {
        Span::file_start(self.id)
    }

    /// The package statement, else the start of the file.
    pub fn package_span(&self) -> Span {
        self.span(&[2])
    }

    /// The directory of the file relative to the root, `.` at the root.
    pub fn dir(&self) -> &'a str {
        match self.name.rsplit_once('/') {
            Some((dir, _)) => dir,
            None => ".",
        }
    }
}

/// The contract's own files, in the order the contract lists them.
pub(crate) fn own_files<'a>(cx: &'a LintCx, contract: &'a Contract) -> Vec<FileRef<'a>> {
    let Some(proto) = &contract.proto else {
        return Vec::new();
    };
    proto
        .files
        .iter()
        .filter_map(|f| {
            Some(FileRef {
                fd: proto.descriptors.file.get(f.index)?,
                name: &f.name,
                id: f.file,
                source: cx.sources().get(f.file),
            })
        })
        .collect()
}

/// Reports a rule's findings. With buf's `disallow_comment_ignores`, findings that only a
/// `// buf:lint:ignore` comment silences are reported anyway (other suppressions still apply).
pub(crate) struct Reporter<'s, 'k, 'c> {
    sink: &'s mut Sink<'k>,
    rule: &'static LintRule,
    contract: &'c Contract,
    pub config: &'c LintConfig,
}

impl<'s, 'k, 'c> Reporter<'s, 'k, 'c> {
    pub fn new(
        cx: &'c LintCx,
        contract: &'c Contract,
        sink: &'s mut Sink<'k>,
        rule: &'static LintRule,
    ) -> Self {
        Reporter {
            sink,
            rule,
            contract,
            config: cx.workspace.lint_for(contract),
        }
    }

    pub fn report(&mut self, at: Span, message: String) {
        let proto: Option<&ProtoContract> = self.contract.proto.as_ref();
        match proto {
            Some(p) if self.config.disallow_comment_ignores && !p.lint_ignores.is_empty() => {
                let id = self.rule.id;
                let suppressed = self
                    .contract
                    .suppressions
                    .iter()
                    .filter(|s| !p.lint_ignores.contains(s))
                    .any(|s| s.span.contains(&at) && s.rules.iter().any(|r| r == id));
                if !suppressed {
                    let severity = self.config.severity_of(self.rule);
                    self.sink.findings.push(Finding::lint(
                        id,
                        severity,
                        &self.contract.name,
                        at,
                        message,
                    ));
                }
            }
            _ => self.sink.report(at, message),
        }
    }
}

/// One element of a file, with its descriptor path.
pub(crate) enum Element<'a> {
    Message(&'a DescriptorProto),
    /// A field of a message (map entry fields included).
    Field(&'a FieldDescriptorProto, &'a DescriptorProto),
    /// An extension declared at the top level or inside a message.
    Extension(&'a FieldDescriptorProto),
    Oneof(&'a OneofDescriptorProto, usize, &'a DescriptorProto),
    Enum(&'a EnumDescriptorProto),
    EnumValue(&'a EnumValueDescriptorProto, usize, &'a EnumDescriptorProto),
    Service(&'a ServiceDescriptorProto),
    Method(&'a MethodDescriptorProto),
}

/// Calls `f` on every element of the file with its path (messages before their contents).
pub(crate) fn walk<'a>(fd: &'a FileDescriptorProto, f: &mut impl FnMut(Element<'a>, &[i32])) {
    let mut path = Vec::with_capacity(16);
    for (i, m) in fd.message_type.iter().enumerate() {
        path.extend([4, i as i32]);
        walk_message(m, &mut path, f);
        path.clear();
    }
    for (i, e) in fd.enum_type.iter().enumerate() {
        path.extend([5, i as i32]);
        walk_enum(e, &mut path, f);
        path.clear();
    }
    for (i, x) in fd.extension.iter().enumerate() {
        f(Element::Extension(x), &[7, i as i32]);
    }
    for (i, s) in fd.service.iter().enumerate() {
        path.extend([6, i as i32]);
        f(Element::Service(s), &path);
        for (j, m) in s.method.iter().enumerate() {
            path.extend([2, j as i32]);
            f(Element::Method(m), &path);
            path.truncate(2);
        }
        path.clear();
    }
}

fn walk_message<'a>(
    m: &'a DescriptorProto,
    path: &mut Vec<i32>,
    f: &mut impl FnMut(Element<'a>, &[i32]),
) {
    f(Element::Message(m), path);
    let n = path.len();
    for (i, x) in m.field.iter().enumerate() {
        path.extend([2, i as i32]);
        f(Element::Field(x, m), path);
        path.truncate(n);
    }
    for (i, o) in m.oneof_decl.iter().enumerate() {
        path.extend([8, i as i32]);
        f(Element::Oneof(o, i, m), path);
        path.truncate(n);
    }
    for (i, x) in m.extension.iter().enumerate() {
        path.extend([6, i as i32]);
        f(Element::Extension(x), path);
        path.truncate(n);
    }
    for (i, e) in m.enum_type.iter().enumerate() {
        path.extend([4, i as i32]);
        walk_enum(e, path, f);
        path.truncate(n);
    }
    for (i, nested) in m.nested_type.iter().enumerate() {
        path.extend([3, i as i32]);
        walk_message(nested, path, f);
        path.truncate(n);
    }
}

fn walk_enum<'a>(
    e: &'a EnumDescriptorProto,
    path: &mut Vec<i32>,
    f: &mut impl FnMut(Element<'a>, &[i32]),
) {
    f(Element::Enum(e), path);
    let n = path.len();
    for (i, v) in e.value.iter().enumerate() {
        path.extend([2, i as i32]);
        f(Element::EnumValue(v, i, e), path);
        path.truncate(n);
    }
}

/// True for the message protoc synthesizes for a `map<K, V>` field.
pub(crate) fn is_map_entry(m: &DescriptorProto) -> bool {
    m.options
        .as_ref()
        .and_then(|o| o.map_entry)
        .unwrap_or(false)
}

/// True for the oneof protoc synthesizes around a proto3 `optional` field.
pub(crate) fn is_synthetic_oneof(m: &DescriptorProto, index: usize) -> bool {
    let mut fields = m
        .field
        .iter()
        .filter(|f| f.oneof_index == Some(index as i32))
        .peekable();
    fields.peek().is_some() && fields.all(|f| f.proto3_optional())
}

/// `"a,b,c"`: sorted, distinct, comma-joined, as buf lists values in its messages.
pub(crate) fn joined<'x>(values: impl IntoIterator<Item = &'x str>) -> String {
    let set: std::collections::BTreeSet<&str> = values.into_iter().collect();
    set.into_iter().collect::<Vec<_>>().join(",")
}
