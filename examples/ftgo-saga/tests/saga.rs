//! FTGO's create-order saga, played with the messaging modules generated into `../ftgo-clients`
//! over one in-memory broker that checks every message against the contracts of all the services
//! taking part (order, kitchen, consumer, accounting, delivery, order-history).
//!
//! The test plays the order service, the saga's orchestrator: it publishes OrderCreatedEvent,
//! then sends ValidateOrderByConsumer, CreateTicket, AuthorizeCommand, ConfirmCreateTicket and
//! ApproveOrderCommand with the generated clients and reads each reply on the saga's reply
//! channel. The consumer, kitchen and accounting services (and the order service itself, for
//! ApproveOrderCommand) are handlers written here, run by their generated dispatchers; the
//! delivery and order-history services subscribe to the order events.
//!
//! Besides the happy path, the tests show what the generated code promises a real broker cannot:
//! a command or event delivered twice is handled once (dispatchers deduplicate by `ID`), and a
//! message that breaks its contract is refused before anyone receives it, with an error that says
//! where and why.
//!
//! Message bodies are written as JSON and read into the generated types, so the test does not
//! depend on how the types generator names fields.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use treaty_runtime::broker::InMemoryBroker;
use treaty_runtime::dispatch::Dispatched;
use treaty_runtime::messaging::{
    new_message_id, Envelope, MessageHeaders, RawMessage, Requester, Transport,
};
use treaty_runtime::Error;

const SAGA_TYPE: &str = "net.chrisrichardson.ftgo.orderservice.sagas.createorder.CreateOrderSaga";
const CONSUMER_ID: i64 = 1511300065921;
const ORDER_ID: i64 = 99;

fn body<T: DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).expect("a body the contract allows")
}

fn json_of<T: Serialize>(v: &T) -> Value {
    serde_json::to_value(v).expect("bodies are JSON")
}

// --- The participants -------------------------------------------------------------------------

/// The consumer service: knows one consumer, and fails the validation of anyone else's order.
struct Consumers;

impl consumer_api::messaging::ConsumerServiceCommandsHandler for Consumers {
    async fn validate_order_by_consumer(
        &self,
        command: Envelope<consumer_api::types::ValidateOrderByConsumer>,
    ) -> Result<consumer_api::messaging::ConsumerServiceCommandsReply, Error> {
        use consumer_api::messaging::ConsumerServiceCommandsReply as Reply;
        Ok(if json_of(&command.body)["consumerId"] == CONSUMER_ID {
            Reply::Success(body(json!({})))
        } else {
            Reply::Failure(body(json!({})))
        })
    }
}

/// The kitchen service: counts the tickets it creates, to show that a command delivered twice is
/// handled once.
#[derive(Default)]
struct Kitchen {
    created: AtomicUsize,
    confirmed: Mutex<Vec<Value>>,
}

macro_rules! kitchen_success {
    ($($f:ident: $t:ident),* $(,)?) => {$(
        async fn $f(
            &self,
            _command: Envelope<kitchen_api::types::$t>,
        ) -> Result<kitchen_api::messaging::KitchenServiceCommandsReply, Error> {
            Ok(kitchen_api::messaging::KitchenServiceCommandsReply::Success(body(json!({}))))
        }
    )*};
}

impl kitchen_api::messaging::KitchenServiceCommandsHandler for Kitchen {
    async fn create_ticket(
        &self,
        command: Envelope<kitchen_api::types::CreateTicket>,
    ) -> Result<kitchen_api::messaging::KitchenServiceCommandsReply, Error> {
        self.created.fetch_add(1, Ordering::SeqCst);
        // The ticket id is the order id.
        let ticket_id = json_of(&command.body)["orderId"].clone();
        Ok(
            kitchen_api::messaging::KitchenServiceCommandsReply::CreateTicketReply(body(
                json!({"ticketId": ticket_id}),
            )),
        )
    }

