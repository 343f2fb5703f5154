//! Channel semantics of the in-memory broker.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use treaty_runtime::broker::{ChannelKind, InMemoryBroker};
use treaty_runtime::messaging::{
    address_reply, headers, Envelope, Idempotent, MessageHeaders, RawMessage, Requester,
    Subscription, Transport,
};
use treaty_runtime::Error;

fn numbered(n: u32) -> RawMessage {
    RawMessage::json(&n)
        .unwrap()
        .with_header(headers::ID, format!("m-{n}"))
}

fn keyed(key: &str, n: u32) -> RawMessage {
    RawMessage::json(&(key, n))
        .unwrap()
        .with_header(headers::ID, format!("{key}-{n}"))
        .with_header(headers::PARTITION_ID, key)
}

/// Everything delivered to `sub` so far, as numbers.
fn drain(sub: &mut Subscription) -> Vec<u32> {
    std::iter::from_fn(|| sub.try_next())
        .map(|m| m.decode().unwrap())
        .collect()
}

async fn consumers(
    broker: &InMemoryBroker,
    channel: &str,
    group: &str,
    n: usize,
) -> Vec<Subscription> {
    let mut subs = Vec::new();
    for _ in 0..n {
        subs.push(broker.subscribe(channel, group).await.unwrap());
    }
    subs
}

#[tokio::test]
async fn competing_consumers_get_disjoint_sets_that_cover_every_message() {
    let broker = InMemoryBroker::new();
    broker
        .declare("kitchenService", ChannelKind::PointToPoint)
        .unwrap();
    let mut subs = consumers(&broker, "kitchenService", "kitchen", 3).await;
    for n in 0..30 {
        broker.send("kitchenService", numbered(n)).await.unwrap();
    }
    let received: Vec<Vec<u32>> = subs.iter_mut().map(drain).collect();
    let mut all: Vec<u32> = received.concat();
    all.sort_unstable();
    assert_eq!(
        all,
        (0..30).collect::<Vec<_>>(),
        "each message exactly once"
    );
    for got in &received {
        assert!(
            !got.is_empty(),
            "every consumer takes a share: {received:?}"
        );
    }
}

#[tokio::test]
async fn point_to_point_channel_refuses_a_second_group() {
    let broker = InMemoryBroker::new();
    broker
        .declare("kitchenService", ChannelKind::PointToPoint)
        .unwrap();
    assert_eq!(broker.kind("kitchenService"), ChannelKind::PointToPoint);
    broker.subscribe("kitchenService", "kitchen").await.unwrap();
    broker.subscribe("kitchenService", "kitchen").await.unwrap();
    let err = broker
        .subscribe("kitchenService", "accounting")
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "transport: channel `kitchenService` is point-to-point and already consumed by group \
         `kitchen`; group `accounting` would compete with it for the same messages (join group \
         `kitchen`, or make the channel publish-subscribe)"
    );

    broker.subscribe("orderEvents", "a").await.unwrap();
    broker.subscribe("orderEvents", "b").await.unwrap();
    assert!(matches!(
        broker.declare("orderEvents", ChannelKind::PointToPoint),
        Err(Error::Transport(m)) if m.contains("consumed by several groups (a, b)")
    ));
}

#[tokio::test]
async fn publish_subscribe_gives_every_group_every_message() {
    let broker = InMemoryBroker::new();
    assert_eq!(broker.kind("orderEvents"), ChannelKind::PublishSubscribe);
    let mut kitchen = consumers(&broker, "orderEvents", "kitchen", 2).await;
    let mut accounting = broker.subscribe("orderEvents", "accounting").await.unwrap();
    for n in 0..10 {
        broker.send("orderEvents", numbered(n)).await.unwrap();
    }
    assert_eq!(drain(&mut accounting), (0..10).collect::<Vec<_>>());
    let first = drain(&mut kitchen[0]);
    let second = drain(&mut kitchen[1]);
    assert!(!first.is_empty() && !second.is_empty());
    let mut kitchen_all = [first, second].concat();
    kitchen_all.sort_unstable();
    assert_eq!(kitchen_all, (0..10).collect::<Vec<_>>());
}

