//! Messages checked against contract schemas, alone and through the in-memory broker.
#![cfg(feature = "validate")]

use serde_json::json;

use treaty_runtime::broker::{ChannelKind, InMemoryBroker};
use treaty_runtime::messaging::{headers, RawMessage, Transport};
use treaty_runtime::validate::{Contract, MessageContract, Schema, Violation};
use treaty_runtime::Error;

const CREATE_TICKET: &str = "net.chrisrichardson.ftgo.kitchenservice.api.CreateTicket";
const CONFIRM: &str = "net.chrisrichardson.ftgo.kitchenservice.api.ConfirmCreateTicket";

fn create_ticket_payload() -> Schema {
    Schema::new(&json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["orderId", "restaurantId", "ticketDetails"],
        "properties": {
            "orderId": {"type": "integer", "format": "int64"},
            "restaurantId": {"type": "integer", "format": "int64"},
            "ticketDetails": {"$ref": "#/$defs/TicketDetails"}
        },
        "$defs": {
            "TicketDetails": {
                "type": "object",
                "required": ["lineItems"],
                "properties": {
                    "lineItems": {"type": "array", "items": {"$ref": "#/$defs/TicketLineItem"}}
                }
            },
            "TicketLineItem": {
                "type": "object",
                "required": ["quantity", "menuItemId", "name"],
                "properties": {
                    "quantity": {"type": "integer", "format": "int32"},
                    "menuItemId": {"type": "string"},
                    "name": {"type": "string"}
                }
            }
        }
    }))
    .unwrap()
}

fn command_headers(command_type: &str) -> Schema {
    Schema::new(&json!({
        "type": "object",
        "required": ["command_type", "command_reply_to", "ID"],
        "properties": {
            "command_type": {"type": "string", "const": command_type},
            "command_reply_to": {"type": "string"},
            "ID": {"type": "string"}
        }
    }))
    .unwrap()
}

fn kitchen_contract() -> Contract {
    kitchen_declarations().declared_by("kitchen/asyncapi")
}

/// The kitchen channel's message types, declared by no contract in particular.
fn kitchen_declarations() -> Contract {
    let mut contract = Contract::new();
    contract
        .channel("kitchenService", ChannelKind::PointToPoint)
        .message(
            MessageContract::new("CreateTicket")
                .type_header(headers::COMMAND_TYPE, CREATE_TICKET)
                .headers(command_headers(CREATE_TICKET))
                .payload(create_ticket_payload()),
        )
        .message(
            MessageContract::new("ConfirmCreateTicket")
                .type_header(headers::COMMAND_TYPE, CONFIRM)
                .headers(command_headers(CONFIRM))
                .payload(
                    Schema::from_json(
                        r#"{"type":"object","required":["ticketId"],"properties":{"ticketId":{"type":"integer"}}}"#,
                    )
                    .unwrap(),
                ),
        );
    contract
}

fn command(command_type: &str, body: serde_json::Value) -> RawMessage {
    RawMessage::json(&body)
        .unwrap()
        .with_header(headers::ID, "m-1")
        .with_header(headers::COMMAND_TYPE, command_type)
        .with_header(headers::REPLY_TO, "CreateOrderSaga-reply")
}

fn good_ticket() -> serde_json::Value {
    json!({
        "orderId": 99,
        "restaurantId": 1,
        "ticketDetails": {"lineItems": [{"quantity": 5, "menuItemId": "1", "name": "Chicken Vindaloo"}]}
    })
}

#[test]
fn schema_lists_each_violation_with_its_pointer() {
    let schema = create_ticket_payload();
    assert!(schema.is_valid(&good_ticket()));
    let bad = json!({
        "orderId": "99",
        "ticketDetails": {"lineItems": [{"quantity": "five", "menuItemId": "1", "name": "x"}]}
    });
    let violations = schema.check(&bad).unwrap_err();
    let pointers: Vec<&str> = violations.iter().map(|v| v.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        ["", "/orderId", "/ticketDetails/lineItems/0/quantity"]
    );
    assert!(
        violations[0].message.contains("restaurantId"),
        "{violations:?}"
    );
    assert_eq!(
        violations[2].to_string(),
        r#"at /ticketDetails/lineItems/0/quantity: "five" is not of type "integer""#
    );
}

#[test]
fn a_schema_that_is_not_one_is_refused() {
    let err = Schema::new(&json!({"type": 12})).unwrap_err();
    assert!(
        matches!(&err, Error::Decode(m) if m.starts_with("invalid JSON Schema")),
        "{err}"
    );
    assert!(Schema::from_json("{").is_err());
}

