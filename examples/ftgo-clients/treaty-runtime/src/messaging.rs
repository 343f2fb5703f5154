//! Messages, the transport they travel on, request/reply, and idempotent consumption.
//!
//! Services of the FTGO application talk asynchronously through a broker (*Microservices
//! Patterns*, chapter 3): events on publish-subscribe channels, commands on point-to-point
//! channels, replies on the channel named by the command. A message is a set of string headers
//! and a JSON body; generated code works with typed [`Envelope<T>`]s and a broker adapter moves
//! [`RawMessage`]s.
//!
//! The header names are the ones the FTGO platform (Eventuate Tram) writes, in [`headers`]:
//! `ID`, `PARTITION_ID`, `event-type`, `command_type`, `command_reply_to`, `reply_type`,
//! `reply_to_message_id`, plus `correlation_id` for correlating a conversation. The typed
//! accessors of [`MessageHeaders`] read them from an envelope, a raw message or a header map.
//!
//! [`Transport`] is what a real broker adapter (Kafka, RabbitMQ, ...) implements, and what
//! [`crate::broker::InMemoryBroker`] implements for tests. On top of it:
//!
//! * [`Requester`]: send a command with a fresh message id and this side's reply channel, and
//!   wait (with a timeout) for the reply whose `reply_to_message_id` names it. One subscription
//!   to the reply channel serves all requests; replies are routed to their waiting callers.
//! * [`address_reply`]: the other side of it, for a command handler.
//! * [`Idempotent`]: brokers deliver at least once, so a consumer must tolerate duplicates; this
//!   wrapper runs a handler once per message id (*Microservices Patterns* 3.3.6).

use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::future::Future;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Serialize;
use tokio::sync::{mpsc, oneshot};

use crate::Error;

/// Message headers, sorted by name so that messages print and compare deterministically.
pub type Headers = BTreeMap<String, String>;

/// The header names written by the FTGO platform.
pub mod headers {
    /// The unique id of a message.
    pub const ID: &str = "ID";
    /// The key that decides a message's partition (shard): messages with the same key are
    /// consumed in order by one consumer of a group.
    pub const PARTITION_ID: &str = "PARTITION_ID";
    /// The type of an event.
    pub const EVENT_TYPE: &str = "event-type";
    /// The type of the aggregate an event is about.
    pub const EVENT_AGGREGATE_TYPE: &str = "event-aggregate-type";
    /// The id of the aggregate an event is about.
    pub const EVENT_AGGREGATE_ID: &str = "event-aggregate-id";
    /// The type of a command.
    pub const COMMAND_TYPE: &str = "command_type";
    /// The channel a command's reply goes to.
    pub const REPLY_TO: &str = "command_reply_to";
    /// The type of a reply.
    pub const REPLY_TYPE: &str = "reply_type";
    /// Whether a reply reports success or failure (`SUCCESS`, `FAILURE`).
    pub const REPLY_OUTCOME: &str = "reply_outcome-type";
    /// In a reply, the id of the command it answers.
    pub const IN_REPLY_TO: &str = "reply_to_message_id";
    /// An id shared by the messages of one conversation.
    pub const CORRELATION_ID: &str = "correlation_id";
}

/// A fresh message id, unique across processes: a random per-process prefix and a counter, as
/// 33 characters (`0123456789abcdef-0000000000000001`).
pub fn new_message_id() -> String {
    static PREFIX: OnceLock<u64> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let prefix = *PREFIX.get_or_init(|| {
        // RandomState is seeded from the operating system's randomness.
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u32(std::process::id());
        hasher.finish()
    });
    let n = COUNTER.fetch_add(1, Ordering::Relaxed) + 1;
    format!("{prefix:016x}-{n:016x}")
}

/// Typed access to the FTGO headers of anything that has headers.
pub trait MessageHeaders {
    /// The value of the header `name`.
    fn header(&self, name: &str) -> Option<&str>;

