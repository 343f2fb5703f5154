//! The generated HTTP client of the order service against a local mock HTTP server (axum):
//! typed answers, a call that hangs (timeout), a failing service (the circuit opens and calls
//! stop reaching it), fallbacks (a fixed value, the last good answer), and a resolver that
//! moves the service to another address between calls.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response as AxumResponse};
use axum::routing::get;
use axum::{Json, Router};
use order_api::http::{
    FtgoOrderServiceApi, FtgoOrderServiceHttpClient, GetOrderRequest, GetOrderResponse, Response,
};
use order_api::types::{GetOrderResponse as Order, Money, OrderState};
use serde_json::json;
use treaty_runtime::discovery::FromFn;
use treaty_runtime::resilience::{BreakerConfig, BreakerState, Fallback, Policy};
use treaty_runtime::Error;

/// How the mock order service answers.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Healthy,
    Hanging,
    Failing,
}

#[derive(Clone)]
struct Service {
    name: &'static str,
    mode: Arc<Mutex<Mode>>,
    hits: Arc<AtomicUsize>,
}

impl Service {
    fn set(&self, mode: Mode) {
        *self.mode.lock().unwrap() = mode;
    }
    fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

async fn get_order(State(s): State<Service>, Path(id): Path<i64>) -> AxumResponse {
    s.hits.fetch_add(1, Ordering::SeqCst);
    let mode = *s.mode.lock().unwrap();
    match mode {
        Mode::Hanging => {
            tokio::time::sleep(Duration::from_secs(30)).await;
            StatusCode::OK.into_response()
        }
        Mode::Failing => (StatusCode::SERVICE_UNAVAILABLE, "down for maintenance").into_response(),
        Mode::Healthy if id == 404 => StatusCode::NOT_FOUND.into_response(),
        Mode::Healthy => (
            [("ZIPKIN-TRACE-ID", s.name)],
            Json(json!({"orderId": id, "state": "APPROVED", "orderTotal": "12.34"})),
        )
            .into_response(),
    }
}

/// Starts a mock order service on a free loopback port; returns it and its base URL.
async fn start(name: &'static str) -> (Service, String) {
    let service = Service {
        name,
        mode: Arc::new(Mutex::new(Mode::Healthy)),
        hits: Arc::default(),
    };
    let app = Router::new()
        .route("/orders/{order_id}", get(get_order))
        .with_state(service.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (service, url)
}

/// A policy small enough for a test: a 200 ms timeout, and a breaker that judges the last 4 calls
/// and stays open 300 ms.
fn policy() -> Policy {
    Policy {
        timeout: Duration::from_millis(200),
        max_outstanding: 8,
        breaker: BreakerConfig {
            failure_rate_threshold: 0.5,
            minimum_calls: 4,
            window: 4,
            open_for: Duration::from_millis(300),
            half_open_max_calls: 1,
        },
        fallback_cache_capacity: 16,
    }
}

/// A resolver that asks `url` on every call, so a test can move the service.
fn movable(url: &Arc<Mutex<String>>) -> FromFn {
    let url = Arc::clone(url);
    FromFn::new(move || Ok(url.lock().unwrap().clone()))
}

fn order(id: i64) -> GetOrderRequest {
    GetOrderRequest { order_id: id }
}

#[tokio::test]
async fn typed_answers_with_status_and_headers() {
    let (_, url) = start("a").await;
    let client = FtgoOrderServiceHttpClient::new(treaty_runtime::discovery::Static(url))
        .unwrap()
        .with_policy(policy());
    let answer = client.get_order(order(7)).await.unwrap();
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("zipkin-trace-id"), Some("a"));
    let GetOrderResponse::Ok(body) = answer.body else {
        panic!("expected 200 Ok, got {:?}", answer.body);
    };
    assert_eq!(body.order_id, 7);
    assert_eq!(body.state, OrderState::Approved);
    assert_eq!(body.order_total, Money::new("12.34").unwrap());
    // A declared error answer is a value, not an error.
    let missing = client.get_order(order(404)).await.unwrap();
    assert!(
        matches!(missing.body, GetOrderResponse::NotFound),
        "{missing:?}"
    );
    assert_eq!(missing.status, 404);
}

#[tokio::test]
async fn a_hanging_service_times_out_and_a_failing_one_opens_the_circuit() {
    let (service, url) = start("a").await;
    let client = FtgoOrderServiceHttpClient::new(treaty_runtime::discovery::Static(url))
        .unwrap()
        .with_policy(policy());

    // Timeout: the call gives up after the policy's 200 ms instead of waiting 30 s.
    service.set(Mode::Hanging);
    let started = std::time::Instant::now();
    let err = client.get_order(order(1)).await.unwrap_err();
    assert_eq!(err, Error::Timeout(Duration::from_millis(200)));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );

    // 5xx answers are errors that count against the breaker; once half of the last four calls
    // failed, it opens and calls fail at once without reaching the service.
    service.set(Mode::Failing);
    for _ in 0..3 {
        let err = client.get_order(order(1)).await.unwrap_err();
        assert!(matches!(err, Error::Status { code: 503, .. }), "{err:?}");
    }
    assert_eq!(client.resilient().breaker().state(), BreakerState::Open);
    let hits = service.hits();
    assert_eq!(
        client.get_order(order(1)).await.unwrap_err(),
        Error::CircuitOpen
    );
    assert_eq!(
        service.hits(),
        hits,
        "an open circuit does not call the service"
    );

    // After the cool-down one trial call goes through; the service is healthy again, so the
    // breaker closes.
    service.set(Mode::Healthy);
    tokio::time::sleep(Duration::from_millis(350)).await;
    let answer = client.get_order(order(1)).await.unwrap();
    assert_eq!(answer.status, 200);
    assert_eq!(client.resilient().breaker().state(), BreakerState::Closed);
}

#[tokio::test]
async fn fallbacks_answer_when_the_service_cannot() {
    let (service, url) = start("a").await;
    let fixed = Response::new(
        200,
        GetOrderResponse::Ok(Order {
            order_id: 0,
            state: OrderState::ApprovalPending,
            order_total: Money::new("0").unwrap(),
        }),
    );
    let with_default =
        FtgoOrderServiceHttpClient::new(treaty_runtime::discovery::Static(url.clone()))
            .unwrap()
            .with_policy(policy())
            .with_get_order_fallback(Fallback::Value(fixed));
    let cached = FtgoOrderServiceHttpClient::new(treaty_runtime::discovery::Static(url))
        .unwrap()
        .with_policy(policy())
        .with_get_order_fallback(Fallback::Cached);

    // Healthy: the real answer, remembered by the cached fallback.
    assert!(matches!(
        cached.get_order(order(5)).await.unwrap().body,
        GetOrderResponse::Ok(Order { order_id: 5, .. })
    ));

    service.set(Mode::Failing);
    let answer = with_default.get_order(order(5)).await.unwrap();
    assert!(
        matches!(answer.body, GetOrderResponse::Ok(Order { order_id: 0, .. })),
        "{answer:?}"
    );
    let answer = cached.get_order(order(5)).await.unwrap();
    assert!(
        matches!(answer.body, GetOrderResponse::Ok(Order { order_id: 5, .. })),
        "{answer:?}"
    );
    // No answer to this request was ever seen: the cached fallback has nothing to give.
    let err = cached.get_order(order(6)).await.unwrap_err();
    assert!(matches!(err, Error::Fallback { .. }), "{err:?}");
    // A fallback never hides a declared client error.
    service.set(Mode::Healthy);
    let missing = with_default.get_order(order(404)).await.unwrap();
    assert!(matches!(missing.body, GetOrderResponse::NotFound));
}

#[tokio::test]
async fn the_resolver_is_asked_on_every_call_so_a_moved_service_is_found() {
    let (old, old_url) = start("old").await;
    let (new, new_url) = start("new").await;
    let location = Arc::new(Mutex::new(old_url));
    let client = FtgoOrderServiceHttpClient::new(movable(&location))
        .unwrap()
        .with_policy(policy());
    let answer = client.get_order(order(1)).await.unwrap();
    assert_eq!(answer.header("zipkin-trace-id"), Some("old"));

    // The platform moves the service; the old instance goes away (fails).
    old.set(Mode::Failing);
    *location.lock().unwrap() = new_url;
    let answer = client.get_order(order(1)).await.unwrap();
    assert_eq!(answer.header("zipkin-trace-id"), Some("new"));
    assert_eq!((old.hits(), new.hits()), (1, 1));

    // A resolver that cannot say where the service is fails the call with a clear error.
    *location.lock().unwrap() = "not a url".into();
    let err = client.get_order(order(1)).await.unwrap_err();
    assert!(matches!(err, Error::Discovery(_)), "{err:?}");
}
