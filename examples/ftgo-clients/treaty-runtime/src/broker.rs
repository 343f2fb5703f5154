//! An in-memory message broker, for testing services without a real one.
//!
//! [`InMemoryBroker`] implements [`Transport`] with the channel semantics that *Microservices
//! Patterns* (3.3.1) describes and that the contracts declare per channel, so a service that
//! works against it works against Kafka or RabbitMQ configured the same way:
//!
//! * **Point-to-point** ([`ChannelKind::PointToPoint`], for commands): each message goes to
//!   exactly one consumer. All consumers of the channel must join the same group and compete for
//!   its messages; a second group is refused, since it would silently take messages away from the
//!   first.
//! * **Publish-subscribe** ([`ChannelKind::PublishSubscribe`], for events and replies; the kind of
//!   a channel nobody declared): every consumer group gets its own copy of each message, and
//!   within a group one consumer handles it.
//! * **Ordering by shard key**: within a group, the messages with the same `PARTITION_ID` header
//!   all go to the same consumer, in the order they were sent, for as long as that consumer is
//!   subscribed; keys are spread over the consumers in turn as they first appear. Messages without
//!   a key go round-robin.
//! * **Durability from the start**: like a Kafka topic read from the earliest offset, a channel
//!   keeps every message; a group that subscribes late receives everything sent before it joined,
//!   and messages for a group with no live consumer wait for one. Tests need no care about
//!   whether they subscribe or send first.
//! * **At-least-once delivery on demand**: [`InMemoryBroker::duplicate_next`] and
//!   [`InMemoryBroker::deliver_twice`] deliver messages twice (to the same consumer), to test that
//!   consumers are idempotent ([`crate::messaging::Idempotent`]).
//! * **Contract validation**: [`InMemoryBroker::validate`] installs a [`Validator`] per channel;
//!   a message it refuses makes [`Transport::send`] fail with [`Error::Invalid`], naming the
//!   channel and the violation. Generated mocks plug the contract's JSON Schemas in here.
//!
//! Request/reply needs nothing special: replies go to the channel named by `command_reply_to`,
//! which is an ordinary (publish-subscribe) channel; see [`crate::messaging::Requester`].
//!
//! Messages that were delivered to a subscription but not read when it is dropped are lost, as
//! with a consumer that crashed after receiving but before committing.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tokio::sync::mpsc;

use crate::messaging::{MessageHeaders, RawMessage, Subscription, Transport};
use crate::Error;

/// How a channel delivers its messages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ChannelKind {
    /// One consumer group, whose consumers compete: each message is handled once.
    PointToPoint,
    /// Every consumer group gets each message; within a group, one consumer handles it.
    #[default]
    PublishSubscribe,
}

/// Checks a message against a channel's contract: `Err` says what is wrong with it.
pub type Validator = Arc<dyn Fn(&RawMessage) -> Result<(), String> + Send + Sync>;

/// A broker in memory. Cloning gives another handle to the same broker.
#[derive(Clone, Default)]
pub struct InMemoryBroker {
    state: Arc<Mutex<State>>,
}

impl std::fmt::Debug for InMemoryBroker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = self.lock();
        let mut channels = f.debug_map();
        for (name, channel) in &state.channels {
            channels.entry(name, &channel.kind);
        }
        channels.finish()
    }
}

#[derive(Default)]
struct State {
    channels: BTreeMap<String, Channel>,
    next_consumer: u64,
}

#[derive(Default)]
struct Channel {
    kind: ChannelKind,
    validator: Option<Validator>,
    duplicate_next: u32,
    deliver_twice: bool,
    /// Every message accepted, in order.
    log: Vec<Delivery>,
    groups: BTreeMap<String, Group>,
}

#[derive(Clone)]
struct Delivery {
    msg: RawMessage,
    twice: bool,
}

struct Group {
    consumers: Vec<Consumer>,
    /// Shard key → the consumer that has it.
    shards: HashMap<String, u64>,
    /// Round-robin position for new shard keys and messages without one.
    turn: usize,
    /// Messages waiting for a live consumer.
    backlog: VecDeque<Delivery>,
}

struct Consumer {
    id: u64,
    tx: mpsc::UnboundedSender<RawMessage>,
}

impl InMemoryBroker {
    /// An empty broker.
    pub fn new() -> Self {
        InMemoryBroker::default()
    }

    /// Declares how `channel` delivers. Fails when the channel is made point-to-point while
    /// several groups already consume it.
    pub fn declare(&self, channel: &str, kind: ChannelKind) -> Result<(), Error> {
        let mut state = self.lock();
        let ch = state.channels.entry(channel.to_string()).or_default();
        if kind == ChannelKind::PointToPoint && ch.groups.len() > 1 {
            let groups: Vec<&str> = ch.groups.keys().map(String::as_str).collect();
            return Err(Error::Transport(format!(
                "channel `{channel}` cannot become point-to-point: it is consumed by several groups ({})",
                groups.join(", ")
            )));
        }
        ch.kind = kind;
        Ok(())
    }