#[tokio::test]
async fn messages_with_one_shard_key_go_to_one_consumer_in_order() {
    let broker = InMemoryBroker::new();
    let mut subs = consumers(&broker, "orderEvents", "kitchen", 3).await;
    let keys = [
        "order-1", "order-2", "order-3", "order-4", "order-5", "order-6",
    ];
    for n in 0..20 {
        for key in keys {
            broker.send("orderEvents", keyed(key, n)).await.unwrap();
        }
    }
    // key → (consumer, sequence numbers in arrival order)
    let mut seen: BTreeMap<String, (usize, Vec<u32>)> = BTreeMap::new();
    for (consumer, sub) in subs.iter_mut().enumerate() {
        while let Some(msg) = sub.try_next() {
            let (key, n): (String, u32) = msg.decode().unwrap();
            assert_eq!(msg.partition_id(), Some(key.as_str()));
            let entry = seen.entry(key.clone()).or_insert((consumer, Vec::new()));
            assert_eq!(entry.0, consumer, "{key} went to two consumers");
            entry.1.push(n);
        }
    }
    assert_eq!(seen.len(), keys.len());
    for (key, (_, order)) in &seen {
        assert_eq!(order, &(0..20).collect::<Vec<_>>(), "order of {key}");
    }
    let used: BTreeSet<usize> = seen.values().map(|(consumer, _)| *consumer).collect();
    assert_eq!(used.len(), 3, "the keys are spread over all consumers");
}

#[tokio::test]
async fn a_shard_key_stays_with_its_consumer_when_others_join() {
    let broker = InMemoryBroker::new();
    let mut first = broker.subscribe("orderEvents", "kitchen").await.unwrap();
    broker
        .send("orderEvents", keyed("order-1", 0))
        .await
        .unwrap();
    let mut second = broker.subscribe("orderEvents", "kitchen").await.unwrap();
    broker
        .send("orderEvents", keyed("order-1", 1))
        .await
        .unwrap();
    assert_eq!(std::iter::from_fn(|| first.try_next()).count(), 2);
    assert!(second.try_next().is_none());
}

#[tokio::test]
async fn a_group_that_joins_late_receives_earlier_messages() {
    let broker = InMemoryBroker::new();
    for n in 0..3 {
        broker.send("orderEvents", numbered(n)).await.unwrap();
    }
    let mut late = broker.subscribe("orderEvents", "late").await.unwrap();
    broker.send("orderEvents", numbered(3)).await.unwrap();
    assert_eq!(drain(&mut late), vec![0, 1, 2, 3]);
}

#[tokio::test]
async fn messages_wait_while_a_group_has_no_consumer() {
    let broker = InMemoryBroker::new();
    let mut sub = broker.subscribe("kitchenService", "kitchen").await.unwrap();
    broker.send("kitchenService", numbered(0)).await.unwrap();
    assert_eq!(drain(&mut sub), vec![0]);
    drop(sub);
    broker.send("kitchenService", numbered(1)).await.unwrap();
    broker.send("kitchenService", numbered(2)).await.unwrap();
    let mut back = broker.subscribe("kitchenService", "kitchen").await.unwrap();
    assert_eq!(drain(&mut back), vec![1, 2]);
}

#[tokio::test]
async fn a_duplicated_message_is_processed_once_by_an_idempotent_consumer() {
    let broker = InMemoryBroker::new();
    let mut sub = broker.subscribe("orderEvents", "kitchen").await.unwrap();
    broker.send("orderEvents", numbered(0)).await.unwrap();
    broker.duplicate_next("orderEvents");
    broker.send("orderEvents", numbered(1)).await.unwrap();
    broker.send("orderEvents", numbered(2)).await.unwrap();

    let mut processed = Vec::new();
    let mut consumer = Idempotent::new(async |msg: RawMessage| {
        processed.push(msg.decode::<u32>()?);
        Ok(())
    });
    let mut delivered = 0;
    while let Some(msg) = sub.try_next() {
        delivered += 1;
        consumer.handle(msg).await.unwrap();
    }
    drop(consumer);
    assert_eq!(delivered, 4, "message 1 was delivered twice");
    assert_eq!(processed, vec![0, 1, 2]);
    assert_eq!(broker.sent("orderEvents").len(), 3);
}

