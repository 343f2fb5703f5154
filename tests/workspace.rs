//! The workspace: manifest discovery, buf.yaml and buf.work.yaml, paths given on the command line.

use std::fs;
use std::path::Path;

use treaty::model::ContractKind;
use treaty::workspace;

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

const OPENAPI: &str = "openapi: 3.1.0\ninfo: {title: t, version: 1.0.0}\npaths: {}\n";
const PROTO_A: &str = "syntax = \"proto3\";\npackage acme.a.v1;\nimport \"acme/b/v1/b.proto\";\nmessage A { acme.b.v1.B b = 1; }\n";
const PROTO_B: &str = "syntax = \"proto3\";\npackage acme.b.v1;\nmessage B { string name = 1; }\n";

#[test]
fn the_manifest_is_found_in_a_parent_directory() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "treaty.yaml",
        "services:\n  orders:\n    contracts:\n      - path: api/openapi.yaml\n",
    );
    write(dir.path(), "api/openapi.yaml", OPENAPI);
    fs::create_dir_all(dir.path().join("deep/er")).unwrap();
    let found = workspace::find_manifest(&dir.path().join("deep/er")).unwrap();
    assert_eq!(
        found,
        fs::canonicalize(dir.path()).unwrap().join("treaty.yaml")
    );
    let ws = workspace::load_manifest(&found).unwrap();
    assert_eq!(ws.contracts.len(), 1);
    // Kind inferred from the document, name defaulted to <service>/<kind>.
    assert_eq!(ws.contracts[0].kind, ContractKind::Openapi);
    assert_eq!(ws.contracts[0].name, "orders/openapi");
    assert_eq!(ws.contracts[0].service.as_deref(), Some("orders"));
}

#[test]
fn manifest_errors_are_located() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "treaty.yaml",
        "services:\n  orders:\n    contracts:\n      - path: api/openapi.yaml\n        knd: openapi\n",
    );
    let e = workspace::load_manifest(&dir.path().join("treaty.yaml")).unwrap_err();
    assert_eq!(e.0[0].code, "treaty::manifest::invalid");
    assert!(e.0[0].message.contains("knd"), "{}", e.0[0].message);
    assert_eq!(e.0[0].line_col().unwrap().0, 5);

    write(
        dir.path(),
        "treaty.yaml",
        "services:\n  orders:\n    contracts:\n      - path: nothing/*.yaml\n",
    );
    let e = workspace::load_manifest(&dir.path().join("treaty.yaml")).unwrap_err();
    assert_eq!(e.0[0].code, "treaty::manifest::no-files");
    assert_eq!(e.0[0].line_col().unwrap().0, 4);
}

#[test]
fn manifest_versions_for_proto_and_services() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "treaty.yaml",
        "services:\n  a:\n    version: 3.1.0\n    contracts:\n      - path: proto/acme/a/v1/a.proto\n        roots: [proto]\n  b:\n    contracts:\n      - path: proto/acme/b/v1/*.proto\n        roots: [proto]\n        version: 1.0.0\n",
    );
    write(dir.path(), "proto/acme/a/v1/a.proto", PROTO_A);
    write(dir.path(), "proto/acme/b/v1/b.proto", PROTO_B);
    let ws = workspace::load_manifest(&dir.path().join("treaty.yaml")).unwrap();
    let a = ws.contract("a/proto").unwrap();
    assert_eq!(a.version.as_ref().unwrap().text, "3.1.0");
    assert_eq!(
        a.version.as_ref().unwrap().source,
        treaty::model::VersionSource::Service
    );
    let b = ws.contract("b/proto").unwrap();
    assert_eq!(b.version.as_ref().unwrap().text, "1.0.0");
    let span = b.version.as_ref().unwrap().span.unwrap();
    assert_eq!(ws.sources.line_col(span).line, 11);
}

#[test]
fn buf_yaml_v1_sets_the_module_root_and_excludes() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "proto/buf.yaml",
        "version: v1\nbuild:\n  excludes: [acme/legacy]\nlint:\n  use: [MINIMAL]\n",
    );
    write(dir.path(), "proto/acme/a/v1/a.proto", PROTO_A);
    write(dir.path(), "proto/acme/b/v1/b.proto", PROTO_B);
    write(
        dir.path(),
        "proto/acme/legacy/x.proto",
        "this is not protobuf",
    );
    let ws = workspace::load_dir(&dir.path().join("proto")).unwrap();
    assert_eq!(ws.contracts.len(), 1);
    assert_eq!(ws.lint.use_, vec!["MINIMAL".to_string()]);
    let p = ws.contracts[0].proto.as_ref().unwrap();
    assert_eq!(p.files.len(), 2);
}

