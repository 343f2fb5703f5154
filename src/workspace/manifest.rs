//! `treaty.yaml`: the workspace manifest.
//!
//! ```yaml
//! services:
//!   order:
//!     version: 2.0.0            # optional: one version for all the service's contracts
//!     contracts:
//!       - name: order/openapi   # optional; default "<service>/<kind>"
//!         kind: openapi         # optional for .proto files and documents with an `openapi:`/`asyncapi:` key
//!         path: contracts/order/openapi.yaml
//!       - kind: proto
//!         path: contracts/order/proto/**/*.proto   # a file, a directory or a glob
//!         roots: [contracts/order/proto, contracts/common/proto]
//!         version: 1.2.0        # proto versions live here
//! lint:
//!   use: [STANDARD]
//! ```
//!
//! The manifest is read twice over the same text: once with yaml_serde into these structs (whose
//! errors carry a position), and once into the located tree so that version values have spans a
//! finding can point at.

use indexmap::IndexMap;
use serde::Deserialize;

use crate::diag::LoadError;
use crate::lint::LintConfig;
use crate::model::ContractKind;
use crate::source::SourceFile;

pub const MANIFEST: &str = "treaty.yaml";

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    #[serde(default)]
    pub services: IndexMap<String, ServiceEntry>,
    #[serde(default)]
    pub lint: Option<LintConfig>,
    /// Breaking-change rule settings (read by `treaty check`).
    #[serde(default)]
    pub breaking: Option<yaml_serde::Value>,
    /// A file of accepted findings (read by `treaty check`).
    #[serde(default)]
    pub accepted: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceEntry {
    /// One version for all of the service's contracts.
    #[serde(default)]
    pub version: Option<VersionText>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub contracts: Vec<ContractEntry>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContractEntry {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub kind: Option<ContractKind>,
    pub path: String,
    #[serde(default)]
    pub roots: Vec<String>,
    #[serde(default, alias = "excludes")]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub version: Option<VersionText>,
    /// Schema-registry modes for payloads: channel address or message name → mode (AsyncAPI).
    #[serde(default)]
    pub registry: IndexMap<String, crate::registry::Mode>,
}

/// A version as written; YAML would read `1.0` as a number, so numbers are accepted and kept as text.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionText(pub String);

impl<'de> Deserialize<'de> for VersionText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = yaml_serde::Value::deserialize(d)?;
        match v {
            yaml_serde::Value::String(s) => Ok(VersionText(s)),
            yaml_serde::Value::Number(n) => Ok(VersionText(n.to_string())),
            other => Err(serde::de::Error::custom(format!(
                "a version must be a string such as \"1.2.0\", found {other:?}"
            ))),
        }
    }
}

impl Manifest {
    /// Parses manifest text; errors are located in the file.
    pub fn parse(file: &SourceFile) -> Result<Manifest, LoadError> {
        if file.text.trim().is_empty() {
            return Ok(Manifest::default());
        }
        yaml_serde::from_str::<Manifest>(&file.text).map_err(|e| {
            let message = e.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            match e.location() {
                Some(loc) => {
                    let start = file.offset_of(loc.line().saturating_sub(1), loc.column().saturating_sub(1));
                    // The label is the short reason; the message keeps the path and the choices.
                    let label = message.rsplit(": ").next().unwrap_or(&message).split(", expected").next().unwrap_or(&message).to_string();
                    LoadError::at("treaty::manifest::invalid", file, start, start + 1, format!("invalid treaty.yaml: {message}"))
                        .with_label(label)
                        .with_help("see the manifest format in the README (services → contracts → kind, path, roots, version)")
                }
                None => LoadError::in_file("treaty::manifest::invalid", file.display.clone(), format!("invalid treaty.yaml: {message}")),
            }
        })
    }
}
