//! Duplicate detection and reply addressing for generated dispatchers.

use treaty_runtime::dispatch::{reply_to, Deduplicator};
use treaty_runtime::messaging::{headers, MessageHeaders, RawMessage};

fn with_id(id: &str) -> RawMessage {
    RawMessage::new("{}").with_header(headers::ID, id)
}

#[test]
fn deduplicator_remembers_handled_ids() {
    let seen = Deduplicator::new();
    let a = with_id("a");
    assert!(!seen.is_duplicate(&a));
    seen.remember(&a);
    assert!(seen.is_duplicate(&a));
    assert!(!seen.is_duplicate(&with_id("b")));
}

#[test]
fn deduplicator_forgets_the_oldest_first() {
    let seen = Deduplicator::with_capacity(2);
    for id in ["a", "b", "a", "c"] {
        seen.remember(&with_id(id));
    }
    assert!(!seen.is_duplicate(&with_id("a")), "a was the oldest");
    assert!(seen.is_duplicate(&with_id("b")));
    assert!(seen.is_duplicate(&with_id("c")));
}

#[test]
fn messages_without_id_are_never_duplicates() {
    let seen = Deduplicator::with_capacity(0);
    let anonymous = RawMessage::new("{}");
    seen.remember(&anonymous);
    assert!(!seen.is_duplicate(&anonymous));
}

#[test]
fn reply_echoes_command_headers_and_names_the_command() {
    let command = RawMessage::new("{}")
        .with_header(headers::ID, "cmd-1")
        .with_header(headers::COMMAND_TYPE, "CreateTicket")
        .with_header(headers::REPLY_TO, "CreateOrderSaga-reply")
        .with_header("command_saga_id", "0000000000000001-0000000000000002")
        .with_header("unrelated", "x");
    let reply = RawMessage::new("{\"ticketId\":99}")
        .with_header(headers::REPLY_TYPE, "CreateTicketReply")
        .with_header("commandreply_type", "set by the reply");
    let (channel, reply) = reply_to(&command, reply).unwrap();
    assert_eq!(channel, "CreateOrderSaga-reply");
    assert_eq!(reply.in_reply_to(), Some("cmd-1"));
    assert!(reply.message_id().is_some_and(|id| id != "cmd-1"));
    assert_eq!(
        reply.header("commandreply_saga_id"),
        Some("0000000000000001-0000000000000002")
    );
    assert_eq!(
        reply.header("commandreply_reply_to"),
        Some("CreateOrderSaga-reply")
    );
    assert_eq!(
        reply.header("commandreply_type"),
        Some("set by the reply"),
        "the reply's own headers win"
    );
    assert_eq!(reply.header("unrelated"), None);
}

#[test]
fn reply_to_a_command_without_reply_channel_fails() {
    let command = RawMessage::new("{}").with_header(headers::ID, "cmd-1");
    assert!(reply_to(&command, RawMessage::new("{}")).is_err());
}
