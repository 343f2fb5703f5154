//! `treaty gen rust`: a Cargo workspace of Rust crates from a workspace's contracts.
//!
//! One crate per service, named `<service>-api` (library `<service>_api`), holding what another
//! service needs to talk to it and what tests need to stand in for it:
//!
//! * `types`: serde types for the JSON schemas of the OpenAPI and AsyncAPI contracts ([`types`]);
//! * `http`: an async client trait per OpenAPI contract, its reqwest implementation and a mock;
//! * `grpc`: prost messages and tonic clients for the protobuf contracts, and mocks;
//! * `messaging`: the envelope, typed publishers, handler traits, request/reply helpers and a
//!   contract-checking in-memory broker setup for the AsyncAPI contracts.
//!
//! Beside them, `treaty-runtime` is written verbatim: the hand-written, separately tested code that
//! every generated crate shares (resilience, discovery, messaging transport, mocks). A
//! `Cargo.toml` at the top makes the directory one workspace.
//!
//! The same generation is available from a `build.rs` through [`Builder`], which writes one
//! service as a single file of modules for `include!`.

pub mod grpc;
pub mod http;
pub mod ident;
pub mod messaging;
pub mod schema_json;
pub mod types;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proc_macro2::TokenStream;
use quote::quote;

use super::{GenError, Tree};
use crate::model::{Contract, ContractKind};
use crate::workspace::Workspace;

/// What to generate.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The services to generate crates for, by their name in treaty.yaml; empty means every
    /// service that has contracts. Contracts outside any service form a service named after
    /// their file.
    pub services: Vec<String>,
}

/// A module of a generated crate.
#[derive(Clone, Debug)]
pub struct Module {
    /// The module's name (`types`, `http`), also its file stem.
    pub name: String,
    /// The contract files it was generated from, for the header comment.
    pub sources: Vec<String>,
    /// The module's items, including its inner doc attributes (`#![doc = ...]`).
    pub code: TokenStream,
}

/// What one crate is being built from and what it needs; each format's generator adds to it.
pub struct CrateCx<'a> {
    pub ws: &'a Workspace,
    pub service: String,
    /// `order-api`.
    pub crate_name: String,
    pub types: types::TypeGen,
    /// Cargo dependencies: name → the TOML value after `name = `.
    pub deps: BTreeMap<String, String>,
    /// Cargo features: name → what they enable.
    pub features: BTreeMap<String, Vec<String>>,
    /// Module names taken in the crate.
    pub modules: ident::Scope,
}

impl<'a> CrateCx<'a> {
    pub fn new(ws: &'a Workspace, service: &str) -> CrateCx<'a> {
        let mut deps = BTreeMap::new();
        deps.insert(
            "treaty-runtime".to_string(),
            r#"{ path = "../treaty-runtime" }"#.to_string(),
        );
        deps.insert(
            "serde".to_string(),
            r#"{ version = "1", features = ["derive"] }"#.to_string(),
        );
        deps.insert("serde_json".to_string(), r#""1""#.to_string());
        CrateCx {
            ws,
            service: service.to_string(),
            crate_name: crate_name(service),
            types: types::TypeGen::new(),
            deps,
            features: BTreeMap::new(),
            modules: ident::Scope::with_reserved(&["types", "runtime"]),
        }
    }

    /// Adds (or replaces) a dependency: `dep("reqwest", r#"{ version = "0.13" }"#)`.
    pub fn dep(&mut self, name: &str, value: &str) {
        self.deps.insert(name.to_string(), value.to_string());
    }

    /// Adds a Cargo feature that enables `enables` (merged with what it enables already).
    pub fn feature(&mut self, name: &str, enables: &[&str]) {
        let f = self.features.entry(name.to_string()).or_default();
        for e in enables {
            if !f.iter().any(|x| x == e) {
                f.push(e.to_string());
            }
        }
    }

    /// The display path of every file of `contract`, for header comments.
    pub fn source_names(&self, contract: &Contract) -> Vec<String> {
        contract
            .files
            .iter()
            .map(|f| self.ws.sources.get(*f).display.clone())
            .collect()
    }
}

/// The crate name for a service: `order` → `order-api`.
pub fn crate_name(service: &str) -> String {
    let mut name: String = ident::snake(service).replace('_', "-");
    name = name.trim_start_matches('-').to_string();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "svc-");
    }
    format!("{name}-api")
}

