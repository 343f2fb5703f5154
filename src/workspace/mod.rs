//! Workspaces: the treaty.yaml manifest, buf's configuration, contract discovery, and loading
//! every contract of one revision into one [`SourceMap`].
//!
//! A workspace comes from one of three places: a `treaty.yaml` (found in the current directory or
//! the nearest parent, as cargo finds Cargo.toml), a directory given on the command line (a
//! workspace of its own when it holds a treaty.yaml, buf.yaml or buf.work.yaml; otherwise every
//! contract found under it), or files given on the command line (each file's kind inferred).

pub mod buf;
pub mod discover;
pub mod image;
pub mod manifest;
pub mod revision;
pub mod version_edit;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diag::{LoadError, LoadErrors};
use crate::formats::proto::Reuse;
use crate::formats::{self, ContractSpec, LoadCx, display_path};
use crate::lint::LintConfig;
use crate::model::{Contract, ContractKind, DeclaredVersion, VersionSource};
use crate::source::{FileId, SourceMap, Span};

pub use manifest::{MANIFEST, Manifest};

/// One loaded revision of a workspace.
#[derive(Debug, Default)]
pub struct Workspace {
    /// The directory paths are shown relative to (where treaty.yaml is, or the directory given).
    pub root: PathBuf,
    pub sources: SourceMap,
    pub contracts: Vec<Contract>,
    /// The workspace's lint configuration (treaty.yaml over buf.yaml).
    pub lint: LintConfig,
    /// Per-contract lint configuration where a buf module sets its own (by contract name).
    pub contract_lint: HashMap<String, LintConfig>,
    /// The manifest file, when there is one.
    pub manifest: Option<FileId>,
    /// The manifest's `breaking` section, for `treaty check`.
    pub breaking: Option<yaml_serde::Value>,
    /// The `breaking` section of the buf.yaml the protos belong to (treaty.yaml wins over it).
    pub buf_breaking: Option<yaml_serde::Value>,
    /// Schema-registry modes from treaty.yaml: contract name → channel address or message name → mode.
    pub registry: HashMap<String, indexmap::IndexMap<String, crate::registry::RegistryEntry>>,
    /// The revision can hold protobuf contracts only (it is a protobuf image), so the other
    /// side's OpenAPI and AsyncAPI contracts have nothing to be compared with and are left out.
    pub proto_only: bool,
}

impl Workspace {
    /// The lint configuration that applies to a contract.
    pub fn lint_for(&self, contract: &Contract) -> &LintConfig {
        self.contract_lint.get(&contract.name).unwrap_or(&self.lint)
    }

    pub fn contract(&self, name: &str) -> Option<&Contract> {
        self.contracts.iter().find(|c| c.name == name)
    }

    /// Drops what only lint needs (the protobuf descriptor pools), so that a comparison holding
    /// two revisions of a large module keeps one copy of each side's descriptors, not two.
    pub fn release_lint_data(&mut self) {
        for c in &mut self.contracts {
            if let Some(p) = c.proto.as_mut() {
                p.pool = prost_reflect::DescriptorPool::new();
            }
        }
    }
}

/// Finds treaty.yaml in `start` or its nearest parent.
pub fn find_manifest(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    start
        .ancestors()
        .map(|d| d.join(MANIFEST))
        .find(|p| p.is_file())
}

/// Loads the workspace described by a treaty.yaml.
pub fn load_manifest(path: &Path) -> Result<Workspace, LoadErrors> {
    load_manifest_with(path, None)
}

fn load_manifest_with(path: &Path, reuse: Option<&Reuse>) -> Result<Workspace, LoadErrors> {
    let root = manifest_dir(path);
    let mut ws = Workspace {
        root: root.clone(),
        ..Workspace::default()
    };
    let mut errors = LoadErrors::default();
    match manifest_specs(&mut ws, path, &mut errors) {
        Ok(specs) => load_specs(&mut ws, &root, &specs, reuse, &mut errors),
        Err(e) => errors.push(e),
    }
    errors.into_result(ws)
}

fn manifest_dir(path: &Path) -> PathBuf {
    let root = path
        .parent()
        .map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        })
        .unwrap_or(Path::new("."));
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

