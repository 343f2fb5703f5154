//! Loading AsyncAPI 2.x and 3.0 documents into the contract model: the official examples, the
//! 2.x publish/subscribe inversion, 2.6 ↔ 3.0 equivalence, traits, schema formats, replies,
//! references across files, suppressions, and located errors for bad documents.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use treaty::diag::LoadErrors;
use treaty::formats::{ContractSpec, LoadCx};
use treaty::lint::LintConfig;
use treaty::model::{
    Action, Contract, ContractKind, Direction, Message, Payload, SchemaArena, SchemaId,
    VersionSource,
};
use treaty::source::SourceMap;
use treaty::workspace::Workspace;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn spec(path: &str) -> ContractSpec {
    ContractSpec {
        name: path.to_string(),
        service: None,
        kind: ContractKind::Asyncapi,
        files: vec![root().join(path)],
        roots: Vec::new(),
        excludes: Vec::new(),
        version: None,
    }
}

fn load(path: &str) -> (SourceMap, Result<Contract, LoadErrors>) {
    let mut sources = SourceMap::new();
    let result = {
        let mut cx = LoadCx::new(&mut sources, &root());
        treaty::formats::load(&mut cx, &spec(path))
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

fn examples(version: &str) -> Vec<String> {
    let dir = root().join("fixtures/asyncapi-examples").join(version);
    let mut out: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            format!(
                "fixtures/asyncapi-examples/{version}/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .filter(|p| p.ends_with(".yml"))
        .collect();
    out.sort();
    out
}

fn message<'c>(c: &'c Contract, id: &str) -> &'c Message {
    c.messages.iter().find(|m| m.id == id).unwrap_or_else(|| {
        panic!(
            "no message {id}: {:?}",
            c.messages.iter().map(|m| &m.id).collect::<Vec<_>>()
        )
    })
}

fn operations(c: &Contract) -> Vec<&treaty::model::ChannelOperation> {
    c.channels.iter().flat_map(|ch| &ch.operations).collect()
}

fn operation<'c>(c: &'c Contract, id: &str) -> &'c treaty::model::ChannelOperation {
    operations(c)
        .into_iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("no operation {id}"))
}

// ---- a version-neutral dump of the model, for comparing a 2.6 document with its 3.0 migration ----

fn schema_dump(arena: &SchemaArena, id: SchemaId, depth: usize) -> Value {
    if depth > 16 {
        return json!("...");
    }
    let s = arena.get(arena.resolve(id));
    let mut o = serde_json::Map::new();
    let sub = |id: SchemaId| schema_dump(arena, id, depth + 1);
    if let Some(r) = s.reference {
        o.insert("$ref".into(), sub(r));
    }
    if !s.types.is_any() {
        o.insert("type".into(), json!(s.types.names()));
    }
    if let Some(f) = &s.format {
        o.insert("format".into(), json!(f));
    }
    if let Some(e) = &s.enum_values {
        o.insert("enum".into(), json!(e));
    }
    if !s.required.is_empty() {
        o.insert("required".into(), json!(s.required));
    }
    if !s.properties.is_empty() {
        let props: serde_json::Map<String, Value> = s
            .properties
            .iter()
            .map(|(k, v)| (k.clone(), sub(*v)))
            .collect();
        o.insert("properties".into(), Value::Object(props));
    }
    if let Some(i) = s.items {
        o.insert("items".into(), sub(i));
    }
    for (k, list) in [
        ("allOf", &s.all_of),
        ("oneOf", &s.one_of),
        ("anyOf", &s.any_of),
    ] {
        if !list.is_empty() {
            o.insert(
                k.into(),
                Value::Array(list.iter().map(|i| sub(*i)).collect()),
            );
        }
    }
    o.insert("constraints".into(), json!(format!("{:?}", s.constraints)));
    if let Some(d) = &s.description {
        o.insert("description".into(), json!(d));
    }
    Value::Object(o)
}

fn message_dump(c: &Contract, i: usize) -> Value {
    let m = &c.messages[i];
    let payload = match &m.payload {
        Payload::None => Value::Null,
        Payload::Schema(id) => schema_dump(&c.schemas, *id, 0),
        Payload::Other {
            schema_format,
            schema,
        } => json!({"format": schema_format, "schema": schema}),
    };
    json!({
        "name": m.name, "title": m.title, "summary": m.summary, "description": m.description,
        "contentType": m.content_type, "correlationId": m.correlation_id,
        "headers": m.headers.map(|h| schema_dump(&c.schemas, h, 0)),
        "payload": payload, "bindings": m.bindings, "extensions": m.extensions,
        "examples": m.examples.iter().map(|e| json!([e.name, e.headers, e.payload])).collect::<Vec<_>>(),
    })
}