/// A generated crate before rendering.
pub struct CrateOut {
    pub service: String,
    pub crate_name: String,
    pub version: String,
    pub description: String,
    pub modules: Vec<Module>,
    pub deps: BTreeMap<String, String>,
    pub features: BTreeMap<String, Vec<String>>,
}

/// The services of a workspace and their contracts, in manifest order.
pub fn services(ws: &Workspace) -> Vec<(String, Vec<&Contract>)> {
    let mut out: Vec<(String, Vec<&Contract>)> = Vec::new();
    for c in &ws.contracts {
        let service = c.service.clone().unwrap_or_else(|| {
            let stem = c.name.rsplit('/').next().unwrap_or(&c.name);
            stem.split('.').next().unwrap_or(stem).to_string()
        });
        match out.iter_mut().find(|(s, _)| *s == service) {
            Some((_, list)) => list.push(c),
            None => out.push((service, vec![c])),
        }
    }
    out
}

/// Generates the crate of one service.
pub fn generate_crate(
    ws: &Workspace,
    service: &str,
    contracts: &[&Contract],
) -> Result<CrateOut, GenError> {
    let mut cx = CrateCx::new(ws, service);
    for contract in contracts.iter().filter(|c| c.kind != ContractKind::Proto) {
        cx.types.components(contract);
    }
    let mut modules = Vec::new();
    for kind in [
        ContractKind::Openapi,
        ContractKind::Proto,
        ContractKind::Asyncapi,
    ] {
        for contract in contracts.iter().filter(|c| c.kind == kind) {
            let module = match kind {
                ContractKind::Openapi => http::generate(&mut cx, contract)?,
                ContractKind::Proto => grpc::generate(&mut cx, contract)?,
                ContractKind::Asyncapi => messaging::generate(&mut cx, contract)?,
            };
            modules.extend(module);
        }
    }
    let mut sources: Vec<String> = contracts
        .iter()
        .filter(|c| c.kind != ContractKind::Proto)
        .flat_map(|c| cx.source_names(c))
        .collect();
    sources.sort();
    sources.dedup();
    if cx.types.needs_regex {
        cx.dep(
            "regex",
            r#"{ version = "1", default-features = false, features = ["std", "unicode-perl"] }"#,
        );
    }
    if let Some(code) = cx.types.take_module() {
        modules.insert(
            0,
            Module {
                name: "types".to_string(),
                sources,
                code,
            },
        );
    }
    let version = contracts
        .iter()
        .filter_map(|c| c.version.as_ref())
        .filter_map(|v| semver::Version::parse(v.text.trim()).ok())
        .max()
        .map(|v| v.to_string())
        .unwrap_or_else(|| "0.1.0".to_string());
    let titles: Vec<String> = contracts.iter().filter_map(|c| c.title.clone()).collect();
    let description = if titles.is_empty() {
        format!("Clients, types and mocks for the {service} service, generated by treaty")
    } else {
        format!(
            "Clients, types and mocks for the {service} service ({}), generated by treaty",
            titles.join(", ")
        )
    };
    Ok(CrateOut {
        service: service.to_string(),
        crate_name: cx.crate_name,
        version,
        description,
        modules,
        deps: cx.deps,
        features: cx.features,
    })
}

