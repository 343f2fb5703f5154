//! The `grpc` module of a generated crate: what a Rust service needs to call, fake and serve the
//! gRPC services of a protobuf contract.
//!
//! The messages and the tonic client and server come from the usual tools, run in memory on the
//! descriptors protox compiled (no protoc): prost-build writes one chunk of code per protobuf
//! package, and tonic-prost-build, plugged in as prost-build's service generator, writes each
//! service's client and server. The chunks are put into modules that follow the package names
//! (`ftgo.order.v1` → `ftgo::order::v1`) inside the one `grpc` module, which is what prost's
//! relative paths between packages (`super::super::common::v1::LineItem`) expect.
//!
//! On top of that, for each service declared in the contract's own files (services of imported
//! files belong to other contracts), next to its messages:
//!
//! * `<Service>Api`: a client trait, one async method per rpc, returning
//!   `Result<_, treaty_runtime::Error>`, so that code depending on the service takes any
//!   implementation;
//! * `Resilient<Service>Client`: the trait over tonic, each call going through a
//!   `treaty_runtime::resilience::Resilient` (bulkhead, circuit breaker, timeout, fallback from
//!   `<Service>Fallbacks`) and resolving the service's address on every call (one lazily
//!   connected channel kept per address);
//! * `Mock<Service>Api`: the trait answering from programmable `Responder`s and recording every
//!   request (as JSON in a `Recorder`, and typed);
//! * `<Service>ApiService<T>`: any implementation of the trait served as the tonic server, so a
//!   service implements the trait once and a test can serve the mock on a real socket.
//!
//! Streams are `BoxStream<'static, T>`, an alias at the root of the module for a boxed
//! `tokio_stream::Stream + Send` (tokio-stream is a dependency only of crates with streaming
//! rpcs; tonic uses it anyway). A server-streaming rpc's method gives
//! `Result<BoxStream<'static, Result<Item, Error>>, Error>`: the outer error for a call that
//! fails before the first answer, an item's error for a stream that breaks midway. A
//! client-streaming or bidirectional rpc's method takes `BoxStream<'static, Req>` rather than a
//! `Vec`: the adapter hands tonic's incoming stream on as it arrives, the resilient client hands
//! any stream to tonic, and an implementation may read as much as it needs. Only the mock
//! collects the requests into a `Vec`, which its rules match and its record keeps.
//!
//! The messages derive `serde::Serialize` (for the mock's JSON record); fields holding a
//! well-known type that prost-types does not make serialisable (`Timestamp`, `Duration`, `Any`,
//! ...) are written as their `Debug` text. Protobuf maps are `BTreeMap`s, so that encoding,
//! `Debug` and JSON are the same for the same value.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use proc_macro2::{Ident, Span, TokenStream};
use prost_build::{Comments, Method, Service, ServiceGenerator};
use prost_types::field_descriptor_proto::{Label, Type};
use prost_types::{DescriptorProto, FileDescriptorProto};
use quote::{format_ident, quote};

use super::{CrateCx, Module, doc, doc_inner, ident};
use crate::codegen::GenError;
use crate::model::Contract;

/// The well-known types prost maps onto Rust types (`()`, `bool`, `String`, ...) rather than
/// onto prost-types messages.
const MAPPED_WKT: &[&str] = &[
    "BoolValue",
    "BytesValue",
    "DoubleValue",
    "Empty",
    "FloatValue",
    "Int32Value",
    "Int64Value",
    "StringValue",
    "UInt32Value",
    "UInt64Value",
];

/// Rust primitives prost uses for wrapper types, which tonic-prost-build would otherwise take for
/// a message name in the enclosing module (`super::bool`).
const PRIMITIVES: &[&str] = &["bool", "i32", "i64", "u32", "u64", "f32", "f64"];

/// The methods of tonic's generated client besides the rpcs: an rpc of the same name would not
/// compile.
const TONIC_CLIENT_METHODS: &[&str] = &[
    "new",
    "with_origin",
    "with_interceptor",
    "send_compressed",
    "accept_compressed",
    "max_decoding_message_size",
    "max_encoding_message_size",
];

/// A field type that prost turns into a prost-types message, which does not implement
/// `serde::Serialize`.
fn is_prost_types_message(type_name: &str) -> bool {
    type_name
        .strip_prefix(".google.protobuf.")
        .is_some_and(|rest| !MAPPED_WKT.contains(&rest))
}

fn is_wkt_file(file: &FileDescriptorProto) -> bool {
    let package = file.package();
    package == "google.protobuf" || package.starts_with("google.protobuf.")
}

