//! Robustness: mutated and random inputs to every loader never panic; they load or give a located
//! error. Seeds are the shipped contracts and fixtures; mutations insert, delete and replace bytes.

use std::path::Path;

use proptest::prelude::*;

fn seeds() -> Vec<(&'static str, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for (ext, rel) in [
        (
            "yaml",
            "fixtures/asyncapi-examples/v3.0.0/streetlights-kafka-asyncapi.yml",
        ),
        (
            "yaml",
            "fixtures/asyncapi-examples/v2.6.0/streetlights-kafka.yml",
        ),
        ("yaml", "contracts/order/openapi.yaml"),
        ("yaml", "contracts/accounting/asyncapi.yaml"),
        (
            "proto",
            "contracts/order/proto/ftgo/order/v1/order_service.proto",
        ),
    ] {
        if let Ok(text) = std::fs::read_to_string(root.join(rel)) {
            out.push((ext, text));
        }
    }
    out.push(("yaml", "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths:\n  /a/{id}:\n    get:\n      parameters: [{name: id, in: path, required: true, schema: {$ref: '#/components/schemas/A'}}]\n      responses: {'200': {description: ok}}\ncomponents:\n  schemas:\n    A: {type: object, properties: {a: {$ref: '#/components/schemas/A'}}}\n".into()));
    out.push(("yaml", "asyncapi: 3.0.0\ninfo: {title: t, version: 1.0.0}\nchannels:\n  c: {address: c, messages: {m: {payload: {type: string}}}}\noperations:\n  o: {action: send, channel: {$ref: '#/channels/c'}, messages: [{$ref: '#/channels/c/messages/m'}]}\n".into()));
    out.push(("proto", "syntax = \"proto3\";\npackage a.v1;\nimport \"google/protobuf/timestamp.proto\";\nmessage A { string a = 1; google.protobuf.Timestamp t = 2; oneof o { int32 x = 3; } }\nservice S { rpc Get(A) returns (stream A); }\n".into()));
    out
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    Replace(usize, char),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (
            any::<usize>(),
            prop::sample::select(vec![
                "{",
                "}",
                "[",
                "]",
                ":",
                "\n",
                "  ",
                "$ref: '#/x'",
                "- ",
                "\"",
                "'",
                ";",
                "message",
                "\t",
                "&a",
                "*a",
                "!!binary",
                "\u{feff}",
                "é",
                "0x",
                "=",
                "//"
            ])
        )
            .prop_map(|(i, s)| Edit::Insert(i, s.to_string())),
        (any::<usize>(), 1usize..40).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<usize>(), any::<char>()).prop_map(|(i, c)| Edit::Replace(i, c)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let len = chars.len().max(1);
        match e {
            Edit::Insert(i, s) => {
                let at = i % (chars.len() + 1);
                for (k, c) in s.chars().enumerate() {
                    chars.insert(at + k, c);
                }
            }
            Edit::Delete(i, n) => {
                if !chars.is_empty() {
                    let at = i % len;
                    let end = (at + n).min(chars.len());
                    chars.drain(at..end);
                }
            }
            Edit::Replace(i, c) => {
                if !chars.is_empty() {
                    let at = i % len;
                    chars[at] = *c;
                }
            }
        }
    }
    chars.into_iter().collect()
}

fn load_text(ext: &str, text: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("input.{ext}"));
    std::fs::write(&path, text).unwrap();
    // Either outcome is fine; a panic fails the test.
    if let Err(errors) = treaty::workspace::load_paths(&[path], dir.path()) {
        for e in &errors.0 {
            assert!(!e.message.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_contracts_never_panic(seed in 0usize..64, edits in prop::collection::vec(edit(), 1..6)) {
        let seeds = seeds();
        let (ext, text) = &seeds[seed % seeds.len()];
        load_text(ext, apply(text, &edits).as_bytes());
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512), ext in prop::sample::select(vec!["yaml", "json", "proto"])) {
        load_text(ext, &bytes);
    }

    #[test]
    fn random_documents_with_a_version_key_never_panic(body in "[a-z{}\\[\\]:, \n'\"$#/0-9-]{0,300}", which in 0usize..4) {
        let head = ["openapi: 3.1.0\n", "openapi: 3.0.3\n", "asyncapi: 3.0.0\n", "asyncapi: 2.6.0\n"][which];
        load_text("yaml", format!("{head}{body}").as_bytes());
    }
}
