//! `treaty init [DIR]`: writes a treaty.yaml listing the contracts discovered under DIR.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Args;

use super::Outcome;
use treaty::diag::{LoadError, LoadErrors};
use treaty::formats::display_path;
use treaty::model::ContractKind;
use treaty::workspace::{MANIFEST, discover};

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The directory to write treaty.yaml into (default: the current directory).
    pub dir: Option<PathBuf>,
    /// Overwrite an existing treaty.yaml.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: InitArgs) -> Outcome {
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    let dir = match std::fs::canonicalize(&dir) {
        Ok(d) if d.is_dir() => d,
        _ => {
            return Outcome::Error(
                LoadError::new(
                    "treaty::init::no-dir",
                    format!("{} is not a directory", dir.display()),
                )
                .into(),
            );
        }
    };
    let target = dir.join(MANIFEST);
    if target.exists() && !args.force {
        return Outcome::Error(
            LoadError::in_file(
                "treaty::init::exists",
                super::shown(&target),
                "a treaty.yaml already exists here",
            )
            .with_help("pass --force to replace it")
            .into(),
        );
    }
    let mut errors = LoadErrors::default();
    let found = discover::discover(&dir, &dir, discover::ProtoRoots::FromPackages, &mut errors);
    if !errors.is_empty() {
        return Outcome::Error(errors);
    }
    if found.specs.is_empty() {
        return Outcome::Error(
            LoadError::new("treaty::init::nothing", format!("no contracts found under {}", super::shown(&dir)))
                .with_help("treaty looks for .proto files and for YAML or JSON files with an `openapi:` or `asyncapi:` key")
                .into(),
        );
    }
    let text = manifest_text(&dir, &found.specs);
    if let Err(e) = write_atomic(&target, &text) {
        return Outcome::Error(
            LoadError::in_file(
                "treaty::io::write",
                super::shown(&target),
                format!("cannot write: {e}"),
            )
            .into(),
        );
    }
    super::print(&format!(
        "wrote {} with {} contracts\n",
        super::shown(&target),
        found.specs.len()
    ));
    Outcome::Clean
}

/// The manifest for discovered contracts, grouped by service, in a stable order.
pub fn manifest_text(dir: &std::path::Path, specs: &[treaty::formats::ContractSpec]) -> String {
    let mut services: std::collections::BTreeMap<String, Vec<&treaty::formats::ContractSpec>> =
        Default::default();
    for s in specs {
        services
            .entry(s.service.clone().unwrap_or_else(|| "api".into()))
            .or_default()
            .push(s);
    }
    let mut out = String::from(
        "# treaty workspace: the contracts of this repository.\n# Proto contracts declare their version here; OpenAPI and AsyncAPI take theirs from info.version.\nservices:\n",
    );
    let mut used = std::collections::BTreeSet::new();
    for (service, list) in services {
        let _ = writeln!(out, "  {}:\n    contracts:", yaml_key(&service));
        for s in list {
            let mut name = format!("{service}/{}", s.kind);
            let mut n = 2;
            while !used.insert(name.clone()) {
                name = format!("{service}/{}-{n}", s.kind);
                n += 1;
            }
            let _ = writeln!(out, "      - name: {}", yaml_key(&name));
            let _ = writeln!(out, "        kind: {}", s.kind);
            if s.kind == ContractKind::Proto {
                let root = s
                    .roots
                    .first()
                    .cloned()
                    .unwrap_or_else(|| dir.to_path_buf());
                let rel = display_path(dir, &root);
                let path = if rel == "." {
                    "**/*.proto".to_string()
                } else {
                    format!("{rel}/**/*.proto")
                };
                let _ = writeln!(out, "        path: {}", yaml_key(&path));
                let roots: Vec<String> = s
                    .roots
                    .iter()
                    .map(|r| yaml_key(&display_path(dir, r)))
                    .collect();
                let _ = writeln!(out, "        roots: [{}]", roots.join(", "));
                let _ = writeln!(out, "        version: 0.1.0");
            } else {
                let _ = writeln!(
                    out,
                    "        path: {}",
                    yaml_key(&display_path(dir, &s.files[0]))
                );
            }
        }
    }
    out
}

fn yaml_key(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
        && !s.starts_with(['-', '.'])
        || s.starts_with("./");
    if plain && !s.contains("**") {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "''"))
    }
}

/// Writes through a temporary file in the same directory, then renames: never half-written.
pub fn write_atomic(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.flush()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