#[test]
fn violation_of_the_document_itself_has_no_pointer() {
    let v = Violation {
        pointer: String::new(),
        message: "null is not of type \"object\"".into(),
    };
    assert_eq!(v.to_string(), "null is not of type \"object\"");
}

#[tokio::test]
async fn payload_validator_guards_a_single_message_channel() {
    let broker = InMemoryBroker::new();
    broker.validate("tickets", create_ticket_payload().payload_validator());
    broker
        .send("tickets", RawMessage::json(&good_ticket()).unwrap())
        .await
        .unwrap();
    let err = broker
        .send("tickets", RawMessage::json(&json!({"orderId": 1})).unwrap())
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "message rejected by the contract of channel `tickets`: payload: \
         \"restaurantId\" is a required property; payload: \"ticketDetails\" is a required property"
    );
    let err = broker
        .send("tickets", RawMessage::new("not json"))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("payload is not JSON"), "{err}");
}

#[tokio::test]
async fn contract_names_channel_message_and_violation() {
    let broker = InMemoryBroker::new();
    kitchen_contract().install(&broker).unwrap();
    assert_eq!(broker.kind("kitchenService"), ChannelKind::PointToPoint);

    broker
        .send("kitchenService", command(CREATE_TICKET, good_ticket()))
        .await
        .unwrap();

    let mut bad = good_ticket();
    bad["ticketDetails"]["lineItems"][0]["quantity"] = json!("five");
    let err = broker
        .send("kitchenService", command(CREATE_TICKET, bad))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        Error::Invalid {
            channel: "kitchenService".into(),
            violation: format!(
                "message CreateTicket (command_type {CREATE_TICKET}) as kitchen/asyncapi declares it: \
                 payload at /ticketDetails/lineItems/0/quantity: \"five\" is not of type \"integer\""
            ),
        }
    );
    assert_eq!(
        broker.sent("kitchenService").len(),
        1,
        "a refused message is not delivered"
    );
}

#[tokio::test]
async fn headers_are_checked_as_strings() {
    let broker = InMemoryBroker::new();
    kitchen_contract().install(&broker).unwrap();
    let mut msg = command(CONFIRM, json!({"ticketId": 99}));
    msg.headers.remove(headers::REPLY_TO);
    let err = broker.send("kitchenService", msg).await.unwrap_err();
    assert!(
        err.to_string().ends_with(
            "message ConfirmCreateTicket (command_type \
             net.chrisrichardson.ftgo.kitchenservice.api.ConfirmCreateTicket) as kitchen/asyncapi \
             declares it: headers: \"command_reply_to\" is a required property"
        ),
        "{err}"
    );
}

#[test]
fn unknown_types_are_refused_where_a_sender_declares_the_channel() {
    let receiver = kitchen_contract();
    let stranger = command("net.example.Unknown", json!({}));
    assert_eq!(
        receiver.check("kitchenService", &stranger),
        Ok(()),
        "a receiver's list is not complete"
    );

    let mut sender = kitchen_contract();
    sender
        .channel("kitchenService", ChannelKind::PointToPoint)
        .sends();
    assert_eq!(
        sender.check("kitchenService", &stranger).unwrap_err(),
        "message type command_type net.example.Unknown is not declared on this channel \
         (declared: ConfirmCreateTicket, CreateTicket)"
    );
    let untyped = RawMessage::json(&json!({})).unwrap();
    assert_eq!(
        sender.check("kitchenService", &untyped).unwrap_err(),
        "a message without a type header (command_type) is not declared on this channel \
         (declared: ConfirmCreateTicket, CreateTicket)"
    );

    let mut closed = kitchen_contract();
    closed
        .channel("kitchenService", ChannelKind::PointToPoint)
        .closed();
    assert!(closed.check("kitchenService", &stranger).is_err());
    assert_eq!(
        closed.check("elsewhere", &stranger),
        Ok(()),
        "unknown channels are not checked"
    );
}