/// Generates the `grpc` module for a protobuf contract; `None` for other contracts.
pub fn generate(cx: &mut CrateCx, contract: &Contract) -> Result<Option<Module>, GenError> {
    let Some(proto) = &contract.proto else {
        return Ok(None);
    };
    // prost-build needs the well-known types' descriptors to know their messages; it generates
    // code for them too, which is dropped: prost-types has them.
    let closure = file_closure(proto);
    let files: Vec<&FileDescriptorProto> = closure
        .iter()
        .copied()
        .filter(|f| !is_wkt_file(f))
        .collect();
    if files.is_empty() {
        return Ok(None);
    }
    let own: BTreeSet<(String, String)> = proto
        .files
        .iter()
        .filter_map(|f| proto.descriptors.file.get(f.index))
        .flat_map(|f| {
            f.service
                .iter()
                .map(|s| (f.package().to_string(), s.name().to_string()))
        })
        .collect();

    // Names at the root of the module: the first component of every package, and whatever the
    // package-less files put there.
    let mut root = ident::Scope::new();
    let mut root_items: BTreeSet<String> = BTreeSet::new();
    for f in &files {
        let module = prost_build::Module::from_protobuf_package_name(f.package());
        match module.parts().next() {
            Some(first) => {
                root.reserve(first);
                root_items.insert(first.to_string());
            }
            None => {
                for name in package_type_names(&[f]) {
                    root.reserve(&name);
                    root.reserve(&heck::ToSnakeCase::to_snake_case(name.as_str()));
                    root_items.insert(name);
                }
            }
        }
    }
    let support = root.unique("support".to_string());

    let mut config = prost_build::Config::new();
    config
        .btree_map(["."])
        .type_attribute(".", "#[derive(::serde::Serialize)]");
    let mut uses = Uses::default();
    for (path, attr) in wkt_field_attributes(&files, &support, &mut uses) {
        config.field_attribute(path, attr);
    }
    let collected = Rc::new(RefCell::new(Vec::new()));
    let tonic = tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .build_transport(false)
        .service_generator();
    let problems = Rc::new(RefCell::new(Vec::new()));
    config.service_generator(Box::new(Collector {
        tonic,
        own,
        collected: Rc::clone(&collected),
        problems: Rc::clone(&problems),
    }));
    let requests: Vec<(prost_build::Module, FileDescriptorProto)> = closure
        .iter()
        .map(|f| {
            (
                prost_build::Module::from_protobuf_package_name(f.package()),
                (*f).clone(),
            )
        })
        .collect();
    let generated = catch_unwind(AssertUnwindSafe(|| config.generate(requests)))
        .map_err(|panic| {
            let why = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            GenError::Invalid(format!(
                "{}: prost-build failed on the descriptors: {why}",
                contract.name
            ))
        })?
        .map_err(|e| {
            GenError::Invalid(format!(
                "{}: prost-build failed on the descriptors: {e}",
                contract.name
            ))
        })?;

    if let Some(problem) = problems.borrow().first() {
        return Err(GenError::Invalid(format!("{}: {problem}", contract.name)));
    }

    // The package modules, in order.
    let mut tree = Node::default();
    let mut packages: Vec<(prost_build::Module, String)> = generated.into_iter().collect();
    packages.sort_by(|a, b| a.0.cmp(&b.0));
    packages.retain(|(module, _)| {
        let mut parts = module.parts();
        !(parts.next() == Some("google") && parts.next() == Some("protobuf"))
    });
    for (module, code) in packages {
        let file: syn::File = syn::parse_str(&code).map_err(|e| {
            GenError::Invalid(format!(
                "{}: prost-build wrote code that does not parse ({e}); this is a bug in treaty",
                contract.name
            ))
        })?;
        let node = tree.at(module.parts());
        for item in file.items {
            if let syn::Item::Mod(m) = &item {
                node.mods.insert(m.ident.to_string());
            }
            node.code.extend(quote::ToTokens::into_token_stream(item));
        }
    }

    // The services: trait, resilient client, mock and adapter next to each one's messages.
    let services = std::mem::take(&mut *collected.borrow_mut());
    // The stream type of the streaming rpcs' methods, at the root, when some rpc streams.
    let streams = services.iter().any(|s| {
        s.methods
            .iter()
            .any(|m| m.client_streaming || m.server_streaming)
    });
    let box_stream = streams.then(|| root.unique("BoxStream".to_string()));
    let mut exports: BTreeMap<String, Vec<(Vec<String>, String)>> = BTreeMap::new();
    let mut summary = Vec::new();
    for service in &services {
        let module = prost_build::Module::from_protobuf_package_name(&service.package);
        let parts: Vec<String> = module.parts().map(str::to_string).collect();
        let mut taken = ident::Scope::new();
        let package_files: Vec<&FileDescriptorProto> = files
            .iter()
            .copied()
            .filter(|f| f.package() == service.package)
            .collect();
        for name in package_type_names(&package_files) {
            taken.reserve(&name);
        }
        for other in &services {
            if other.package == service.package {
                taken.reserve(&format!("{}Client", other.name));
                taken.reserve(&format!("{}Server", other.name));
            }
        }
        let names = ServiceNames::new(service, &mut taken);
        let up = super_path(parts.len());
        let support_ident = ident::ident(&support);
        let support_path = quote! { #up #support_ident };
        let box_stream_path = match &box_stream {
            Some(name) => {
                let name = ident::ident(name);
                quote! { #up #name }
            }
            None => TokenStream::new(),
        };
        let paths = Paths {
            support: support_path,
            box_stream: box_stream_path,
        };
        let code = service_items(service, &names, &paths, &mut uses);
        tree.at(module.parts()).code.extend(code);
        let display = if service.package.is_empty() {
            service.proto_name.clone()
        } else {
            format!("{}.{}", service.package, service.proto_name)
        };
        let path = if parts.is_empty() {
            names.api.clone()
        } else {
            format!("{}::{}", parts.join("::"), names.api)
        };
        summary.push(format!("* `{display}`: [`{path}`]"));
        if !parts.is_empty() {
            for name in names.exported() {
                exports
                    .entry(name.clone())
                    .or_default()
                    .push((parts.clone(), name));
            }
        }
    }

    // Re-export each service's items at the root when the name is free there.
    let mut by_module: BTreeMap<&[String], Vec<Ident>> = BTreeMap::new();
    for (name, places) in &exports {
        if places.len() != 1 || root_items.contains(name) || root.contains(name) {
            continue;
        }
        let (parts, item) = &places[0];
        by_module
            .entry(parts.as_slice())
            .or_default()
            .push(ident::ident(item));
    }
    let mut reexports = TokenStream::new();
    for (parts, items) in by_module {
        let path = parts.iter().map(|p| rust_ident(p));
        reexports.extend(quote! { pub use self::#(#path::)*{#(#items),*}; });
    }

    let support_ident = ident::ident(&support);
    let support_code = support_module(&uses, box_stream.as_deref());
    let support_mod = if support_code.is_empty() {
        TokenStream::new()
    } else {
        quote! {
            /// Conversions shared by the services and messages of this module.
            mod #support_ident { #support_code }
        }
    };

    let mut docs = format!(
        "gRPC for the `{}` contract: the protobuf messages (prost), a tonic client and server \
         for each service, and for each service a client trait with a resilient implementation, \
         a mock, and an adapter that serves any implementation of the trait with tonic.\n\n\
         The messages are in modules that follow their protobuf packages; protobuf comments are \
         their docs.",
        contract.name
    );
    if !summary.is_empty() {
        docs.push_str("\n\nServices:\n\n");
        docs.push_str(&summary.join("\n"));
    }
    let docs = doc_inner(&wrap(&docs));
    let body = tree.render()?;
    let box_stream_alias = match &box_stream {
        Some(name) => {
            let name = ident::ident(name);
            let text = prose(
                "The streams of the streaming rpcs: the requests a client-streaming or \
                 bidirectional rpc takes, and the answers a server-streaming or bidirectional \
                 rpc gives (each a `Result`, as the stream may fail midway).",
            );
            quote! {
                #text
                pub type #name<'a, T> = ::std::pin::Pin<::std::boxed::Box<dyn ::tokio_stream::Stream<Item = T> + ::std::marker::Send + 'a>>;
            }
        }
        None => TokenStream::new(),
    };
    let code = quote! {
        #docs
        #reexports
        #box_stream_alias
        #body
        #support_mod
    };

    cx.dep("prost", r#""0.14""#);
    cx.dep("tonic-prost", r#""0.14""#);
    cx.dep(
        "tonic",
        r#"{ version = "0.14", default-features = false, features = ["codegen", "channel"] }"#,
    );
    let uses_wkt = files.iter().any(|f| {
        f.dependency
            .iter()
            .any(|d| d.starts_with("google/protobuf/"))
    });
    if uses_wkt {
        cx.dep("prost-types", r#""0.14""#);
    }
    if streams {
        // The `Stream` trait and its combinators; tonic depends on it already.
        cx.dep(
            "tokio-stream",
            r#"{ version = "0.1", default-features = false }"#,
        );
    }
    let name = cx.modules.unique("grpc".to_string());
    Ok(Some(Module {
        name,
        sources: cx.source_names(contract),
        code,
    }))
}

/// The contract's own files and everything they import, ordered by name.
fn file_closure(proto: &crate::model::ProtoContract) -> Vec<&FileDescriptorProto> {
    let by_name: BTreeMap<&str, &FileDescriptorProto> = proto
        .descriptors
        .file
        .iter()
        .map(|f| (f.name(), f))
        .collect();
    let mut wanted: BTreeSet<&str> = BTreeSet::new();
    let mut todo: Vec<&str> = proto
        .files
        .iter()
        .filter_map(|f| proto.descriptors.file.get(f.index))
        .map(|f| f.name())
        .collect();
    while let Some(name) = todo.pop() {
        if !wanted.insert(name) {
            continue;
        }
        if let Some(f) = by_name.get(name) {
            todo.extend(f.dependency.iter().map(String::as_str));
        }
    }
    wanted
        .into_iter()
        .filter_map(|n| by_name.get(n).copied())
        .collect()
}

/// The Rust names prost gives the top-level messages and enums of these files (one package).
fn package_type_names(files: &[&FileDescriptorProto]) -> Vec<String> {
    let mut out = Vec::new();
    for f in files {
        for m in &f.message_type {
            out.push(prost_camel(m.name()));
        }
        for e in &f.enum_type {
            out.push(prost_camel(e.name()));
        }
    }
    out
}

/// The identifier prost gives a type, as prost computes it (its own `to_upper_camel`).
fn prost_camel(name: &str) -> String {
    let s = heck::ToUpperCamelCase::to_upper_camel_case(name);
    match s.as_str() {
        "Self" => "Self_".to_string(),
        _ => s,
    }
}

/// An identifier from a name prost or tonic computed, which may be raw (`r#type`).
fn rust_ident(s: &str) -> Ident {
    match s.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(s, Span::call_site()),
    }
}

/// `super::` repeated `n` times.
fn super_path(n: usize) -> TokenStream {
    let supers = std::iter::repeat_n(quote! { super:: }, n);
    quote! { #(#supers)* }
}

/// The package modules: each holds its package's code and the modules of the packages below it.
#[derive(Default)]
struct Node {
    code: TokenStream,
    /// Modules the package's own code declares (nested types of messages).
    mods: BTreeSet<String>,
    children: BTreeMap<String, Node>,
}

impl Node {
    fn at<'a>(&mut self, mut parts: impl Iterator<Item = &'a str>) -> &mut Node {
        match parts.next() {
            None => self,
            Some(p) => self.children.entry(p.to_string()).or_default().at(parts),
        }
    }

    fn render(&self) -> Result<TokenStream, GenError> {
        let mut out = self.code.clone();
        for (name, child) in &self.children {
            if self.mods.contains(name) {
                return Err(GenError::Invalid(format!(
                    "the protobuf package module `{name}` has the name of the module prost \
                     generates for the nested types of a message of the enclosing package; \
                     rename the package or the message"
                )));
            }
            let ident = rust_ident(name);
            let body = child.render()?;
            out.extend(quote! { pub mod #ident { #body } });
        }
        Ok(out)
    }
}

/// Paths from a service's module to what the services share at the root of the `grpc` module.
struct Paths {
    /// The private support module.
    support: TokenStream,
    /// The `BoxStream` alias (empty when no rpc streams).
    box_stream: TokenStream,
}

/// What the generated code uses from the support module.
#[derive(Default)]
struct Uses {
    /// Some service has an rpc: conversions between statuses and errors.
    status: bool,
    /// Some service has a unary rpc: cache keys.
    unary: bool,
    /// Some service has an rpc streaming requests: the adapter's request streams.
    request_streams: bool,
    /// Some service has a bidirectional rpc: the adapter's answer streams.
    answer_streams: bool,
    /// Some service: the lock helper.
    service: bool,
    text_option: bool,
    text_seq: bool,
    text_map: bool,
    text_value: bool,
}

/// `serialize_with` attributes for the fields whose type is a prost-types message, which
/// does not implement `Serialize`: they are written as their `Debug` text.
fn wkt_field_attributes(
    files: &[&FileDescriptorProto],
    support: &str,
    uses: &mut Uses,
) -> Vec<(String, String)> {
    // Map entries, by fully qualified name, with the type of their value.
    let mut map_values: BTreeMap<String, String> = BTreeMap::new();
    fn entries(prefix: &str, msgs: &[DescriptorProto], out: &mut BTreeMap<String, String>) {
        for m in msgs {
            let fq = format!("{prefix}.{}", m.name());
            if m.options.as_ref().is_some_and(|o| o.map_entry()) {
                let value = m
                    .field
                    .iter()
                    .find(|f| f.number() == 2)
                    .map(|f| f.type_name().to_string())
                    .unwrap_or_default();
                out.insert(fq.clone(), value);
            }
            entries(&fq, &m.nested_type, out);
        }
    }
    for f in files {
        let prefix = if f.package().is_empty() {
            String::new()
        } else {
            format!(".{}", f.package())
        };
        entries(&prefix, &f.message_type, &mut map_values);
    }

    let mut out = Vec::new();
    #[allow(clippy::too_many_arguments)]
    fn walk(
        prefix: &str,
        depth: usize,
        msgs: &[DescriptorProto],
        map_values: &BTreeMap<String, String>,
        support: &str,
        uses: &mut Uses,
        out: &mut Vec<(String, String)>,
    ) {
        for m in msgs {
            let fq = format!("{prefix}.{}", m.name());
            if m.options.as_ref().is_some_and(|o| o.map_entry()) {
                continue;
            }
            for field in &m.field {
                let in_oneof = field.oneof_index.is_some() && !field.proto3_optional();
                let is_message = matches!(field.r#type(), Type::Message | Type::Group);
                if !is_message {
                    continue;
                }
                let repeated = field.label() == Label::Repeated;
                let map_value = if repeated {
                    map_values.get(field.type_name())
                } else {
                    None
                };
                let (helper, path, depth) = if let Some(value) = map_value {
                    if !is_prost_types_message(value) {
                        continue;
                    }
                    uses.text_map = true;
                    ("text_map", format!("{fq}.{}", field.name()), depth)
                } else if !is_prost_types_message(field.type_name()) {
                    continue;
                } else if in_oneof {
                    let oneof = m
                        .oneof_decl
                        .get(field.oneof_index() as usize)
                        .map(|o| o.name())
                        .unwrap_or_default();
                    uses.text_value = true;
                    // The oneof's enum is in the message's module, one level further down.
                    (
                        "text_value",
                        format!("{fq}.{oneof}.{}", field.name()),
                        depth + 1,
                    )
                } else if repeated {
                    uses.text_seq = true;
                    ("text_seq", format!("{fq}.{}", field.name()), depth)
                } else {
                    uses.text_option = true;
                    ("text_option", format!("{fq}.{}", field.name()), depth)
                };
                let up = "super::".repeat(depth);
                out.push((
                    path,
                    format!("#[serde(serialize_with = \"{up}{support}::{helper}\")]"),
                ));
            }
            walk(
                &fq,
                depth + 1,
                &m.nested_type,
                map_values,
                support,
                uses,
                out,
            );
        }
    }
    for f in files {
        let module = prost_build::Module::from_protobuf_package_name(f.package());
        let prefix = if f.package().is_empty() {
            String::new()
        } else {
            format!(".{}", f.package())
        };
        walk(
            &prefix,
            module.len(),
            &f.message_type,
            &map_values,
            support,
            uses,
            &mut out,
        );
    }
    out
}

/// prost-build's service generator: hands the services of the contract's own files to tonic's
/// generator and keeps them for the code generated on top.
struct Collector {
    tonic: Box<dyn ServiceGenerator>,
    own: BTreeSet<(String, String)>,
    collected: Rc<RefCell<Vec<Service>>>,
    /// Services tonic cannot generate a client for, and why.
    problems: Rc<RefCell<Vec<String>>>,
}

impl ServiceGenerator for Collector {
    fn generate(&mut self, mut service: Service, buf: &mut String) {
        if !self
            .own
            .contains(&(service.package.clone(), service.proto_name.clone()))
        {
            return;
        }
        for m in &service.methods {
            if TONIC_CLIENT_METHODS.contains(&m.name.as_str()) {
                self.problems.borrow_mut().push(format!(
                    "rpc `{}` of service `{}` becomes the method `{}`, which tonic's generated \
                     client already has; rename the rpc",
                    m.proto_name, service.proto_name, m.name
                ));
            }
        }
        for m in &mut service.methods {
            for ty in [&mut m.input_type, &mut m.output_type] {
                if PRIMITIVES.contains(&ty.as_str()) {
                    *ty = format!("::core::primitive::{ty}");
                }
            }
        }
        self.tonic.generate(service.clone(), buf);
        self.collected.borrow_mut().push(service);
    }

    fn finalize(&mut self, buf: &mut String) {
        self.tonic.finalize(buf);
    }

    fn finalize_package(&mut self, package: &str, buf: &mut String) {
        self.tonic.finalize_package(package, buf);
    }
}

/// The names of what is generated for one service, unique in its package module.
struct ServiceNames {
    api: String,
    fallbacks: String,
    client: String,
    mock: String,
    adapter: String,
}

impl ServiceNames {
    fn new(service: &Service, taken: &mut ident::Scope) -> ServiceNames {
        let base = ident::camel(&service.proto_name);
        ServiceNames {
            api: taken.unique(format!("{base}Api")),
            fallbacks: taken.unique(format!("{base}Fallbacks")),
            client: taken.unique(format!("Resilient{base}Client")),
            mock: taken.unique(format!("Mock{base}Api")),
            adapter: taken.unique(format!("{base}ApiService")),
        }
    }

    fn exported(&self) -> Vec<String> {
        vec![
            self.api.clone(),
            self.fallbacks.clone(),
            self.client.clone(),
            self.mock.clone(),
            self.adapter.clone(),
        ]
    }
}

/// One rpc, as the generated code refers to it.
struct Rpc<'a> {
    method: &'a Method,
    /// The trait's method.
    name: Ident,
    /// tonic's method (client and server).
    tonic: Ident,
    input: syn::Type,
    output: syn::Type,
    /// The trait method's parameter: `request`, or `requests` for a stream.
    param: Ident,
    /// The parameter's type: the input, or a `BoxStream` of inputs.
    arg: TokenStream,
    /// What the trait method's future gives: the output, or a `BoxStream` of results.
    ok: TokenStream,
    /// What the mock's responder matches on: the request, or the requests collected.
    mock_req: TokenStream,
    /// What the mock is programmed to answer: the output, or the items of the stream.
    mock_resp: TokenStream,
    /// `/ftgo.order.v1.OrderService/CreateOrder`.
    path: String,
    /// `OrderService/CreateOrder`, the operation name in the mock's record.
    operation: String,
    doc: String,
}

/// The text of protobuf comments, with the indentation they share removed.
fn comment_text(c: &Comments) -> String {
    let lines = if c.leading.is_empty() {
        &c.trailing
    } else {
        &c.leading
    };
    let text = lines.join("\n");
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    text.lines()
        .map(|l| l.get(indent..).unwrap_or("").trim_end())
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Doc attributes for treaty's own prose, wrapped.
fn prose(text: &str) -> TokenStream {
    doc(&wrap(text))
}

/// treaty's own prose wrapped at 90 columns: paragraphs, and `* ` items with hanging indent.
fn wrap(text: &str) -> String {
    const WIDTH: usize = 90;
    let mut out: Vec<String> = Vec::new();
    for (i, paragraph) in text.split("\n\n").enumerate() {
        if i > 0 {
            out.push(String::new());
        }
        let mut items: Vec<String> = Vec::new();
        for line in paragraph.lines() {
            match items.last_mut() {
                Some(last) if !line.starts_with("* ") => {
                    last.push(' ');
                    last.push_str(line.trim());
                }
                _ => items.push(line.trim().to_string()),
            }
        }
        for item in items {
            let indent = if item.starts_with("* ") { "  " } else { "" };
            let mut line = String::new();
            for word in item.split_whitespace() {
                if !line.is_empty() && line.len() + 1 + word.len() > WIDTH {
                    out.push(std::mem::take(&mut line));
                    line.push_str(indent);
                }
                if !line.is_empty() && line != indent {
                    line.push(' ');
                }
                line.push_str(word);
            }
            out.push(line);
        }
    }
    out.join("\n")
}

fn parse_type(ty: &str) -> syn::Type {
    syn::parse_str(ty).unwrap_or_else(|_| syn::parse_quote!(()))
}

/// The trait, fallbacks, resilient client, mock and adapter of one service.
fn service_items(
    service: &Service,
    names: &ServiceNames,
    paths: &Paths,
    uses: &mut Uses,
) -> TokenStream {
    uses.service = true;
    let support = &paths.support;
    let bs = &paths.box_stream;
    let error = quote! { ::treaty_runtime::Error };
    let full = if service.package.is_empty() {
        service.proto_name.clone()
    } else {
        format!("{}.{}", service.package, service.proto_name)
    };
    let client_mod = format_ident!("{}_client", naive_snake_case(&service.name));
    let server_mod = format_ident!("{}_server", naive_snake_case(&service.name));
    let tonic_client = format_ident!("{}Client", service.name);
    let tonic_server = format_ident!("{}Server", service.name);
    let tonic_trait = format_ident!("{}", service.name);

    let mut methods = ident::Scope::new();
    let mut rpcs = Vec::new();
    for m in &service.methods {
        let name = methods.unique(ident::snake(&m.proto_name));
        let mut doc = comment_text(&m.comments);
        if !doc.is_empty() {
            doc.push_str("\n\n");
        }
        doc.push_str(&format!("`/{full}/{}`", m.proto_name));
        uses.status = true;
        if m.client_streaming {
            uses.request_streams = true;
            if m.server_streaming {
                uses.answer_streams = true;
            }
        }
        if !m.client_streaming && !m.server_streaming {
            uses.unary = true;
        }
        let input = parse_type(&m.input_type);
        let output = parse_type(&m.output_type);
        let (param, arg, mock_req) = if m.client_streaming {
            (
                format_ident!("requests"),
                quote! { #bs<'static, #input> },
                quote! { ::std::vec::Vec<#input> },
            )
        } else {
            (
                format_ident!("request"),
                quote! { #input },
                quote! { #input },
            )
        };
        let (ok, mock_resp) = if m.server_streaming {
            (
                quote! { #bs<'static, ::std::result::Result<#output, #error>> },
                quote! { ::std::vec::Vec<#output> },
            )
        } else {
            (quote! { #output }, quote! { #output })
        };
        rpcs.push(Rpc {
            method: m,
            name: ident::ident(&name),
            tonic: rust_ident(&m.name),
            input,
            output,
            param,
            arg,
            ok,
            mock_req,
            mock_resp,
            path: format!("/{full}/{}", m.proto_name),
            operation: format!("{}/{}", service.proto_name, m.proto_name),
            doc,
        });
    }
    let unary: Vec<&Rpc> = rpcs
        .iter()
        .filter(|r| !r.method.client_streaming && !r.method.server_streaming)
        .collect();
    let streaming_note = if rpcs.len() == unary.len() {
        String::new()
    } else {
        "\n\nA streaming rpc takes its requests as a `BoxStream` (client streaming and \
         bidirectional) and gives its answers as a `BoxStream` of results (server streaming and \
         bidirectional). The method's error says the call failed before the first answer; an \
         item's error says the stream broke midway."
            .to_string()
    };

    let api = ident::ident(&names.api);
    let fallbacks = ident::ident(&names.fallbacks);
    let client = ident::ident(&names.client);
    let mock = ident::ident(&names.mock);
    let adapter = ident::ident(&names.adapter);

    // The trait.
    let service_doc = comment_text(&service.comments);
    let mut trait_doc = doc(&service_doc);
    if !service_doc.is_empty() {
        trait_doc.extend(quote! { #[doc = ""] });
    }
    trait_doc.extend(prose(&format!(
        "The `{full}` gRPC service as its clients see it: one method per rpc.\n\n\
         [`{client}`] calls the service, [`{mock}`] stands in for it in tests, and [`{adapter}`] \
         serves any implementation with tonic.{streaming_note}"
    )));
    let trait_methods = rpcs.iter().map(|r| {
        let Rpc {
            name,
            param,
            arg,
            ok,
            doc: text,
            ..
        } = r;
        let doc = doc(text);
        let deprecated = if r.method.options.deprecated() {
            quote! { #[deprecated] }
        } else {
            TokenStream::new()
        };
        quote! {
            #doc
            #deprecated
            fn #name(&self, #param: #arg)
                -> impl ::std::future::Future<Output = ::std::result::Result<#ok, ::treaty_runtime::Error>> + ::std::marker::Send;
        }
    });
    let arc_methods = rpcs.iter().map(|r| {
        let Rpc {
            name,
            param,
            arg,
            ok,
            ..
        } = r;
        quote! {
            fn #name(&self, #param: #arg)
                -> impl ::std::future::Future<Output = ::std::result::Result<#ok, ::treaty_runtime::Error>> + ::std::marker::Send {
                T::#name(self, #param)
            }
        }
    });

    // The fallbacks.
    let fallback_fields = unary.iter().map(|r| {
        let Rpc { name, output, .. } = r;
        let text = prose(&format!(
            "What `{}` answers when the service is unavailable.",
            r.path
        ));
        quote! {
            #text
            pub #name: ::treaty_runtime::resilience::Fallback<#output>,
        }
    });

    // The resilient client.
    let mut inherent = methods.clone();
    let resilient_fn = ident::ident(&inherent.unique("resilient".to_string()));
    let tonic_client_fn = ident::ident(&inherent.unique("tonic_client".to_string()));
    let with_fallbacks_fn = ident::ident(&inherent.unique("with_fallbacks".to_string()));
    let with_endpoint_fn = ident::ident(&inherent.unique("with_endpoint".to_string()));
    let client_methods = rpcs.iter().map(|r| {
        let Rpc {
            name,
            tonic,
            input,
            output,
            param,
            arg,
            ok,
            path,
            ..
        } = r;
        if r.method.client_streaming || r.method.server_streaming {
            // No fallback: a stream is not a value to cache or stand in for. Bulkhead, breaker
            // and timeout cover opening the call, up to the response headers (client
            // streaming: up to the answer).
            let sent = if r.method.client_streaming {
                quote! { #support::Requests(#param) }
            } else {
                quote! { #param }
            };
            let open = quote! {
                self.resilient
                    .call(#path, || async move {
                        let mut client = self.#tonic_client_fn().await?;
                        client
                            .#tonic(#sent)
                            .await
                            .map(::tonic::Response::into_inner)
                            .map_err(#support::status_error)
                    })
                    .await
            };
            let body = if r.method.server_streaming {
                quote! {
                    let answers = #open?;
                    ::std::result::Result::Ok(::std::boxed::Box::pin(::tokio_stream::StreamExt::map(
                        answers,
                        |answer| answer.map_err(#support::status_error),
                    )))
                }
            } else {
                open
            };
            return quote! {
                async fn #name(&self, #param: #arg) -> ::std::result::Result<#ok, ::treaty_runtime::Error> {
                    #body
                }
            };
        }
        quote! {
            async fn #name(&self, request: #input) -> ::std::result::Result<#output, ::treaty_runtime::Error> {
                let fallback = &self.fallbacks.#name;
                let key = #support::call_key(#path, &request, fallback);
                self.resilient
                    .call_with(&key, fallback, || async move {
                        let mut client = self.#tonic_client_fn().await?;
                        client
                            .#tonic(request)
                            .await
                            .map(::tonic::Response::into_inner)
                            .map_err(#support::status_error)
                    })
                    .await
            }
        }
    });

    // The mock: per rpc a responder and the typed requests (fields), and the methods that
    // program and read them, none of which may shadow a method of the trait.
    let mut mock_names = methods.clone();
    for reserved in ["new", "default", "with_recorder", "recorder"] {
        mock_names.reserve(reserved);
    }
    let mut mock_field_names = ident::Scope::with_reserved(&["recorder"]);
    struct MockNames {
        responder: Ident,
        requests: Ident,
        on: Ident,
        read: Ident,
    }
    let mocks: Vec<MockNames> = rpcs
        .iter()
        .map(|r| {
            let bare = r.name.to_string().trim_start_matches("r#").to_string();
            MockNames {
                responder: ident::ident(&mock_field_names.unique(bare.clone())),
                requests: ident::ident(&mock_field_names.unique(format!("{bare}_requests"))),
                on: ident::ident(&mock_names.unique(format!("on_{bare}"))),
                read: ident::ident(&mock_names.unique(format!("{bare}_requests"))),
            }
        })
        .collect();
    let mock_fields = rpcs.iter().zip(&mocks).map(|(r, n)| {
        let Rpc {
            mock_req,
            mock_resp,
            ..
        } = r;
        let MockNames {
            responder,
            requests,
            ..
        } = n;
        quote! {
            #responder: ::std::sync::Mutex<::treaty_runtime::mock::Responder<#mock_req, ::std::result::Result<#mock_resp, ::treaty_runtime::Error>>>,
            #requests: ::std::sync::Mutex<::std::vec::Vec<#mock_req>>,
        }
    });
    let mock_inits = rpcs.iter().zip(&mocks).map(|(r, n)| {
        let operation = &r.operation;
        let MockNames {
            responder,
            requests,
            ..
        } = n;
        quote! {
            #responder: ::std::sync::Mutex::new(::treaty_runtime::mock::Responder::new(#operation)),
            #requests: ::std::sync::Mutex::new(::std::vec::Vec::new()),
        }
    });
    let mock_accessors = rpcs.iter().zip(&mocks).map(|(r, n)| {
        let Rpc {
            mock_req: input,
            mock_resp: output,
            ..
        } = r;
        let MockNames {
            responder,
            requests,
            on,
            read,
        } = n;
        let what = match (r.method.client_streaming, r.method.server_streaming) {
            (false, false) => "",
            (false, true) => {
                " The answer is the stream's items (`Ok(vec![..])`), all sent at once, or the \
                 error that fails the call before the first."
            }
            (true, false) => {
                " A rule sees the requests collected (the mock reads the request stream to its \
                 end before answering)."
            }
            (true, true) => {
                " A rule sees the requests collected (the mock reads the request stream to its \
                 end before answering, so a client waiting for an answer before its next \
                 request waits for ever) and answers with the stream's items (`Ok(vec![..])`) \
                 or the error that fails the call."
            }
        };
        let on_doc = prose(&format!(
            "The programmed answers of `{}`: add rules with `when(..).then(..)` and a default \
             with `otherwise(..)`. Without a matching rule or a default, the call fails with \
             `Error::Unmatched`.{what}",
            r.path
        ));
        let read_doc = prose(&format!(
            "The requests `{}` received so far, in order{}.",
            r.path,
            if r.method.client_streaming {
                ", one list per call"
            } else {
                ""
            }
        ));
        quote! {
            #on_doc
            pub fn #on(&self) -> ::std::sync::MutexGuard<'_, ::treaty_runtime::mock::Responder<#input, ::std::result::Result<#output, ::treaty_runtime::Error>>> {
                #support::lock(&self.#responder)
            }

            #read_doc
            pub fn #read(&self) -> ::std::vec::Vec<#input> {
                #support::lock(&self.#requests).clone()
            }
        }
    });
    let mock_methods = rpcs.iter().zip(&mocks).map(|(r, n)| {
        let Rpc {
            name,
            input,
            param,
            arg,
            ok,
            operation,
            ..
        } = r;
        let MockNames {
            responder,
            requests,
            ..
        } = n;
        let record = if is_prost_types_message(&r.method.input_proto_type) {
            quote! { self.recorder.record(#operation, &::std::format!("{request:?}"))?; }
        } else {
            quote! { self.recorder.record(#operation, &request)?; }
        };
        let collect = if r.method.client_streaming {
            quote! {
                let request: ::std::vec::Vec<#input> = ::tokio_stream::StreamExt::collect(#param).await;
            }
        } else {
            TokenStream::new()
        };
        let answer = if r.method.server_streaming {
            quote! {
                let answers = #support::lock(&self.#responder).respond(&request)??;
                ::std::result::Result::Ok(::std::boxed::Box::pin(::tokio_stream::iter(
                    answers.into_iter().map(::std::result::Result::Ok),
                )))
            }
        } else {
            quote! { #support::lock(&self.#responder).respond(&request)? }
        };
        quote! {
            async fn #name(&self, #param: #arg) -> ::std::result::Result<#ok, ::treaty_runtime::Error> {
                #collect
                #record
                #support::lock(&self.#requests).push(::std::clone::Clone::clone(&request));
                #answer
            }
        }
    });

    // The adapter onto tonic's server trait.
    let mut adapter_names = ident::Scope::new();
    for m in &service.methods {
        adapter_names.reserve(m.name.trim_start_matches("r#"));
    }
    let into_server_fn = ident::ident(&adapter_names.unique("into_server".to_string()));
    let adapter_methods = rpcs.iter().map(|r| {
        let Rpc {
            name,
            tonic,
            input,
            output,
            ..
        } = r;
        let m = r.method;
        let request = if m.client_streaming {
            quote! { ::tonic::Request<::tonic::Streaming<#input>> }
        } else {
            quote! { ::tonic::Request<#input> }
        };
        let stream = format_ident!("{}Stream", m.proto_name);
        match (m.client_streaming, m.server_streaming) {
            (false, false) => quote! {
                async fn #tonic(&self, request: #request)
                    -> ::std::result::Result<::tonic::Response<#output>, ::tonic::Status> {
                    #api::#name(&self.0, request.into_inner())
                        .await
                        .map(::tonic::Response::new)
                        .map_err(#support::error_status)
                }
            },
            (false, true) => quote! {
                type #stream = #bs<'static, ::std::result::Result<#output, ::tonic::Status>>;

                async fn #tonic(&self, request: #request)
                    -> ::std::result::Result<::tonic::Response<Self::#stream>, ::tonic::Status> {
                    let answers = #api::#name(&self.0, request.into_inner())
                        .await
                        .map_err(#support::error_status)?;
                    ::std::result::Result::Ok(::tonic::Response::new(::std::boxed::Box::pin(
                        ::tokio_stream::StreamExt::map(answers, |answer| answer.map_err(#support::error_status)),
                    )))
                }
            },
            (true, false) => quote! {
                async fn #tonic(&self, request: #request)
                    -> ::std::result::Result<::tonic::Response<#output>, ::tonic::Status> {
                    let (requests, failure) = #support::request_stream(request.into_inner());
                    let answer = #api::#name(&self.0, requests).await;
                    if let ::std::option::Option::Some(status) = #support::lock(&failure).take() {
                        return ::std::result::Result::Err(status);
                    }
                    answer.map(::tonic::Response::new).map_err(#support::error_status)
                }
            },
            (true, true) => quote! {
                type #stream = #bs<'static, ::std::result::Result<#output, ::tonic::Status>>;

                async fn #tonic(&self, request: #request)
                    -> ::std::result::Result<::tonic::Response<Self::#stream>, ::tonic::Status> {
                    let (requests, failure) = #support::request_stream(request.into_inner());
                    let answers = #api::#name(&self.0, requests).await;
                    if let ::std::option::Option::Some(status) = #support::lock(&failure).take() {
                        return ::std::result::Result::Err(status);
                    }
                    let answers = answers.map_err(#support::error_status)?;
                    ::std::result::Result::Ok(::tonic::Response::new(#support::answer_stream(answers, failure)))
                }
            },
        }
    });

    // `()` (google.protobuf.Empty) requests are passed on like any other.
    let unit_arg = if rpcs.iter().any(|r| r.method.input_type == "()") {
        quote! { #[allow(clippy::unit_arg)] }
    } else {
        TokenStream::new()
    };
    // A streaming rpc's responder, `Vec` in a `Result` in a `Responder` in a `Mutex`.
    let complex = if unary.len() == rpcs.len() {
        TokenStream::new()
    } else {
        quote! { #[allow(clippy::type_complexity)] }
    };
    let fallbacks_doc = prose(&format!(
        "What each unary rpc of `{full}` answers when the service is unavailable (timeout, \
         transport error, 5xx or 429 status, open breaker, full bulkhead). The default returns \
         the error for every rpc.{}",
        if unary.len() == rpcs.len() {
            ""
        } else {
            " Streaming rpcs have no fallback: a stream is not a value to cache or stand in \
             for, so they return the error."
        }
    ));
    let client_doc = prose(&format!(
        "[`{api}`] over gRPC (tonic), for calling `{full}` from another service.\n\n\
         Every call asks the resolver where the service is, goes through one channel per \
         address (connected lazily, on first use, and kept), and is protected by \
         [`Resilient`](::treaty_runtime::resilience::Resilient): bulkhead, circuit breaker, \
         timeout, then the fallback in [`{fallbacks}`]. A gRPC status becomes \
         `Error::Status` with the HTTP code of the gRPC code (`UNAVAILABLE` 503, \
         `DEADLINE_EXCEEDED` 504, `RESOURCE_EXHAUSTED` 429, `NOT_FOUND` 404, \
         `INVALID_ARGUMENT` 400, ...) and the status message as body, so the breaker counts \
         what says the service is unhealthy and not what says the request was wrong.\n\n\
         Calls must run inside a tokio runtime, where tonic's channels live.{}",
        if unary.len() == rpcs.len() {
            ""
        } else {
            "\n\nA streaming rpc holds a place in the bulkhead, and counts for the breaker and \
             the timeout, while it opens: up to the response headers, after which its answers \
             stream without a time limit (client streaming: up to the answer, so the requests \
             must be sent within the timeout). An item's status error becomes `Error::Status` \
             the same way."
        }
    ));
    let mock_doc = prose(&format!(
        "[`{api}`] for tests: each rpc records its request (as JSON in the \
         [`Recorder`](::treaty_runtime::mock::Recorder), operation `{}/<Rpc>`, and typed) and \
         answers as programmed.{}",
        service.proto_name,
        if unary.len() == rpcs.len() {
            ""
        } else {
            " A streaming rpc is programmed with all its answers at once (`Ok(vec![..])`); \
             one that streams requests reads them to the end, then records and matches the \
             list."
        }
    ));
    let adapter_doc = prose(&format!(
        "Serves any [`{api}`] as the tonic server of `{full}`: \
         `{server_mod}::{tonic_server}::new({adapter}(api))` (or `{adapter}::new(api).{into_server_fn}()`) \
         goes into a `tonic::transport::Server`. An `Error` becomes the gRPC status matching its \
         HTTP code (`Status {{ code: 404, .. }}` → `NOT_FOUND`, `Timeout` → \
         `DEADLINE_EXCEEDED`, `Unmatched` → `UNIMPLEMENTED`, ...).{}",
        if unary.len() == rpcs.len() {
            ""
        } else {
            " A streamed answer's error ends the stream with its status. When a request \
             stream fails (a message that does not decode, a broken connection), the \
             implementation sees it end, and the call answers with that status instead."
        }
    ));
    let resilient_doc = prose(
        "The protection every call goes through, for inspection (breaker state, \
                         calls in flight).",
    );
    let tonic_client_doc = prose(
        "The tonic client for where the service is now: the resolver is asked, \
                            and the channel for that address is reused or connected lazily. To \
                            call without the resilience layer, or with request metadata.",
    );

    quote! {
        #trait_doc
        #[allow(deprecated)]
        pub trait #api: ::std::marker::Send + ::std::marker::Sync {
            #(#trait_methods)*
        }

        #[allow(deprecated)]
        impl<T: #api> #api for ::std::sync::Arc<T> {
            #(#arc_methods)*
        }

        #fallbacks_doc
        #[derive(Debug, Clone, Default)]
        #[allow(deprecated)]
        pub struct #fallbacks {
            #(#fallback_fields)*
        }

        #client_doc
        #[allow(clippy::type_complexity)]
        pub struct #client {
            resolver: ::std::sync::Arc<dyn ::treaty_runtime::discovery::Resolver>,
            resilient: ::std::sync::Arc<::treaty_runtime::resilience::Resilient>,
            fallbacks: #fallbacks,
            endpoint: ::std::option::Option<::std::sync::Arc<
                dyn Fn(::tonic::transport::Endpoint) -> ::std::result::Result<::tonic::transport::Endpoint, ::tonic::transport::Error>
                    + ::std::marker::Send + ::std::marker::Sync,
            >>,
            channels: ::std::sync::Mutex<::std::collections::BTreeMap<::std::string::String, ::tonic::transport::Channel>>,
        }

        impl #client {
            /// Calls the service wherever `resolver` says it is, protected by `policy`.
            pub fn new(
                resolver: impl ::treaty_runtime::discovery::Resolver + 'static,
                policy: ::treaty_runtime::resilience::Policy,
            ) -> Self {
                Self::with_resilient(
                    resolver,
                    ::std::sync::Arc::new(::treaty_runtime::resilience::Resilient::new(policy)),
                )
            }

            /// Like [`new`](Self::new), sharing `resilient` (its bulkhead, breaker and cache)
            /// with other clients of the same service.
            pub fn with_resilient(
                resolver: impl ::treaty_runtime::discovery::Resolver + 'static,
                resilient: ::std::sync::Arc<::treaty_runtime::resilience::Resilient>,
            ) -> Self {
                #client {
                    resolver: ::std::sync::Arc::new(resolver),
                    resilient,
                    fallbacks: ::std::default::Default::default(),
                    endpoint: ::std::option::Option::None,
                    channels: ::std::sync::Mutex::new(::std::collections::BTreeMap::new()),
                }
            }

            /// Answers with `fallbacks` when the service is unavailable.
            pub fn #with_fallbacks_fn(mut self, fallbacks: #fallbacks) -> Self {
                self.fallbacks = fallbacks;
                self
            }

            /// Configures each endpoint before its channel is made (TLS, HTTP/2 settings, user
            /// agent, ...).
            pub fn #with_endpoint_fn(
                mut self,
                configure: impl Fn(::tonic::transport::Endpoint) -> ::std::result::Result<::tonic::transport::Endpoint, ::tonic::transport::Error>
                    + ::std::marker::Send + ::std::marker::Sync + 'static,
            ) -> Self {
                self.endpoint = ::std::option::Option::Some(::std::sync::Arc::new(configure));
                self.channels = ::std::sync::Mutex::new(::std::collections::BTreeMap::new());
                self
            }

            #resilient_doc
            pub fn #resilient_fn(&self) -> &::treaty_runtime::resilience::Resilient {
                &self.resilient
            }

            #tonic_client_doc
            pub async fn #tonic_client_fn(&self) -> ::std::result::Result<#client_mod::#tonic_client<::tonic::transport::Channel>, ::treaty_runtime::Error> {
                let url = ::treaty_runtime::discovery::Resolver::resolve(&*self.resolver)?;
                let mut channels = #support::lock(&self.channels);
                if let ::std::option::Option::Some(channel) = channels.get(&url) {
                    return ::std::result::Result::Ok(#client_mod::#tonic_client::new(channel.clone()));
                }
                let mut endpoint = ::tonic::transport::Endpoint::from_shared(url.clone()).map_err(|e| {
                    ::treaty_runtime::Error::Discovery(::std::format!("`{url}` is not a gRPC endpoint: {e}"))
                })?;
                if let ::std::option::Option::Some(configure) = &self.endpoint {
                    endpoint = configure(endpoint).map_err(|e| {
                        ::treaty_runtime::Error::Discovery(::std::format!("configuring the endpoint `{url}`: {e}"))
                    })?;
                }
                let channel = endpoint.connect_lazy();
                channels.insert(url, channel.clone());
                ::std::result::Result::Ok(#client_mod::#tonic_client::new(channel))
            }
        }

        impl ::std::fmt::Debug for #client {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(::std::stringify!(#client))
                    .field("resilient", &self.resilient)
                    .field("fallbacks", &self.fallbacks)
                    .finish_non_exhaustive()
            }
        }

        #[allow(deprecated)]
        impl #api for #client {
            #(#client_methods)*
        }

        #mock_doc
        #[derive(Debug)]
        #[allow(deprecated)]
        #complex
        pub struct #mock {
            recorder: ::treaty_runtime::mock::Recorder,
            #(#mock_fields)*
        }

        #[allow(deprecated)]
        #complex
        impl #mock {
            /// A mock with no programmed answers and an empty record.
            pub fn new() -> Self {
                Self::with_recorder(::treaty_runtime::mock::Recorder::new())
            }

            /// A mock recording into `recorder`, which other mocks may share, so that one record
            /// shows the calls to several services in order.
            pub fn with_recorder(recorder: ::treaty_runtime::mock::Recorder) -> Self {
                #mock {
                    recorder,
                    #(#mock_inits)*
                }
            }

            /// The calls made so far.
            pub fn recorder(&self) -> &::treaty_runtime::mock::Recorder {
                &self.recorder
            }

            #(#mock_accessors)*
        }

        impl ::std::default::Default for #mock {
            fn default() -> Self {
                Self::new()
            }
        }

        #[allow(deprecated)]
        #unit_arg
        impl #api for #mock {
            #(#mock_methods)*
        }

        #adapter_doc
        #[derive(Debug, Clone, Default)]
        pub struct #adapter<T>(pub T);

        impl<T: #api + 'static> #adapter<T> {
            /// Serves `api`.
            pub fn new(api: T) -> Self {
                #adapter(api)
            }

            /// The tonic server (a tower service) to add to a `tonic::transport::Server`.
            pub fn #into_server_fn(self) -> #server_mod::#tonic_server<Self> {
                #server_mod::#tonic_server::new(self)
            }
        }

        #[::tonic::codegen::async_trait]
        #[allow(deprecated)]
        #unit_arg
        impl<T: #api + 'static> #server_mod::#tonic_trait for #adapter<T> {
            #(#adapter_methods)*
        }
    }
}

/// tonic-build's snake case for module names (`OrderService` → `order_service`).
fn naive_snake_case(name: &str) -> String {
    let mut s = String::new();
    let mut it = name.chars().peekable();
    while let Some(x) = it.next() {
        s.push(x.to_ascii_lowercase());
        if it.peek().is_some_and(|y| y.is_uppercase()) {
            s.push('_');
        }
    }
    s
}

/// The private module of conversions, with only what the generated code uses (so nothing is
/// dead code).
fn support_module(uses: &Uses, box_stream: Option<&str>) -> TokenStream {
    let mut out = TokenStream::new();
    if uses.status {
        out.extend(quote! {
            /// A gRPC status as the runtime's error: `Error::Status` with the HTTP code that
            /// corresponds to the gRPC code, as Google's API design guide maps them, and the
            /// status message as body.
            pub(super) fn status_error(status: ::tonic::Status) -> ::treaty_runtime::Error {
                use ::tonic::Code;
                let code = match status.code() {
                    Code::Ok => 200,
                    Code::Cancelled => 499,
                    Code::InvalidArgument | Code::FailedPrecondition | Code::OutOfRange => 400,
                    Code::Unauthenticated => 401,
                    Code::PermissionDenied => 403,
                    Code::NotFound => 404,
                    Code::AlreadyExists | Code::Aborted => 409,
                    Code::ResourceExhausted => 429,
                    Code::Unimplemented => 501,
                    Code::Unavailable => 503,
                    Code::DeadlineExceeded => 504,
                    Code::Unknown | Code::Internal | Code::DataLoss => 500,
                };
                ::treaty_runtime::Error::Status {
                    code,
                    body: status.message().to_string(),
                }
            }

            /// The runtime's error as a gRPC status: the reverse of [`status_error`] for
            /// `Error::Status`, and the nearest code for the other errors.
            pub(super) fn error_status(error: ::treaty_runtime::Error) -> ::tonic::Status {
                use ::tonic::Code;
                use ::treaty_runtime::Error;
                let code = match &error {
                    Error::Status { code, .. } => match *code {
                        400 => Code::InvalidArgument,
                        401 => Code::Unauthenticated,
                        403 => Code::PermissionDenied,
                        404 => Code::NotFound,
                        408 | 504 => Code::DeadlineExceeded,
                        409 => Code::AlreadyExists,
                        412 => Code::FailedPrecondition,
                        429 => Code::ResourceExhausted,
                        499 => Code::Cancelled,
                        501 => Code::Unimplemented,
                        502 | 503 => Code::Unavailable,
                        other => match other / 100 {
                            4 => Code::FailedPrecondition,
                            5 => Code::Internal,
                            _ => Code::Unknown,
                        },
                    },
                    Error::Timeout(_) => Code::DeadlineExceeded,
                    Error::Rejected { .. } => Code::ResourceExhausted,
                    Error::CircuitOpen
                    | Error::Transport(_)
                    | Error::Discovery(_)
                    | Error::Fallback { .. } => Code::Unavailable,
                    Error::Invalid { .. } => Code::InvalidArgument,
                    Error::Unmatched { .. } => Code::Unimplemented,
                    _ => Code::Internal,
                };
                let message = match error {
                    Error::Status { body, .. } => body,
                    other => other.to_string(),
                };
                ::tonic::Status::new(code, message)
            }
        });
    }
    if uses.unary {
        out.extend(quote! {
            /// The key a call's result is cached under for `Fallback::Cached`: the rpc's path and
            /// the request's encoding (deterministic: maps are `BTreeMap`s). Only computed when
            /// the fallback caches.
            pub(super) fn call_key<M: ::prost::Message, T>(
                path: &str,
                request: &M,
                fallback: &::treaty_runtime::resilience::Fallback<T>,
            ) -> ::std::string::String {
                use ::std::fmt::Write as _;
                let mut key = path.to_string();
                if ::std::matches!(fallback, ::treaty_runtime::resilience::Fallback::Cached) {
                    key.push('/');
                    for byte in request.encode_to_vec() {
                        let _ = ::std::write!(key, "{byte:02x}");
                    }
                }
                key
            }
        });
    }
    if let (true, Some(box_stream)) = (uses.request_streams, box_stream) {
        let bs = ident::ident(box_stream);
        out.extend(quote! {
            /// A stream of requests as the resilient client hands it to tonic. The type names no
            /// lifetime: with `BoxStream<'static, T>` itself, the compiler fails to prove that
            /// tonic's future is `Send`, as it forgets the `'static` (rust-lang/rust#110338).
            pub(super) struct Requests<T>(pub(super) super::#bs<'static, T>);

            impl<T> ::tokio_stream::Stream for Requests<T> {
                type Item = T;

                fn poll_next(
                    mut self: ::std::pin::Pin<&mut Self>,
                    cx: &mut ::std::task::Context<'_>,
                ) -> ::std::task::Poll<::std::option::Option<T>> {
                    self.0.as_mut().poll_next(cx)
                }

                fn size_hint(&self) -> (usize, ::std::option::Option<usize>) {
                    self.0.size_hint()
                }
            }

            /// Where the adapter keeps the error that ended a request stream.
            pub(super) type Failure = ::std::sync::Arc<::std::sync::Mutex<::std::option::Option<::tonic::Status>>>;

            /// tonic's request stream as the stream of requests the trait takes. It ends at the
            /// first error (a message that does not decode, a broken connection), which is kept
            /// in the returned slot: the adapter answers with it rather than with what the
            /// implementation made of a cut-off stream.
            pub(super) fn request_stream<T: ::std::marker::Send + 'static>(
                requests: ::tonic::Streaming<T>,
            ) -> (super::#bs<'static, T>, Failure) {
                let failure: Failure = ::std::default::Default::default();
                let slot = ::std::sync::Arc::clone(&failure);
                let requests = ::tokio_stream::StreamExt::map_while(requests, move |request| match request {
                    ::std::result::Result::Ok(request) => ::std::option::Option::Some(request),
                    ::std::result::Result::Err(status) => {
                        *lock(&slot) = ::std::option::Option::Some(status);
                        ::std::option::Option::None
                    }
                });
                (::std::boxed::Box::pin(requests), failure)
            }
        });
    }
    if let (true, Some(box_stream)) = (uses.answer_streams, box_stream) {
        let bs = ident::ident(box_stream);
        out.extend(quote! {
            /// The implementation's answers as tonic's stream, followed by the error of the
            /// request stream if it failed while the answers were streaming.
            pub(super) fn answer_stream<T: ::std::marker::Send + 'static>(
                answers: super::#bs<'static, ::std::result::Result<T, ::treaty_runtime::Error>>,
                failure: Failure,
            ) -> super::#bs<'static, ::std::result::Result<T, ::tonic::Status>> {
                let answers = ::tokio_stream::StreamExt::map(answers, |answer| answer.map_err(error_status));
                // Looked at once the answers end, not before.
                let failed = ::tokio_stream::StreamExt::filter_map(::tokio_stream::iter([()]), move |()| {
                    lock(&failure).take().map(::std::result::Result::Err)
                });
                ::std::boxed::Box::pin(::tokio_stream::StreamExt::chain(answers, failed))
            }
        });
    }
    if uses.service {
        out.extend(quote! {
            /// Locks `mutex`, also after a panic elsewhere: every critical section of the
            /// generated code leaves the data consistent.
            pub(super) fn lock<T>(mutex: &::std::sync::Mutex<T>) -> ::std::sync::MutexGuard<'_, T> {
                mutex.lock().unwrap_or_else(::std::sync::PoisonError::into_inner)
            }
        });
    }
    if uses.text_option {
        out.extend(quote! {
            /// An optional prost-types message as its `Debug` text, or null.
            pub(super) fn text_option<T: ::std::fmt::Debug, S: ::serde::Serializer>(
                value: &::std::option::Option<T>,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                match value {
                    ::std::option::Option::Some(value) => {
                        serializer.serialize_str(&::std::format!("{value:?}"))
                    }
                    ::std::option::Option::None => serializer.serialize_none(),
                }
            }
        });
    }
    if uses.text_seq {
        out.extend(quote! {
            /// Repeated prost-types messages as their `Debug` texts.
            pub(super) fn text_seq<T: ::std::fmt::Debug, S: ::serde::Serializer>(
                values: &[T],
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.collect_seq(values.iter().map(|value| ::std::format!("{value:?}")))
            }
        });
    }
    if uses.text_map {
        out.extend(quote! {
            /// A map to prost-types messages, with the values as their `Debug` texts.
            pub(super) fn text_map<K: ::serde::Serialize, V: ::std::fmt::Debug, S: ::serde::Serializer>(
                map: &::std::collections::BTreeMap<K, V>,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.collect_map(map.iter().map(|(key, value)| (key, ::std::format!("{value:?}"))))
            }
        });
    }
    if uses.text_value {
        out.extend(quote! {
            /// A prost-types message as its `Debug` text.
            pub(super) fn text_value<T: ::std::fmt::Debug, S: ::serde::Serializer>(
                value: &T,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(&::std::format!("{value:?}"))
            }
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wkt_messages_are_told_from_mapped_wrappers() {
        assert!(is_prost_types_message(".google.protobuf.Timestamp"));
        assert!(is_prost_types_message(".google.protobuf.Struct"));
        assert!(!is_prost_types_message(".google.protobuf.StringValue"));
        assert!(!is_prost_types_message(".google.protobuf.Empty"));
        assert!(!is_prost_types_message(".ftgo.common.v1.Money"));
    }

    #[test]
    fn module_names_follow_tonic() {
        assert_eq!(naive_snake_case("OrderService"), "order_service");
        assert_eq!(naive_snake_case("HTTPProxy"), "h_t_t_p_proxy");
    }

    #[test]
    fn comments_lose_their_shared_indentation() {
        let c = Comments {
            leading_detached: Vec::new(),
            leading: vec![" Creates an order.".into(), "   Indented.".into()],
            trailing: Vec::new(),
        };
        assert_eq!(comment_text(&c), "Creates an order.\n  Indented.");
    }
}