/// Generates the whole output directory for `options`.
pub fn generate(ws: &Workspace, options: &Options) -> Result<Tree, GenError> {
    let all = services(ws);
    for wanted in &options.services {
        if !all.iter().any(|(s, _)| s == wanted) {
            let known: Vec<&str> = all.iter().map(|(s, _)| s.as_str()).collect();
            return Err(GenError::Invalid(format!(
                "no service `{wanted}` in the workspace (services: {})",
                known.join(", ")
            )));
        }
    }
    let mut tree = Tree::default();
    let mut members = vec!["treaty-runtime".to_string()];
    let mut names = ident::Scope::with_reserved(&["treaty-runtime"]);
    for (service, contracts) in &all {
        if !options.services.is_empty() && !options.services.contains(service) {
            continue;
        }
        let mut krate = generate_crate(ws, service, contracts)?;
        krate.crate_name = names.unique(krate.crate_name.clone());
        let dir = krate.crate_name.clone();
        tree.insert(format!("{dir}/Cargo.toml"), cargo_toml(&krate));
        tree.insert(format!("{dir}/src/lib.rs"), render_lib(&krate)?);
        for m in &krate.modules {
            tree.insert(
                format!("{dir}/src/{}.rs", m.name),
                render_file(&m.code, &m.sources)?,
            );
        }
        members.push(dir);
    }
    for (path, text) in RUNTIME {
        let text = if *path == "Cargo.toml.tmpl" {
            tree.insert("treaty-runtime/Cargo.toml", *text);
            continue;
        } else {
            *text
        };
        tree.insert(format!("treaty-runtime/{path}"), text);
    }
    tree.insert("Cargo.toml", workspace_toml(&members));
    Ok(tree)
}

/// The runtime crate's files, written verbatim.
pub const RUNTIME: &[(&str, &str)] = &[
    ("Cargo.toml.tmpl", include_str!("runtime/Cargo.toml.tmpl")),
    ("src/lib.rs", include_str!("runtime/src/lib.rs")),
    ("src/error.rs", include_str!("runtime/src/error.rs")),
    ("src/discovery.rs", include_str!("runtime/src/discovery.rs")),
    ("src/messaging.rs", include_str!("runtime/src/messaging.rs")),
    ("src/broker.rs", include_str!("runtime/src/broker.rs")),
    ("src/mock.rs", include_str!("runtime/src/mock.rs")),
    ("src/dispatch.rs", include_str!("runtime/src/dispatch.rs")),
    ("src/http.rs", include_str!("runtime/src/http.rs")),
    ("src/validate.rs", include_str!("runtime/src/validate.rs")),
    (
        "src/resilience/mod.rs",
        include_str!("runtime/src/resilience/mod.rs"),
    ),
    (
        "src/resilience/breaker.rs",
        include_str!("runtime/src/resilience/breaker.rs"),
    ),
];

const HEADER: &str =
    "// @generated by `treaty gen rust`. Do not edit: change the contract and regenerate.\n";

fn workspace_toml(members: &[String]) -> String {
    let mut out = String::from(
        "# @generated by `treaty gen rust`. Do not edit: change the contracts and regenerate.\n\
         # One crate per service (`<service>-api`) and the runtime they share.\n\
         [workspace]\nresolver = \"2\"\nmembers = [\n",
    );
    for m in members {
        out.push_str(&format!("    \"{m}\",\n"));
    }
    out.push_str("]\n");
    out
}

fn toml_str(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serialises")
}

fn cargo_toml(k: &CrateOut) -> String {
    let mut out = format!(
        "# @generated by `treaty gen rust`. Do not edit: change the contracts and regenerate.\n\
         [package]\nname = {}\nversion = {}\nedition = \"2021\"\nrust-version = \"1.88\"\n\
         description = {}\npublish = false\n\n[lib]\npath = \"src/lib.rs\"\n\
         # Contract descriptions are prose, not Rust: never run them as doctests.\ndoctest = false\n\n\
         [dependencies]\n",
        toml_str(&k.crate_name),
        toml_str(&k.version),
        toml_str(&k.description),
    );
    for (name, value) in &k.deps {
        out.push_str(&format!("{name} = {value}\n"));
    }
    if !k.features.is_empty() {
        out.push_str("\n[features]\n");
        for (name, enables) in &k.features {
            let list: Vec<String> = enables.iter().map(|e| toml_str(e)).collect();
            out.push_str(&format!("{name} = [{}]\n", list.join(", ")));
        }
    }
    out
}