#[tokio::test]
async fn deliver_twice_duplicates_every_message_while_on() {
    let broker = InMemoryBroker::new();
    let mut sub = broker.subscribe("orderEvents", "kitchen").await.unwrap();
    broker.deliver_twice("orderEvents", true);
    broker.send("orderEvents", numbered(0)).await.unwrap();
    broker.send("orderEvents", numbered(1)).await.unwrap();
    broker.deliver_twice("orderEvents", false);
    broker.send("orderEvents", numbered(2)).await.unwrap();
    assert_eq!(drain(&mut sub), vec![0, 0, 1, 1, 2]);
}

#[tokio::test]
async fn request_reply_round_trip_through_a_reply_channel() {
    let broker = InMemoryBroker::new();
    broker
        .declare("kitchenService", ChannelKind::PointToPoint)
        .unwrap();
    let mut commands = broker.subscribe("kitchenService", "kitchen").await.unwrap();
    let kitchen = {
        let broker = broker.clone();
        tokio::spawn(async move {
            let command = commands.next().await.unwrap();
            let ticket: Envelope<serde_json::Value> = Envelope::from_raw(&command).unwrap();
            assert_eq!(ticket.command_type(), Some("CreateTicket"));
            let reply = Envelope::new(serde_json::json!({"ticketId": ticket.body["orderId"]}))
                .with_header(headers::REPLY_TYPE, "CreateTicketReply")
                .with_header(headers::REPLY_OUTCOME, "SUCCESS");
            let (channel, reply) = address_reply(&command, reply.to_raw().unwrap()).unwrap();
            broker.send(&channel, reply).await.unwrap();
        })
    };
    let requester = Requester::new(
        broker.clone(),
        "orderService-replies",
        "orderService",
        Duration::from_secs(5),
    )
    .await
    .unwrap();
    let command = Envelope::new(serde_json::json!({"orderId": 7}))
        .with_header(headers::COMMAND_TYPE, "CreateTicket")
        .with_header(headers::CORRELATION_ID, "saga-1");
    let reply: Envelope<serde_json::Value> = requester
        .request_envelope("kitchenService", &command)
        .await
        .unwrap();
    assert_eq!(reply.body, serde_json::json!({"ticketId": 7}));
    assert_eq!(reply.reply_type(), Some("CreateTicketReply"));
    assert_eq!(reply.in_reply_to(), command.message_id());
    assert_eq!(reply.correlation_id(), Some("saga-1"));
    kitchen.await.unwrap();
}

#[tokio::test]
async fn a_message_that_breaks_the_channel_contract_is_refused() {
    let broker = InMemoryBroker::new();
    broker.validate("orderEvents", |msg| {
        let body: serde_json::Value =
            serde_json::from_slice(&msg.payload).map_err(|e| format!("body is not JSON: {e}"))?;
        if body.get("orderId").is_some() {
            Ok(())
        } else {
            Err("/orderId: required property is missing".to_string())
        }
    });
    let mut sub = broker.subscribe("orderEvents", "kitchen").await.unwrap();

    let err = broker
        .send("orderEvents", RawMessage::new(r#"{"total": 3}"#))
        .await
        .unwrap_err();
    assert_eq!(
        err,
        Error::Invalid {
            channel: "orderEvents".to_string(),
            violation: "/orderId: required property is missing".to_string(),
        }
    );
    assert_eq!(
        err.to_string(),
        "message rejected by the contract of channel `orderEvents`: /orderId: required property is missing"
    );
    assert!(broker.sent("orderEvents").is_empty());
    assert!(sub.try_next().is_none());

    broker
        .send("orderEvents", RawMessage::new(r#"{"orderId": 1}"#))
        .await
        .unwrap();
    assert!(sub.try_next().is_some());
    // Other channels are not checked.
    broker
        .send("kitchenEvents", RawMessage::new("{}"))
        .await
        .unwrap();
}

#[tokio::test]
async fn a_validator_may_use_the_broker() {
    let broker = InMemoryBroker::new();
    let seen = broker.clone();
    broker.validate("orderEvents", move |_msg| {
        if seen.sent("orderEvents").len() < 2 {
            Ok(())
        } else {
            Err("at most two messages".to_string())
        }
    });
    for n in 0..2 {
        broker.send("orderEvents", numbered(n)).await.unwrap();
    }
    assert!(broker.send("orderEvents", numbered(2)).await.is_err());
    assert_eq!(
        format!("{broker:?}"),
        r#"{"orderEvents": PublishSubscribe}"#
    );
}