    async fn confirm_create_ticket(
        &self,
        command: Envelope<kitchen_api::types::ConfirmCreateTicket>,
    ) -> Result<kitchen_api::messaging::KitchenServiceCommandsReply, Error> {
        let ticket_id = json_of(&command.body)["ticketId"].clone();
        self.confirmed.lock().unwrap().push(ticket_id);
        Ok(kitchen_api::messaging::KitchenServiceCommandsReply::Success(body(json!({}))))
    }

    kitchen_success!(
        cancel_create_ticket: CancelCreateTicket,
        begin_cancel_ticket_command: BeginCancelTicketCommand,
        undo_begin_cancel_ticket_command: UndoBeginCancelTicketCommand,
        confirm_cancel_ticket_command: ConfirmCancelTicketCommand,
        begin_revise_ticket_command: BeginReviseTicketCommand,
        undo_begin_revise_ticket_command: UndoBeginReviseTicketCommand,
        confirm_revise_ticket_command: ConfirmReviseTicketCommand,
    );
}

/// The accounting service: authorizes every order total.
#[derive(Default)]
struct Accounting {
    authorized: Mutex<Vec<Value>>,
}

impl accounting_api::messaging::AccountingServiceHandler for Accounting {
    async fn authorize_command(
        &self,
        command: Envelope<accounting_api::types::AuthorizeCommand>,
    ) -> Result<accounting_api::messaging::AccountingServiceReply, Error> {
        self.authorized.lock().unwrap().push(json_of(&command.body));
        Ok(accounting_api::messaging::AccountingServiceReply::Success(
            body(json!({})),
        ))
    }

    async fn reverse_authorization_command(
        &self,
        _command: Envelope<accounting_api::types::ReverseAuthorizationCommand>,
    ) -> Result<accounting_api::messaging::AccountingServiceReply, Error> {
        Ok(accounting_api::messaging::AccountingServiceReply::Success(
            body(json!({})),
        ))
    }

    async fn revise_authorization(
        &self,
        _command: Envelope<accounting_api::types::ReviseAuthorization>,
    ) -> Result<accounting_api::messaging::AccountingServiceReply, Error> {
        Ok(
            accounting_api::messaging::AccountingServiceReply::AccountDisabledReply(body(
                json!({}),
            )),
        )
    }
}

/// The order service's own command handler: records the orders it approved and rejected.
#[derive(Default)]
struct Orders {
    approved: Mutex<Vec<i64>>,
    rejected: Mutex<Vec<i64>>,
}

macro_rules! order_success {
    ($($f:ident: $t:ident),* $(,)?) => {$(
        async fn $f(
            &self,
            _command: Envelope<order_api::types::$t>,
        ) -> Result<order_api::messaging::OrderServiceCommandsReply, Error> {
            Ok(order_api::messaging::OrderServiceCommandsReply::Success(body(json!({}))))
        }
    )*};
}

impl order_api::messaging::OrderServiceCommandsHandler for Orders {
    async fn approve_order_command(
        &self,
        command: Envelope<order_api::types::ApproveOrderCommand>,
    ) -> Result<order_api::messaging::OrderServiceCommandsReply, Error> {
        let id = json_of(&command.body)["orderId"].as_i64().unwrap_or(-1);
        self.approved.lock().unwrap().push(id);
        Ok(order_api::messaging::OrderServiceCommandsReply::Success(
            body(json!({})),
        ))
    }

    async fn reject_order_command(
        &self,
        command: Envelope<order_api::types::RejectOrderCommand>,
    ) -> Result<order_api::messaging::OrderServiceCommandsReply, Error> {
        let id = json_of(&command.body)["orderId"].as_i64().unwrap_or(-1);
        self.rejected.lock().unwrap().push(id);
        Ok(order_api::messaging::OrderServiceCommandsReply::Success(
            body(json!({})),
        ))
    }

