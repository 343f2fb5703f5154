//! `$ref` resolution for YAML and JSON contracts.
//!
//! References into the same file and into relative files resolve; each file is parsed once.
//! References stay references: the loaders record a reference to the target's canonical
//! location (`file#/pointer`) and build each target once, so recursion costs nothing special.
//! URLs are never fetched, and references that leave the workspace root are refused.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::LoadCx;
use super::tree::{self, Node};
use crate::diag::LoadError;
use crate::source::{FileId, Span};

/// Parsed documents of one contract, by file.
#[derive(Default)]
pub struct Documents {
    trees: HashMap<FileId, Arc<Node>>,
}

/// Where a reference points.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Target {
    pub file: FileId,
    /// JSON pointer within the file (`""` for the whole document).
    pub pointer: String,
}

impl Documents {
    pub fn new() -> Documents {
        Documents::default()
    }

    /// Parses (once) the file and returns its tree.
    pub fn tree(&mut self, cx: &LoadCx, file: FileId) -> Result<Arc<Node>, LoadError> {
        if let Some(t) = self.trees.get(&file) {
            return Ok(t.clone());
        }
        let tree = Arc::new(tree::parse(cx.sources.get(file), file)?);
        self.trees.insert(file, tree.clone());
        Ok(tree)
    }

    /// The canonical text of a target: `display#pointer`.
    pub fn location(cx: &LoadCx, target: &Target) -> String {
        format!("{}#{}", cx.sources.get(target.file).display, target.pointer)
    }

    /// Resolves `reference` written at `at` in file `from` to its target and the document holding
    /// it (`doc.pointer(&target.pointer)` is the node; it is checked to exist).
    pub fn resolve(
        &mut self,
        cx: &mut LoadCx,
        from: FileId,
        at: Span,
        reference: &str,
    ) -> Result<(Target, Arc<Node>), LoadError> {
        let (path_part, pointer) = match reference.split_once('#') {
            Some((p, f)) => (p, f.to_string()),
            None => (reference, String::new()),
        };
        let is_url = path_part.contains("://") || path_part.starts_with("//");
        if is_url {
            return Err(LoadError::at_span(
                "treaty::ref::remote",
                cx.sources,
                at,
                format!("remote reference `{reference}` is not followed"),
            )
            .with_label("remote reference")
            .with_help("treaty never fetches URLs: download the referenced document into the workspace and refer to it by a relative path"));
        }
        if !pointer.is_empty() && !pointer.starts_with('/') {
            return Err(LoadError::at_span(
                "treaty::ref::unsupported",
                cx.sources,
                at,
                format!(
                    "reference `{reference}` uses an anchor (`#{pointer}`); only JSON pointers (`#/...`) are supported"
                ),
            ));
        }
        let file = if path_part.is_empty() {
            from
        } else {
            let base = cx.sources.get(from).path.clone();
            let dir = base.parent().unwrap_or(Path::new("."));
            let decoded = tree::unescape_pointer_token(path_part).replace("~1", "/");
            let target = dir.join(decoded);
            if !cx.inside_root(&target) {
                return Err(LoadError::at_span(
                    "treaty::ref::outside-root",
                    cx.sources,
                    at,
                    format!("reference `{reference}` leaves the workspace root"),
                )
                .with_label("points outside the workspace")
                .with_help("keep referenced files inside the workspace (the directory of treaty.yaml): copy the file into it"));
            }
            if !target.exists() {
                return Err(LoadError::at_span(
                    "treaty::ref::unresolved",
                    cx.sources,
                    at,
                    format!("reference `{reference}` names a file that does not exist"),
                )
                .with_label("no such file"));
            }
            cx.read(&target).map_err(|e| {
                LoadError::at_span(
                    "treaty::ref::unresolved",
                    cx.sources,
                    at,
                    format!("cannot read the referenced file: {}", e.message),
                )
            })?
        };
        let doc = self.tree(cx, file)?;
        if doc.pointer(&pointer).is_none() {
            return Err(LoadError::at_span(
                "treaty::ref::unresolved",
                cx.sources,
                at,
                format!("reference `{reference}` does not resolve: nothing at `#{pointer}`"),
            )
            .with_label("unresolved reference"));
        }
        Ok((Target { file, pointer }, doc))
    }
}
