//! Envelopes, headers, message ids, request/reply and idempotent consumption.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};
use tokio::sync::mpsc;
use tokio::time::Instant;
use treaty_runtime::broker::InMemoryBroker;
use treaty_runtime::messaging::{
    address_reply, headers, new_message_id, Envelope, Headers, Idempotent, MessageHeaders,
    RawMessage, Requester, Subscription, Transport,
};
use treaty_runtime::Error;

#[test]
fn envelope_round_trips_through_a_raw_message() {
    let sent = Envelope::new(json!({"orderId": 7, "total": "12.50"}))
        .with_header(headers::EVENT_TYPE, "OrderCreated")
        .with_header(headers::PARTITION_ID, "7");
    let raw = sent.to_raw().unwrap();
    assert_eq!(raw.payload, br#"{"orderId":7,"total":"12.50"}"#);
    assert_eq!(raw.headers, sent.headers);
    let received: Envelope<Value> = Envelope::from_raw(&raw).unwrap();
    assert_eq!(received, sent);
}

#[test]
fn new_envelopes_get_a_message_id() {
    let a = Envelope::new(1);
    let b = Envelope::new(1);
    assert!(a.message_id().is_some());
    assert_ne!(a.message_id(), b.message_id());
    let kept = Envelope::new(1).with_header(headers::ID, "fixed");
    assert_eq!(kept.message_id(), Some("fixed"));
}

#[test]
fn message_ids_are_unique_and_well_formed() {
    let ids: Vec<String> = (0..1000).map(|_| new_message_id()).collect();
    let distinct: HashSet<&String> = ids.iter().collect();
    assert_eq!(distinct.len(), ids.len());
    for id in &ids {
        assert_eq!(id.len(), 33, "{id}");
        assert_eq!(&id[16..17], "-");
        assert!(id
            .chars()
            .all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }
}

#[test]
fn typed_accessors_read_the_platform_headers() {
    let mut h = Headers::new();
    for (name, value) in [
        ("ID", "m-1"),
        ("command_type", "ApproveOrder"),
        ("reply_type", "OrderApproved"),
        ("correlation_id", "saga-9"),
        ("command_reply_to", "orderService-replies"),
        ("reply_to_message_id", "m-0"),
        ("PARTITION_ID", "order-7"),
    ] {
        h.insert(name.to_string(), value.to_string());
    }
    assert_eq!(h.message_id(), Some("m-1"));
    assert_eq!(h.event_type(), None);
    assert_eq!(h.command_type(), Some("ApproveOrder"));
    assert_eq!(h.reply_type(), Some("OrderApproved"));
    assert_eq!(h.message_type(), Some("ApproveOrder"));
    assert_eq!(h.correlation_id(), Some("saga-9"));
    assert_eq!(h.reply_to(), Some("orderService-replies"));
    assert_eq!(h.in_reply_to(), Some("m-0"));
    assert_eq!(h.partition_id(), Some("order-7"));

    h.insert("event-type".to_string(), "OrderCreated".to_string());
    assert_eq!(h.message_type(), Some("OrderCreated"));

    let raw = RawMessage {
        headers: h.clone(),
        payload: b"{}".to_vec(),
    };
    assert_eq!(raw.partition_id(), Some("order-7"));
    assert_eq!(RawMessage::new("{}").message_type(), None);
}

#[test]
fn a_body_that_does_not_match_is_a_decode_error_naming_the_message() {
    let raw = RawMessage::new(r#"{"orderId": "seven"}"#)
        .with_header(headers::ID, "m-3")
        .with_header(headers::EVENT_TYPE, "OrderCreated");
    let Err(Error::Decode(message)) = raw.decode::<Vec<u32>>() else {
        panic!("an object is not a list");
    };
    assert!(
        message.starts_with("body of message m-3 (type OrderCreated): invalid type"),
        "{message}"
    );
    let untyped = RawMessage::new("not json");
    let Err(Error::Decode(message)) = Envelope::<Value>::from_raw(&untyped) else {
        panic!("not JSON");
    };
    assert!(message.starts_with("body of message without ID (type unknown)"));
}

#[test]
fn address_reply_names_the_command_and_keeps_the_correlation() {
    let command = RawMessage::new("{}")
        .with_header(headers::ID, "cmd-1")
        .with_header(headers::COMMAND_TYPE, "ApproveOrder")
        .with_header(headers::REPLY_TO, "orderService-replies")
        .with_header(headers::CORRELATION_ID, "saga-9");
    let (channel, reply) = address_reply(
        &command,
        RawMessage::new("{}").with_header(headers::REPLY_TYPE, "Approved"),
    )
    .unwrap();
    assert_eq!(channel, "orderService-replies");
    assert_eq!(reply.in_reply_to(), Some("cmd-1"));
    assert_eq!(reply.correlation_id(), Some("saga-9"));
    assert!(reply.message_id().is_some());
    assert_ne!(reply.message_id(), Some("cmd-1"));

    let own = RawMessage::new("{}")
        .with_header(headers::ID, "r-1")
        .with_header(headers::CORRELATION_ID, "other");
    let (_, reply) = address_reply(&command, own).unwrap();
    assert_eq!(reply.message_id(), Some("r-1"));
    assert_eq!(reply.correlation_id(), Some("other"));
}

#[test]
fn address_reply_refuses_a_command_it_cannot_answer() {
    let no_reply_to = RawMessage::new("{}")
        .with_header(headers::ID, "cmd-1")
        .with_header(headers::COMMAND_TYPE, "ApproveOrder");
    assert_eq!(
        address_reply(&no_reply_to, RawMessage::new("{}")).unwrap_err(),
        Error::Decode(
            "command of type ApproveOrder has no `command_reply_to` header: nowhere to send the reply"
                .to_string()
        )
    );
    let no_id = RawMessage::new("{}").with_header(headers::REPLY_TO, "replies");
    assert!(matches!(
        address_reply(&no_id, RawMessage::new("{}")),
        Err(Error::Decode(m)) if m.contains("has no `ID` header")
    ));
}

#[tokio::test(start_paused = true)]
async fn request_times_out_when_no_reply_comes() {
    let broker = InMemoryBroker::new();
    let requester = Requester::new(
        broker.clone(),
        "client-replies",
        "client",
        Duration::from_secs(3),
    )
    .await
    .unwrap();
    let started = Instant::now();
    let result = requester
        .request(
            "orderService",
            RawMessage::new("{}").with_header(headers::ID, "cmd-1"),
        )
        .await;
    assert_eq!(result, Err(Error::Timeout(Duration::from_secs(3))));
    assert_eq!(started.elapsed(), Duration::from_secs(3));

    // The command went out addressed to the reply channel.
    let sent = broker.sent("orderService");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].reply_to(), Some("client-replies"));

    // A late reply is dropped, and the same id may be used again.
    let late = RawMessage::new("{}").with_header(headers::IN_REPLY_TO, "cmd-1");
    broker.send("client-replies", late).await.unwrap();
    tokio::task::yield_now().await;
    let again = requester
        .request(
            "orderService",
            RawMessage::new("{}").with_header(headers::ID, "cmd-1"),
        )
        .await;
    assert_eq!(again, Err(Error::Timeout(Duration::from_secs(3))));
}

#[tokio::test]
async fn concurrent_requests_each_get_their_own_reply() {
    let broker = InMemoryBroker::new();
    let mut commands = broker.subscribe("kitchenService", "kitchen").await.unwrap();
    // Answers two commands in reverse order.
    let server = {
        let broker = broker.clone();
        tokio::spawn(async move {
            let first = commands.next().await.unwrap();
            let second = commands.next().await.unwrap();
            for command in [second, first] {
                let n: u32 = command.decode().unwrap();
                let reply = RawMessage::json(&(n * 10)).unwrap();
                let (channel, reply) = address_reply(&command, reply).unwrap();
                broker.send(&channel, reply).await.unwrap();
            }
        })
    };
    let requester = Requester::new(
        broker.clone(),
        "order-replies",
        "order",
        Duration::from_secs(5),
    )
    .await
    .unwrap();
    assert_eq!(requester.reply_channel(), "order-replies");
    let (a, b) = tokio::join!(
        requester.request("kitchenService", RawMessage::json(&1).unwrap()),
        requester.request("kitchenService", RawMessage::json(&2).unwrap()),
    );
    assert_eq!(a.unwrap().decode::<u32>().unwrap(), 10);
    assert_eq!(b.unwrap().decode::<u32>().unwrap(), 20);
    server.await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn a_request_whose_id_is_already_waiting_is_refused() {
    let broker = InMemoryBroker::new();
    let requester = Requester::new(broker, "r", "g", Duration::from_secs(5))
        .await
        .unwrap();
    let command = || RawMessage::new("{}").with_header(headers::ID, "same");
    let first = requester.request("c", command());
    let second = async {
        tokio::task::yield_now().await;
        requester.request("c", command()).await
    };
    let (_, second) = tokio::join!(
        tokio::time::timeout(Duration::from_millis(50), first),
        second
    );
    assert!(matches!(second, Err(Error::Encode(m)) if m.contains("`same` is already waiting")));
}

/// A transport written as an adapter would be: `async fn`, bounded subscriptions.
struct Loopback {
    subscribers: Mutex<Vec<mpsc::Sender<RawMessage>>>,
}

impl Transport for Loopback {
    async fn send(&self, _channel: &str, msg: RawMessage) -> Result<(), Error> {
        let subscribers: Vec<_> = self.subscribers.lock().unwrap().clone();
        for subscriber in subscribers {
            subscriber
                .send(msg.clone())
                .await
                .map_err(|e| Error::Transport(e.to_string()))?;
        }
        Ok(())
    }

    async fn subscribe(&self, _channel: &str, _group: &str) -> Result<Subscription, Error> {
        let (tx, rx) = mpsc::channel(8);
        self.subscribers.lock().unwrap().push(tx);
        Ok(Subscription::from_bounded(rx))
    }
}

#[tokio::test]
async fn requests_work_over_any_transport_and_typed_envelopes() {
    // Every message sent comes straight back; a command answers itself, as an echo service would.
    let transport = Arc::new(Loopback {
        subscribers: Mutex::new(Vec::new()),
    });
    let requester = Requester::new(Arc::clone(&transport), "echo", "g", Duration::from_secs(5))
        .await
        .unwrap();
    let mut echo = transport.subscribe("echo", "server").await.unwrap();
    let server = {
        let transport = Arc::clone(&transport);
        tokio::spawn(async move {
            while let Some(msg) = echo.next().await {
                if msg.command_type().is_some() {
                    let reply = RawMessage {
                        headers: Headers::new(),
                        payload: msg.payload.clone(),
                    }
                    .with_header(headers::REPLY_TYPE, "Echoed");
                    let (channel, reply) = address_reply(&msg, reply).unwrap();
                    transport.send(&channel, reply).await.unwrap();
                    return;
                }
            }
        })
    };
    let command = Envelope::new(json!({"say": "hi"})).with_header(headers::COMMAND_TYPE, "Echo");
    let reply: Envelope<Value> = requester.request_envelope("echo", &command).await.unwrap();
    assert_eq!(reply.body, json!({"say": "hi"}));
    assert_eq!(reply.reply_type(), Some("Echoed"));
    assert_eq!(reply.in_reply_to(), command.message_id());
    server.await.unwrap();
}

#[tokio::test]
async fn a_request_fails_when_the_reply_subscription_ends() {
    let transport = Arc::new(Loopback {
        subscribers: Mutex::new(Vec::new()),
    });
    let requester = Requester::new(Arc::clone(&transport), "r", "g", Duration::from_secs(5))
        .await
        .unwrap();
    // The transport drops its side of the reply subscription.
    transport.subscribers.lock().unwrap().clear();
    tokio::task::yield_now().await;
    let result = requester.request("c", RawMessage::new("{}")).await;
    assert_eq!(
        result,
        Err(Error::Transport(
            "the subscription to reply channel `r` has ended".to_string()
        ))
    );
}

#[test]
fn requester_outside_a_runtime_is_an_error_not_a_panic() {
    let future = Requester::new(InMemoryBroker::new(), "r", "g", Duration::from_secs(1));
    let result = poll_once(future);
    assert!(matches!(
        result,
        Some(Err(Error::Transport(m))) if m.contains("tokio runtime")
    ));
}

/// Polls a future once with a no-op waker, outside any runtime.
fn poll_once<F: std::future::Future>(future: F) -> Option<F::Output> {
    use std::task::{Context, Poll, Waker};
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

#[tokio::test]
async fn idempotent_consumer_handles_each_message_id_once() {
    let mut handled = Vec::new();
    let mut consumer = Idempotent::new(async |msg: RawMessage| {
        handled.push(msg.decode::<u32>()?);
        Ok(msg.decode::<u32>()? * 2)
    });
    let one = RawMessage::json(&1).unwrap().with_header(headers::ID, "a");
    let two = RawMessage::json(&2).unwrap().with_header(headers::ID, "b");
    assert_eq!(consumer.handle(one.clone()).await, Ok(Some(2)));
    assert_eq!(consumer.handle(one).await, Ok(None));
    assert_eq!(consumer.handle(two).await, Ok(Some(4)));
    assert!(consumer.has_seen("a"));
    assert!(!consumer.has_seen("c"));
    drop(consumer);
    assert_eq!(handled, vec![1, 2]);
}

#[tokio::test]
async fn idempotent_consumer_retries_a_message_whose_handling_failed() {
    let mut attempts = 0;
    let mut consumer = Idempotent::new(async |_msg: RawMessage| {
        attempts += 1;
        if attempts == 1 {
            Err(Error::Transport("database unavailable".to_string()))
        } else {
            Ok(())
        }
    });
    let msg = RawMessage::new("{}").with_header(headers::ID, "a");
    assert!(consumer.handle(msg.clone()).await.is_err());
    assert_eq!(consumer.handle(msg.clone()).await, Ok(Some(())));
    assert_eq!(consumer.handle(msg).await, Ok(None));
}

#[tokio::test]
async fn idempotent_consumer_needs_message_ids_and_forgets_the_oldest() {
    let mut consumer = Idempotent::with_capacity(async |_msg: RawMessage| Ok(()), 2);
    let no_id = RawMessage::new("{}").with_header(headers::EVENT_TYPE, "OrderCreated");
    assert_eq!(
        consumer.handle(no_id).await,
        Err(Error::Decode(
            "message of type OrderCreated has no `ID` header, so duplicates of it cannot be recognised"
                .to_string()
        ))
    );
    for id in ["a", "b", "c"] {
        let msg = RawMessage::new("{}").with_header(headers::ID, id);
        assert_eq!(consumer.handle(msg).await, Ok(Some(())));
    }
    assert!(!consumer.has_seen("a"));
    assert!(consumer.has_seen("b") && consumer.has_seen("c"));
}

/// Generated consumers and clients run these on multi-threaded runtimes.
#[test]
fn futures_can_be_spawned_on_any_runtime() {
    fn assert_send<T: Send>(_: &T) {}
    let broker = InMemoryBroker::new();
    assert_send(&broker.send("c", RawMessage::new("{}")));
    assert_send(&broker.subscribe("c", "g"));
    assert_send(&Requester::new(broker, "r", "g", Duration::from_secs(1)));

    let mut count = 0u32;
    let mut consumer = Idempotent::new(async move |_msg: RawMessage| {
        count += 1;
        Ok(())
    });
    assert_send(&consumer.handle(RawMessage::new("{}")));
}

#[tokio::test]
async fn requester_futures_can_be_spawned() {
    fn assert_send<T: Send>(_: &T) {}
    let requester = Requester::new(InMemoryBroker::new(), "r", "g", Duration::from_secs(1))
        .await
        .unwrap();
    assert_send(&requester.request("c", RawMessage::new("{}")));
    assert_send(&requester.request_envelope::<u32, u32>("c", &Envelope::new(1)));
}
