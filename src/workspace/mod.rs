//! Workspaces: the treaty.yaml manifest, contract discovery, and loading every contract of one
//! revision into one [`SourceMap`].

use std::path::PathBuf;

use crate::lint::LintConfig;
use crate::model::Contract;
use crate::source::SourceMap;

/// One loaded revision of a workspace.
#[derive(Debug, Default)]
pub struct Workspace {
    /// The directory paths are relative to (where treaty.yaml is, or the directory given).
    pub root: PathBuf,
    pub sources: SourceMap,
    pub contracts: Vec<Contract>,
    pub lint: LintConfig,
}
