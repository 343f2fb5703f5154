//! `treaty gen rust`, gRPC part: the `grpc` module generated for a protobuf contract holds the
//! prost messages of every package the contract uses, the tonic client and server, and on top a
//! client trait, its resilient implementation, a mock and a tonic adapter per service. The output
//! is deterministic, and a small fixture's output is a snapshot.
//!
//! Whether the generated crates compile is checked by building them (see `generated_crate_builds`
//! below, ignored by default as it downloads and builds tonic).

use std::path::{Path, PathBuf};

use treaty::codegen::Tree;
use treaty::codegen::rust::{Options, generate};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The crates of `services` (all when empty) of the workspace of `manifest`.
fn gen_services(manifest: &Path, services: &[&str]) -> Tree {
    let ws = match treaty::workspace::load_manifest(manifest) {
        Ok(ws) => ws,
        Err(e) => panic!("{e}"),
    };
    let options = Options {
        services: services.iter().map(|s| s.to_string()).collect(),
    };
    generate(&ws, &options).unwrap_or_else(|e| panic!("{e}"))
}

fn gen_service(manifest: &Path, service: &str) -> Tree {
    gen_services(manifest, &[service])
}

fn ftgo_order() -> Tree {
    gen_service(&root().join("treaty.yaml"), "order")
}

/// fixtures/gen/grpc: the `shop` and `feed` crates.
fn fixture() -> Tree {
    gen_services(&root().join("fixtures/gen/grpc/treaty.yaml"), &[])
}

fn file<'a>(tree: &'a Tree, path: &str) -> &'a str {
    tree.files
        .get(path)
        .unwrap_or_else(|| panic!("no {path} in {:?}", tree.files.keys().collect::<Vec<_>>()))
}