    /// `ID`.
    fn message_id(&self) -> Option<&str> {
        self.header(headers::ID)
    }
    /// `event-type`.
    fn event_type(&self) -> Option<&str> {
        self.header(headers::EVENT_TYPE)
    }
    /// `command_type`.
    fn command_type(&self) -> Option<&str> {
        self.header(headers::COMMAND_TYPE)
    }
    /// `reply_type`.
    fn reply_type(&self) -> Option<&str> {
        self.header(headers::REPLY_TYPE)
    }
    /// The type of the message whatever its kind: `event-type`, else `command_type`, else
    /// `reply_type`.
    fn message_type(&self) -> Option<&str> {
        self.event_type()
            .or_else(|| self.command_type())
            .or_else(|| self.reply_type())
    }
    /// `correlation_id`.
    fn correlation_id(&self) -> Option<&str> {
        self.header(headers::CORRELATION_ID)
    }
    /// `command_reply_to`: where the reply to this command goes.
    fn reply_to(&self) -> Option<&str> {
        self.header(headers::REPLY_TO)
    }
    /// `reply_to_message_id`: the command this reply answers.
    fn in_reply_to(&self) -> Option<&str> {
        self.header(headers::IN_REPLY_TO)
    }
    /// `PARTITION_ID`: the shard key.
    fn partition_id(&self) -> Option<&str> {
        self.header(headers::PARTITION_ID)
    }
}

impl MessageHeaders for Headers {
    fn header(&self, name: &str) -> Option<&str> {
        self.get(name).map(String::as_str)
    }
}

/// A message as a broker carries it: headers and a JSON body as bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawMessage {
    /// The headers.
    pub headers: Headers,
    /// The body, JSON text.
    pub payload: Vec<u8>,
}

impl RawMessage {
    /// A message with no headers.
    pub fn new(payload: impl Into<Vec<u8>>) -> Self {
        RawMessage {
            headers: Headers::new(),
            payload: payload.into(),
        }
    }

    /// A message with no headers whose body is `body` as JSON.
    pub fn json<T: Serialize + ?Sized>(body: &T) -> Result<Self, Error> {
        let payload = serde_json::to_vec(body).map_err(|e| Error::Encode(e.to_string()))?;
        Ok(RawMessage::new(payload))
    }

    /// The same message with header `name` set to `value`.
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.insert(name.into(), value.into());
        self
    }

    /// The body read as JSON into `T`. The error names the message's type and id.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, Error> {
        serde_json::from_slice(&self.payload).map_err(|e| {
            Error::Decode(format!(
                "body of message {} (type {}): {e}",
                self.message_id().unwrap_or("without ID"),
                self.message_type().unwrap_or("unknown"),
            ))
        })
    }
}

impl MessageHeaders for RawMessage {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.header(name)
    }
}

/// A typed message: headers and a body that generated code defines.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope<T> {
    /// The headers.
    pub headers: Headers,
    /// The body.
    pub body: T,
}

impl<T> Envelope<T> {
    /// A message carrying `body`, with a [fresh message id](new_message_id).
    pub fn new(body: T) -> Self {
        let mut headers = Headers::new();
        headers.insert(headers::ID.to_string(), new_message_id());
        Envelope { headers, body }
    }

    /// The same message with header `name` set to `value`.
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.insert(name.into(), value.into());
        self
    }
}

impl<T: Serialize> Envelope<T> {
    /// The message as a broker carries it.
    pub fn to_raw(&self) -> Result<RawMessage, Error> {
        let mut raw = RawMessage::json(&self.body)?;
        raw.headers = self.headers.clone();
        Ok(raw)
    }
}

impl<T: DeserializeOwned> Envelope<T> {
    /// Reads a message that a broker delivered.
    pub fn from_raw(raw: &RawMessage) -> Result<Self, Error> {
        Ok(Envelope {
            headers: raw.headers.clone(),
            body: raw.decode()?,
        })
    }
}

impl<T> MessageHeaders for Envelope<T> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.header(name)
    }
}