/// Reads a manifest into the workspace's sources and settings and returns its contract specs.
fn manifest_specs(
    ws: &mut Workspace,
    path: &Path,
    errors: &mut LoadErrors,
) -> Result<Vec<ContractSpec>, LoadError> {
    let root = manifest_dir(path);
    let mut cx = LoadCx::new(&mut ws.sources, &ws.root);
    let mfile = cx.read(path)?;
    let file = cx.sources.get(mfile).clone();
    let manifest = Manifest::parse(&file)?;
    let tree = if file.text.trim().is_empty() {
        None
    } else {
        crate::formats::tree::parse(&file, mfile).ok()
    };
    let version_span = |pointer: &str| {
        tree.as_ref()
            .and_then(|t| t.pointer(pointer))
            .map(|n| n.span)
    };
    ws.manifest = Some(mfile);
    ws.breaking = manifest.breaking.clone();

    let mut specs = Vec::new();
    let mut buf_lint: Option<LintConfig> = None;
    for (service, entry) in &manifest.services {
        let service_version = entry.version.as_ref().map(|v| DeclaredVersion {
            text: v.0.clone(),
            span: version_span(&format!("/services/{}/version", pointer_token(service))),
            source: VersionSource::Service,
        });
        for (i, c) in entry.contracts.iter().enumerate() {
            let at = version_span(&format!(
                "/services/{}/contracts/{i}/path",
                pointer_token(service)
            ))
            .unwrap_or(Span::file_start(mfile));
            let files = match discover::expand(&root, &c.path) {
                Ok(f) if !f.is_empty() => f,
                Ok(_) => {
                    errors.push(
                        LoadError::at_span(
                            "treaty::manifest::no-files",
                            &ws.sources,
                            at,
                            format!("`{}` matches no file", c.path),
                        )
                        .with_label("no contract here"),
                    );
                    continue;
                }
                Err(e) => {
                    errors.push(LoadError::at_span(
                        "treaty::manifest::bad-path",
                        &ws.sources,
                        at,
                        e,
                    ));
                    continue;
                }
            };
            let kind = match c.kind.or_else(|| discover::kind_of_file(&files[0])) {
                Some(k) => k,
                None => {
                    errors.push(
                        LoadError::at_span(
                            "treaty::manifest::unknown-kind",
                            &ws.sources,
                            at,
                            format!("cannot tell what kind of contract `{}` is", c.path),
                        )
                        .with_help("add `kind: proto | openapi | asyncapi` to the contract entry"),
                    );
                    continue;
                }
            };
            let files: Vec<PathBuf> = if kind == ContractKind::Proto {
                files
                    .into_iter()
                    .filter(|f| f.extension().is_some_and(|e| e == "proto"))
                    .collect()
            } else {
                files
            };
            if kind != ContractKind::Proto && files.len() != 1 {
                errors.push(LoadError::at_span(
                    "treaty::manifest::several-files",
                    &ws.sources,
                    at,
                    format!("`{}` matches {} files; an {kind} contract is one document (list each as a contract of its own)", c.path, files.len()),
                ));
                continue;
            }
            let name = c
                .name
                .clone()
                .unwrap_or_else(|| format!("{service}/{kind}"));
            for (key, &mode) in &c.registry {
                let span = version_span(&format!(
                    "/services/{}/contracts/{i}/registry/{}",
                    pointer_token(service),
                    pointer_token(key)
                ));
                ws.registry
                    .entry(name.clone())
                    .or_default()
                    .insert(key.clone(), crate::registry::RegistryEntry { mode, span });
            }
            let mut roots: Vec<PathBuf> = c.roots.iter().map(|r| root.join(r)).collect();
            let mut excludes: Vec<PathBuf> = c.exclude.iter().map(|r| root.join(r)).collect();
            if kind == ContractKind::Proto
                && let Some(module) = discover::buf_module_for(&files[0], &root, errors)
            {
                if roots.is_empty() {
                    roots = module.roots.clone();
                }
                if excludes.is_empty() {
                    excludes = module.excludes.clone();
                }
                if buf_lint.is_none() {
                    buf_lint = Some(module.lint.clone());
                    ws.buf_breaking = module.breaking.clone();
                }
            }
            if kind == ContractKind::Proto && roots.is_empty() {
                roots.push(discover::glob_base(&root, &c.path));
            }
            let version = c
                .version
                .as_ref()
                .map(|v| DeclaredVersion {
                    text: v.0.clone(),
                    span: version_span(&format!(
                        "/services/{}/contracts/{i}/version",
                        pointer_token(service)
                    )),
                    source: VersionSource::Manifest,
                })
                .or_else(|| service_version.clone());
            if specs.iter().any(|s: &ContractSpec| s.name == name) {
                errors.push(LoadError::at_span(
                    "treaty::manifest::duplicate-name",
                    &ws.sources,
                    at,
                    format!("two contracts are named `{name}`; give one a `name:` of its own"),
                ));
                continue;
            }
            specs.push(ContractSpec {
                name,
                service: Some(service.clone()),
                kind,
                files,
                roots,
                excludes,
                version,
            });
        }
    }
    let lint = manifest.lint.clone().unwrap_or_default();
    ws.lint = match &buf_lint {
        Some(b) => lint.merged_over(b),
        None => lint,
    };
    Ok(specs)
}

