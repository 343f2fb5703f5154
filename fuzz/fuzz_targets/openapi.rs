//! Fuzz target: arbitrary bytes as openapi input must load or give a located error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    let mut text = b"openapi: 3.1.0\n".to_vec();
    text.extend_from_slice(data);
    if "yaml" == "manifest" {
        std::fs::write(dir.path().join("treaty.yaml"), &text).unwrap();
        let _ = treaty::workspace::load_manifest(&dir.path().join("treaty.yaml"));
    } else {
        let path = dir.path().join("input.yaml");
        std::fs::write(&path, &text).unwrap();
        let _ = treaty::workspace::load_paths(&[path], dir.path());
    }
});
