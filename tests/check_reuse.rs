//! The old side of a comparison takes the protobuf files the new side compiled from the same text
//! and imports (`formats::proto::Reuse`). Taking them must change nothing: the old side's
//! descriptors, files and sources are exactly those of a whole compile, and so are the findings,
//! for every protobuf breaking fixture and every FTGO revision; errors are the same as without
//! reuse, including the duplicate a whole compile sees between a changed file and an unchanged one
//! it does not import.

use std::fs;
use std::path::{Path, PathBuf};

use treaty::compat::{CheckOptions, check};
use treaty::formats::proto::Reuse;
use treaty::workspace::{Workspace, load_dir, load_dir_reusing};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(dir: &Path) -> Workspace {
    load_dir(dir).unwrap_or_else(|e| panic!("{} does not load: {e:?}", dir.display()))
}

/// Everything a comparison reads from a loaded side, as text.
fn shape(ws: &Workspace) -> String {
    let mut out = String::new();
    for (_, f) in ws.sources.files() {
        out.push_str(&format!("source {} {}\n", f.display, f.text.len()));
    }
    for c in &ws.contracts {
        out.push_str(&format!("contract {} {:?} {:?}\n", c.name, c.kind, c.files));
        if let Some(p) = &c.proto {
            out.push_str(&format!(
                "{:?}\n{:?}\n{:?}\n",
                p.descriptors, p.files, p.imports
            ));
            out.push_str(&format!("{:?}\n", p.lint_ignores));
        }
        out.push_str(&format!("{:?}\n{:?}\n", c.operations, c.suppressions));
    }
    out
}

fn findings(old: &Workspace, new: &Workspace) -> String {
    let result = check(old, new, &CheckOptions::default());
    format!("{:?}\n{:?}", result.findings, result.verdicts)
}

/// Compares a whole compile of `old` with one that reuses `new`'s files; returns whether any
/// contract came out of the reusing path (which leaves no descriptor pool).
fn same_with_reuse(old_dir: &Path, new_dir: &Path) -> bool {
    let new = load(new_dir);
    let whole = load(old_dir);
    let reuse = Reuse::new(&new.contracts, &new.sources);
    let reused = load_dir_reusing(old_dir, &reuse)
        .unwrap_or_else(|e| panic!("{} does not load reusing: {e:?}", old_dir.display()));
    assert_eq!(shape(&reused), shape(&whole), "{}", old_dir.display());
    assert_eq!(
        findings(&reused, &new),
        findings(&whole, &new),
        "{}",
        old_dir.display()
    );
    reused
        .contracts
        .iter()
        .filter_map(|c| c.proto.as_ref())
        .any(|p| p.pool.files().len() == 0)
}

#[test]
fn every_breaking_fixture_loads_the_same_reusing_the_new_side() {
    let dir = root().join("fixtures/breaking/proto");
    let mut reused = 0;
    let mut n = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let fx = entry.unwrap().path();
        if !fx.join("new").is_dir() {
            continue;
        }
        n += 1;
        reused += usize::from(same_with_reuse(&fx.join("old"), &fx.join("new")));
    }
    assert!(n >= 65, "{n} fixtures");
    // Most fixtures change their only file, so there is nothing to reuse; some do reuse.
    assert!(reused > 0);
}

#[test]
fn every_ftgo_revision_loads_the_same_reusing_the_current_contracts() {
    for r in ["r1", "r2", "r3"] {
        assert!(
            same_with_reuse(&root().join("fixtures/ftgo").join(r), &root()),
            "{r} reused nothing"
        );
    }
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

/// Loads `old` with and without reuse of `new`: both must fail alike.
fn same_errors(old: &Path, new: &Path) -> String {
    let new = load(new);
    let reuse = Reuse::new(&new.contracts, &new.sources);
    let (Err(whole), Err(reused)) = (load_dir(old), load_dir_reusing(old, &reuse)) else {
        panic!("the old side compiles");
    };
    assert_eq!(format!("{reused:?}"), format!("{whole:?}"));
    whole.to_string()
}

#[test]
fn errors_are_those_of_a_whole_compile() {
    let t = tempfile::tempdir().unwrap();
    let (old, new) = (t.path().join("old"), t.path().join("new"));
    let a = "syntax = \"proto3\";\npackage p.v1;\nmessage A { string id = 1; }\n";
    let b = "syntax = \"proto3\";\npackage p.v1;\nimport \"a.proto\";\nmessage B { A a = 1; }\n";
    let c = "syntax = \"proto3\";\npackage p.v1;\nmessage C { string id = 1; }\n";
    for (side, files) in [(&new, [a, b, c]), (&old, [a, b, c])] {
        for (name, text) in ["a.proto", "b.proto", "c.proto"].iter().zip(files) {
            write(side, name, text);
        }
    }
    // A syntax error in a changed file.
    write(
        &old,
        "b.proto",
        "syntax = \"proto3\";\npackage p.v1;\nmessage B { A a = }\n",
    );
    let e = same_errors(&old, &new);
    assert!(e.contains("b.proto"), "{e}");
    // A changed file defining what an unchanged file it does not import defines: compiled alone
    // it is fine, in a whole compile it is a duplicate.
    write(&old, "b.proto", b);
    write(
        &old,
        "c.proto",
        "syntax = \"proto3\";\npackage p.v1;\nmessage A { string id = 1; }\n",
    );
    let e = same_errors(&old, &new);
    assert!(e.contains("A"), "{e}");
}