    /// How `channel` delivers.
    pub fn kind(&self, channel: &str) -> ChannelKind {
        self.lock()
            .channels
            .get(channel)
            .map(|ch| ch.kind)
            .unwrap_or_default()
    }

    /// Checks every message sent to `channel` with `validator` from now on, replacing any
    /// validator it had.
    pub fn validate(
        &self,
        channel: &str,
        validator: impl Fn(&RawMessage) -> Result<(), String> + Send + Sync + 'static,
    ) {
        self.lock()
            .channels
            .entry(channel.to_string())
            .or_default()
            .validator = Some(Arc::new(validator));
    }

    /// Delivers the next message sent to `channel` twice. Calls add up.
    pub fn duplicate_next(&self, channel: &str) {
        let mut state = self.lock();
        let ch = state.channels.entry(channel.to_string()).or_default();
        ch.duplicate_next = ch.duplicate_next.saturating_add(1);
    }

    /// Delivers every message sent to `channel` twice while `on`.
    pub fn deliver_twice(&self, channel: &str, on: bool) {
        self.lock()
            .channels
            .entry(channel.to_string())
            .or_default()
            .deliver_twice = on;
    }

    /// Every message accepted on `channel` so far, in order, once each.
    pub fn sent(&self, channel: &str) -> Vec<RawMessage> {
        self.lock()
            .channels
            .get(channel)
            .map(|ch| ch.log.iter().map(|d| d.msg.clone()).collect())
            .unwrap_or_default()
    }

    fn publish(&self, channel: &str, msg: RawMessage) -> Result<(), Error> {
        let validator = self
            .lock()
            .channels
            .get(channel)
            .and_then(|ch| ch.validator.clone());
        // Called without the lock held, so a validator may use the broker.
        if let Some(validator) = validator {
            validator(&msg).map_err(|violation| Error::Invalid {
                channel: channel.to_string(),
                violation,
            })?;
        }
        let mut state = self.lock();
        let ch = state.channels.entry(channel.to_string()).or_default();
        let twice = ch.deliver_twice || ch.duplicate_next > 0;
        ch.duplicate_next = ch.duplicate_next.saturating_sub(1);
        let delivery = Delivery { msg, twice };
        ch.log.push(delivery.clone());
        for group in ch.groups.values_mut() {
            group.deliver(delivery.clone());
        }
        Ok(())
    }

    fn join(&self, channel: &str, group: &str) -> Result<Subscription, Error> {
        let mut state = self.lock();
        let id = state.next_consumer;
        state.next_consumer += 1;
        let ch = state.channels.entry(channel.to_string()).or_default();
        if ch.kind == ChannelKind::PointToPoint {
            if let Some(other) = ch.groups.keys().find(|g| g.as_str() != group) {
                return Err(Error::Transport(format!(
                    "channel `{channel}` is point-to-point and already consumed by group `{other}`; \
                     group `{group}` would compete with it for the same messages \
                     (join group `{other}`, or make the channel publish-subscribe)"
                )));
            }
        }
        let log = &ch.log;
        let members = ch.groups.entry(group.to_string()).or_insert_with(|| Group {
            consumers: Vec::new(),
            shards: HashMap::new(),
            turn: 0,
            backlog: log.iter().cloned().collect(),
        });
        let (tx, rx) = mpsc::unbounded_channel();
        members.consumers.push(Consumer { id, tx });
        for delivery in std::mem::take(&mut members.backlog) {
            members.deliver(delivery);
        }
        Ok(Subscription::from_unbounded(rx))
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // Validators run outside the lock; every change under it leaves the state consistent.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Group {
    fn deliver(&mut self, delivery: Delivery) {
        loop {
            self.consumers.retain(|c| !c.tx.is_closed());
            if self.consumers.is_empty() {
                self.backlog.push_back(delivery);
                return;
            }
            let at = self.pick(delivery.msg.partition_id());
            let consumer = &self.consumers[at];
            if consumer.tx.send(delivery.msg.clone()).is_ok() {
                if delivery.twice {
                    // If the consumer went away in between, the first copy was delivered anyway.
                    let _ = consumer.tx.send(delivery.msg);
                }
                return;
            }
            // The consumer went away since `retain`: pick again among the others.
        }
    }

    /// The index of the consumer for a message with this shard key. Only called with at least
    /// one consumer.
    fn pick(&mut self, key: Option<&str>) -> usize {
        if let Some(key) = key {
            if let Some(owner) = self.shards.get(key) {
                if let Some(at) = self.consumers.iter().position(|c| c.id == *owner) {
                    return at;
                }
            }
        }
        let at = self.turn % self.consumers.len();
        self.turn = self.turn.wrapping_add(1);
        if let Some(key) = key {
            self.shards.insert(key.to_string(), self.consumers[at].id);
        }
        at
    }
}

impl Transport for InMemoryBroker {
    async fn send(&self, channel: &str, msg: RawMessage) -> Result<(), Error> {
        self.publish(channel, msg)
    }

    async fn subscribe(&self, channel: &str, group: &str) -> Result<Subscription, Error> {
        self.join(channel, group)
    }
}