/// Loads contracts into the workspace, collecting errors.
fn load_specs(
    ws: &mut Workspace,
    limit: &Path,
    specs: &[ContractSpec],
    reuse: Option<&Reuse>,
    errors: &mut LoadErrors,
) {
    for spec in specs {
        let mut cx = LoadCx::with_limit(&mut ws.sources, &ws.root, limit);
        cx.reuse = reuse;
        match formats::load(&mut cx, spec) {
            Ok(c) => ws.contracts.push(c),
            Err(e) => errors.0.extend(e.0),
        }
    }
}

/// Loads a directory: a workspace of its own when it holds treaty.yaml, buf.yaml or
/// buf.work.yaml; otherwise every contract found under it.
pub fn load_dir(dir: &Path) -> Result<Workspace, LoadErrors> {
    load_dir_with(dir, None)
}

/// Loads a directory as the earlier revision of a comparison with `reuse`'s revision, taking
/// the protobuf files that revision compiled where they are the same (see [`Reuse`]). The
/// result has no descriptor pools: it is for comparing, not for lint.
pub fn load_dir_reusing(dir: &Path, reuse: &Reuse) -> Result<Workspace, LoadErrors> {
    load_dir_with(dir, Some(reuse))
}

fn load_dir_with(dir: &Path, reuse: Option<&Reuse>) -> Result<Workspace, LoadErrors> {
    let manifest = dir.join(MANIFEST);
    if manifest.is_file() {
        return load_manifest_with(&manifest, reuse);
    }
    let root = std::fs::canonicalize(dir).map_err(|e| {
        LoadError::in_file(
            "treaty::io::not-found",
            dir.display().to_string(),
            format!("cannot read the directory: {e}"),
        )
    })?;
    let mut ws = Workspace {
        root: root.clone(),
        ..Workspace::default()
    };
    let mut errors = LoadErrors::default();
    load_dir_into(&mut ws, &root, reuse, &mut errors);
    errors.into_result(ws)
}

/// Loads a directory's contracts into a workspace whose root may be elsewhere.
fn load_dir_into(ws: &mut Workspace, dir: &Path, reuse: Option<&Reuse>, errors: &mut LoadErrors) {
    let manifest = dir.join(MANIFEST);
    if manifest.is_file() {
        match manifest_specs(ws, &manifest, errors) {
            Ok(specs) => load_specs(ws, dir, &specs, reuse, errors),
            Err(e) => errors.push(e),
        }
        return;
    }
    let found = discover::discover(dir, &ws.root, discover::ProtoRoots::Searched, errors);
    if let Some(lint) = found.lint {
        ws.lint = lint;
    }
    ws.buf_breaking = found.breaking;
    if found.specs.is_empty() && errors.is_empty() {
        errors.push(LoadError::in_file(
            "treaty::workspace::empty",
            display_path(&std::env::current_dir().unwrap_or_default(), dir),
            "no contracts found here (no .proto files, and no YAML or JSON with an `openapi:` or `asyncapi:` key)",
        ));
    }
    load_specs(ws, dir, &found.specs, reuse, errors);
}

/// Loads files and directories given on the command line, relative to `cwd`.
pub fn load_paths(paths: &[PathBuf], cwd: &Path) -> Result<Workspace, LoadErrors> {
    load_paths_with(paths, cwd, None)
}