#[test]
fn order_grpc_module_has_messages_clients_servers_trait_and_mock() {
    let tree = ftgo_order();
    let grpc = file(&tree, "order-api/src/grpc.rs");
    for expected in [
        // Packages as nested modules, imports included.
        "pub mod ftgo {",
        "pub mod order {",
        "pub mod common {",
        "pub mod v1 {",
        // Messages, with their protobuf comments as docs.
        "pub struct CreateOrderRequest {",
        "pub struct LineItem {",
        "pub enum OrderState {",
        "/// An order to create.",
        "super::super::common::v1::LineItem",
        // tonic.
        "pub mod order_service_client {",
        "pub struct OrderServiceClient<T>",
        "pub mod order_service_server {",
        "pub trait OrderService: std::marker::Send + std::marker::Sync + 'static",
        // The layer on top.
        "pub trait OrderServiceApi: ::std::marker::Send + ::std::marker::Sync {",
        "fn create_order(",
        "fn cancel_order(",
        "fn revise_order(",
        "pub struct ResilientOrderServiceClient {",
        "impl OrderServiceApi for ResilientOrderServiceClient {",
        "pub struct MockOrderServiceApi {",
        "impl OrderServiceApi for MockOrderServiceApi {",
        "pub fn on_create_order(",
        "pub struct OrderServiceApiService<T>(pub T);",
        "pub struct OrderServiceFallbacks {",
        "\"OrderService/CreateOrder\"",
        "\"/ftgo.order.v1.OrderService/CreateOrder\"",
        // Re-exported at the top of the module.
        "pub use self::ftgo::order::v1::{\n    MockOrderServiceApi, OrderServiceApi,",
    ] {
        assert!(
            grpc.contains(expected),
            "grpc.rs lacks `{expected}`:\n{grpc}"
        );
    }
    assert!(grpc.starts_with("// @generated"));
    for forbidden in ["todo!", "unimplemented!", "panic!", ".unwrap()", ".expect("] {
        assert!(!grpc.contains(forbidden), "grpc.rs contains `{forbidden}`");
    }
    // Only the services of the contract's own files get clients; common has none anyway.
    assert_eq!(grpc.matches("pub trait OrderServiceApi").count(), 1);

    let lib = file(&tree, "order-api/src/lib.rs");
    assert!(lib.contains("pub mod grpc;"), "{lib}");
    let cargo = file(&tree, "order-api/Cargo.toml");
    for dep in ["prost = ", "tonic = ", "tonic-prost = "] {
        assert!(cargo.contains(dep), "Cargo.toml lacks {dep}:\n{cargo}");
    }
    assert!(
        cargo.contains(r#"features = ["codegen", "channel"]"#),
        "{cargo}"
    );
    // FTGO's protos use no well-known type.
    assert!(!cargo.contains("prost-types"), "{cargo}");
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(ftgo_order(), ftgo_order());
    assert_eq!(fixture(), fixture());
}

#[test]
fn common_contract_has_messages_and_no_service_layer() {
    let tree = gen_service(&root().join("treaty.yaml"), "common");
    let grpc = file(&tree, "common-api/src/grpc.rs");
    assert!(grpc.contains("pub struct Money {"), "{grpc}");
    assert!(!grpc.contains("pub trait"), "{grpc}");
    // Nothing of the support module is needed, so there is none (it would be dead code).
    assert!(!grpc.contains("mod support"), "{grpc}");
}

#[test]
fn fixture_covers_well_known_types_streaming_and_deprecation() {
    let tree = fixture();
    let grpc = file(&tree, "shop-api/src/grpc.rs");
    for expected in [
        // Wrappers and Empty are Rust types; the others are prost-types messages written as
        // their Debug text in the mock's JSON record.
        "request: (),",
        "request: ::prost::alloc::string::String",
        "::core::primitive::bool",
        "::prost_types::Timestamp",
        "serialize_with = \"super::super::support::text_map\"",
        "serialize_with = \"super::super::support::text_seq\"",
        "serialize_with = \"super::super::super::support::text_option\"",
        "serialize_with = \"super::super::super::support::text_value\"",
        "&::std::format!(\"{request:?}\")",
        // The streaming rpc is tonic's only, and the adapter answers UNIMPLEMENTED.
        "type WatchCartStream =",
        "The streaming rpcs (`WatchCart`) are not part of it",
        // Deprecation is carried over and does not warn inside the generated code.
        "#[deprecated]",
        "#[allow(deprecated)]",
        // Keyword field.
        "pub r#type: i32",
        "BTreeMap",
    ] {
        assert!(
            grpc.contains(expected),
            "grpc.rs lacks `{expected}`:\n{grpc}"
        );
    }
    assert!(!grpc.contains("fn watch_cart(&self, request: super::"));
    let cargo = file(&tree, "shop-api/Cargo.toml");
    assert!(cargo.contains("prost-types = "), "{cargo}");
}

#[test]
fn streaming_only_service_has_trait_without_methods_and_adapter_answering_unimplemented() {
    let tree = fixture();
    let grpc = file(&tree, "feed-api/src/grpc.rs");
    for expected in [
        "pub trait FeedServiceApi: ::std::marker::Send + ::std::marker::Sync {}",
        "The streaming rpcs (`Subscribe`, `Publish`, `Exchange`) are not part of it",
        "request: ::tonic::Request<::tonic::Streaming<Event>>",
        "type SubscribeStream =",
        "type ExchangeStream =",
        "::tonic::Status::unimplemented(",
    ] {
        assert!(
            grpc.contains(expected),
            "grpc.rs lacks `{expected}`:\n{grpc}"
        );
    }
    // No unary rpc: no status conversions, which would be dead code.
    assert!(!grpc.contains("fn status_error"), "{grpc}");
    assert!(grpc.contains("fn lock<T>"), "{grpc}");
}

#[test]
fn rpc_named_like_a_tonic_client_method_is_an_error_not_a_broken_crate() {
    let manifest = root().join("fixtures/gen/grpc/tonic-clash/treaty.yaml");
    let ws = match treaty::workspace::load_manifest(&manifest) {
        Ok(ws) => ws,
        Err(e) => panic!("{e}"),
    };
    let err = generate(&ws, &Options::default()).expect_err("tonic's client has `new` already");
    let text = err.to_string();
    assert!(
        text.contains("rpc `New` of service `Factory`") && text.contains("rename the rpc"),
        "{text}"
    );
}

#[test]
fn fixture_snapshots() {
    let tree = fixture();
    insta::assert_snapshot!("gen_grpc_shop", file(&tree, "shop-api/src/grpc.rs"));
    insta::assert_snapshot!("gen_grpc_feed", file(&tree, "feed-api/src/grpc.rs"));
}

/// Writes the FTGO order crate and the fixture's crates to `$TREATY_GEN_GRPC_OUT` (default
/// `/tmp/gen-grpc`) and builds them with cargo, without warnings, in `$TREATY_GEN_TARGET`
/// (default: the workspaces' own `target`). Needs crates.io (tonic, prost), so it is ignored by
/// default: `cargo test --test gen_grpc -- --ignored`.
#[test]
#[ignore]
fn generated_crate_builds() {
    let out = PathBuf::from(
        std::env::var("TREATY_GEN_GRPC_OUT").unwrap_or_else(|_| "/tmp/gen-grpc".to_string()),
    );
    for (name, tree) in [("ftgo", ftgo_order()), ("shop", fixture())] {
        let dir = out.join(name);
        treaty::codegen::write_tree(&dir, &tree).unwrap_or_else(|e| panic!("{e}"));
        // Warnings are looked for in the output rather than denied with RUSTFLAGS, which would
        // rebuild every dependency in a shared target directory.
        let mut cargo = std::process::Command::new(env!("CARGO"));
        cargo
            .args(["build", "--all-targets"])
            .current_dir(&dir)
            .env_remove("CARGO_TARGET_DIR");
        if let Some(target) = std::env::var_os("TREATY_GEN_TARGET") {
            cargo.env("CARGO_TARGET_DIR", target);
        }
        let output = cargo.output().expect("cargo runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "the generated {name} workspace does not build:\n{stderr}"
        );
        assert!(
            !stderr.contains("warning"),
            "the generated {name} workspace builds with warnings:\n{stderr}"
        );
    }
}