/// The messages delivered to one consumer, in delivery order.
#[derive(Debug)]
pub struct Subscription {
    rx: Receiver,
}

#[derive(Debug)]
enum Receiver {
    Bounded(mpsc::Receiver<RawMessage>),
    Unbounded(mpsc::UnboundedReceiver<RawMessage>),
}

impl Subscription {
    /// Messages from a bounded channel: the adapter waits when the consumer falls behind.
    pub fn from_bounded(rx: mpsc::Receiver<RawMessage>) -> Self {
        Subscription {
            rx: Receiver::Bounded(rx),
        }
    }

    /// Messages from an unbounded channel.
    pub fn from_unbounded(rx: mpsc::UnboundedReceiver<RawMessage>) -> Self {
        Subscription {
            rx: Receiver::Unbounded(rx),
        }
    }

    /// The next message; `None` once the transport has closed the subscription.
    pub async fn next(&mut self) -> Option<RawMessage> {
        match &mut self.rx {
            Receiver::Bounded(rx) => rx.recv().await,
            Receiver::Unbounded(rx) => rx.recv().await,
        }
    }

    /// The next message if one has already been delivered.
    pub fn try_next(&mut self) -> Option<RawMessage> {
        match &mut self.rx {
            Receiver::Bounded(rx) => rx.try_recv().ok(),
            Receiver::Unbounded(rx) => rx.try_recv().ok(),
        }
    }
}

/// A message broker, as generated code sees it. A real adapter implements it over its client
/// library; [`crate::broker::InMemoryBroker`] implements it in memory.
///
/// Implementations may be written with `async fn`.
pub trait Transport: Send + Sync {
    /// Sends `msg` to `channel`. Success means the broker has accepted it.
    fn send(
        &self,
        channel: &str,
        msg: RawMessage,
    ) -> impl Future<Output = Result<(), Error>> + Send;

    /// Joins consumer group `group` on `channel`. Each message reaches one consumer of each
    /// group that the channel delivers to.
    fn subscribe(
        &self,
        channel: &str,
        group: &str,
    ) -> impl Future<Output = Result<Subscription, Error>> + Send;
}

impl<T: Transport + ?Sized> Transport for Arc<T> {
    fn send(
        &self,
        channel: &str,
        msg: RawMessage,
    ) -> impl Future<Output = Result<(), Error>> + Send {
        (**self).send(channel, msg)
    }

    fn subscribe(
        &self,
        channel: &str,
        group: &str,
    ) -> impl Future<Output = Result<Subscription, Error>> + Send {
        (**self).subscribe(channel, group)
    }
}

/// Sends commands and waits for their replies, over one subscription to a reply channel.
///
/// A task on the current tokio runtime reads the reply channel and hands each reply to the
/// request waiting for it; replies that no request waits for (late ones, after a timeout) are
/// dropped. The task ends when the `Requester` is dropped.
#[derive(Debug)]
pub struct Requester<T> {
    transport: T,
    reply_channel: String,
    timeout: Duration,
    pending: Arc<Mutex<Pending>>,
    reader: tokio::task::JoinHandle<()>,
}

#[derive(Debug, Default)]
struct Pending {
    waiting: HashMap<String, oneshot::Sender<RawMessage>>,
    /// The reply subscription has ended: no reply can arrive any more.
    closed: bool,
}