fn sorted(mut v: Vec<Value>) -> Value {
    v.sort_by_key(|x| x.to_string());
    Value::Array(v)
}

/// Channels by address with their parameters, bindings and messages; operations by action with
/// their messages. Ids are left out: 2.x documents often have none where 3.0 needs them.
fn model_dump(c: &Contract) -> Value {
    let channels = c
        .channels
        .iter()
        .map(|ch| {
            let ops = ch
                .operations
                .iter()
                .map(|op| {
                    json!({
                        "action": op.action.as_str(), "summary": op.summary, "bindings": op.bindings,
                        "messages": sorted(op.messages.iter().map(|&m| message_dump(c, m)).collect()),
                    })
                })
                .collect();
            let params: Vec<Value> = ch
                .parameters
                .iter()
                .map(|p| json!([p.name, p.enum_values, p.default, p.location]))
                .collect();
            json!({
                "key": ch.key.as_str(), "address": ch.address, "description": ch.description,
                "parameters": params, "bindings": ch.bindings,
                "messages": sorted(ch.messages.iter().map(|&m| message_dump(c, m)).collect()),
                "operations": sorted(ops),
            })
        })
        .collect();
    let servers: Vec<Value> = c
        .servers
        .iter()
        .map(|s| json!([s.key.as_str(), s.url, s.protocol]))
        .collect();
    json!({
        "title": c.title, "version": c.version.as_ref().map(|v| &v.text),
        "servers": servers, "channels": sorted(channels),
    })
}

// ---- the official examples ----

#[test]
fn every_official_example_loads() {
    let mut loaded = Vec::new();
    for path in examples("v2.6.0").into_iter().chain(examples("v3.0.0")) {
        if path.contains("adeo-kafka-request-reply") {
            continue;
        }
        let (_, c) = load_ok(&path);
        assert!(!c.channels.is_empty(), "{path}: no channels");
        assert!(!c.messages.is_empty(), "{path}: no messages");
        assert!(
            operations(&c).iter().all(|o| !o.messages.is_empty()),
            "{path}: an operation without messages"
        );
        loaded.push(path);
    }
    assert_eq!(loaded.len(), 14, "{loaded:#?}");
}

#[test]
fn a_remote_reference_is_refused_with_its_location() {
    let (_, result) =
        load("fixtures/asyncapi-examples/v3.0.0/adeo-kafka-request-reply-asyncapi.yml");
    let errors = result.expect_err("adeo refers to schemas by URL");
    let remote: Vec<_> = errors
        .0
        .iter()
        .filter(|e| e.code == "treaty::ref::remote")
        .collect();
    assert!(!remote.is_empty(), "{errors}");
    for e in remote {
        let (line, _) = e.line_col().expect("the refusal points at the $ref");
        assert!(e.message.contains("https://"), "{}", e.message);
        assert!(line > 200, "line {line}");
    }
}

#[test]
fn v2_publish_is_receive_and_subscribe_is_send() {
    // `subscribe`: others subscribe to what the application sends.
    let (_, simple) = load_ok("fixtures/asyncapi-examples/v2.6.0/simple.yml");
    let op = &simple.channels[0].operations[0];
    assert_eq!(op.action, Action::Send);
    assert_eq!(op.action.direction(), Direction::ProviderWrites);
    assert_eq!(op.id, "user/signedup subscribe");
    assert_eq!(op.key.as_str(), "op:user/signedup subscribe");
    assert_eq!(op.id_span, None);
    // `publish`: others publish to the application, which receives.
    let (_, lights) = load_ok("fixtures/asyncapi-examples/v2.6.0/streetlights-kafka.yml");
    let measured = operation(&lights, "receiveLightMeasurement");
    assert_eq!(measured.action, Action::Receive);
    assert_eq!(measured.action.direction(), Direction::ConsumerWrites);
    assert!(measured.id_span.is_some());
    assert_eq!(operation(&lights, "turnOn").action, Action::Send);
}

