//! `treaty gen rust`, messaging part: the `messaging` module generated for an AsyncAPI contract
//! holds channel constants, message-type constants, typed publishers, command clients over
//! request/reply, handler traits with dispatchers, and (feature `validate`) the contract's JSON
//! Schemas installed on an in-memory broker. The output is deterministic, and kitchen's module is
//! a snapshot.
//!
//! Whether the generated crates behave is checked by `examples/ftgo-saga` (tests/gen_build.rs);
//! `generated_crates_build` below also builds the shop fixture's crate (ignored by default, as it
//! downloads and builds tokio and jsonschema).

use std::path::{Path, PathBuf};

use treaty::codegen::Tree;
use treaty::codegen::rust::{Options, generate};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gen_services(manifest: &Path, services: &[&str]) -> Tree {
    let ws = match treaty::workspace::load_manifest(manifest) {
        Ok(ws) => ws,
        Err(e) => panic!("{e}"),
    };
    generate(
        &ws,
        &Options {
            services: services.iter().map(|s| s.to_string()).collect(),
        },
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn ftgo(services: &[&str]) -> Tree {
    gen_services(&root().join("treaty.yaml"), services)
}

fn shop() -> Tree {
    gen_services(
        &root().join("fixtures/gen/messaging/treaty.yaml"),
        &["shop"],
    )
}

fn file<'a>(tree: &'a Tree, path: &str) -> &'a str {
    tree.files
        .get(path)
        .unwrap_or_else(|| panic!("no {path} in {:?}", tree.files.keys().collect::<Vec<_>>()))
}

/// Runs cargo in `dir`; fails on an error or a warning in the output.
fn cargo(dir: &Path, args: &[&str]) {
    // Warnings are looked for in the output rather than denied with RUSTFLAGS, which would
    // rebuild every dependency in a shared target directory.
    let mut command = std::process::Command::new(env!("CARGO"));
    command.args(args).current_dir(dir);
    // The generated workspaces share one target directory (by default beside the others in the
    // temporary directory), so the dependencies are built once.
    if std::env::var_os("CARGO_TARGET_DIR").is_none() {
        command.env("CARGO_TARGET_DIR", std::env::temp_dir().join("gen-target"));
    }
    let output = command.output().expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "`cargo {}` fails in {}:\n{stderr}\n{stdout}",
        args.join(" "),
        dir.display()
    );
    assert!(
        !stderr.contains("warning"),
        "`cargo {}` warns in {}:\n{stderr}",
        args.join(" "),
        dir.display()
    );
}

/// Writes the generated FTGO workspace to `$TREATY_GEN_MSG_OUT/ws` (default `/tmp/gen-msg`) and
/// the shop fixture's beside it, and builds both without warnings (the shop's with the contract
/// checks on). The create-order saga is played against the checked-in FTGO crates by
/// `examples/ftgo-saga` (run by tests/gen_build.rs). Needs crates.io (tokio, jsonschema,
/// reqwest), so it is ignored by default: `cargo test --test gen_messaging -- --ignored`.
#[test]
#[ignore]
fn generated_crates_build() {
    let out = PathBuf::from(
        std::env::var("TREATY_GEN_MSG_OUT").unwrap_or_else(|_| "/tmp/gen-msg".to_string()),
    );
    let ws = out.join("ws");
    treaty::codegen::write_tree(&ws, &ftgo(&[])).unwrap_or_else(|e| panic!("{e}"));
    cargo(&ws, &["build", "--workspace"]);
    let shop_ws = out.join("shop");
    treaty::codegen::write_tree(&shop_ws, &shop()).unwrap_or_else(|e| panic!("{e}"));
    cargo(
        &shop_ws,
        &["build", "--workspace", "--features", "validate"],
    );
}

