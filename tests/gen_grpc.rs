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
        // The server-streaming rpc is in the trait, the mock and the adapter too.
        "type WatchCartStream =",
        "pub fn on_watch_cart(",
        "Streaming rpcs have no fallback",
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
    assert!(!grpc.contains("Status::unimplemented("), "{grpc}");
    // Not used by a server-streaming rpc alone: would be dead code.
    assert!(!grpc.contains("fn request_stream"), "{grpc}");
    let cargo = file(&tree, "shop-api/Cargo.toml");
    assert!(cargo.contains("prost-types = "), "{cargo}");
    assert!(cargo.contains("tokio-stream = "), "{cargo}");
}

#[test]
fn streaming_rpcs_are_in_the_trait_client_mock_and_adapter() {
    let tree = fixture();
    let grpc = file(&tree, "feed-api/src/grpc.rs");
    // Compared without whitespace, which follows the formatter's line breaks.
    let bare = |s: &str| s.split_whitespace().collect::<String>();
    let squeezed = bare(grpc);
    for expected in [
        // One alias for every stream, at the root of the module.
        "pub type BoxStream<'a, T> = ::std::pin::Pin< ::std::boxed::Box<dyn ::tokio_stream::Stream<Item = T> + ::std::marker::Send + 'a>, >;",
        // Server streaming: a request in, a stream of results out.
        "fn subscribe( &self, request: SubscribeRequest, ) -> impl ::std::future::Future< Output = ::std::result::Result< super::super::BoxStream< 'static, ::std::result::Result<Event, ::treaty_runtime::Error>, >, ::treaty_runtime::Error, >, > + ::std::marker::Send;",
        // Client streaming and bidirectional: a stream of requests in.
        "fn publish( &self, requests: super::super::BoxStream<'static, Event>, ) -> impl ::std::future::Future< Output = ::std::result::Result<PublishResponse, ::treaty_runtime::Error>, > + ::std::marker::Send;",
        "fn exchange( &self, requests: super::super::BoxStream<'static, Event>, )",
        // The resilient client guards opening the stream, without fallback.
        ".call( \"/feed.v1.FeedService/Subscribe\",",
        // The mock: items per request, collected requests per call.
        "::treaty_runtime::mock::Responder< SubscribeRequest, ::std::result::Result< ::std::vec::Vec<Event>,",
        "::treaty_runtime::mock::Responder< ::std::vec::Vec<Event>, ::std::result::Result<PublishResponse,",
        "pub fn publish_requests(&self) -> ::std::vec::Vec<::std::vec::Vec<Event>>",
        // The adapter.
        "type SubscribeStream = super::super::BoxStream< 'static, ::std::result::Result<Event, ::tonic::Status>, >;",
        "type ExchangeStream =",
        "request: ::tonic::Request<::tonic::Streaming<Event>>",
        "super::super::support::request_stream(request.into_inner()",
        "super::super::support::answer_stream(answers, failure)",
        "fn status_error(",
        "fn error_status(",
    ] {
        assert!(
            squeezed.contains(&bare(expected)),
            "grpc.rs lacks `{expected}`:\n{grpc}"
        );
    }
    assert!(!grpc.contains("Status::unimplemented("), "{grpc}");
    // No unary rpc: no cache keys, which would be dead code.
    assert!(!grpc.contains("fn call_key"), "{grpc}");
    assert!(!grpc.contains("Fallback<"), "{grpc}");
    let cargo = file(&tree, "feed-api/Cargo.toml");
    assert!(
        cargo.contains(r#"tokio-stream = { version = "0.1", default-features = false }"#),
        "{cargo}"
    );
    // Without streaming rpcs, no alias and no dependency.
    let order = ftgo_order();
    assert!(!file(&order, "order-api/src/grpc.rs").contains("BoxStream"));
    assert!(!file(&order, "order-api/Cargo.toml").contains("tokio-stream"));
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

/// A test of the feed crate, written into the generated workspace by `generated_crate_builds`:
/// a server-streaming call from the resilient client to the mock, served by the adapter over
/// loopback; a programmed error; and a client-streaming call.
const FEED_ROUND_TRIP: &str = r#"
use std::sync::Arc;

use feed_api::grpc::feed::v1::{Event, PublishResponse, SubscribeRequest};
use feed_api::grpc::{BoxStream, FeedServiceApi, FeedServiceApiService, MockFeedServiceApi, ResilientFeedServiceClient};
use tokio_stream::StreamExt;
use treaty_runtime::discovery::Static;
use treaty_runtime::resilience::Policy;
use treaty_runtime::Error;

fn event(topic: &str, payload: &[u8]) -> Event {
    Event { topic: topic.into(), payload: payload.to_vec() }
}

#[tokio::test]
async fn streams_round_trip_through_the_adapter() {
    let mock = Arc::new(MockFeedServiceApi::new());
    mock.on_subscribe()
        .when(|r| r.topic == "orders")
        .then(Ok(vec![event("orders", b"1"), event("orders", b"2"), event("orders", b"3")]))
        .otherwise(Err(Error::Status { code: 404, body: "no such topic".into() }));
    mock.on_publish().otherwise_with(|events| Ok(PublishResponse { accepted: events.len() as u32 }));

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(FeedServiceApiService::new(Arc::clone(&mock)).into_server())
            .serve_with_incoming(tonic::transport::server::TcpIncoming::from(listener)),
    );
    let client = ResilientFeedServiceClient::new(Static(format!("http://{addr}")), Policy::default());

    let stream = client.subscribe(SubscribeRequest { topic: "orders".into() }).await.unwrap();
    let events: Vec<Event> = stream.map(|e| e.unwrap()).collect().await;
    assert_eq!(events.iter().map(|e| e.payload.clone()).collect::<Vec<_>>(), [b"1".to_vec(), b"2".to_vec(), b"3".to_vec()]);
    assert_eq!(mock.subscribe_requests()[0].topic, "orders");
    assert_eq!(mock.recorder().calls_to("FeedService/Subscribe")[0]["topic"], "orders");
    // Opening the stream went through the bulkhead, which it no longer holds.
    assert_eq!(client.resilient().outstanding(), 0);

    let err = match client.subscribe(SubscribeRequest { topic: "nope".into() }).await {
        Ok(_) => panic!("the mock refuses the topic"),
        Err(err) => err,
    };
    assert_eq!(err, Error::Status { code: 404, body: "no such topic".into() });

    let requests: BoxStream<'static, Event> = Box::pin(tokio_stream::iter(vec![event("a", b"x"), event("b", b"y")]));
    assert_eq!(client.publish(requests).await.unwrap().accepted, 2);
    assert_eq!(mock.publish_requests()[0].len(), 2);
}
"#;

/// Writes the FTGO order crate and the fixture's crates to `$TREATY_GEN_GRPC_OUT` (default
/// `/tmp/gen-grpc`) and builds them with cargo, without warnings, in `$TREATY_GEN_TARGET`
/// (default: the workspaces' own `target`); then runs the feed crate's streaming round trip
/// ([`FEED_ROUND_TRIP`]). Needs crates.io (tonic, prost), so it is ignored by
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
        if name == "shop" {
            let feed = dir.join("feed-api");
            let manifest = feed.join("Cargo.toml");
            let mut toml = std::fs::read_to_string(&manifest).unwrap_or_else(|e| panic!("{e}"));
            toml.push_str(
                "\n[dev-dependencies]\n\
                 tokio = { version = \"1\", features = [\"macros\", \"rt-multi-thread\", \"net\"] }\n\
                 tonic = { version = \"0.14\", default-features = false, features = [\"server\", \"router\"] }\n",
            );
            std::fs::write(&manifest, toml).unwrap_or_else(|e| panic!("{e}"));
            std::fs::create_dir_all(feed.join("tests")).unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(feed.join("tests/round_trip.rs"), FEED_ROUND_TRIP)
                .unwrap_or_else(|e| panic!("{e}"));
        }
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

    // The feed crate's streaming round trip (written above).
    let mut cargo = std::process::Command::new(env!("CARGO"));
    cargo
        .args(["test", "-p", "feed-api", "--test", "round_trip"])
        .current_dir(out.join("shop"))
        .env_remove("CARGO_TARGET_DIR");
    if let Some(target) = std::env::var_os("TREATY_GEN_TARGET") {
        cargo.env("CARGO_TARGET_DIR", target);
    }
    let output = cargo.output().expect("cargo runs");
    assert!(
        output.status.success(),
        "the feed round trip fails:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