    order_success!(
        begin_cancel_command: BeginCancelCommand,
        undo_begin_cancel_command: UndoBeginCancelCommand,
        confirm_cancel_order_command: ConfirmCancelOrderCommand,
        undo_begin_revise_order_command: UndoBeginReviseOrderCommand,
        confirm_revise_order_command: ConfirmReviseOrderCommand,
    );

    async fn begin_revise_order_command(
        &self,
        _command: Envelope<order_api::types::BeginReviseOrderCommand>,
    ) -> Result<order_api::messaging::OrderServiceCommandsReply, Error> {
        Ok(
            order_api::messaging::OrderServiceCommandsReply::BeginReviseOrderReply(body(
                json!({"revisedOrderTotal": "0"}),
            )),
        )
    }
}

// --- The subscribers to the order events ------------------------------------------------------

/// The delivery service: remembers each OrderCreatedEvent it handled (aggregate id, body).
#[derive(Default)]
struct Deliveries {
    created: Mutex<Vec<(String, Value)>>,
}

impl delivery_api::messaging::OrderEventsHandler for Deliveries {
    async fn order_created_event(
        &self,
        event: Envelope<delivery_api::types::OrderCreatedEvent>,
    ) -> Result<(), Error> {
        let id = event.header("event-aggregate-id").unwrap_or("").to_string();
        self.created
            .lock()
            .unwrap()
            .push((id, json_of(&event.body)));
        Ok(())
    }
}

/// The order-history service: remembers each OrderCreatedEvent it handled, and keeps its view of
/// each order's state.
#[derive(Default)]
struct OrderHistory {
    created: Mutex<Vec<(String, Value)>>,
    states: Mutex<BTreeMap<String, &'static str>>,
}

impl OrderHistory {
    fn set_state<T>(&self, event: &Envelope<T>, state: &'static str) {
        let id = event.header("event-aggregate-id").unwrap_or("").to_string();
        self.states.lock().unwrap().insert(id, state);
    }

    fn state(&self, order_id: i64) -> Option<&'static str> {
        self.states
            .lock()
            .unwrap()
            .get(&order_id.to_string())
            .copied()
    }
}

impl order_history_api::messaging::OrderEventsHandler for OrderHistory {
    async fn order_created_event(
        &self,
        event: Envelope<order_history_api::types::OrderCreatedEvent>,
    ) -> Result<(), Error> {
        let id = event.header("event-aggregate-id").unwrap_or("").to_string();
        self.created
            .lock()
            .unwrap()
            .push((id, json_of(&event.body)));
        self.set_state(&event, "APPROVAL_PENDING");
        Ok(())
    }

    async fn order_authorized(
        &self,
        event: Envelope<order_history_api::types::OrderAuthorized>,
    ) -> Result<(), Error> {
        self.set_state(&event, "APPROVED");
        Ok(())
    }

    async fn order_cancelled(
        &self,
        event: Envelope<order_history_api::types::OrderCancelled>,
    ) -> Result<(), Error> {
        self.set_state(&event, "CANCELLED");
        Ok(())
    }

    async fn order_rejected(
        &self,
        event: Envelope<order_history_api::types::OrderRejected>,
    ) -> Result<(), Error> {
        self.set_state(&event, "REJECTED");
        Ok(())
    }
}

// --- The stage --------------------------------------------------------------------------------

/// A broker that checks every message against the contracts of all six services.
fn broker() -> InMemoryBroker {
    let broker = InMemoryBroker::new();
    order_api::messaging::contract()
        .and_then(|c| c.merge(kitchen_api::messaging::contract()?))
        .and_then(|c| c.merge(consumer_api::messaging::contract()?))
        .and_then(|c| c.merge(accounting_api::messaging::contract()?))
        .and_then(|c| c.merge(delivery_api::messaging::contract()?))
        .and_then(|c| c.merge(order_history_api::messaging::contract()?))
        .expect("the contracts agree on every channel's kind")
        .install(&broker)
        .expect("the channels are new");
    broker
}

/// What a dispatcher did with each message it read, in order; an error ends the list.
type Outcomes = Arc<Mutex<Vec<Result<Dispatched, String>>>>;