#[test]
fn merged_contracts_check_every_declaration_of_a_type() {
    // The sender declares orderId as any integer, the receiver only positive ones.
    let mut sender = Contract::new();
    sender
        .channel("orders", ChannelKind::PublishSubscribe)
        .sends()
        .message(
            MessageContract::new("OrderCreated")
                .type_header(headers::EVENT_TYPE, "OrderCreated")
                .payload(
                    Schema::new(&json!({"properties": {"orderId": {"type": "integer"}}})).unwrap(),
                ),
        );
    let mut receiver = Contract::new();
    receiver
        .channel("orders", ChannelKind::PublishSubscribe)
        .message(
            MessageContract::new("OrderCreated")
                .type_header(headers::EVENT_TYPE, "OrderCreated")
                .payload(Schema::new(&json!({"properties": {"orderId": {"minimum": 1}}})).unwrap()),
        );
    let both = sender
        .declared_by("order/asyncapi")
        .merge(receiver.declared_by("delivery/asyncapi"))
        .unwrap();
    assert_eq!(both.addresses().collect::<Vec<_>>(), ["orders"]);
    assert_eq!(both.get("orders").unwrap().messages().len(), 2);
    let event = |id: i64| {
        RawMessage::json(&json!({"orderId": id}))
            .unwrap()
            .with_header(headers::EVENT_TYPE, "OrderCreated")
    };
    assert_eq!(both.check("orders", &event(7)), Ok(()));
    assert_eq!(
        both.check("orders", &event(0)).unwrap_err(),
        "message OrderCreated (event-type OrderCreated) as delivery/asyncapi declares it: \
         payload at /orderId: 0 is less than the minimum of 1"
    );
}

#[test]
fn merging_refuses_channels_of_different_kinds() {
    let mut a = Contract::new();
    a.channel("x", ChannelKind::PointToPoint);
    let mut b = Contract::new();
    b.channel("x", ChannelKind::PublishSubscribe);
    let err = a.merge(b).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid { channel, .. } if channel == "x"),
        "{err}"
    );
}

#[test]
fn a_channel_of_one_untyped_message_checks_every_message() {
    let mut contract = Contract::new();
    contract
        .channel("ticks", ChannelKind::PublishSubscribe)
        .message(
            MessageContract::new("Tick").payload(Schema::new(&json!({"type": "integer"})).unwrap()),
        );
    assert_eq!(
        contract.check("ticks", &RawMessage::json(&1).unwrap()),
        Ok(())
    );
    assert_eq!(
        contract
            .check("ticks", &RawMessage::json(&"one").unwrap())
            .unwrap_err(),
        "message Tick: payload: \"one\" is not of type \"integer\""
    );
}

#[test]
fn many_violations_are_counted_past_the_first_five() {
    let schema = Schema::new(&json!({"type": "array", "items": {"type": "string"}})).unwrap();
    let broker_check = schema.payload_validator();
    let err = broker_check(&RawMessage::json(&[1, 2, 3, 4, 5, 6, 7]).unwrap()).unwrap_err();
    assert!(err.ends_with("; and 2 more violations"), "{err}");
}

#[test]
fn declarations_that_agree_are_named_together() {
    let both = kitchen_contract()
        .merge(
            kitchen_declarations()
                .declared_by("order/asyncapi")
                .declared_by("ignored: every message is declared already"),
        )
        .unwrap();
    let mut bad = good_ticket();
    bad["orderId"] = json!("99");
    let err = both
        .check("kitchenService", &command(CREATE_TICKET, bad))
        .unwrap_err();
    assert_eq!(
        err,
        format!(
            "message CreateTicket (command_type {CREATE_TICKET}) as kitchen/asyncapi and \
             order/asyncapi declare it: payload at /orderId: \"99\" is not of type \"integer\""
        )
    );
}

/// The checks of generated HTTP mocks: violations of a request or an answer, worded with the
/// part and the JSON pointer, at most five listed.
#[test]
fn http_mock_checks_word_requests_and_answers() {
    use treaty_runtime::validate::{check, check_text, refused};
    let schema = Schema::new(&json!({
        "type": "object",
        "properties": {"orderId": {"type": "integer"}},
        "required": ["orderId"]
    }));
    let mut found = Vec::new();
    check(&mut found, "body", &schema, &json!({"orderId": 1})).unwrap();
    assert!(found.is_empty());
    assert_eq!(refused(found, "createOrder", None), Ok(()));

    let mut found = Vec::new();
    check(&mut found, "body", &schema, &json!({"orderId": "99"})).unwrap();
    check_text(&mut found, "body", &schema, "not json").unwrap();
    assert_eq!(
        refused(found.clone(), "createOrder", Some(200)),
        Err(Error::Decode(format!(
            "the mock's answer 200 to `createOrder` breaks the contract: {}",
            found.join("; ")
        )))
    );
    assert!(found[0].starts_with("body at /orderId: "), "{found:?}");
    assert!(found[1].starts_with("body is not JSON: "), "{found:?}");

    let many: Vec<String> = (0..7).map(|i| format!("problem {i}")).collect();
    let Err(Error::Encode(text)) = refused(many, "getOrder", None) else {
        panic!("a request's violations are an encode error");
    };
    assert_eq!(
        text,
        "request to `getOrder` breaks the contract: problem 0; problem 1; problem 2; problem 3; problem 4; and 2 more violations"
    );
}
