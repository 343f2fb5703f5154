//! buf's configuration files, honoured so that a buf user switches with no change:
//! `buf.yaml` (v1beta1, v1, v2) for module roots, excludes and lint/breaking rule selection, and
//! `buf.work.yaml` for the directories of a v1 workspace.
//!
//! Paths in buf's files are relative to the module (v1) or to the buf.yaml (v2); they are turned
//! into paths relative to the treaty workspace root here, once.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;

use crate::diag::LoadError;
use crate::formats::display_path;
use crate::lint::LintConfig;
use crate::source::SourceFile;

/// One buf module: the directories protos are imported from, and its settings.
#[derive(Clone, Debug, Default)]
pub struct BufModule {
    /// The module directory (absolute).
    pub dir: PathBuf,
    /// Import roots (absolute): the module directory, or v1beta1's `build.roots` under it.
    pub roots: Vec<PathBuf>,
    /// Excluded directories (absolute).
    pub excludes: Vec<PathBuf>,
    pub lint: LintConfig,
    /// The `breaking` section as written (read by `treaty check`).
    pub breaking: Option<yaml_serde::Value>,
    /// The config version (`v1beta1`, `v1`, `v2`).
    pub version: String,
}

#[derive(Debug, Default, Deserialize)]
struct RawBufYaml {
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    build: Option<RawBuild>,
    #[serde(default)]
    modules: Vec<RawModule>,
    #[serde(default)]
    lint: Option<RawLint>,
    #[serde(default)]
    breaking: Option<yaml_serde::Value>,
}

