//! Loading AsyncAPI 2.x and 3.0 documents into the contract model: the official examples, the
//! 2.x publish/subscribe inversion, 2.6 ↔ 3.0 equivalence, traits, schema formats, replies,
//! suppressions, and located errors for bad documents.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use treaty::diag::LoadErrors;
use treaty::formats::{ContractSpec, LoadCx};
use treaty::model::{Action, Contract, ContractKind, Payload, SchemaArena, SchemaId};
use treaty::source::SourceMap;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn load(path: &str) -> (SourceMap, Result<Contract, LoadErrors>) {
    let mut sources = SourceMap::new();
    let spec = ContractSpec {
        name: path.to_string(),
        service: None,
        kind: ContractKind::Asyncapi,
        files: vec![root().join(path)],
        roots: Vec::new(),
        excludes: Vec::new(),
        version: None,
    };
    let result = {
        let mut cx = LoadCx::new(&mut sources, &root());
        treaty::formats::load(&mut cx, &spec)
    };
    (sources, result)
}

fn load_ok(path: &str) -> (SourceMap, Contract) {
    let (sources, result) = load(path);
    match result {
        Ok(c) => (sources, c),
        Err(e) => panic!("{path} does not load:\n{e}"),
    }
}

#[test]
fn debug_dump() {
    for f in std::fs::read_dir(root().join("fixtures/asyncapi-examples/v2.6.0"))
        .unwrap()
        .chain(std::fs::read_dir(root().join("fixtures/asyncapi-examples/v3.0.0")).unwrap())
    {
        let p = f.unwrap().path();
        let rel = p
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .to_string();
        let (_, r) = load(&rel);
        match r {
            Ok(c) => eprintln!(
                "OK {rel}: {} channels {} messages",
                c.channels.len(),
                c.messages.len()
            ),
            Err(e) => eprintln!("ERR {rel}: {e}"),
        }
    }
}
