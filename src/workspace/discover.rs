//! Finding contracts: expanding manifest paths and globs, inferring kinds, locating the buf module
//! a .proto file belongs to, and discovering every contract under a directory (for a directory
//! given on the command line and for `treaty init`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobMatcher};
use walkdir::WalkDir;

use super::buf::{self, BufModule};
use crate::diag::{LoadError, LoadErrors};
use crate::formats::{ContractSpec, display_path, infer_kind, text_of};
use crate::lint::LintConfig;
use crate::model::ContractKind;
use crate::source::SourceFile;

/// Directories never searched.
const SKIP_DIRS: &[&str] = &["target", "node_modules", "vendor", "third_party"];

fn skipped(entry: &walkdir::DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    entry.depth() > 0
        && entry.file_type().is_dir()
        && (name.starts_with('.') || SKIP_DIRS.contains(&name.as_ref()))
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| !skipped(e))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    out.sort();
    out
}

fn is_glob(p: &str) -> bool {
    p.contains(['*', '?', '[', '{'])
}

/// The directory a path or glob starts from (the part before the first glob character).
pub fn glob_base(root: &Path, pattern: &str) -> PathBuf {
    let mut base = root.to_path_buf();
    for part in pattern.split('/') {
        if is_glob(part) {
            break;
        }
        base.push(part);
    }
    if base.is_file() {
        base.pop();
    }
    base
}

/// Expands a manifest path (a file, a directory or a glob, relative to `root`) to files, sorted.
pub fn expand(root: &Path, pattern: &str) -> Result<Vec<PathBuf>, String> {
    if Path::new(pattern).is_absolute() || pattern.split('/').any(|p| p == "..") {
        return Err(format!(
            "`{pattern}` must be a path inside the workspace, relative to treaty.yaml"
        ));
    }
    if !is_glob(pattern) {
        let p = root.join(pattern);
        if p.is_file() {
            return Ok(vec![p]);
        }
        if p.is_dir() {
            return Ok(files_under(&p)
                .into_iter()
                .filter(|f| kind_of_file(f).is_some())
                .collect());
        }
        return Ok(Vec::new());
    }
    let glob: GlobMatcher = Glob::new(pattern)
        .map_err(|e| format!("`{pattern}` is not a valid glob: {e}"))?
        .compile_matcher();
    let base = glob_base(root, pattern);
    Ok(files_under(&base)
        .into_iter()
        .filter(|f| f.strip_prefix(root).is_ok_and(|rel| glob.is_match(rel)))
        .collect())
}

/// The kind of a file from its extension and its first lines.
pub fn kind_of_file(path: &Path) -> Option<ContractKind> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    match ext {
        "proto" => Some(ContractKind::Proto),
        "yaml" | "yml" | "json" => {
            let text = std::fs::read(path).ok()?;
            infer_kind(path, &String::from_utf8_lossy(&text))
        }
        _ => None,
    }
}

fn read_head(path: &Path) -> Option<String> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).ok()?;
    let mut buf = vec![0u8; 16 * 1024];
    let n = f.read(&mut buf).ok()?;
    buf.truncate(n);
    Some(String::from_utf8_lossy(&buf).into_owned())
}

fn source_file(path: &Path, root: &Path) -> Result<SourceFile, LoadError> {
    let display = display_path(root, path);
    let bytes = std::fs::read(path).map_err(|e| {
        LoadError::in_file(
            "treaty::io::unreadable",
            display.clone(),
            format!("cannot read the file: {e}"),
        )
    })?;
    let text: Arc<str> = text_of(bytes, &display)?;
    Ok(SourceFile::new(path.to_path_buf(), display, text))
}

/// The buf module a .proto file belongs to: the nearest buf.yaml at or above the file (not above
/// `stop`), or the buf.work.yaml directory that lists the file's directory.
pub fn buf_module_for(file: &Path, stop: &Path, errors: &mut LoadErrors) -> Option<BufModule> {
    let stop = std::fs::canonicalize(stop).unwrap_or_else(|_| stop.to_path_buf());
    for dir in file.ancestors().skip(1) {
        let buf_yaml = dir.join("buf.yaml");
        if buf_yaml.is_file() {
            let modules =
                match source_file(&buf_yaml, &stop).and_then(|f| buf::read_buf_yaml(&f, &stop)) {
                    Ok(m) => m,
                    Err(e) => {
                        errors.push(e);
                        return None;
                    }
                };
            // The module whose directory holds the file; in v2 several modules share one buf.yaml.
            let best = modules
                .into_iter()
                .filter(|m| file.starts_with(&m.dir))
                .max_by_key(|m| m.dir.components().count());
            if best.is_some() {
                return best;
            }
        }
        let work = dir.join("buf.work.yaml");
        if work.is_file() {
            let dirs = match source_file(&work, &stop).and_then(|f| buf::read_buf_work(&f)) {
                Ok(d) => d,
                Err(e) => {
                    errors.push(e);
                    return None;
                }
            };
            if let Some(d) = dirs.into_iter().find(|d| file.starts_with(d)) {
                return Some(BufModule {
                    roots: vec![d.clone()],
                    dir: d,
                    version: "v1".into(),
                    ..BufModule::default()
                });
            }
        }
        if dir == stop {
            break;
        }
    }
    None
}