/// [`load_paths`] for the earlier revision of a comparison (see [`load_dir_reusing`]).
pub fn load_paths_reusing(
    paths: &[PathBuf],
    cwd: &Path,
    reuse: &Reuse,
) -> Result<Workspace, LoadErrors> {
    load_paths_with(paths, cwd, Some(reuse))
}

fn load_paths_with(
    paths: &[PathBuf],
    cwd: &Path,
    reuse: Option<&Reuse>,
) -> Result<Workspace, LoadErrors> {
    if let [single] = paths
        && single.is_dir()
    {
        return load_dir_with(single, reuse);
    }
    let cwd = std::fs::canonicalize(cwd).unwrap_or_else(|_| cwd.to_path_buf());
    let mut ws = Workspace {
        root: cwd.clone(),
        ..Workspace::default()
    };
    let mut errors = LoadErrors::default();
    for path in paths {
        if path.is_dir() {
            match std::fs::canonicalize(path) {
                Ok(dir) => load_dir_into(&mut ws, &dir, reuse, &mut errors),
                Err(e) => errors.push(LoadError::in_file(
                    "treaty::io::not-found",
                    path.display().to_string(),
                    format!("cannot read the directory: {e}"),
                )),
            }
            continue;
        }
        match file_spec(path, &cwd, &mut ws, &mut errors) {
            Some((spec, limit)) => load_specs(&mut ws, &limit, &[spec], reuse, &mut errors),
            None => continue,
        }
    }
    errors.into_result(ws)
}

/// A contract spec for one file given on the command line.
fn file_spec(
    path: &Path,
    cwd: &Path,
    ws: &mut Workspace,
    errors: &mut LoadErrors,
) -> Option<(ContractSpec, PathBuf)> {
    let shown = display_path(cwd, path);
    let abs = match std::fs::canonicalize(path) {
        Ok(p) => p,
        Err(_) => {
            errors.push(LoadError::in_file(
                "treaty::io::not-found",
                shown,
                "cannot read the file: no such file",
            ));
            return None;
        }
    };
    let kind = match discover::kind_of_file(&abs) {
        Some(k) => k,
        None => {
            let mut cx = LoadCx::new(&mut ws.sources, cwd);
            match cx.read(&abs) {
                Err(e) => errors.push(e),
                Ok(id) => {
                    let f = cx.sources.get(id);
                    let e = if f.text.trim().is_empty() {
                        LoadError::in_file(
                            "treaty::syntax::empty",
                            f.display.clone(),
                            "the file is empty: it is not a contract",
                        )
                    } else {
                        LoadError::at("treaty::input::not-a-contract", f, 0, 0, "this file is not a contract: expected a .proto file, or YAML/JSON with an `openapi:` or `asyncapi:` key at the top")
                            .with_help("give treaty protobuf, OpenAPI 3.x or AsyncAPI 2.x/3.0 files")
                    };
                    errors.push(e);
                }
            }
            return None;
        }
    };
    // References may reach as far as the workspace the file belongs to.
    let manifest_dir =
        find_manifest(abs.parent().unwrap_or(cwd)).and_then(|m| m.parent().map(Path::to_path_buf));
    let limit = manifest_dir.clone().unwrap_or_else(|| {
        if abs.starts_with(cwd) {
            cwd.to_path_buf()
        } else {
            abs.parent().unwrap_or(cwd).to_path_buf()
        }
    });
    let mut roots = Vec::new();
    let mut excludes = Vec::new();
    if kind == ContractKind::Proto {
        if let Some(module) = discover::buf_module_for(&abs, Path::new("/"), errors) {
            roots = module.roots;
            excludes = module.excludes;
        } else if let Some(r) = manifest_dir
            .as_ref()
            .and_then(|d| discover::manifest_roots_for(d, &abs))
        {
            roots = r;
        } else {
            roots.push(abs.parent().unwrap_or(cwd).to_path_buf());
        }
    }
    Some((
        ContractSpec {
            name: shown,
            service: None,
            kind,
            files: vec![abs],
            roots,
            excludes,
            version: None,
        },
        limit,
    ))
}

/// Escapes a key for a JSON pointer.
fn pointer_token(s: &str) -> String {
    crate::formats::tree::escape_pointer_token(s)
}