/// Runs a generated dispatcher on its own task, like its `run`, recording each outcome.
macro_rules! spawn_dispatcher {
    ($dispatcher:expr) => {{
        let dispatcher = $dispatcher;
        let mut subscription = dispatcher.subscribe().await.expect("subscribed");
        let outcomes: Outcomes = Arc::default();
        let log = Arc::clone(&outcomes);
        tokio::spawn(async move {
            while let Some(msg) = subscription.next().await {
                let outcome = dispatcher.dispatch(&msg).await.map_err(|e| e.to_string());
                let failed = outcome.is_err();
                log.lock().unwrap().push(outcome);
                if failed {
                    break;
                }
            }
        });
        outcomes
    }};
}

/// The outcomes once there are at least `n` of them (or after five seconds, for the assertion
/// that follows to show what there was).
async fn settled(outcomes: &Outcomes, n: usize) -> Vec<Result<Dispatched, String>> {
    for _ in 0..500 {
        if outcomes.lock().unwrap().len() >= n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    outcomes.lock().unwrap().clone()
}

/// Every participant and subscriber, each run by its generated dispatcher.
struct Services {
    kitchen: Arc<Kitchen>,
    accounting: Arc<Accounting>,
    orders: Arc<Orders>,
    deliveries: Arc<Deliveries>,
    history: Arc<OrderHistory>,
    kitchen_outcomes: Outcomes,
    delivery_outcomes: Outcomes,
    history_outcomes: Outcomes,
}

async fn services(broker: &InMemoryBroker) -> Services {
    let kitchen = Arc::new(Kitchen::default());
    let accounting = Arc::new(Accounting::default());
    let orders = Arc::new(Orders::default());
    let deliveries = Arc::new(Deliveries::default());
    let history = Arc::new(OrderHistory::default());

    spawn_dispatcher!(
        consumer_api::messaging::ConsumerServiceCommandsDispatcher::new(Consumers, broker.clone())
    );
    let kitchen_outcomes = spawn_dispatcher!(
        kitchen_api::messaging::KitchenServiceCommandsDispatcher::new(
            Arc::clone(&kitchen),
            broker.clone()
        )
    );
    spawn_dispatcher!(accounting_api::messaging::AccountingServiceDispatcher::new(
        Arc::clone(&accounting),
        broker.clone()
    ));
    spawn_dispatcher!(order_api::messaging::OrderServiceCommandsDispatcher::new(
        Arc::clone(&orders),
        broker.clone()
    ));
    let delivery_outcomes = spawn_dispatcher!(delivery_api::messaging::OrderEventsDispatcher::new(
        Arc::clone(&deliveries),
        broker.clone()
    ));
    let history_outcomes =
        spawn_dispatcher!(order_history_api::messaging::OrderEventsDispatcher::new(
            Arc::clone(&history),
            broker.clone()
        ));

    Services {
        kitchen,
        accounting,
        orders,
        deliveries,
        history,
        kitchen_outcomes,
        delivery_outcomes,
        history_outcomes,
    }
}

/// The orchestrator's side of the saga: one requester on the saga's reply channel serves the
/// generated client of every participant, and every command carries the saga's headers.
struct Saga {
    id: String,
    consumer: order_api::messaging::ConsumerServiceCommandsClient<InMemoryBroker>,
    kitchen: order_api::messaging::KitchenServiceCommandsClient<InMemoryBroker>,
    accounting: order_api::messaging::AccountingServiceCommandsClient<InMemoryBroker>,
    order: order_api::messaging::OrderServiceCommandsClient<InMemoryBroker>,
}

async fn saga(broker: &InMemoryBroker) -> Saga {
    use order_api::messaging::{
        channels, AccountingServiceCommandsClient, ConsumerServiceCommandsClient,
        KitchenServiceCommandsClient, OrderServiceCommandsClient,
    };
    let replies = Arc::new(
        Requester::new(
            broker.clone(),
            channels::CREATE_ORDER_SAGA_REPLY,
            channels::CREATE_ORDER_SAGA_REPLY_GROUP,
            Duration::from_secs(5),
        )
        .await
        .unwrap(),
    );
    // A saga id has the form `<16 hex>-<16 hex>`, as message ids do.
    let id = new_message_id();
    Saga {
        consumer: ConsumerServiceCommandsClient::new(Arc::clone(&replies))
            .with_header("command_saga_type", SAGA_TYPE)
            .with_header("command_saga_id", &id),
        kitchen: KitchenServiceCommandsClient::new(Arc::clone(&replies))
            .with_header("command_saga_type", SAGA_TYPE)
            .with_header("command_saga_id", &id),
        accounting: AccountingServiceCommandsClient::new(Arc::clone(&replies))
            .with_header("command_saga_type", SAGA_TYPE)
            .with_header("command_saga_id", &id),
        order: OrderServiceCommandsClient::new(Arc::clone(&replies))
            .with_header("command_saga_type", SAGA_TYPE)
            .with_header("command_saga_id", &id),
        id,
    }
}

fn order_created() -> Value {
    json!({
        "orderDetails": {
            "lineItems": [{
                "quantity": 5, "menuItemId": "1", "name": "Chicken Vindaloo",
                "price": "12.34", "total": "61.70"
            }],
            "orderTotal": "61.70",
            "restaurantId": 1,
            "consumerId": CONSUMER_ID
        },
        "deliveryAddress": {"street1": "9 Amazing View", "city": "Oakland", "state": "CA", "zip": "94612"},
        "restaurantName": "Ajanta"
    })
}

fn create_ticket() -> Value {
    json!({
        "orderId": ORDER_ID, "restaurantId": 1,
        "ticketDetails": {"lineItems": [{"quantity": 5, "menuItemId": "1", "name": "Chicken Vindaloo"}]}
    })
}

/// The type header of each reply sent on the create-order saga's reply channel, in order.
fn saga_reply_types(broker: &InMemoryBroker) -> Vec<String> {
    broker
        .sent(order_api::messaging::channels::CREATE_ORDER_SAGA_REPLY)
        .iter()
        .map(|m| m.reply_type().unwrap_or("(none)").to_string())
        .collect()
}

// --- The tests --------------------------------------------------------------------------------

#[tokio::test]
async fn create_order_saga_ends_with_the_order_approved() {
    use order_api::messaging::{
        message_types, ConsumerServiceCommandsReply, CreateOrderSagaAccountingCommandsReply,
        CreateOrderSagaKitchenCommandsReply, CreateOrderSagaOrderCommandsReply,
        OrderEventsPublisher,
    };

    let broker = broker();
    let services = services(&broker).await;
    let events = OrderEventsPublisher::new(broker.clone());

    // 1. The order is created in APPROVAL_PENDING, and its event published, before the saga starts.
    events
        .publish_order_created_event(ORDER_ID, body(order_created()))
        .await
        .unwrap();
    let saga = saga(&broker).await;

    // 2. The consumer validates the order.
    let reply = saga
        .consumer
        .validate_order_by_consumer(body(json!({
            "consumerId": CONSUMER_ID, "orderId": ORDER_ID, "orderTotal": "61.70"
        })))
        .await
        .unwrap();
    assert!(
        matches!(reply.body, ConsumerServiceCommandsReply::Success(_)),
        "{reply:?}"
    );
    assert_eq!(reply.header("reply_outcome-type"), Some("SUCCESS"));
    // Participants echo the saga's headers back as `commandreply_*`.
    assert_eq!(reply.header("commandreply_saga_id"), Some(saga.id.as_str()));
    assert_eq!(reply.header("commandreply_saga_type"), Some(SAGA_TYPE));

    // 3. The kitchen creates the ticket; its reply carries the ticket id (the order id).
    let reply = saga
        .kitchen
        .create_ticket(body(create_ticket()))
        .await
        .unwrap();
    let ticket_id = match &reply.body {
        CreateOrderSagaKitchenCommandsReply::CreateTicketReply(r) => json_of(r)["ticketId"].clone(),
        other => panic!("expected CreateTicketReply, got {other:?}"),
    };
    assert_eq!(ticket_id, ORDER_ID);

    // 4. Accounting authorizes the total (the pivot).
    let reply = saga
        .accounting
        .authorize_command(body(json!({
            "consumerId": CONSUMER_ID, "orderId": ORDER_ID, "orderTotal": "61.70"
        })))
        .await
        .unwrap();
    assert!(
        matches!(
            reply.body,
            CreateOrderSagaAccountingCommandsReply::Success(_)
        ),
        "{reply:?}"
    );

    // 5. The kitchen confirms the ticket.
    let reply = saga
        .kitchen
        .confirm_create_ticket(body(json!({"ticketId": ticket_id})))
        .await
        .unwrap();
    assert!(
        matches!(reply.body, CreateOrderSagaKitchenCommandsReply::Success(_)),
        "{reply:?}"
    );

    // 6. The order service approves its order, and publishes that it did.
    let reply = saga
        .order
        .approve_order_command(body(json!({"orderId": ORDER_ID})))
        .await
        .unwrap();
    assert!(
        matches!(reply.body, CreateOrderSagaOrderCommandsReply::Success(_)),
        "{reply:?}"
    );
    events
        .publish_order_authorized(ORDER_ID, body(json!({})))
        .await
        .unwrap();

    // Each participant did its part once, with what the saga sent.
    assert_eq!(services.kitchen.created.load(Ordering::SeqCst), 1);
    assert_eq!(
        *services.kitchen.confirmed.lock().unwrap(),
        [json!(ORDER_ID)]
    );
    assert_eq!(
        *services.accounting.authorized.lock().unwrap(),
        [json!({"consumerId": CONSUMER_ID, "orderId": ORDER_ID, "orderTotal": "61.70"})]
    );
    assert_eq!(*services.orders.approved.lock().unwrap(), [ORDER_ID]);
    assert!(services.orders.rejected.lock().unwrap().is_empty());
    // One reply per step, in the saga's order.
    assert_eq!(
        saga_reply_types(&broker),
        [
            message_types::SUCCESS,
            message_types::CREATE_TICKET_REPLY,
            message_types::SUCCESS,
            message_types::SUCCESS,
            message_types::SUCCESS,
        ]
    );

    // The order history saw the order created, then approved: the saga ended approved.
    let history = settled(&services.history_outcomes, 2).await;
    assert_eq!(history, [Ok(Dispatched::Handled), Ok(Dispatched::Handled)]);
    assert_eq!(services.history.state(ORDER_ID), Some("APPROVED"));
    // The delivery service got the order to deliver (OrderAuthorized is not its business).
    let delivery = settled(&services.delivery_outcomes, 2).await;
    assert_eq!(
        delivery,
        [
            Ok(Dispatched::Handled),
            Ok(Dispatched::Ignored {
                message_type: Some(message_types::ORDER_AUTHORIZED.to_string())
            }),
        ]
    );
    let delivered = services.deliveries.created.lock().unwrap().clone();
    assert_eq!(delivered.len(), 1);
    assert_eq!(delivered[0].0, ORDER_ID.to_string());
    assert_eq!(delivered[0].1["restaurantName"], "Ajanta");
    assert_eq!(
        delivered[0].1["deliveryAddress"]["street1"],
        "9 Amazing View"
    );
}

#[tokio::test]
async fn create_order_saga_rejects_the_order_of_an_unknown_consumer() {
    use order_api::messaging::{
        message_types, ConsumerServiceCommandsReply, CreateOrderSagaOrderCommandsReply,
    };

    let broker = broker();
    let services = services(&broker).await;
    let saga = saga(&broker).await;

    let reply = saga
        .consumer
        .validate_order_by_consumer(body(json!({
            "consumerId": 7, "orderId": ORDER_ID, "orderTotal": "61.70"
        })))
        .await
        .unwrap();
    assert!(
        matches!(reply.body, ConsumerServiceCommandsReply::Failure(_)),
        "{reply:?}"
    );
    assert_eq!(reply.header("reply_outcome-type"), Some("FAILURE"));

    // The compensation of step 1: the order is rejected, and no other participant is asked.
    let reply = saga
        .order
        .reject_order_command(body(json!({"orderId": ORDER_ID})))
        .await
        .unwrap();
    assert!(
        matches!(reply.body, CreateOrderSagaOrderCommandsReply::Success(_)),
        "{reply:?}"
    );
    assert_eq!(*services.orders.rejected.lock().unwrap(), [ORDER_ID]);
    assert!(services.orders.approved.lock().unwrap().is_empty());
    assert_eq!(services.kitchen.created.load(Ordering::SeqCst), 0);
    assert!(services.accounting.authorized.lock().unwrap().is_empty());
    assert_eq!(
        saga_reply_types(&broker),
        [message_types::FAILURE, message_types::SUCCESS]
    );
}

#[tokio::test]
async fn order_created_event_delivered_twice_reaches_delivery_and_order_history_once_each() {
    let broker = broker();
    let services = services(&broker).await;

    broker.duplicate_next(order_api::messaging::channels::ORDER_EVENTS);
    order_api::messaging::OrderEventsPublisher::new(broker.clone())
        .publish_order_created_event(ORDER_ID, body(order_created()))
        .await
        .unwrap();
    // Sent once, delivered twice to each subscriber.
    assert_eq!(
        broker
            .sent(order_api::messaging::channels::ORDER_EVENTS)
            .len(),
        1
    );

    // Each subscriber's dispatcher read both copies and handed only the first to its handler.
    for (service, outcomes) in [
        ("delivery", &services.delivery_outcomes),
        ("order-history", &services.history_outcomes),
    ] {
        assert_eq!(
            settled(outcomes, 2).await,
            [Ok(Dispatched::Handled), Ok(Dispatched::Duplicate)],
            "{service}"
        );
    }
    for (service, seen) in [
        (
            "delivery",
            services.deliveries.created.lock().unwrap().clone(),
        ),
        (
            "order-history",
            services.history.created.lock().unwrap().clone(),
        ),
    ] {
        assert_eq!(
            seen,
            [(ORDER_ID.to_string(), order_created())],
            "{service} handles the event exactly once"
        );
    }
    assert_eq!(services.history.state(ORDER_ID), Some("APPROVAL_PENDING"));
}

#[tokio::test]
async fn a_command_delivered_twice_is_handled_and_answered_once() {
    use order_api::messaging::{channels, message_types, CreateOrderSagaKitchenCommandsReply};

    let broker = broker();
    let services = services(&broker).await;
    let saga = saga(&broker).await;

    broker.duplicate_next(kitchen_api::messaging::channels::KITCHEN_SERVICE_COMMANDS);
    let reply = saga
        .kitchen
        .create_ticket(body(create_ticket()))
        .await
        .unwrap();
    assert!(
        matches!(
            reply.body,
            CreateOrderSagaKitchenCommandsReply::CreateTicketReply(_)
        ),
        "{reply:?}"
    );
    // The next command comes after the duplicate on the kitchen's channel: once it is answered,
    // the duplicate has been read.
    let reply = saga
        .kitchen
        .confirm_create_ticket(body(json!({"ticketId": ORDER_ID})))
        .await
        .unwrap();
    assert!(
        matches!(reply.body, CreateOrderSagaKitchenCommandsReply::Success(_)),
        "{reply:?}"
    );

    let replied = || {
        Ok(Dispatched::Replied {
            channel: channels::CREATE_ORDER_SAGA_REPLY.to_string(),
        })
    };
    assert_eq!(
        settled(&services.kitchen_outcomes, 3).await,
        [replied(), Ok(Dispatched::Duplicate), replied()]
    );
    assert_eq!(services.kitchen.created.load(Ordering::SeqCst), 1);
    assert_eq!(
        saga_reply_types(&broker),
        [message_types::CREATE_TICKET_REPLY, message_types::SUCCESS],
        "one reply for the command delivered twice"
    );
}

#[tokio::test]
async fn a_message_that_breaks_its_contract_is_refused_saying_where_and_why() {
    let broker = broker();
    let saga = saga(&broker).await;

    // A header: a saga id that is not two groups of 16 hex digits, sent with the typed client.
    let kitchen = saga.kitchen.with_header("command_saga_id", "saga-1");
    let err = kitchen
        .confirm_create_ticket(body(json!({"ticketId": ORDER_ID})))
        .await
        .unwrap_err();
    let Error::Invalid { channel, violation } = &err else {
        panic!("expected Error::Invalid, got {err}");
    };
    assert_eq!(channel, "kitchenService");
    // The sender's and the receiver's contract both declare the message: both are named.
    assert_eq!(
        violation,
        "message ConfirmCreateTicket (command_type \
         net.chrisrichardson.ftgo.kitchenservice.api.ConfirmCreateTicket) as order/asyncapi and \
         kitchen/asyncapi declare it: headers at /command_saga_id: \"saga-1\" does not match \
         \"^[0-9a-f]{16}-[0-9a-f]{16}$\""
    );

    // A command body the typed API would not let through, sent raw: the pointer names the bad
    // value.
    let raw = RawMessage::json(
        &json!({"orderId": "99", "restaurantId": 1, "ticketDetails": {"lineItems": []}}),
    )
    .unwrap()
    .with_header("ID", new_message_id())
    .with_header(
        "command_type",
        kitchen_api::messaging::message_types::CREATE_TICKET,
    )
    .with_header(
        "command_reply_to",
        order_api::messaging::channels::CREATE_ORDER_SAGA_REPLY,
    )
    .with_header("command_saga_type", SAGA_TYPE)
    .with_header("command_saga_id", new_message_id());
    let err = broker
        .send(
            kitchen_api::messaging::channels::KITCHEN_SERVICE_COMMANDS,
            raw,
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "message rejected by the contract of channel `kitchenService`: message CreateTicket \
         (command_type net.chrisrichardson.ftgo.kitchenservice.api.CreateTicket) as \
         order/asyncapi and kitchen/asyncapi declare it: payload at /orderId: \"99\" is not of \
         type \"integer\""
    );
    assert!(broker
        .sent(kitchen_api::messaging::channels::KITCHEN_SERVICE_COMMANDS)
        .is_empty());

    // An event whose Money is a JSON number: the publisher's and both subscribers' contracts
    // refuse it, deep in the body.
    let mut event = order_created();
    event["orderDetails"]["orderTotal"] = json!(61.7);
    let raw = RawMessage::json(&event)
        .unwrap()
        .with_header("ID", new_message_id())
        .with_header(
            "event-type",
            order_api::messaging::message_types::ORDER_CREATED_EVENT,
        )
        .with_header(
            "event-aggregate-type",
            order_api::messaging::channels::ORDER_EVENTS,
        )
        .with_header("event-aggregate-id", ORDER_ID.to_string())
        .with_header("PARTITION_ID", ORDER_ID.to_string());
    let err = broker
        .send(order_api::messaging::channels::ORDER_EVENTS, raw)
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "message rejected by the contract of channel \
         `net.chrisrichardson.ftgo.orderservice.domain.Order`: message OrderCreatedEvent \
         (event-type net.chrisrichardson.ftgo.orderservice.api.events.OrderCreatedEvent) as \
         order/asyncapi, delivery/asyncapi and order-history/asyncapi declare it: payload at \
         /orderDetails/orderTotal: 61.7 is not of type \"string\""
    );
    assert!(broker
        .sent(order_api::messaging::channels::ORDER_EVENTS)
        .is_empty());
}
