//! Earlier revisions to compare against: `--against REF`.
//!
//! REF is, in this order: an existing directory (an earlier workspace), an existing archive
//! (.tar, .tar.gz/.tgz, .zip), a protobuf image (a serialized FileDescriptorSet, as `buf build -o
//! image.binpb` writes), else a git revision (`main`, `origin/main`, `HEAD~3`, a tag, a commit).
//!
//! Git revisions are read from the repository's objects with gix: no checkout and no clone. The
//! blobs of the workspace's subtree at that revision are written into a private temporary
//! directory, which then loads like any directory, so every loader (and protox's import
//! resolution) works unchanged, and paths shown are those of the repository.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diag::LoadError;

/// Where an earlier revision comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Revision {
    Dir(PathBuf),
    Archive(PathBuf),
    Image(PathBuf),
    Git(String),
}

/// Classifies `reference` as the issue order says: directory, archive, image, else git revision.
pub fn classify(reference: &str, cwd: &Path) -> Revision {
    let p = cwd.join(reference);
    if p.is_dir() {
        return Revision::Dir(p);
    }
    if p.is_file() {
        let name = reference.to_ascii_lowercase();
        if [".tar", ".tar.gz", ".tgz", ".zip"]
            .iter()
            .any(|e| name.ends_with(e))
        {
            return Revision::Archive(p);
        }
        return Revision::Image(p);
    }
    Revision::Git(reference.to_string())
}

/// A revision laid out as files: the directory to load, kept alive as long as this value.
pub struct Materialized {
    pub dir: PathBuf,
    _temp: Option<tempfile::TempDir>,
}

/// Lays a git revision or an archive out as a directory. `workspace_dir` is the current
/// workspace's root: for a git revision, the same subdirectory of the repository is returned.
pub fn materialize(rev: &Revision, workspace_dir: &Path) -> Result<Materialized, LoadError> {
    match rev {
        Revision::Dir(d) => Ok(Materialized {
            dir: d.clone(),
            _temp: None,
        }),
        Revision::Archive(a) => extract_archive(a),
        Revision::Git(r) => git_revision(r, workspace_dir),
        Revision::Image(p) => Err(LoadError::in_file(
            "treaty::revision::image",
            p.display().to_string(),
            "a protobuf image is compared through its descriptors, not as files",
        )),
    }
}

fn temp() -> Result<tempfile::TempDir, LoadError> {
    tempfile::Builder::new()
        .prefix("treaty-rev-")
        .tempdir()
        .map_err(|e| {
            LoadError::new(
                "treaty::io::temp",
                format!("cannot create a temporary directory: {e}"),
            )
        })
}

/// Joins an archive or tree path under `root`, refusing absolute paths and `..` (zip-slip).
fn safe_join(root: &Path, rel: &str) -> Option<PathBuf> {
    let mut out = root.to_path_buf();
    for part in rel.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => return None,
            p if p.contains(':') => return None,
            p => out.push(p),
        }
    }
    Some(out)
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), LoadError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            LoadError::new(
                "treaty::io::write",
                format!("cannot write {}: {e}", path.display()),
            )
        })?;
    }
    std::fs::write(path, bytes).map_err(|e| {
        LoadError::new(
            "treaty::io::write",
            format!("cannot write {}: {e}", path.display()),
        )
    })
}

/// Extracts .tar, .tar.gz and .zip archives. An archive holding a single top-level directory is
/// taken to be that directory (as `git archive --prefix` and GitHub's downloads write them).
fn extract_archive(path: &Path) -> Result<Materialized, LoadError> {
    let shown = path.display().to_string();
    let bad = |e: &dyn std::fmt::Display| {
        LoadError::in_file(
            "treaty::revision::archive",
            shown.clone(),
            format!("cannot read the archive: {e}"),
        )
    };
    let tmp = temp()?;
    let name = path.to_string_lossy().to_ascii_lowercase();
    let file = std::fs::File::open(path).map_err(|e| bad(&e))?;
    if name.ends_with(".zip") {
        let mut zip = zip::ZipArchive::new(file).map_err(|e| bad(&e))?;
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).map_err(|e| bad(&e))?;
            if entry.is_dir() {
                continue;
            }
            let name = entry.name().map_err(|e| bad(&e))?.into_owned();
            let Some(target) = safe_join(tmp.path(), &name) else {
                continue;
            };
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).map_err(|e| bad(&e))?;
            write_file(&target, &bytes)?;
        }
    } else {
        let reader: Box<dyn Read> = if name.ends_with(".gz") || name.ends_with(".tgz") {
            Box::new(flate2::read::GzDecoder::new(file))
        } else {
            Box::new(file)
        };
        let mut archive = tar::Archive::new(reader);
        for entry in archive.entries().map_err(|e| bad(&e))? {
            let mut entry = entry.map_err(|e| bad(&e))?;
            if !entry.header().entry_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .map_err(|e| bad(&e))?
                .to_string_lossy()
                .into_owned();
            let Some(target) = safe_join(tmp.path(), &rel) else {
                continue;
            };
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).map_err(|e| bad(&e))?;
            write_file(&target, &bytes)?;
        }
    }
    let dir = single_top_dir(tmp.path()).unwrap_or_else(|| tmp.path().to_path_buf());
    Ok(Materialized {
        dir,
        _temp: Some(tmp),
    })
}