#[test]
fn kitchen_module_has_channels_types_clients_handlers_publishers_and_contract() {
    let tree = ftgo(&["kitchen"]);
    let m = file(&tree, "kitchen-api/src/messaging.rs");
    for expected in [
        // Channels: address, kind, the consumer group the contract declares.
        "pub mod channels {",
        r#"pub const KITCHEN_SERVICE_COMMANDS: &str = "kitchenService";"#,
        "pub const KITCHEN_SERVICE_COMMANDS_KIND: ChannelKind = ChannelKind::PointToPoint;",
        r#"pub const KITCHEN_SERVICE_COMMANDS_GROUP: &str = "kitchenServiceCommands";"#,
        "pub const TICKET_EVENTS_KIND: ChannelKind = ChannelKind::PublishSubscribe;",
        r#"pub const RESTAURANT_EVENTS_GROUP: &str = "kitchenServiceEvents";"#,
        // Message types: the const of each message's type header.
        "pub mod message_types {",
        r#"pub const CREATE_TICKET: &str = "net.chrisrichardson.ftgo.kitchenservice.api.CreateTicket";"#,
        r#"pub const SUCCESS: &str = "io.eventuate.tram.commands.common.Success";"#,
        // The client other services call the kitchen with.
        "pub struct KitchenServiceCommandsClient<T> {",
        "pub async fn create_ticket(",
        "command: super::types::CreateTicket,",
        ") -> Result<Envelope<KitchenServiceCommandsReply>, Error> {",
        r#"&[("command_type", message_types::CREATE_TICKET)],"#,
        // The replies, with the outcome each message's examples agree on.
        "pub enum KitchenServiceCommandsReply {",
        "CreateTicketReply(super::types::CreateTicketReply),",
        r#".with_header("reply_outcome-type", "SUCCESS")"#,
        r#".with_header("reply_outcome-type", "FAILURE")"#,
        // The kitchen's own side: handler trait and dispatcher.
        "pub trait KitchenServiceCommandsHandler: Send + Sync {",
        "fn create_ticket(",
        "command: Envelope<super::types::CreateTicket>,",
        "impl<H: KitchenServiceCommandsHandler> KitchenServiceCommandsHandler for Arc<H> {",
        "pub struct KitchenServiceCommandsDispatcher<H, T> {",
        "pub async fn run(&self, mut subscription: Subscription) -> Result<(), Error> {",
        "pub async fn dispatch(&self, msg: &RawMessage) -> Result<Dispatched, Error> {",
        r#"match msg.header("command_type") {"#,
        "Some(message_types::CREATE_TICKET) => {",
        "let (channel, reply) = reply_to(command, reply)?;",
        "return Ok(Dispatched::Ignored {",
        // Events it publishes, partitioned by aggregate id as the shard key says.
        "pub struct TicketEventsPublisher<T> {",
        "pub async fn publish_ticket_accepted_event(",
        "aggregate_id: impl std::fmt::Display,",
        r#"Some((&key, &["PARTITION_ID", "event-aggregate-id"])),"#,
        r#""net.chrisrichardson.ftgo.kitchenservice.domain.Ticket","#,
        // Events it receives.
        "pub trait RestaurantEventsHandler: Send + Sync {",
        "fn restaurant_menu_revised(",
        "pub struct RestaurantEventsDispatcher<H, T> {",
        // The contract as checks, behind the `validate` feature.
        "#[cfg(feature = \"validate\")]\npub fn contract() -> Result<treaty_runtime::validate::Contract, Error> {",
        ".sends()",
        r#"MessageContract::new("CreateTicket")"#,
        "pub fn install_contract(",
        r#"Ok(contract.declared_by("kitchen/asyncapi"))"#,
    ] {
        assert!(m.contains(expected), "no `{expected}` in:\n{m}");
    }
    // The reply channel's address is known only at run time: nothing is declared for it.
    assert!(!m.contains("COMMAND_REPLY"), "{m}");
    // Events are not commands: no client, no reply for them.
    assert!(!m.contains("TicketEventsClient"));
    let toml = file(&tree, "kitchen-api/Cargo.toml");
    assert!(
        toml.contains(r#"validate = ["treaty-runtime/validate"]"#),
        "{toml}"
    );
}

#[test]
fn order_module_sends_commands_and_handles_its_own() {
    let tree = ftgo(&["order"]);
    let m = file(&tree, "order-api/src/messaging.rs");
    for expected in [
        // One client per command channel, the replies of each saga's operation as an enum.
        "pub struct KitchenServiceCommandsClient<T> {",
        "pub struct ConsumerServiceCommandsClient<T> {",
        "pub struct AccountingServiceCommandsClient<T> {",
        "pub enum CreateOrderSagaKitchenCommandsReply {",
        "pub enum CancelOrderSagaKitchenCommandsReply {",
        ") -> Result<Envelope<CreateOrderSagaKitchenCommandsReply>, Error> {",
        r#"pub const CREATE_ORDER_SAGA_REPLY: &str = "net.chrisrichardson.ftgo.orderservice.sagas.createorder.CreateOrderSaga-reply";"#,
        // Its own command channel, received and answered.
        "pub trait OrderServiceCommandsHandler: Send + Sync {",
        "BeginReviseOrderReply(super::types::BeginReviseOrderReply),",
        // Its events.
        "pub struct OrderEventsPublisher<T> {",
        "pub async fn publish_order_created_event(",
    ] {
        assert!(m.contains(expected), "no `{expected}` in:\n{m}");
    }
}

#[test]
fn asyncapi_2_6_commands_are_answered_with_the_replies_the_contract_sends() {
    let tree = ftgo(&["accounting"]);
    let m = file(&tree, "accounting-api/src/messaging.rs");
    for expected in [
        // `{sagaType}-reply` is a template with a list of values.
        "pub fn saga_type_reply(saga_type: &str) -> String {",
        r#"format!("{saga_type}-reply")"#,
        "pub const SAGA_TYPE_REPLY_ADDRESSES: &[&str] = &[",
        r#""net.chrisrichardson.ftgo.orderservice.sagas.createorder.CreateOrderSaga-reply","#,
        "for address in channels::SAGA_TYPE_REPLY_ADDRESSES {",
        // 2.6 has no reply object: the replies it sends answer its commands.
        "pub enum AccountingServiceReply {",
        "AccountDisabledReply(super::types::AccountDisabledReply),",
        "Output = Result<AccountingServiceReply, Error>,",
        // A channel whose id is its address is named after the address's last segment.
        "pub trait ConsumerHandler: Send + Sync {",
    ] {
        assert!(m.contains(expected), "no `{expected}` in:\n{m}");
    }
    // The replies are sent by the dispatcher, not by a publisher of their own.
    assert!(!m.contains("Publisher"), "{m}");
}

#[test]
fn fixture_covers_payload_keys_closed_sets_untyped_messages_and_templates() {
    let tree = shop();
    let m = file(&tree, "shop-api/src/messaging.rs");
    for expected in [
        // The partition key comes from the payload.
        "let key = partition_key(&raw, \"/cartId\")?;",
        "Some((&key, &[\"PARTITION_ID\"])),",
        // A closed set of types: anything else is an error, not skipped.
        "its set of message types is closed",
        ".sends()\n        .closed()",
        // A template whose parameter is a keyword.
        "pub fn ticks(r#type: &str) -> String {",
        "format!(\"shop.ticks.{p0}\", p0 = r#type)",
        "pub const TICKS_ADDRESSES: &[&str] = &[\"shop.ticks.minute\", \"shop.ticks.hour\"];",
        "pub async fn send_tick(&self, r#type: &str, message: i64) -> Result<(), Error> {",
        // A one-way command is sent by a publisher, with `send_`.
        "pub struct AuditPublisher<T> {",
        "pub async fn send_audit(",
        "command: Envelope<serde_json::Value>,",
    ] {
        assert!(m.contains(expected), "no `{expected}` in:\n{m}");
    }
    // The channel of one untyped message dispatches every message to it.
    assert!(
        !m.contains("match msg.header(\"event-type\") {\n            Some(message_types::TICK)")
    );
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(ftgo(&[]), ftgo(&[]));
}

#[test]
fn kitchen_snapshot() {
    let tree = ftgo(&["kitchen"]);
    insta::assert_snapshot!(
        "gen_messaging_kitchen",
        file(&tree, "kitchen-api/src/messaging.rs")
    );
}

/// Every example of every FTGO message, and variants of it with one value of another type or one
/// property left out, is judged the same by the `jsonschema` crate on the schemas
/// `schema_json` writes (full and for validation) as by treaty's own validator on the model.
#[test]
fn schema_json_round_trips_every_ftgo_message_schema() {
    use serde_json::Value;
    use treaty::codegen::rust::schema_json::{to_json_schema, to_validation_schema};
    use treaty::model::{ContractKind, Payload, SchemaArena, SchemaId};

    fn variants(v: &Value, out: &mut Vec<Value>) {
        fn walk(root: &Value, at: &mut Vec<String>, v: &Value, out: &mut Vec<Value>) {
            let here: String = at
                .iter()
                .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
                .collect();
            let replace = |with: Value, out: &mut Vec<Value>| {
                let mut copy = root.clone();
                if let Some(slot) = copy.pointer_mut(&here) {
                    *slot = with;
                    out.push(copy);
                }
            };
            match v {
                Value::Object(map) => {
                    replace(Value::from(7), out);
                    for (k, child) in map {
                        let mut copy = root.clone();
                        if let Some(Value::Object(m)) = copy.pointer_mut(&here) {
                            m.remove(k);
                            out.push(copy);
                        }
                        at.push(k.clone());
                        walk(root, at, child, out);
                        at.pop();
                    }
                }
                Value::Array(items) => {
                    replace(Value::from("not a list"), out);
                    for (i, child) in items.iter().enumerate() {
                        at.push(i.to_string());
                        walk(root, at, child, out);
                        at.pop();
                    }
                }
                Value::String(_) => replace(Value::from(12345), out),
                Value::Number(_) | Value::Bool(_) | Value::Null => {
                    replace(Value::from("not a number"), out)
                }
            }
        }
        out.push(v.clone());
        walk(v, &mut Vec::new(), v, out);
    }

    fn check(arena: &SchemaArena, id: SchemaId, instances: &[Value], what: &str) -> usize {
        let mut checked = 0;
        for doc in [to_json_schema(arena, id), to_validation_schema(arena, id)] {
            let validator = jsonschema::options()
                .build(&doc)
                .unwrap_or_else(|e| panic!("{what}: {e}\n{doc:#}"));
            for instance in instances {
                let mut all = Vec::new();
                variants(instance, &mut all);
                for (n, v) in all.iter().enumerate() {
                    let ours = treaty::schema::validate::validate(arena, id, v);
                    let theirs = validator.is_valid(v);
                    assert_eq!(
                        ours.is_empty(),
                        theirs,
                        "{what}: treaty says {ours:?}, jsonschema says valid={theirs} for {v}\nschema: {doc:#}"
                    );
                    if n == 0 {
                        assert!(theirs, "{what}: the example {v} is valid");
                    }
                    checked += 1;
                }
            }
        }
        checked
    }

    let ws = treaty::workspace::load_manifest(&root().join("treaty.yaml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut checked = 0;
    let mut messages = 0;
    for c in ws
        .contracts
        .iter()
        .filter(|c| c.kind == ContractKind::Asyncapi)
    {
        for m in &c.messages {
            messages += 1;
            let what = format!("{} message {}", c.name, m.id);
            if let Payload::Schema(id) = m.payload {
                let examples: Vec<Value> = m
                    .examples
                    .iter()
                    .filter_map(|e| e.payload.clone())
                    .collect();
                checked += check(&c.schemas, id, &examples, &format!("{what} payload"));
            }
            if let Some(id) = m.headers {
                let examples: Vec<Value> = m
                    .examples
                    .iter()
                    .filter_map(|e| e.headers.clone())
                    .collect();
                checked += check(&c.schemas, id, &examples, &format!("{what} headers"));
            }
        }
    }
    assert!(messages > 50, "{messages} messages");
    assert!(checked > 1000, "{checked} instances checked");
}