fn lock(pending: &Mutex<Pending>) -> MutexGuard<'_, Pending> {
    // Every change to `Pending` is a single insert, remove or flag.
    pending.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<T: Transport> Requester<T> {
    /// Subscribes to `reply_channel` as `group` and starts routing replies. Requests wait at
    /// most `timeout` for their reply. Must be called within a tokio runtime.
    pub async fn new(
        transport: T,
        reply_channel: impl Into<String>,
        group: &str,
        timeout: Duration,
    ) -> Result<Self, Error> {
        let reply_channel = reply_channel.into();
        let handle = tokio::runtime::Handle::try_current().map_err(|_| {
            Error::Transport("request/reply needs to run within a tokio runtime".to_string())
        })?;
        let mut replies = transport.subscribe(&reply_channel, group).await?;
        let pending = Arc::new(Mutex::new(Pending::default()));
        let routes = Arc::clone(&pending);
        let reader = handle.spawn(async move {
            while let Some(reply) = replies.next().await {
                let Some(id) = reply.in_reply_to() else {
                    continue;
                };
                let waiter = lock(&routes).waiting.remove(id);
                if let Some(waiter) = waiter {
                    // The request may have given up in the meantime; then nobody wants it.
                    let _ = waiter.send(reply);
                }
            }
            let mut routes = lock(&routes);
            routes.closed = true;
            routes.waiting.clear();
        });
        Ok(Requester {
            transport,
            reply_channel,
            timeout,
            pending,
            reader,
        })
    }

    /// The channel replies come back on.
    pub fn reply_channel(&self) -> &str {
        &self.reply_channel
    }

    /// Sends `command` to `channel` and returns its reply. The command keeps its `ID` header if
    /// it has one (it gets a [fresh one](new_message_id) otherwise) and gets `command_reply_to`
    /// set to the reply channel. Fails with [`Error::Timeout`] when no reply comes in time.
    pub async fn request(
        &self,
        channel: &str,
        mut command: RawMessage,
    ) -> Result<RawMessage, Error> {
        let id = match command.message_id() {
            Some(id) => id.to_string(),
            None => {
                let id = new_message_id();
                command.headers.insert(headers::ID.to_string(), id.clone());
                id
            }
        };
        command
            .headers
            .insert(headers::REPLY_TO.to_string(), self.reply_channel.clone());

        let (tx, rx) = oneshot::channel();
        {
            let mut pending = lock(&self.pending);
            if pending.closed {
                return Err(self.closed());
            }
            if pending.waiting.contains_key(&id) {
                return Err(Error::Encode(format!(
                    "a request with message id `{id}` is already waiting for its reply"
                )));
            }
            pending.waiting.insert(id.clone(), tx);
        }
        // Whatever happens from here (error, timeout, the caller dropping this future), the
        // request stops waiting.
        let _waiting = Waiting {
            pending: &self.pending,
            id,
        };
        self.transport.send(channel, command).await?;
        match tokio::time::timeout(self.timeout, rx).await {
            Ok(Ok(reply)) => Ok(reply),
            Ok(Err(_)) => Err(self.closed()),
            Err(_) => Err(Error::Timeout(self.timeout)),
        }
    }

    /// [`request`](Self::request) with typed command and reply.
    pub async fn request_envelope<C, R>(
        &self,
        channel: &str,
        command: &Envelope<C>,
    ) -> Result<Envelope<R>, Error>
    where
        C: Serialize,
        R: DeserializeOwned,
    {
        let reply = self.request(channel, command.to_raw()?).await?;
        Envelope::from_raw(&reply)
    }

    fn closed(&self) -> Error {
        Error::Transport(format!(
            "the subscription to reply channel `{}` has ended",
            self.reply_channel
        ))
    }
}

impl<T> Drop for Requester<T> {
    fn drop(&mut self) {
        self.reader.abort();
    }
}

/// Removes a request from the waiting list when it stops waiting.
struct Waiting<'a> {
    pending: &'a Mutex<Pending>,
    id: String,
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        lock(self.pending).waiting.remove(&self.id);
    }
}

