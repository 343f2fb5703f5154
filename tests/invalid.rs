//! Every broken input under fixtures/invalid/ exits 2 with a located diagnostic (file, line,
//! column and a source excerpt; the file alone where the problem is the whole file), and its
//! rendering is a snapshot.

use std::path::Path;

use assert_cmd::Command;

/// Inputs whose problem is the file as a whole: no line to point at.
const WHOLE_FILE: &[&str] = &["empty.yaml", "binary-garbage.yaml", "not-utf8.yaml"];

#[test]
fn every_invalid_input_exits_2_with_a_located_diagnostic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/invalid");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    assert!(
        entries.len() >= 30,
        "fixtures/invalid holds {} inputs",
        entries.len()
    );
    let mut failures = Vec::new();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let mut cmd = Command::cargo_bin("treaty").unwrap();
        cmd.env("NO_COLOR", "1")
            .env_remove("CI")
            .env("COLUMNS", "100");
        if path.is_dir() {
            cmd.current_dir(&path).arg("lint");
        } else {
            cmd.current_dir(&dir).args(["lint", &name]);
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        if out.status.code() != Some(2) {
            failures.push(format!(
                "{name}: exit {:?}\n{stderr}{}",
                out.status.code(),
                String::from_utf8_lossy(&out.stdout)
            ));
            continue;
        }
        let shown = if path.is_dir() {
            "treaty.yaml".to_string()
        } else {
            name.clone()
        };
        if !stderr.contains(&shown) {
            failures.push(format!(
                "{name}: the diagnostic does not name the file\n{stderr}"
            ));
        }
        if !WHOLE_FILE.contains(&name.as_str()) && !stderr.contains("╭─[") {
            failures.push(format!("{name}: no source excerpt\n{stderr}"));
        }
        if stderr.contains("panicked") {
            failures.push(format!("{name}: panic\n{stderr}"));
        }
        insta::with_settings!({snapshot_path => "snapshots/invalid", prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!(name.replace('.', "_"), stderr);
        });
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
