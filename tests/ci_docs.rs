//! The CI files in docs/ci/ are valid YAML, and every treaty command they run works: each is run
//! here against a git repository holding two FTGO revisions (the base branch as `origin/main`).

use std::path::{Path, PathBuf};
use std::process::Command as Proc;

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn git(dir: &Path, args: &[&str]) {
    let out = Proc::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The treaty command lines of a CI file (after `treaty `), with the shell bits this test stands in for.
fn commands(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter_map(|l| {
            l.split("treaty ").nth(1).filter(|_| {
                l.contains("run:")
                    || l.trim_start().starts_with("- treaty")
                    || l.starts_with("treaty")
            })
        })
        .map(|rest| {
            let rest = rest.split(['>', '|']).next().unwrap();
            rest.replace("\"origin/${GITHUB_BASE_REF:-main}\"", "origin/main")
                .replace(
                    "\"origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME\"",
                    "origin/main",
                )
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|c| !c.is_empty() && c[0] != "treaty" && !c.iter().any(|a| a.contains("install")))
        .collect()
}

#[test]
fn ci_files_are_valid_yaml_and_their_commands_run() {
    let docs = root().join("docs/ci");
    for f in ["github-workflow.yml", "gitlab-ci.yml"] {
        let text = std::fs::read_to_string(docs.join(f)).unwrap();
        let _: yaml_serde::Value =
            yaml_serde::from_str(&text).unwrap_or_else(|e| panic!("{f}: {e}"));
    }
    // A repository whose main branch holds FTGO r3 and whose working branch holds the current contracts.
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    git(repo, &["config", "user.email", "ci@example.com"]);
    git(repo, &["config", "user.name", "CI"]);
    copy_dir(&root().join("fixtures/ftgo/r3"), repo);
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "r3"]);
    git(repo, &["update-ref", "refs/remotes/origin/main", "HEAD"]);
    for entry in std::fs::read_dir(repo).unwrap() {
        let p = entry.unwrap().path();
        if p.file_name().unwrap() != ".git" {
            if p.is_dir() {
                std::fs::remove_dir_all(&p).unwrap()
            } else {
                std::fs::remove_file(&p).unwrap()
            }
        }
    }
    copy_dir(&root().join("contracts"), &repo.join("contracts"));
    std::fs::copy(root().join("treaty.yaml"), repo.join("treaty.yaml")).unwrap();
    git(repo, &["checkout", "-q", "-b", "change"]);
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "current"]);

    let mut ran = 0;
    for f in ["github-workflow.yml", "gitlab-ci.yml", "pre-commit"] {
        let text = std::fs::read_to_string(docs.join(f)).unwrap();
        for args in commands(&text) {
            let mut cmd = Command::cargo_bin("treaty").unwrap();
            cmd.current_dir(repo).env("NO_COLOR", "1").args(&args);
            if f == "pre-commit" {
                cmd.env_remove("CI");
            } else {
                cmd.env("CI", "true");
            }
            let out = cmd.output().unwrap();
            let code = out.status.code();
            assert!(
                matches!(code, Some(0) | Some(1)),
                "{f}: treaty {}: exit {code:?}\n{}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr)
            );
            ran += 1;
        }
    }
    assert!(ran >= 7, "only {ran} commands found in the CI files");
}