#[test]
fn v2_examples_and_their_v3_migrations_give_the_same_model() {
    let pairs = [
        "application-headers",
        "correlation-id",
        "oneof",
        "rpc-client",
        "rpc-server",
        "simple",
        "streetlights-kafka",
    ];
    for name in pairs {
        let (_, mut v2) = load_ok(&format!("fixtures/asyncapi-examples/v2.6.0/{name}.yml"));
        if name.starts_with("rpc-") {
            // The official 3.0 rpc examples are not quite faithful: they drop the 2.6 message
            // binding `amqp.replyTo`.
            let dropped = v2
                .messages
                .iter_mut()
                .filter_map(|m| m.bindings.shift_remove("amqp"))
                .count();
            assert_eq!(dropped, 1, "{name}");
        }
        let (_, v3) = load_ok(&format!(
            "fixtures/asyncapi-examples/v3.0.0/{name}-asyncapi.yml"
        ));
        let (a, b) = (model_dump(&v2), model_dump(&v3));
        if a != b {
            let (a, b) = (
                serde_json::to_string_pretty(&a).unwrap(),
                serde_json::to_string_pretty(&b).unwrap(),
            );
            let diff: Vec<String> = a
                .lines()
                .zip(b.lines())
                .filter(|(x, y)| x != y)
                .take(10)
                .map(|(x, y)| format!("  2.6: {x}\n  3.0: {y}"))
                .collect();
            panic!("{name}: 2.6 and 3.0 differ\n{}", diff.join("\n"));
        }
    }
}

#[test]
fn keys_name_channels_messages_and_operations() {
    let (_, c) = load_ok("fixtures/asyncapi-examples/v3.0.0/streetlights-kafka-asyncapi.yml");
    let ch = c.channels.iter().find(|ch| ch.id == "lightTurnOn").unwrap();
    assert_eq!(
        ch.key.as_str(),
        "channel:smartylighting.streetlights.1.0.action.{streetlightId}.turn.on"
    );
    assert_eq!(ch.parameters[0].name, "streetlightId");
    assert_eq!(operation(&c, "turnOn").key.as_str(), "op:turnOn");
    // One component message used by two channels is one message.
    assert_eq!(c.messages.len(), 3);
    let turn = message(&c, "turnOnOff");
    assert_eq!(turn.key.as_str(), "message:turnOnOff");
    let on = c.channels.iter().find(|ch| ch.id == "lightTurnOn").unwrap();
    let off = c
        .channels
        .iter()
        .find(|ch| ch.id == "lightTurnOff")
        .unwrap();
    assert_eq!(on.messages, off.messages);
    // The default content type applies where a message names none.
    assert_eq!(turn.content_type.as_deref(), Some("application/json"));
    // Servers: 3.0 host + pathname, and the protocol.
    assert_eq!(c.servers[0].url, "test.mykafkacluster.org:18092");
    assert_eq!(c.servers[0].protocol.as_deref(), Some("kafka-secure"));
    // A channel with a null address is keyed by id.
    let (_, reply) = load_ok("fixtures/load/asyncapi/reply.yaml");
    let dynamic = reply
        .channels
        .iter()
        .find(|ch| ch.id == "dynamicReply")
        .unwrap();
    assert_eq!(dynamic.address, None);
    assert_eq!(dynamic.key.as_str(), "channel-id:dynamicReply");
}

#[test]
fn info_version_is_declared_with_its_span() {
    let (sources, c) = load_ok("fixtures/asyncapi-examples/v2.6.0/simple.yml");
    let v = c.version.unwrap();
    assert_eq!(v.text, "1.0.0");
    assert_eq!(v.source, VersionSource::Info);
    assert_eq!(sources.line_col(v.span.unwrap()).line, 4);
    assert_eq!(c.spec_version, "2.6.0");
    assert_eq!(c.title.as_deref(), Some("Account Service"));
}

#[test]
fn correlation_ids_resolve_through_components() {
    let (_, c) = load_ok("fixtures/asyncapi-examples/v3.0.0/correlation-id-asyncapi.yml");
    assert_eq!(
        message(&c, "dimLight").correlation_id.as_deref(),
        Some("$message.payload#/sentAt")
    );
    assert_eq!(
        message(&c, "lightMeasured").correlation_id.as_deref(),
        Some("$message.header#/MQMD/CorrelId")
    );
}

// ---- traits ----

fn schema_properties(c: &Contract, id: SchemaId) -> Vec<String> {
    c.schemas
        .get(c.schemas.resolve(id))
        .properties
        .keys()
        .cloned()
        .collect()
}