#[test]
fn buf_yaml_v1beta1_roots_and_v2_modules() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "buf.yaml",
        "version: v1beta1\nbuild:\n  roots: [src]\n",
    );
    write(dir.path(), "src/acme/a/v1/a.proto", PROTO_A);
    write(dir.path(), "src/acme/b/v1/b.proto", PROTO_B);
    let ws = workspace::load_dir(dir.path()).unwrap();
    assert_eq!(ws.contracts.len(), 1);

    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "buf.yaml",
        "version: v2\nmodules:\n  - path: one\n  - path: two\nlint:\n  use: [BASIC]\n",
    );
    write(dir.path(), "one/acme/b/v1/b.proto", PROTO_B);
    write(dir.path(), "two/acme/b/v1/b.proto", PROTO_B);
    let ws = workspace::load_dir(dir.path()).unwrap();
    assert_eq!(ws.contracts.len(), 2);
    assert_eq!(ws.lint.use_, vec!["BASIC".to_string()]);
}

#[test]
fn buf_work_yaml_lists_module_directories() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "buf.work.yaml",
        "version: v1\ndirectories: [a, b]\n",
    );
    write(dir.path(), "a/acme/b/v1/b.proto", PROTO_B);
    write(dir.path(), "b/acme/b/v1/b.proto", PROTO_B);
    let ws = workspace::load_dir(dir.path()).unwrap();
    assert_eq!(ws.contracts.len(), 2);
}

#[test]
fn treaty_yaml_wins_over_buf_yaml() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "treaty.yaml",
        "services:\n  b:\n    contracts:\n      - path: proto/acme/b/v1/b.proto\nlint:\n  use: [BASIC]\n",
    );
    write(
        dir.path(),
        "proto/buf.yaml",
        "version: v1\nlint:\n  use: [MINIMAL]\n  except: [PACKAGE_DEFINED]\n",
    );
    write(dir.path(), "proto/acme/b/v1/b.proto", PROTO_B);
    let ws = workspace::load_manifest(&dir.path().join("treaty.yaml")).unwrap();
    assert_eq!(ws.lint.use_, vec!["BASIC".to_string()]);
    // What treaty.yaml leaves unset comes from buf.yaml.
    assert_eq!(ws.lint.except, vec!["PACKAGE_DEFINED".to_string()]);
}

#[test]
fn a_bare_proto_file_imports_from_its_own_directory() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "x/a.proto",
        "syntax = \"proto3\";\npackage x;\nimport \"b.proto\";\nmessage A { B b = 1; }\n",
    );
    write(
        dir.path(),
        "x/b.proto",
        "syntax = \"proto3\";\npackage x;\nmessage B {}\n",
    );
    let ws = workspace::load_paths(&[dir.path().join("x/a.proto")], dir.path()).unwrap();
    assert_eq!(ws.contracts.len(), 1);
    assert_eq!(ws.contracts[0].kind, ContractKind::Proto);
}

#[test]
fn a_plain_directory_is_searched_for_contracts() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "svc/openapi.yaml", OPENAPI);
    write(
        dir.path(),
        "svc/events.yaml",
        "asyncapi: 3.0.0\ninfo: {title: t, version: 1.0.0}\n",
    );
    write(dir.path(), "svc/notes.yaml", "just: data\n");
    write(dir.path(), "proto/acme/b/v1/b.proto", PROTO_B);
    let ws = workspace::load_dir(dir.path()).unwrap();
    let mut kinds: Vec<_> = ws.contracts.iter().map(|c| c.kind).collect();
    kinds.sort();
    assert_eq!(
        kinds,
        vec![
            ContractKind::Proto,
            ContractKind::Openapi,
            ContractKind::Asyncapi
        ]
    );
}

#[test]
fn a_file_that_is_not_a_contract_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.yaml", "just: data\n");
    let e = workspace::load_paths(&[dir.path().join("notes.yaml")], dir.path()).unwrap_err();
    assert_eq!(e.0[0].code, "treaty::input::not-a-contract");
}