fn render_lib(k: &CrateOut) -> Result<String, GenError> {
    let doc = format!(
        "Clients, types and mocks for the `{}` service, generated by `treaty gen rust` from its \
         contracts.\n\nModules: {}.",
        k.service,
        k.modules
            .iter()
            .map(|m| format!("[`{}`]", m.name))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let docs = doc_inner(&doc);
    let mods = k.modules.iter().map(|m| {
        let name = ident::ident(&m.name);
        quote! { pub mod #name; }
    });
    let code = quote! {
        #docs
        #(#mods)*
        /// The runtime every generated crate shares: resilience, discovery, messaging and mocks.
        pub use treaty_runtime as runtime;
    };
    render_file(&code, &[])
}

/// Formats a module's code as a file: the header comment, then prettyplease's rendering.
pub fn render_file(code: &TokenStream, sources: &[String]) -> Result<String, GenError> {
    let file: syn::File = syn::parse2(code.clone()).map_err(|e| {
        GenError::Invalid(format!(
            "generated code does not parse ({e}); this is a bug in treaty: {code}"
        ))
    })?;
    let mut out = String::from(HEADER);
    if !sources.is_empty() {
        out.push_str("// Generated from: ");
        out.push_str(&sources.join(", "));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&space_items(&prettyplease::unparse(&file)));
    Ok(out)
}

/// Puts a blank line between items (prettyplease writes them back to back), so the generated
/// code reads like hand-written code.
fn space_items(code: &str) -> String {
    const STARTS: &[&str] = &[
        "///", "#[", "pub ", "pub(", "impl", "fn ", "async fn", "struct ", "enum ", "type ",
        "const ", "static ", "mod ", "trait ", "use ", "unsafe ",
    ];
    let lines: Vec<&str> = code.lines().collect();
    let mut out = String::with_capacity(code.len() + code.len() / 8);
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        out.push('\n');
        let Some(next) = lines.get(i + 1) else {
            continue;
        };
        let indent = line.len() - line.trim_start().len();
        let next_indent = next.len() - next.trim_start().len();
        let trimmed = line.trim();
        if trimmed.starts_with("//") {
            continue;
        }
        let ends_item = trimmed == "}"
            || trimmed == "};"
            || trimmed.ends_with(" {}")
            || (trimmed.ends_with(';') && !trimmed.starts_with("use ") && indent == 0);
        let ends_use = trimmed.starts_with("use ") && !next.trim().starts_with("use ");
        // A run of `mod x;` declarations stays together.
        let is_mod_decl = |l: &str| {
            let l = l.trim();
            (l.starts_with("pub mod ") || l.starts_with("mod ")) && l.ends_with(';')
        };
        if is_mod_decl(line) && is_mod_decl(next) {
            continue;
        }
        if (ends_item || ends_use)
            && indent == next_indent
            && STARTS.iter().any(|s| next.trim_start().starts_with(s))
        {
            out.push('\n');
        }
    }
    out
}

/// `json` as a raw string literal, compact, with as many `#`s as it needs: how generated code
/// embeds a JSON Schema.
pub fn raw_json(json: &serde_json::Value) -> TokenStream {
    let text = json.to_string();
    let mut hashes = 1;
    while text.contains(&format!("\"{}", "#".repeat(hashes))) {
        hashes += 1;
    }
    let h = "#".repeat(hashes);
    format!("r{h}\"{text}\"{h}")
        .parse()
        .unwrap_or_else(|_| quote! { #text })
}

/// `#[doc = ...]` outer attributes for `text`, one per line, each line starting with a space as
/// `///` comments do. A line can never end the comment early: the text is a string literal.
pub fn doc(text: &str) -> TokenStream {
    let lines = doc_lines(text);
    quote! { #( #[doc = #lines] )* }
}

/// `#![doc = ...]` inner attributes for a module's documentation.
pub fn doc_inner(text: &str) -> TokenStream {
    let lines = doc_lines(text);
    quote! { #( #![doc = #lines] )* }
}

fn doc_lines(text: &str) -> Vec<String> {
    // rustc refuses a carriage return inside a doc comment unless it ends the line.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    text.lines()
        .map(|l| {
            let l = l.trim_end();
            if l.is_empty() {
                String::new()
            } else {
                format!(" {l}")
            }
        })
        .collect()
}

/// Generation for a `build.rs`, the way prost-build and tonic-build are used:
///
/// ```no_run
/// // build.rs
/// let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
/// treaty::codegen::rust::Builder::new("../../treaty.yaml")
///     .service("kitchen")
///     .generate(out.join("kitchen.rs"))
///     .unwrap();
/// ```
///
/// and in the crate: `include!(concat!(env!("OUT_DIR"), "/kitchen.rs"));`. The file holds the
/// service's modules (`types`, `http`, `messaging`, `grpc`) as inline modules; the crate needs
/// the dependencies the generated `Cargo.toml` would list (see [`Builder::dependencies`]).
#[derive(Clone, Debug)]
pub struct Builder {
    workspace: PathBuf,
    service: Option<String>,
}

impl Builder {
    /// Contracts from `workspace`: a treaty.yaml (or buf.yaml) or a directory holding one.
    pub fn new(workspace: impl Into<PathBuf>) -> Builder {
        Builder {
            workspace: workspace.into(),
            service: None,
        }
    }

    /// The service to generate (required when the workspace has more than one).
    pub fn service(mut self, name: impl Into<String>) -> Builder {
        self.service = Some(name.into());
        self
    }

    fn load(&self) -> Result<(Workspace, String), GenError> {
        let ws = load_workspace(&self.workspace)?;
        let all = services(&ws);
        let service = match &self.service {
            Some(s) => s.clone(),
            None if all.len() == 1 => all[0].0.clone(),
            None => {
                return Err(GenError::Invalid(format!(
                    "the workspace has several services ({}); choose one with Builder::service",
                    all.iter()
                        .map(|(s, _)| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
        };
        Ok((ws, service))
    }

    /// The service's crate, as it would be generated.
    fn crate_out(&self) -> Result<CrateOut, GenError> {
        let (ws, service) = self.load()?;
        let all = services(&ws);
        let Some((_, contracts)) = all.iter().find(|(s, _)| *s == service) else {
            return Err(GenError::Invalid(format!(
                "no service `{service}` in the workspace"
            )));
        };
        let krate = generate_crate(&ws, &service, contracts)?;
        if std::env::var_os("CARGO").is_some() {
            // Rerun the build script when a contract changes.
            for c in contracts {
                for f in &c.files {
                    println!(
                        "cargo:rerun-if-changed={}",
                        ws.sources.get(*f).path.display()
                    );
                }
            }
        }
        Ok(krate)
    }

    /// Writes the service's modules into one file at `path` (atomically, and only when its
    /// contents changed).
    pub fn generate(&self, path: impl AsRef<Path>) -> Result<(), GenError> {
        let krate = self.crate_out()?;
        let mods = krate.modules.iter().map(|m| {
            let name = ident::ident(&m.name);
            let code = &m.code;
            quote! { pub mod #name { #code } }
        });
        let text = render_file(&quote! { #(#mods)* }, &[])?;
        let path = path.as_ref();
        if std::fs::read(path).ok().as_deref() != Some(text.as_bytes()) {
            super::write_atomic(path, text.as_bytes())?;
        }
        Ok(())
    }

    /// The `[dependencies]` lines the generated code needs, as the generated Cargo.toml has them.
    pub fn dependencies(&self) -> Result<Vec<String>, GenError> {
        let krate = self.crate_out()?;
        Ok(krate
            .deps
            .iter()
            .map(|(n, v)| format!("{n} = {v}"))
            .collect())
    }
}

fn load_workspace(path: &Path) -> Result<Workspace, GenError> {
    let result = if path.is_dir() {
        let manifest = path.join("treaty.yaml");
        if manifest.is_file() {
            crate::workspace::load_manifest(&manifest)
        } else {
            crate::workspace::load_dir(path)
        }
    } else if path.file_name().is_some_and(|n| n == "treaty.yaml") {
        crate::workspace::load_manifest(path)
    } else {
        crate::workspace::load_dir(path.parent().unwrap_or(Path::new(".")))
    };
    result.map_err(|errors| GenError::Invalid(format!("the contracts do not load:\n{errors}")))
}
