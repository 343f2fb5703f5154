//! Loaders: each turns the files of one contract into the [`Contract`] model, and nothing else.
//!
//! A loader reads files through [`LoadCx`], which registers them in the side's [`SourceMap`] (so
//! every span can be rendered later), refuses files outside the workspace root and anything that
//! is not UTF-8 text, and shows paths relative to the root.

pub mod asyncapi;
pub mod jsonschema;
pub mod openapi;
pub mod proto;
pub mod refs;
pub mod tree;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{LoadError, LoadErrors};
use crate::model::{Contract, ContractKind, DeclaredVersion};
use crate::source::{FileId, SourceMap};

/// What the manifest (or the command line) says about one contract.
#[derive(Clone, Debug)]
pub struct ContractSpec {
    pub name: String,
    pub service: Option<String>,
    pub kind: ContractKind,
    /// The contract's files, absolute or relative to the current directory. For OpenAPI and
    /// AsyncAPI exactly one (the root document); for proto one or more `.proto` files.
    pub files: Vec<PathBuf>,
    /// Proto import roots (directories); the well-known types are always available.
    pub roots: Vec<PathBuf>,
    /// Proto files to leave out (buf `excludes`).
    pub excludes: Vec<PathBuf>,
    /// A version declared in the manifest (proto, or the service's version).
    pub version: Option<DeclaredVersion>,
}

/// Loading context for one side (one workspace revision).
pub struct LoadCx<'a> {
    pub sources: &'a mut SourceMap,
    /// Paths are shown relative to this directory.
    pub root: PathBuf,
    /// Files may not be read from outside this directory (the contract's own workspace root).
    pub limit: PathBuf,
}

impl<'a> LoadCx<'a> {
    pub fn new(sources: &'a mut SourceMap, root: &Path) -> LoadCx<'a> {
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        LoadCx {
            sources,
            limit: root.clone(),
            root,
        }
    }

    /// The same, with references confined to `limit` rather than to the display root.
    pub fn with_limit(sources: &'a mut SourceMap, root: &Path, limit: &Path) -> LoadCx<'a> {
        let mut cx = LoadCx::new(sources, root);
        cx.limit = std::fs::canonicalize(limit).unwrap_or_else(|_| limit.to_path_buf());
        cx
    }

    /// The path shown to users: relative to the root with `/` separators, else as given.
    pub fn display(&self, path: &Path) -> String {
        display_path(&self.root, path)
    }

    /// True when the path (after resolving `..` and links) lies inside the root.
    pub fn inside_root(&self, path: &Path) -> bool {
        match std::fs::canonicalize(path) {
            Ok(p) => p.starts_with(&self.limit),
            Err(_) => normalize(path).starts_with(&self.limit),
        }
    }

    /// Reads a file into the source map (once; a second read returns the same id).
    pub fn read(&mut self, path: &Path) -> Result<FileId, LoadError> {
        let canonical = std::fs::canonicalize(path).map_err(|e| {
            LoadError::in_file(
                "treaty::io::not-found",
                self.display(path),
                format!("cannot read the file: {}", io_reason(&e)),
            )
        })?;
        if let Some(id) = self.sources.find(&canonical) {
            return Ok(id);
        }
        let bytes = std::fs::read(&canonical).map_err(|e| {
            LoadError::in_file(
                "treaty::io::unreadable",
                self.display(path),
                format!("cannot read the file: {}", io_reason(&e)),
            )
        })?;
        let display = self.display(&canonical);
        let text = text_of(bytes, &display)?;
        Ok(self.sources.add(canonical, display, text))
    }
}

/// Turns file bytes into text, refusing binary content with a clear error.
pub fn text_of(bytes: Vec<u8>, display: &str) -> Result<Arc<str>, LoadError> {
    let bytes = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    if bytes.contains(&0) {
        return Err(LoadError::in_file(
            "treaty::io::binary",
            display,
            "this is a binary file, not a contract (it contains NUL bytes)",
        ));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(Arc::from(s)),
        Err(e) => Err(LoadError::in_file(
            "treaty::io::not-utf8",
            display,
            format!(
                "the file is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// `path` relative to `root` with `/` separators, else the path as given.
pub fn display_path(root: &Path, path: &Path) -> String {
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| normalize(path));
    let shown = abs
        .strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf());
    let s = shown
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    if s.is_empty() { ".".to_string() } else { s }
}

/// Resolves `.` and `..` lexically (for paths that do not exist).
pub fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let base = if path.is_absolute() {
        PathBuf::new()
    } else {
        std::env::current_dir().unwrap_or_default()
    };
    let mut out = base;
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Infers a file's kind from its extension and, for YAML and JSON, its top-level version key.
pub fn infer_kind(path: &Path, text: &str) -> Option<ContractKind> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    match ext {
        "proto" => Some(ContractKind::Proto),
        "yaml" | "yml" | "json" => {
            for line in text.lines().take(400) {
                let t = line
                    .trim_start_matches(['{', ' ', '\t'])
                    .trim_start_matches('"');
                if line.starts_with(' ') && !line.trim_start().starts_with('"') {
                    continue;
                }
                if t.starts_with("openapi") || t.starts_with("swagger") {
                    return Some(ContractKind::Openapi);
                }
                if t.starts_with("asyncapi") {
                    return Some(ContractKind::Asyncapi);
                }
            }
            None
        }
        _ => None,
    }
}

/// Loads one contract.
pub fn load(cx: &mut LoadCx, spec: &ContractSpec) -> Result<Contract, LoadErrors> {
    let mut contract = match spec.kind {
        ContractKind::Proto => proto::load(cx, spec)?,
        ContractKind::Openapi => openapi::load(cx, spec)?,
        ContractKind::Asyncapi => asyncapi::load(cx, spec)?,
    };
    contract.name = spec.name.clone();
    contract.service = spec.service.clone();
    contract.document_version = contract.version.take();
    contract.version = spec
        .version
        .clone()
        .or_else(|| contract.document_version.clone());
    Ok(contract)
}
