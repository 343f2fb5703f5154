//! The generated FTGO workspace in `examples/ftgo-clients` is what `treaty gen rust` writes
//! today, it builds on its own with its checked-in Cargo.lock, and the hand-written tests of
//! `examples/ftgo-saga` (the create-order saga over the in-memory broker, the HTTP client against
//! a mock server, the gRPC round trip, schema violations, the build-script call) pass against it.
//!
//! Both builds share one target directory, `target/examples`, with the hostile-names build of
//! `tests/gen_hostile.rs`, so each dependency compiles once. crates.io must be reachable the
//! first time.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cargo(dir: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO"))
        .current_dir(dir)
        .args(args)
        .env("CARGO_TARGET_DIR", root().join("target/examples"))
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo {args:?} in {} failed:\n{}\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn checked_in_clients_are_up_to_date() {
    assert_cmd::Command::cargo_bin("treaty")
        .unwrap()
        .current_dir(root())
        .args(["gen", "rust", "--out", "examples/ftgo-clients", "--check"])
        .assert()
        .success();
}

#[test]
fn generated_workspace_builds_and_the_hand_written_tests_pass() {
    // Every generated crate, warnings (rustc and clippy) as errors.
    cargo(
        &root().join("examples/ftgo-clients"),
        &[
            "clippy",
            "--locked",
            "--workspace",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ],
    );
    cargo(
        &root().join("examples/ftgo-saga"),
        &["test", "--locked", "--quiet"],
    );
}