#[test]
fn traits_are_merged_into_messages_and_operations() {
    let (_, c) = load_ok("fixtures/asyncapi-examples/v3.0.0/streetlights-kafka-asyncapi.yml");
    let m = message(&c, "lightMeasured");
    assert_eq!(schema_properties(&c, m.headers.unwrap()), ["my-app-header"]);
    let op = operation(&c, "dimLight");
    assert_eq!(
        op.bindings["kafka"]["clientId"]["enum"],
        json!(["my-app-id"])
    );
}

#[test]
fn in_3_0_the_object_wins_over_its_traits() {
    let (_, c) = load_ok("fixtures/load/asyncapi/traits-v3.yaml");
    let m = message(&c, "OrderCreated");
    assert_eq!(m.summary.as_deref(), Some("The message's own summary."));
    assert_eq!(m.title.as_deref(), Some("Title from the trait"));
    assert_eq!(m.content_type.as_deref(), Some("application/avro-ish+json"));
    // Mappings merge key by key: the trait's header and the message's own.
    assert_eq!(
        schema_properties(&c, m.headers.unwrap()),
        ["PARTITION_ID", "ID"]
    );
    let op = operation(&c, "publishOrder");
    assert_eq!(op.summary.as_deref(), Some("The operation's own summary."));
    assert!(op.bindings.contains_key("kafka"));
}

#[test]
fn in_2_x_traits_are_merge_patches_over_the_object() {
    let (_, c) = load_ok("fixtures/load/asyncapi/traits-v2.yaml");
    let m = message(&c, "OrderCreated");
    assert_eq!(m.summary.as_deref(), Some("A summary from the trait."));
    assert_eq!(m.title.as_deref(), Some("Title from the trait"));
    assert_eq!(
        schema_properties(&c, m.headers.unwrap()),
        ["ID", "PARTITION_ID"]
    );
    let op = operation(&c, "publishOrder");
    assert_eq!(op.summary.as_deref(), Some("A summary from the trait."));
    assert!(op.bindings.contains_key("kafka"));
}

// ---- schema formats ----

#[test]
fn avro_and_protobuf_payloads_are_kept_as_other() {
    let (_, c) = load_ok("fixtures/load/asyncapi/formats-v3.yaml");
    match &message(&c, "AvroThing").payload {
        Payload::Other {
            schema_format,
            schema,
        } => {
            assert_eq!(schema_format, "application/vnd.apache.avro;version=1.9.0");
            assert_eq!(schema["type"], "record");
            assert_eq!(schema["fields"][0]["name"], "id");
        }
        other => panic!("{other:?}"),
    }
    match &message(&c, "ProtoThing").payload {
        Payload::Other {
            schema_format,
            schema,
        } => {
            assert!(schema_format.starts_with("application/vnd.google.protobuf"));
            assert!(schema.as_str().unwrap().contains("message Thing"));
        }
        other => panic!("{other:?}"),
    }
    // A Multi Format Schema Object behind a `$ref` counts too, and is no JSON Schema component.
    assert!(
        matches!(&message(&c, "RefThing").payload, Payload::Other { schema, .. } if schema["name"] == "Component")
    );
    assert!(!c.components.contains_key("AvroComponent"));
    assert!(c.other_components["schemas"].contains_key("AvroComponent"));
    // JSON Schema and AsyncAPI schema formats build schemas.
    for id in ["DraftThing", "AsyncApiThing", "KeyedThing"] {
        let Payload::Schema(s) = message(&c, id).payload else {
            panic!("{id} has no schema")
        };
        assert_eq!(schema_properties(&c, s), ["id"], "{id}");
    }
    // The Kafka key is a schema of its own.
    let key = message(&c, "KeyedThing").key_schema.expect("a key schema");
    assert_eq!(c.schemas.get(key).format.as_deref(), Some("uuid"));

    let (_, c) = load_ok("fixtures/load/asyncapi/formats-v2.yaml");
    assert!(
        matches!(&message(&c, "AvroThing").payload, Payload::Other { schema, .. } if schema["name"] == "Thing")
    );
    assert!(matches!(
        message(&c, "DraftThing").payload,
        Payload::Schema(_)
    ));
    assert!(matches!(
        message(&c, "PlainThing").payload,
        Payload::Schema(_)
    ));
    // A 2.x Avro payload under components.schemas is not read as JSON Schema.
    assert!(!c.components.contains_key("AvroThing"));
    assert_eq!(c.channels[0].operations[0].messages.len(), 3);
}