#[derive(Debug, Default, Deserialize)]
struct RawBuild {
    #[serde(default)]
    roots: Vec<String>,
    #[serde(default)]
    excludes: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct RawModule {
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    excludes: Vec<String>,
    #[serde(default)]
    lint: Option<RawLint>,
    #[serde(default)]
    breaking: Option<yaml_serde::Value>,
}

#[derive(Debug, Default, Deserialize, Clone)]
struct RawLint {
    #[serde(default, rename = "use")]
    use_: Vec<String>,
    #[serde(default)]
    except: Vec<String>,
    #[serde(default)]
    ignore: Vec<String>,
    #[serde(default)]
    ignore_only: IndexMap<String, Vec<String>>,
    #[serde(default)]
    enum_zero_value_suffix: Option<String>,
    #[serde(default)]
    service_suffix: Option<String>,
    #[serde(default)]
    rpc_allow_same_request_response: bool,
    #[serde(default)]
    rpc_allow_google_protobuf_empty_requests: bool,
    #[serde(default)]
    rpc_allow_google_protobuf_empty_responses: bool,
    /// v1: comment ignores are off unless allowed.
    #[serde(default)]
    allow_comment_ignores: Option<bool>,
    /// v2: comment ignores are on unless disallowed.
    #[serde(default)]
    disallow_comment_ignores: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
struct RawBufWork {
    #[serde(default)]
    directories: Vec<String>,
}

fn yaml_error(file: &SourceFile, e: yaml_serde::Error, what: &str) -> LoadError {
    let message = e.to_string();
    match e.location() {
        Some(loc) => {
            let start =
                file.offset_of(loc.line().saturating_sub(1), loc.column().saturating_sub(1));
            LoadError::at(
                "treaty::buf::invalid",
                file,
                start,
                start + 1,
                format!("invalid {what}: {message}"),
            )
        }
        None => LoadError::in_file(
            "treaty::buf::invalid",
            file.display.clone(),
            format!("invalid {what}: {message}"),
        ),
    }
}

impl RawLint {
    fn to_config(&self, version: &str, rel: &dyn Fn(&str) -> String) -> LintConfig {
        let comment_ignores = if version == "v2" {
            !self.disallow_comment_ignores.unwrap_or(false)
        } else {
            self.allow_comment_ignores.unwrap_or(false)
        };
        LintConfig {
            use_: self.use_.clone(),
            except: self.except.clone(),
            ignore: self.ignore.iter().map(|p| rel(p)).collect(),
            ignore_only: self
                .ignore_only
                .iter()
                .map(|(k, v)| (k.clone(), v.iter().map(|p| rel(p)).collect()))
                .collect(),
            severity: IndexMap::new(),
            enum_zero_value_suffix: self.enum_zero_value_suffix.clone(),
            service_suffix: self.service_suffix.clone(),
            rpc_allow_same_request_response: self.rpc_allow_same_request_response,
            rpc_allow_google_protobuf_empty_requests: self.rpc_allow_google_protobuf_empty_requests,
            rpc_allow_google_protobuf_empty_responses: self
                .rpc_allow_google_protobuf_empty_responses,
            disallow_comment_ignores: !comment_ignores,
        }
    }
}

/// Reads a buf.yaml into its modules. `root` is the treaty workspace root paths are shown against.
pub fn read_buf_yaml(file: &SourceFile, root: &Path) -> Result<Vec<BufModule>, LoadError> {
    let raw: RawBufYaml = if file.text.trim().is_empty() {
        RawBufYaml::default()
    } else {
        yaml_serde::from_str(&file.text).map_err(|e| yaml_error(file, e, "buf.yaml"))?
    };
    let dir = file.path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let version = raw.version.clone().unwrap_or_else(|| "v1beta1".to_string());
    if !matches!(version.as_str(), "v1beta1" | "v1" | "v2") {
        return Err(LoadError::in_file(
            "treaty::buf::version",
            file.display.clone(),
            format!("unknown buf.yaml version `{version}` (expected v1beta1, v1 or v2)"),
        ));
    }
    let show = |base: &Path, p: &str| display_path(root, &base.join(p));
    if version == "v2" {
        let top_lint = raw.lint.clone().unwrap_or_default();
        let modules = if raw.modules.is_empty() {
            vec![RawModule::default()]
        } else {
            raw.modules
        };
        Ok(modules
            .into_iter()
            .map(|m| {
                let mdir = dir.join(m.path.as_deref().unwrap_or("."));
                // v2 paths are relative to the buf.yaml's directory.
                let rel = |p: &str| show(&dir, p);
                let lint = m.lint.as_ref().unwrap_or(&top_lint).to_config("v2", &rel);
                BufModule {
                    roots: vec![mdir.clone()],
                    excludes: m.excludes.iter().map(|e| dir.join(e)).collect(),
                    lint,
                    breaking: m.breaking.or_else(|| raw.breaking.clone()),
                    dir: mdir,
                    version: version.clone(),
                }
            })
            .collect())
    } else {
        let build = raw.build.unwrap_or_default();
        let roots: Vec<PathBuf> = if version == "v1beta1" && !build.roots.is_empty() {
            build.roots.iter().map(|r| dir.join(r)).collect()
        } else {
            vec![dir.clone()]
        };
        // v1 paths are relative to the module root (v1beta1: to the build root that holds them).
        let first_root = roots[0].clone();
        let rel = |p: &str| show(&first_root, p);
        let lint = raw
            .lint
            .clone()
            .unwrap_or_default()
            .to_config(&version, &rel);
        Ok(vec![BufModule {
            excludes: build.excludes.iter().map(|e| first_root.join(e)).collect(),
            roots,
            lint,
            breaking: raw.breaking,
            dir,
            version,
        }])
    }
}

/// Reads a buf.work.yaml: the module directories it lists (absolute).
pub fn read_buf_work(file: &SourceFile) -> Result<Vec<PathBuf>, LoadError> {
    let raw: RawBufWork =
        yaml_serde::from_str(&file.text).map_err(|e| yaml_error(file, e, "buf.work.yaml"))?;
    let dir = file.path.parent().unwrap_or(Path::new("."));
    Ok(raw.directories.iter().map(|d| dir.join(d)).collect())
}
