//! An earlier revision given as a protobuf image (`--against image.binpb`).
//!
//! ```text
//! image ──decode──▶ files ──by name, as buf pairs an image with a module──▶ the new side's
//!                                                                          proto contracts
//! ```
//!
//! An image has no treaty.yaml, so its contracts are the new side's: buf compares an image with
//! a module file by file, by import name (`ftgo/order/v1/order_service.proto`), and so each file
//! of the image goes to the new side's proto contract that has a file of that name. A file the new
//! side no longer has goes to the contract that declares its package, else to the only protobuf
//! contract or the one with files in the nearest directory (so that, as in buf, the file or its
//! package is reported deleted), else to a contract named after its package (which the new side
//! then lacks: a removed contract). Files buf marked as imports (and, in images that carry no
//! marks, as protoc writes them, files whose name and package no contract owns) are only there
//! to resolve types, as the imports of a loaded contract are.
//!
//! Each file is registered in the source map under `IMAGE#NAME` (`image.binpb#ftgo/…/x.proto`:
//! `#` rather than `:`, so the name stays a valid reference in SARIF) with a stand-in text that
//! puts the positions of its source info at the same lines and columns, so old-side locations
//! have a line and column and no excerpt; without source info, only the file.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use prost_types::FileDescriptorSet;

use super::Workspace;
use crate::diag::{LoadError, LoadErrors};
use crate::formats::proto::{self, image};
use crate::model::{Contract, ContractKind, ProtoContract, ProtoFile};
use crate::source::Content;

const CODE: &str = "treaty::revision::image";

/// Loads the image at `path` (`shown` as the user sees it) as the earlier revision of `new`.
pub fn load(path: &Path, shown: &str, new: &Workspace) -> Result<Workspace, LoadErrors> {
    let bytes = std::fs::read(path).map_err(|e| {
        LoadError::in_file(
            "treaty::io::unreadable",
            shown,
            format!("cannot read the image: {e}"),
        )
    })?;
    let image = image::decode(&bytes).map_err(|e| {
        LoadError::in_file(CODE, shown, e).with_help(
            "give --against a protobuf image as `buf build -o image.binpb` writes it (binary, .gz or .json), a directory, an archive or a git revision",
        )
    })?;
    drop(bytes);
    let groups = assign(&image, new);
    if groups.is_empty() {
        return Err(LoadError::in_file(
            CODE,
            shown,
            "none of the image's files belongs to a protobuf contract of the workspace (by file name or package): there is nothing to compare",
        )
        .with_help("build the image from the module whose .proto files the workspace holds, e.g. `buf build <module> -o image.binpb`")
        .into());
    }

    let root = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let mut ws = Workspace {
        root,
        proto_only: true,
        ..Workspace::default()
    };
    let set = &image.set;
    let by_name: HashMap<&str, usize> = set
        .file
        .iter()
        .enumerate()
        .map(|(i, f)| (f.name(), i))
        .collect();
    for group in groups {
        // The contract's files and everything they import, in the image's order (dependencies
        // first, as compiled sets list them).
        let mut wanted: HashSet<usize> = group.files.iter().copied().collect();
        let mut todo: Vec<usize> = group.files.clone();
        while let Some(i) = todo.pop() {
            for dep in &set.file[i].dependency {
                if let Some(&d) = by_name.get(dep.as_str())
                    && wanted.insert(d)
                {
                    todo.push(d);
                }
            }
        }
        let mut order: Vec<usize> = wanted.into_iter().collect();
        order.sort_unstable();
        let descriptors = FileDescriptorSet {
            file: order.iter().map(|&i| set.file[i].clone()).collect(),
        };
        let files: Vec<ProtoFile> = group
            .files
            .iter()
            .map(|&i| {
                let fd = &set.file[i];
                let (text, content) = match &fd.source_code_info {
                    Some(sci) => (image::placeholder_text(sci), Content::Positions),
                    None => (String::new(), Content::NameOnly),
                };
                let file = ws.sources.add_with_content(
                    PathBuf::from(format!("{}#{}", path.display(), fd.name())),
                    format!("{shown}#{}", fd.name()),
                    Arc::from(text),
                    content,
                );
                ProtoFile {
                    index: order.binary_search(&i).unwrap_or_default(),
                    name: fd.name().to_string(),
                    file,
                }
            })
            .collect();
        let mut contract = proto::assemble(
            group.name,
            &ws.sources,
            descriptors,
            prost_reflect::DescriptorPool::new(),
            files,
            Vec::new(),
        );
        contract.service = group.service;
        ws.contracts.push(contract);
    }
    Ok(ws)
}