// ---- replies ----

#[test]
fn replies_name_their_channel_address_and_messages() {
    let (_, c) = load_ok("fixtures/load/asyncapi/reply.yaml");
    let op = operation(&c, "createTicket");
    assert_eq!(op.action, Action::Receive);
    let reply = op.reply.as_ref().unwrap();
    assert_eq!(reply.channel.as_deref(), Some("createOrderSagaReply"));
    assert_eq!(
        reply.channel_address.as_deref(),
        Some("net.chrisrichardson.ftgo.orderservice.sagas.createorder.CreateOrderSaga-reply")
    );
    assert_eq!(reply.address_location, None);
    let names: Vec<_> = reply
        .messages
        .iter()
        .map(|&m| c.messages[m].id.as_str())
        .collect();
    assert_eq!(names, ["CreateTicketReply"]);
    // Without `messages`, an operation takes its channel's.
    assert_eq!(op.messages.len(), 1);

    // A reply from components, with a dynamic address; its messages are the reply channel's.
    let dynamic = operation(&c, "createTicketDynamic").reply.as_ref().unwrap();
    assert_eq!(
        dynamic.address_location.as_deref(),
        Some("$message.header#/command_reply_to")
    );
    assert_eq!(dynamic.channel.as_deref(), Some("dynamicReply"));
    assert_eq!(dynamic.channel_address, None);
    let names: Vec<_> = dynamic
        .messages
        .iter()
        .map(|&m| c.messages[m].id.as_str())
        .collect();
    assert_eq!(names, ["Failure"]);
    // `Failure` is one message, shared by two channels.
    assert_eq!(c.messages.iter().filter(|m| m.id == "Failure").count(), 1);

    let (_, adeo_like) = load_ok("fixtures/asyncapi-examples/v3.0.0/rpc-server-asyncapi.yml");
    assert!(operations(&adeo_like).iter().all(|o| o.reply.is_none()));
}

// ---- references, components, files ----

#[test]
fn references_into_other_files_resolve() {
    let (sources, c) = load_ok("fixtures/load/asyncapi/multi-file/asyncapi.yaml");
    let m = message(&c, "OrderCreated");
    assert_eq!(
        m.correlation_id.as_deref(),
        Some("$message.payload#/orderId")
    );
    let Payload::Schema(p) = m.payload else {
        panic!()
    };
    assert_eq!(schema_properties(&c, p), ["orderId"]);
    assert_eq!(
        sources.get(m.span.file).display,
        "fixtures/load/asyncapi/multi-file/messages.yaml"
    );
    let files: Vec<_> = c
        .files
        .iter()
        .map(|f| sources.get(*f).display.clone())
        .collect();
    assert_eq!(
        files,
        [
            "fixtures/load/asyncapi/multi-file/asyncapi.yaml",
            "fixtures/load/asyncapi/multi-file/messages.yaml",
            "fixtures/load/asyncapi/multi-file/schemas/order.json",
        ]
    );
    assert_eq!(
        operation(&c, "publishOrder").messages,
        c.channels[0].messages
    );
}

#[test]
fn components_and_references_are_recorded() {
    let (_, c) = load_ok("fixtures/asyncapi-examples/v2.6.0/correlation-id.yml");
    let base = "fixtures/asyncapi-examples/v2.6.0/correlation-id.yml#/components";
    for used in [
        "messages/dimLight",
        "schemas/sentAt",
        "correlationIds/sentAtCorrelator",
        "parameters/streetlightId",
    ] {
        assert!(
            c.referenced.contains(&format!("{base}/{used}")),
            "{used} not referenced"
        );
    }
    // 2.x security requirements name their schemes.
    assert!(
        c.referenced
            .contains(&format!("{base}/securitySchemes/apiKey"))
    );
    assert!(c.other_components["securitySchemes"].contains_key("openIdConnectWellKnown"));
    assert!(c.other_components["messages"].contains_key("lightMeasured"));
    assert_eq!(c.security_schemes["supportedOauthFlows"].kind, "oauth2");
    assert!(c.components.contains_key("dimLightPayload"));
}

