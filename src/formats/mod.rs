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
    /// Another revision's compiled protobuf files, which this load may take where it would
    /// compile the same (the old side of a comparison; see [`proto::Reuse`]).
    pub reuse: Option<&'a proto::Reuse<'a>>,
}

impl<'a> LoadCx<'a> {
    pub fn new(sources: &'a mut SourceMap, root: &Path) -> LoadCx<'a> {
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        LoadCx {
            sources,
            limit: root.clone(),
            root,
            reuse: None,
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

/// `path` relative to `root` with `/` separators (with `..` steps when it lies outside).
pub fn display_path(root: &Path, path: &Path) -> String {
    use std::path::Component;
    let abs = std::fs::canonicalize(path).unwrap_or_else(|_| normalize(path));
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| normalize(root));
    let a: Vec<Component> = abs.components().collect();
    let r: Vec<Component> = root.components().collect();
    let common = a.iter().zip(r.iter()).take_while(|(x, y)| x == y).count();
    // Outside the root by more than the filesystem root: show it absolute.
    if common <= 1 && r.len() > 1 {
        return abs.to_string_lossy().replace('\\', "/");
    }
    let mut parts: Vec<String> = std::iter::repeat_n("..".to_string(), r.len() - common).collect();
    parts.extend(
        a[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
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

/// Infers a file's kind from its extension and, for YAML and JSON, its version key: a top-level
/// `openapi:`, `swagger:` or `asyncapi:` anywhere in the document (Stripe's description sorts its
/// keys, so `openapi` comes after `components`).
pub fn infer_kind(path: &Path, text: &str) -> Option<ContractKind> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let key = |t: &str| -> Option<ContractKind> {
        let t = t.trim_start_matches('"').trim_start_matches('\'');
        let (name, rest) = t.split_at(
            t.find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(t.len()),
        );
        let rest = rest.trim_start_matches(['"', '\'']).trim_start();
        if !rest.starts_with(':') {
            return None;
        }
        match name {
            "openapi" | "swagger" => Some(ContractKind::Openapi),
            "asyncapi" => Some(ContractKind::Asyncapi),
            _ => None,
        }
    };
    match ext {
        "proto" => Some(ContractKind::Proto),
        "json" => {
            // JSON documents: a version key at any depth is as good a sign as we can read cheaply.
            ["\"openapi\"", "\"swagger\"", "\"asyncapi\""]
                .iter()
                .filter_map(|k| text.find(k).map(|i| (i, k)))
                .min()
                .and_then(|(i, _)| key(&text[i..]))
        }
        "yaml" | "yml" => text
            .lines()
            .filter(|l| !l.starts_with([' ', '\t', '#', '-']))
            .find_map(|l| key(l.trim_start_matches('{').trim_start())),
        _ => None,
    }
}

/// Adds to `contract.files` every file the contract was read from besides its root: files
/// reached by `$ref` and files the schema builder read (both recorded as `file#pointer`).
pub fn collect_referenced_files(sources: &SourceMap, contract: &mut Contract) {
    let by_display: std::collections::HashMap<&str, FileId> = sources
        .files()
        .map(|(id, f)| (f.display.as_str(), id))
        .collect();
    let mut files: Vec<FileId> = Vec::new();
    let locations = contract
        .referenced
        .iter()
        .map(String::as_str)
        .chain(contract.schemas.iter().map(|(_, s)| s.location.as_str()));
    for location in locations {
        let display = location.split_once('#').map(|(d, _)| d).unwrap_or(location);
        if let Some(id) = by_display.get(display)
            && !files.contains(id)
        {
            files.push(*id);
        }
    }
    files.sort();
    for id in files {
        if !contract.files.contains(&id) {
            contract.files.push(id);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_inferred_from_a_top_level_version_key_anywhere() {
        let p = Path::new("a.yaml");
        assert_eq!(
            infer_kind(p, "components: {}\nopenapi: 3.0.0\n"),
            Some(ContractKind::Openapi)
        );
        assert_eq!(
            infer_kind(p, "# c\nasyncapi: '3.0.0'\n"),
            Some(ContractKind::Asyncapi)
        );
        assert_eq!(
            infer_kind(p, "swagger: '2.0'\n"),
            Some(ContractKind::Openapi)
        );
        assert_eq!(infer_kind(p, "info:\n  openapi: 3.0.0\n"), None);
        assert_eq!(infer_kind(p, "openapi_notes: x\n"), None);
        assert_eq!(
            infer_kind(
                Path::new("a.json"),
                "{\n  \"info\": {},\n  \"openapi\": \"3.1.0\"\n}"
            ),
            Some(ContractKind::Openapi)
        );
        assert_eq!(infer_kind(Path::new("a.json"), "{\"title\": \"x\"}"), None);
        assert_eq!(
            infer_kind(Path::new("a.proto"), ""),
            Some(ContractKind::Proto)
        );
    }

    #[test]
    fn paths_outside_the_root_are_shown_with_parent_steps() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("a/b");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(dir.path().join("c")).unwrap();
        std::fs::write(dir.path().join("c/x.yaml"), "").unwrap();
        std::fs::write(root.join("y.yaml"), "").unwrap();
        assert_eq!(
            display_path(&root, &dir.path().join("c/x.yaml")),
            "../../c/x.yaml"
        );
        assert_eq!(display_path(&root, &root.join("y.yaml")), "y.yaml");
        assert_eq!(display_path(&root, &root), ".");
    }
}