/// The image files that make up one contract of the earlier revision.
struct Group {
    name: String,
    service: Option<String>,
    /// Indices into the image's files, in the image's order.
    files: Vec<usize>,
}

/// Puts each file of the image that is not an import into a contract: the new side's contracts
/// first, in their order, then those named after packages the new side no longer has.
fn assign(image: &image::Image, new: &Workspace) -> Vec<Group> {
    let protos: Vec<_> = new
        .contracts
        .iter()
        .filter(|c| c.kind == ContractKind::Proto)
        .filter_map(|c| c.proto.as_ref().map(|p| (c, p)))
        .collect();
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_package: HashMap<&str, usize> = HashMap::new();
    for (ci, (_, p)) in protos.iter().enumerate() {
        for f in &p.files {
            by_name.entry(f.name.as_str()).or_default().push(ci);
            if let Some(fd) = p.descriptors.file.get(f.index) {
                by_package.entry(fd.package()).or_insert(ci);
            }
        }
    }
    let mut groups: Vec<Group> = protos
        .iter()
        .map(|(c, _)| Group {
            name: c.name.clone(),
            service: c.service.clone(),
            files: Vec::new(),
        })
        .collect();
    let mut gone: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for (i, fd) in image.set.file.iter().enumerate() {
        let (name, package) = (fd.name(), fd.package());
        let owned = by_name.get(name);
        let package_owner = by_package.get(package);
        let is_import = image
            .is_import
            .get(i)
            .copied()
            .flatten()
            .unwrap_or(owned.is_none() && package_owner.is_none());
        if is_import {
            continue;
        }
        match (owned, package_owner) {
            (Some(cs), _) => cs.iter().for_each(|&c| groups[c].files.push(i)),
            (None, Some(&c)) => groups[c].files.push(i),
            (None, None) => match nearest(name, &protos) {
                Some(c) => groups[c].files.push(i),
                None => {
                    let contract = if package.is_empty() { name } else { package };
                    gone.entry(contract.to_string()).or_default().push(i);
                }
            },
        }
    }
    groups.retain(|g| !g.files.is_empty());
    // Contracts the new side lacks altogether, by name.
    groups.extend(gone.into_iter().map(|(name, files)| Group {
        name,
        service: None,
        files,
    }));
    groups
}

/// For a file whose name and package the new side no longer has: the only protobuf contract, or
/// the one with a file in the nearest directory (sharing the most leading directories, at least
/// one; the first on a tie). buf then reports the file or package as deleted from the module, and
/// so does treaty, in that contract.
fn nearest(name: &str, protos: &[(&Contract, &ProtoContract)]) -> Option<usize> {
    if let [_] = protos {
        return Some(0);
    }
    let dirs = |n: &str| -> Vec<String> {
        let mut parts: Vec<String> = n.split('/').map(str::to_string).collect();
        parts.pop();
        parts
    };
    let mine = dirs(name);
    let shared = |other: &str| {
        mine.iter()
            .zip(dirs(other))
            .take_while(|(a, b)| **a == *b)
            .count()
    };
    let mut best: Option<(usize, usize)> = None;
    for (ci, (_, p)) in protos.iter().enumerate() {
        let depth = p.files.iter().map(|f| shared(&f.name)).max().unwrap_or(0);
        if depth > 0 && best.is_none_or(|(_, d)| depth > d) {
            best = Some((ci, depth));
        }
    }
    best.map(|(ci, _)| ci)
}