#[test]
fn json_documents_load_like_yaml() {
    let (_, yaml) = load_ok("fixtures/asyncapi-examples/v3.0.0/simple-asyncapi.yml");
    let (_, json) = load_ok("fixtures/load/asyncapi/simple.json");
    assert_eq!(model_dump(&yaml), model_dump(&json));
}

// ---- suppressions ----

#[test]
fn x_treaty_ignore_silences_rules_on_its_element() {
    let path = "fixtures/load/asyncapi/ignore.yaml";
    let mut sources = SourceMap::new();
    let c = {
        let mut cx = LoadCx::new(&mut sources, &root());
        treaty::formats::load(&mut cx, &spec(path)).unwrap()
    };
    assert_eq!(c.suppressions.len(), 4);
    let ws = Workspace {
        root: root(),
        sources,
        contracts: vec![c],
        ..Default::default()
    };
    let findings = treaty::lint::run(&ws, &LintConfig::default());
    assert!(findings.is_empty(), "{findings:#?}");

    // The same document without its suppressions has a finding for each.
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let bare: String = text
        .lines()
        .filter(|l| {
            !l.contains("x-treaty-ignore") && !l.trim_start().starts_with("- ")
                || l.contains("$ref")
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bare.yaml"), bare).unwrap();
    let mut sources = SourceMap::new();
    let c = {
        let mut cx = LoadCx::new(&mut sources, dir.path());
        let mut s = spec(path);
        s.files = vec![dir.path().join("bare.yaml")];
        treaty::formats::load(&mut cx, &s).unwrap()
    };
    assert!(c.suppressions.is_empty());
    let ws = Workspace {
        root: dir.path().to_path_buf(),
        sources,
        contracts: vec![c],
        ..Default::default()
    };
    let mut rules: Vec<_> = treaty::lint::run(&ws, &LintConfig::default())
        .iter()
        .map(|f| f.rule)
        .collect();
    rules.sort();
    assert_eq!(
        rules,
        [
            "asyncapi-channel-params-declared",
            "asyncapi-component-unused",
            "asyncapi-info-version-semver",
            "asyncapi-message-payload",
            "convention-event-shard-key",
        ]
    );
}

// ---- bad documents ----

#[test]
fn bad_documents_give_located_errors() {
    let cases = [
        (
            "unsupported-version",
            "treaty::asyncapi::unsupported-version",
            1,
        ),
        ("not-asyncapi", "treaty::asyncapi::not-asyncapi", 1),
        ("missing-info", "treaty::asyncapi::missing-field", 1),
        ("wrong-type-channels", "treaty::asyncapi::wrong-type", 6),
        ("invalid-action", "treaty::asyncapi::invalid-action", 10),
        ("missing-channel", "treaty::asyncapi::missing-field", 6),
        ("unresolved-ref", "treaty::ref::unresolved", 9),
        ("ref-cycle", "treaty::ref::cycle", 16),
        ("outside-root", "treaty::ref::outside-root", 10),
        ("bad-ignore", "treaty::schema::invalid", 8),
        ("wrong-type-field", "treaty::asyncapi::wrong-type", 10),
        (
            "missing-correlation-location",
            "treaty::asyncapi::missing-field",
            9,
        ),
        ("bad-schema", "treaty::schema::invalid", 11),
        ("syntax", "treaty::syntax::yaml", 4),
    ];
    let mut failures = Vec::new();
    for (name, code, line) in cases {
        let path = format!("fixtures/load/asyncapi/invalid/{name}.yaml");
        let (_, result) = load(&path);
        let Err(errors) = result else {
            failures.push(format!("{name}: loaded"));
            continue;
        };
        let found = errors.0.iter().find(|e| e.code == code);
        match found.and_then(|e| e.line_col()) {
            Some((l, _)) if l == line => {}
            _ => failures.push(format!(
                "{name}: expected {code} on line {line}, got {:?}",
                errors
                    .0
                    .iter()
                    .map(|e| (e.code, e.line_col()))
                    .collect::<Vec<_>>()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_contract_is_one_root_document() {
    let mut sources = SourceMap::new();
    let mut cx = LoadCx::new(&mut sources, &root());
    let mut s = spec("fixtures/asyncapi-examples/v3.0.0/simple-asyncapi.yml");
    s.files
        .push(root().join("fixtures/asyncapi-examples/v2.6.0/simple.yml"));
    let e = treaty::formats::load(&mut cx, &s).unwrap_err();
    assert_eq!(e.0[0].code, "treaty::asyncapi::files");
}