/// The import roots a treaty.yaml in `dir` gives for a proto file, if it lists the file.
pub fn manifest_roots_for(dir: &Path, file: &Path) -> Option<Vec<PathBuf>> {
    let sf = source_file(&dir.join(super::MANIFEST), dir).ok()?;
    let m = super::Manifest::parse(&sf).ok()?;
    m.services
        .values()
        .flat_map(|s| s.contracts.iter())
        .filter(|c| !c.roots.is_empty())
        .find(|c| expand(dir, &c.path).is_ok_and(|files| files.iter().any(|f| f == file)))
        .map(|c| c.roots.iter().map(|r| dir.join(r)).collect())
}

/// What discovery found under a directory.
#[derive(Default)]
pub struct Found {
    pub specs: Vec<ContractSpec>,
    pub lint: Option<LintConfig>,
    pub breaking: Option<yaml_serde::Value>,
}

/// The service a file belongs to, guessed from its directories: the first one under `dir` that is
/// not a generic name such as `contracts` or `proto`.
pub fn guess_service(dir: &Path, file: &Path) -> String {
    const GENERIC: &[&str] = &[
        "contracts",
        "contract",
        "proto",
        "protos",
        "protobuf",
        "api",
        "apis",
        "openapi",
        "asyncapi",
        "spec",
        "specs",
        "schemas",
        "src",
    ];
    let rel = file.strip_prefix(dir).unwrap_or(file);
    rel.parent()
        .into_iter()
        .flat_map(|p| p.components())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .find(|c| !GENERIC.contains(&c.as_str()))
        .or_else(|| dir.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "api".to_string())
}

/// The import root of a proto file: the directory above the path its package names
/// (`a/b/v1/x.proto` in package `a.b.v1` → the directory holding `a/`), else its own directory.
fn proto_root(file: &Path) -> PathBuf {
    let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
    let Some(head) = read_head(file) else {
        return dir;
    };
    let package = head.lines().find_map(|l| {
        let l = l.trim();
        l.strip_prefix("package ")
            .map(|p| p.trim_end_matches(';').trim().to_string())
    });
    if let Some(pkg) = package {
        let parts: Vec<&str> = pkg.split('.').collect();
        let mut d = dir.clone();
        let mut matched = true;
        for part in parts.iter().rev() {
            if d.file_name().is_some_and(|n| n == *part) {
                d.pop();
            } else {
                matched = false;
                break;
            }
        }
        if matched {
            return d;
        }
    }
    dir
}

/// How proto files outside any buf module get their import root.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProtoRoots {
    /// The directory searched is the import root of them all, as buf treats a directory without
    /// a buf.yaml (`treaty lint DIR`, `treaty check OLD NEW`).
    Searched,
    /// Each file's root is inferred from its package (`a/b/v1/x.proto` in `a.b.v1` → the
    /// directory above `a/`), so that `treaty init` can write separate roots per service.
    FromPackages,
}

/// Every contract under `dir`: buf modules, proto files grouped by import root, and every
/// OpenAPI or AsyncAPI document.
pub fn discover(
    dir: &Path,
    display_root: &Path,
    roots: ProtoRoots,
    errors: &mut LoadErrors,
) -> Found {
    let mut found = Found::default();
    let mut protos: Vec<(PathBuf, BufModuleKey)> = Vec::new();
    for file in files_under(dir) {
        match kind_of_file(&file) {
            Some(ContractKind::Proto) => {
                let module = buf_module_for(&file, dir, errors);
                let key = match module {
                    Some(m) => BufModuleKey::Buf(Box::new(m)),
                    None if roots == ProtoRoots::FromPackages => {
                        BufModuleKey::Root(proto_root(&file))
                    }
                    None => BufModuleKey::Root(dir.to_path_buf()),
                };
                protos.push((file, key));
            }
            Some(kind) => found.specs.push(ContractSpec {
                name: display_path(display_root, &file),
                service: Some(guess_service(dir, &file)),
                kind,
                files: vec![file],
                roots: Vec::new(),
                excludes: Vec::new(),
                version: None,
            }),
            None => {}
        }
    }
    // One proto contract per module (or import root).
    let mut groups: Vec<(BufModuleKey, Vec<PathBuf>)> = Vec::new();
    for (file, key) in protos {
        match groups.iter_mut().find(|(k, _)| k.dir() == key.dir()) {
            Some((_, files)) => files.push(file),
            None => groups.push((key, vec![file])),
        }
    }
    for (key, files) in groups {
        let (roots, excludes) = match &key {
            BufModuleKey::Buf(m) => {
                if found.lint.is_none() {
                    found.lint = Some(m.lint.clone());
                    found.breaking = m.breaking.clone();
                }
                (m.roots.clone(), m.excludes.clone())
            }
            BufModuleKey::Root(r) => (vec![r.clone()], Vec::new()),
        };
        let files: Vec<PathBuf> = files
            .into_iter()
            .filter(|f| !excludes.iter().any(|e| f.starts_with(e)))
            .collect();
        if files.is_empty() {
            continue;
        }
        found.specs.push(ContractSpec {
            // A name that does not depend on where the directory is, so that two revisions in
            // different directories pair.
            name: match display_path(display_root, key.dir()) {
                shown if key.dir() == dir => {
                    if shown == "." {
                        "proto".to_string()
                    } else {
                        shown
                    }
                }
                shown => shown,
            },
            service: Some(guess_service(dir, &files[0])),
            kind: ContractKind::Proto,
            files,
            roots,
            excludes,
            version: None,
        });
    }
    found.specs.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

enum BufModuleKey {
    Buf(Box<BufModule>),
    Root(PathBuf),
}

impl BufModuleKey {
    fn dir(&self) -> &Path {
        match self {
            BufModuleKey::Buf(m) => &m.dir,
            BufModuleKey::Root(r) => r,
        }
    }
}