/// Addresses `reply` to the sender of `command`: returns the channel to send it to (the
/// command's `command_reply_to`) and the reply with `reply_to_message_id` set to the command's
/// id, the command's `correlation_id` copied unless the reply has its own, and a fresh `ID` unless
/// it has one.
pub fn address_reply(
    command: &RawMessage,
    mut reply: RawMessage,
) -> Result<(String, RawMessage), Error> {
    let describe = || command.command_type().unwrap_or("unknown").to_string();
    let channel = command.reply_to().ok_or_else(|| {
        Error::Decode(format!(
            "command of type {} has no `{}` header: nowhere to send the reply",
            describe(),
            headers::REPLY_TO
        ))
    })?;
    let id = command.message_id().ok_or_else(|| {
        Error::Decode(format!(
            "command of type {} has no `{}` header: the reply cannot name it",
            describe(),
            headers::ID
        ))
    })?;
    reply
        .headers
        .insert(headers::IN_REPLY_TO.to_string(), id.to_string());
    if let Some(correlation) = command.correlation_id() {
        reply
            .headers
            .entry(headers::CORRELATION_ID.to_string())
            .or_insert_with(|| correlation.to_string());
    }
    reply
        .headers
        .entry(headers::ID.to_string())
        .or_insert_with(new_message_id);
    Ok((channel.to_string(), reply))
}

/// A consumer that handles each message id once.
///
/// Brokers deliver at least once: after a consumer crash or a rebalance, a message can come
/// again. This wrapper remembers the ids of the messages its handler processed successfully and
/// skips any message it has seen. A message whose handler failed is not remembered, so its
/// redelivery is tried again. The memory is bounded: the oldest ids are forgotten first. (A
/// service whose handler writes to a database records the id in the same transaction instead, as
/// Eventuate Tram does; this is the in-memory equivalent.)
///
/// The handler is an async closure. For a consumer that runs in a spawned task, let the closure
/// own its state (`async move |msg| ...`, sharing through an `Arc` where needed): rustc cannot yet
/// prove `Send` for the future of an async closure that borrows from its surroundings.
///
/// ```
/// use treaty_runtime::messaging::{Idempotent, RawMessage};
///
/// # async fn example(msg: RawMessage) -> Result<(), treaty_runtime::Error> {
/// let mut handled = 0;
/// let mut consumer = Idempotent::new(async |_msg: RawMessage| {
///     handled += 1;
///     Ok(())
/// });
/// consumer.handle(msg.clone()).await?;
/// consumer.handle(msg).await?; // skipped
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct Idempotent<H> {
    handler: H,
    capacity: usize,
    seen: HashSet<String>,
    order: VecDeque<String>,
}

impl<H> Idempotent<H> {
    /// Remembers the last 10 000 message ids.
    pub fn new(handler: H) -> Self {
        Idempotent::with_capacity(handler, 10_000)
    }

    /// Remembers the last `capacity` message ids (at least 1).
    pub fn with_capacity(handler: H, capacity: usize) -> Self {
        Idempotent {
            handler,
            capacity: capacity.max(1),
            seen: HashSet::new(),
            order: VecDeque::new(),
        }
    }

    /// Runs the handler on `msg` unless a message with its id was handled before. Returns the
    /// handler's result, or `None` for a duplicate. A message without an `ID` header cannot be
    /// de-duplicated and fails with [`Error::Decode`].
    pub async fn handle<R>(&mut self, msg: RawMessage) -> Result<Option<R>, Error>
    where
        H: AsyncFnMut(RawMessage) -> Result<R, Error>,
    {
        let Some(id) = msg.message_id().map(str::to_string) else {
            return Err(Error::Decode(format!(
                "message of type {} has no `{}` header, so duplicates of it cannot be recognised",
                msg.message_type().unwrap_or("unknown"),
                headers::ID
            )));
        };
        if self.seen.contains(&id) {
            return Ok(None);
        }
        let result = (self.handler)(msg).await?;
        if self.order.len() >= self.capacity {
            if let Some(oldest) = self.order.pop_front() {
                self.seen.remove(&oldest);
            }
        }
        self.seen.insert(id.clone());
        self.order.push_back(id);
        Ok(Some(result))
    }

    /// Whether a message with this id was handled.
    pub fn has_seen(&self, id: &str) -> bool {
        self.seen.contains(id)
    }

    /// The handler, with whatever state it kept.
    pub fn into_inner(self) -> H {
        self.handler
    }
}