fn single_top_dir(dir: &Path) -> Option<PathBuf> {
    let entries: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .collect();
    match entries.as_slice() {
        [one] if one.path().is_dir() && !dir.join("treaty.yaml").exists() => Some(one.path()),
        _ => None,
    }
}

/// Writes the subtree of `workspace_dir` at git revision `reference` into a temporary directory.
fn git_revision(reference: &str, workspace_dir: &Path) -> Result<Materialized, LoadError> {
    let repo = gix::discover(workspace_dir).map_err(|e| {
        LoadError::new(
            "treaty::revision::not-a-repository",
            format!("`{reference}` is not a directory, an archive or an image, and {} is not in a git repository: {e}", workspace_dir.display()),
        )
        .with_help("give --against a directory, an archive (.tar, .tar.gz, .zip), an image file, or run inside a git repository")
    })?;
    let work_tree = repo.workdir().map(Path::to_path_buf).ok_or_else(|| {
        LoadError::new("treaty::revision::bare", "the repository has no work tree")
    })?;
    let work_tree = std::fs::canonicalize(&work_tree).unwrap_or(work_tree);
    let ws = std::fs::canonicalize(workspace_dir).unwrap_or_else(|_| workspace_dir.to_path_buf());
    let prefix = ws
        .strip_prefix(&work_tree)
        .map(|p| {
            p.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/")
        })
        .unwrap_or_default();
    let shallow = repo.is_shallow().unwrap_or(false);
    let id = repo.rev_parse_single(reference).map_err(|e| {
        let mut err = LoadError::new("treaty::revision::unknown", format!("`{reference}` is not a directory, an archive, an image or a git revision of this repository ({e})"));
        if shallow {
            err = err.with_help(format!(
                "this is a shallow clone, which may not hold `{reference}`: fetch it, e.g. `git fetch --deepen=50 origin` or `git fetch origin {reference}` (in GitHub Actions, `fetch-depth: 0` on actions/checkout)"
            ));
        } else {
            err = err.with_help("name an existing branch, tag or commit (`git log --oneline` lists them), or fetch it first");
        }
        err
    })?;
    let object = id
        .object()
        .map_err(|e| missing_object(reference, shallow, &e))?;
    let commit = object
        .peel_to_commit()
        .map_err(|e| missing_object(reference, shallow, &e))?;
    let tree = commit
        .tree()
        .map_err(|e| missing_object(reference, shallow, &e))?;
    let mut recorder = gix::traverse::tree::Recorder::default();
    tree.traverse()
        .breadthfirst(&mut recorder)
        .map_err(|e| missing_object(reference, shallow, &e))?;
    let tmp = temp()?;
    let under =
        |path: &str| prefix.is_empty() || path == prefix || path.starts_with(&format!("{prefix}/"));
    for entry in recorder.records.iter().filter(|e| e.mode.is_blob()) {
        let path = entry.filepath.to_string();
        if !under(&path) {
            continue;
        }
        let Some(target) = safe_join(tmp.path(), &path) else {
            continue;
        };
        let blob = repo
            .find_object(entry.oid)
            .map_err(|e| missing_object(reference, shallow, &e))?;
        write_file(&target, &blob.data)?;
    }
    let dir = if prefix.is_empty() {
        tmp.path().to_path_buf()
    } else {
        tmp.path().join(&prefix)
    };
    if !dir.is_dir() {
        return Err(LoadError::new(
            "treaty::revision::no-workspace",
            format!("the workspace directory `{prefix}` does not exist at `{reference}`"),
        ));
    }
    Ok(Materialized {
        dir,
        _temp: Some(tmp),
    })
}

fn missing_object(reference: &str, shallow: bool, e: &dyn std::fmt::Display) -> LoadError {
    let mut err = LoadError::new(
        "treaty::revision::missing-object",
        format!("cannot read `{reference}` from the repository: {e}"),
    );
    if shallow {
        err = err
            .with_help("this is a shallow clone: fetch more history, e.g. `git fetch --unshallow`");
    }
    err
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn archive_paths_cannot_escape() {
        let root = Path::new("/tmp/x");
        assert_eq!(
            safe_join(root, "a/b.yaml"),
            Some(PathBuf::from("/tmp/x/a/b.yaml"))
        );
        assert_eq!(safe_join(root, "../etc/passwd"), None);
        assert_eq!(safe_join(root, "a/../../b"), None);
        assert_eq!(
            safe_join(root, "/abs/file"),
            Some(PathBuf::from("/tmp/x/abs/file"))
        );
    }
}
