//! Timeouts, bulkhead, circuit breaker and fallbacks, on tokio's paused clock.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::time::{advance, sleep, Instant};
use treaty_runtime::resilience::{
    BreakerConfig, BreakerState, CircuitBreaker, Fallback, Policy, Resilient,
};
use treaty_runtime::Error;

fn down() -> Error {
    Error::Transport("connection refused".to_string())
}

fn breaker_policy(breaker: BreakerConfig) -> Policy {
    Policy {
        breaker,
        ..Policy::default()
    }
}

async fn fail(r: &Resilient) -> Result<u32, Error> {
    r.call("op", || async { Err(down()) }).await
}

async fn succeed(r: &Resilient) -> Result<u32, Error> {
    r.call("op", || async { Ok(1) }).await
}

/// Opens the default breaker (10 failures in a row).
async fn open(r: &Resilient) {
    for _ in 0..10 {
        let _ = fail(r).await;
    }
    assert_eq!(r.breaker().state(), BreakerState::Open);
}

#[test]
fn defaults_are_the_documented_ones() {
    let policy = Policy::default();
    assert_eq!(policy.timeout, Duration::from_secs(5));
    assert_eq!(policy.max_outstanding, 64);
    assert_eq!(policy.breaker.failure_rate_threshold, 0.5);
    assert_eq!(policy.breaker.window, 20);
    assert_eq!(policy.breaker.minimum_calls, 10);
    assert_eq!(policy.breaker.open_for, Duration::from_secs(30));
    assert_eq!(policy.breaker.half_open_max_calls, 1);
}

#[tokio::test(start_paused = true)]
async fn timeout_fires_after_the_policy_timeout() {
    let r = Resilient::new(Policy {
        timeout: Duration::from_secs(2),
        ..Policy::default()
    });
    let started = Instant::now();
    let result: Result<u32, Error> = r
        .call("slow", || async {
            sleep(Duration::from_secs(60)).await;
            Ok(1)
        })
        .await;
    assert_eq!(result, Err(Error::Timeout(Duration::from_secs(2))));
    assert_eq!(started.elapsed(), Duration::from_secs(2));
    assert_eq!(r.outstanding(), 0);
}

#[tokio::test(start_paused = true)]
async fn a_call_within_the_timeout_returns_its_value() {
    let r = Resilient::default();
    let result = r
        .call("quick", || async {
            sleep(Duration::from_millis(4900)).await;
            Ok("done")
        })
        .await;
    assert_eq!(result, Ok("done"));
}

#[tokio::test(start_paused = true)]
async fn breaker_does_not_open_before_minimum_calls() {
    let r = Resilient::default();
    for _ in 0..9 {
        assert_eq!(fail(&r).await, Err(down()));
    }
    assert_eq!(r.breaker().state(), BreakerState::Closed);
    assert_eq!(fail(&r).await, Err(down()));
    assert_eq!(r.breaker().state(), BreakerState::Open);
}

#[tokio::test(start_paused = true)]
async fn breaker_opens_at_the_threshold_and_not_below() {
    // 4 failures in 10 calls: 40 %, below 50 %.
    let below = Resilient::default();
    for _ in 0..6 {
        succeed(&below).await.unwrap();
    }
    for _ in 0..4 {
        let _ = fail(&below).await;
    }
    assert_eq!(below.breaker().state(), BreakerState::Closed);

    // 5 failures in 10 calls: exactly 50 %.
    let at = Resilient::default();
    for _ in 0..5 {
        succeed(&at).await.unwrap();
    }
    for _ in 0..4 {
        let _ = fail(&at).await;
    }
    assert_eq!(at.breaker().state(), BreakerState::Closed);
    let _ = fail(&at).await;
    assert_eq!(at.breaker().state(), BreakerState::Open);
}

#[tokio::test(start_paused = true)]
async fn sliding_window_forgets_calls_older_than_the_window() {
    let r = Resilient::new(breaker_policy(BreakerConfig {
        failure_rate_threshold: 0.75,
        minimum_calls: 4,
        window: 4,
        ..BreakerConfig::default()
    }));
    // F F S S: 50 %. Then S pushes out the first F: F S S S, 25 %.
    let _ = fail(&r).await;
    let _ = fail(&r).await;
    succeed(&r).await.unwrap();
    succeed(&r).await.unwrap();
    succeed(&r).await.unwrap();
    // S S S F, S S F F: 50 %; S F F F: 75 %, open.
    let _ = fail(&r).await;
    let _ = fail(&r).await;
    assert_eq!(r.breaker().state(), BreakerState::Closed);
    let _ = fail(&r).await;
    assert_eq!(r.breaker().state(), BreakerState::Open);
}

#[tokio::test(start_paused = true)]
async fn open_breaker_fails_fast_without_calling_the_service() {
    let r = Resilient::default();
    open(&r).await;
    let called = AtomicUsize::new(0);
    let result: Result<u32, Error> = r
        .call("op", || async {
            called.fetch_add(1, Ordering::SeqCst);
            Ok(1)
        })
        .await;
    assert_eq!(result, Err(Error::CircuitOpen));
    assert_eq!(called.load(Ordering::SeqCst), 0);
}

#[tokio::test(start_paused = true)]
async fn breaker_half_opens_after_the_cool_down_and_closes_on_success() {
    let r = Resilient::default();
    open(&r).await;
    advance(Duration::from_secs(29)).await;
    assert_eq!(r.breaker().state(), BreakerState::Open);
    assert_eq!(succeed(&r).await, Err(Error::CircuitOpen));
    advance(Duration::from_secs(1)).await;
    assert_eq!(r.breaker().state(), BreakerState::HalfOpen);
    assert_eq!(succeed(&r).await, Ok(1));
    assert_eq!(r.breaker().state(), BreakerState::Closed);
    // Closed with a fresh window: one failure does not reopen it.
    let _ = fail(&r).await;
    assert_eq!(r.breaker().state(), BreakerState::Closed);
}

#[tokio::test(start_paused = true)]
async fn half_open_breaker_reopens_on_failure_for_another_cool_down() {
    let r = Resilient::default();
    open(&r).await;
    advance(Duration::from_secs(30)).await;
    assert_eq!(r.breaker().state(), BreakerState::HalfOpen);
    assert_eq!(fail(&r).await, Err(down()));
    assert_eq!(r.breaker().state(), BreakerState::Open);
    advance(Duration::from_secs(29)).await;
    assert_eq!(r.breaker().state(), BreakerState::Open);
    advance(Duration::from_secs(1)).await;
    assert_eq!(r.breaker().state(), BreakerState::HalfOpen);
}

#[tokio::test(start_paused = true)]
async fn half_open_breaker_admits_only_its_trial_calls() {
    let breaker = CircuitBreaker::new(BreakerConfig {
        minimum_calls: 1,
        window: 1,
        half_open_max_calls: 2,
        ..BreakerConfig::default()
    });
    breaker.try_acquire().unwrap().failure();
    assert_eq!(breaker.state(), BreakerState::Open);
    advance(Duration::from_secs(30)).await;

    let first = breaker.try_acquire().unwrap();
    let second = breaker.try_acquire().unwrap();
    assert_eq!(breaker.try_acquire().unwrap_err(), Error::CircuitOpen);
    first.success();
    // One trial succeeded, one is still running: no third trial, not closed yet.
    assert_eq!(breaker.state(), BreakerState::HalfOpen);
    assert_eq!(breaker.try_acquire().unwrap_err(), Error::CircuitOpen);
    second.success();
    assert_eq!(breaker.state(), BreakerState::Closed);
}

#[tokio::test(start_paused = true)]
async fn an_abandoned_trial_call_gives_its_slot_back() {
    let r = Resilient::default();
    open(&r).await;
    advance(Duration::from_secs(30)).await;
    // The caller gives up on the trial call before it ends.
    let gave_up = tokio::time::timeout(
        Duration::from_millis(10),
        r.call("op", || async {
            sleep(Duration::from_secs(1)).await;
            Ok(1)
        }),
    )
    .await;
    assert!(gave_up.is_err());
    assert_eq!(r.breaker().state(), BreakerState::HalfOpen);
    assert_eq!(succeed(&r).await, Ok(1));
    assert_eq!(r.breaker().state(), BreakerState::Closed);
}

#[tokio::test(start_paused = true)]
async fn outcome_of_a_call_started_before_the_breaker_opened_is_ignored() {
    let breaker = CircuitBreaker::new(BreakerConfig {
        minimum_calls: 1,
        window: 1,
        ..BreakerConfig::default()
    });
    let slow = breaker.try_acquire().unwrap();
    breaker.try_acquire().unwrap().failure();
    assert_eq!(breaker.state(), BreakerState::Open);
    advance(Duration::from_secs(30)).await;
    assert_eq!(breaker.state(), BreakerState::HalfOpen);
    // The slow call started while closed; its success says nothing about the trial.
    slow.success();
    assert_eq!(breaker.state(), BreakerState::HalfOpen);
}

#[tokio::test(start_paused = true)]
async fn timeouts_and_server_errors_count_but_client_errors_do_not() {
    let r = Resilient::default();
    for _ in 0..20 {
        let result: Result<u32, Error> = r
            .call("op", || async {
                Err(Error::Status {
                    code: 404,
                    body: "no such order".to_string(),
                })
            })
            .await;
        assert!(matches!(result, Err(Error::Status { code: 404, .. })));
    }
    assert_eq!(r.breaker().state(), BreakerState::Closed);

    for _ in 0..5 {
        let _: Result<u32, Error> = r
            .call("op", || async {
                Err(Error::Status {
                    code: 503,
                    body: String::new(),
                })
            })
            .await;
    }
    for _ in 0..5 {
        let result: Result<u32, Error> = r
            .call("op", || async {
                sleep(Duration::from_secs(10)).await;
                Ok(1)
            })
            .await;
        assert_eq!(result, Err(Error::Timeout(Duration::from_secs(5))));
    }
    // The window holds 10 client errors (successes) and 10 failures: 50 %.
    assert_eq!(r.breaker().state(), BreakerState::Open);
}

#[tokio::test(start_paused = true)]
async fn bulkhead_rejects_the_call_beyond_the_cap_at_once() {
    let r = Arc::new(Resilient::new(Policy {
        max_outstanding: 2,
        ..Policy::default()
    }));
    let mut running = Vec::new();
    for _ in 0..2 {
        let r = Arc::clone(&r);
        running.push(tokio::spawn(async move {
            r.call("op", || async {
                sleep(Duration::from_secs(1)).await;
                Ok(1)
            })
            .await
        }));
    }
    tokio::task::yield_now().await;
    assert_eq!(r.outstanding(), 2);

    let called = AtomicUsize::new(0);
    let started = Instant::now();
    let third: Result<u32, Error> = r
        .call("op", || async {
            called.fetch_add(1, Ordering::SeqCst);
            Ok(1)
        })
        .await;
    assert_eq!(third, Err(Error::Rejected { max_outstanding: 2 }));
    assert_eq!(started.elapsed(), Duration::ZERO);
    assert_eq!(called.load(Ordering::SeqCst), 0);

    for call in running {
        assert_eq!(call.await.unwrap(), Ok(1));
    }
    assert_eq!(r.outstanding(), 0);
    assert_eq!(succeed(&r).await, Ok(1));
}

#[tokio::test(start_paused = true)]
async fn rejections_do_not_count_against_the_breaker() {
    let r = Resilient::new(Policy {
        max_outstanding: 0,
        ..Policy::default()
    });
    for _ in 0..20 {
        assert_eq!(
            succeed(&r).await,
            Err(Error::Rejected { max_outstanding: 0 })
        );
    }
    assert_eq!(r.breaker().state(), BreakerState::Closed);
}

#[tokio::test(start_paused = true)]
async fn fallback_error_returns_the_error() {
    let r = Resilient::default();
    let result: Result<u32, Error> = r
        .call_with("op", &Fallback::Error, || async { Err(down()) })
        .await;
    assert_eq!(result, Err(down()));
    assert_eq!(Fallback::<u32>::default(), Fallback::Error);
}

#[tokio::test(start_paused = true)]
async fn fallback_value_stands_in_for_failures_and_refusals() {
    let r = Resilient::default();
    let fallback = Fallback::Value(0);
    let failed = r.call_with("op", &fallback, || async { Err(down()) }).await;
    assert_eq!(failed, Ok(0));
    open(&r).await;
    let refused = r.call_with("op", &fallback, || async { Ok(7) }).await;
    assert_eq!(refused, Ok(0));
}

#[tokio::test(start_paused = true)]
async fn fallback_never_hides_client_errors_or_decode_errors() {
    let r = Resilient::default();
    let fallback = Fallback::Value(0);
    let not_found = r
        .call_with("op", &fallback, || async {
            Err(Error::Status {
                code: 404,
                body: "no such order".to_string(),
            })
        })
        .await;
    assert!(matches!(not_found, Err(Error::Status { code: 404, .. })));
    let garbled = r
        .call_with("op", &fallback, || async {
            Err(Error::Decode("missing field `total`".to_string()))
        })
        .await;
    assert!(matches!(garbled, Err(Error::Decode(_))));
}

#[tokio::test(start_paused = true)]
async fn fallback_cached_returns_the_last_success_for_the_same_key() {
    let r = Resilient::default();
    let cached = Fallback::Cached;
    assert_eq!(
        r.call_with("getOrder/1", &cached, || async { Ok(10) })
            .await,
        Ok(10)
    );
    assert_eq!(
        r.call_with("getOrder/1", &cached, || async { Ok(11) })
            .await,
        Ok(11)
    );
    assert_eq!(
        r.call_with("getOrder/2", &cached, || async { Ok(20) })
            .await,
        Ok(20)
    );
    assert_eq!(
        r.call_with("getOrder/1", &cached, || async { Err(down()) })
            .await,
        Ok(11)
    );
    let unknown: Result<u32, Error> = r
        .call_with("getOrder/3", &cached, || async { Err(down()) })
        .await;
    assert_eq!(
        unknown,
        Err(Error::Fallback {
            key: "getOrder/3".to_string(),
            source: Box::new(down()),
        })
    );
    assert_eq!(
        unknown.unwrap_err().to_string(),
        "call `getOrder/3` failed and its fallback has no cached value: transport: connection refused"
    );
}

#[tokio::test(start_paused = true)]
async fn fallback_cached_of_another_type_is_not_used() {
    let r = Resilient::default();
    r.call_with("k", &Fallback::Cached, || async { Ok(1u32) })
        .await
        .unwrap();
    let other: Result<String, Error> = r
        .call_with("k", &Fallback::Cached, || async { Err(down()) })
        .await;
    assert!(matches!(other, Err(Error::Fallback { .. })));
}

#[tokio::test(start_paused = true)]
async fn fallback_cache_drops_the_least_recently_stored_value() {
    let r = Resilient::new(Policy {
        fallback_cache_capacity: 2,
        ..Policy::default()
    });
    let cached = Fallback::Cached;
    for (key, value) in [("a", 1), ("b", 2), ("a", 3), ("c", 4)] {
        r.call_with(key, &cached, || async move { Ok(value) })
            .await
            .unwrap();
    }
    // "b" was stored least recently when "c" came.
    let b: Result<i32, Error> = r.call_with("b", &cached, || async { Err(down()) }).await;
    assert!(matches!(b, Err(Error::Fallback { .. })));
    assert_eq!(
        r.call_with("a", &cached, || async { Err(down()) }).await,
        Ok(3)
    );
    assert_eq!(
        r.call_with("c", &cached, || async { Err(down()) }).await,
        Ok(4)
    );
}

#[tokio::test(start_paused = true)]
async fn settings_out_of_range_are_brought_into_range() {
    let r = Resilient::new(Policy {
        timeout: Duration::MAX,
        max_outstanding: usize::MAX,
        breaker: BreakerConfig {
            failure_rate_threshold: f64::NAN,
            minimum_calls: 0,
            window: 0,
            open_for: Duration::MAX,
            half_open_max_calls: 0,
        },
        fallback_cache_capacity: 0,
    });
    for _ in 0..3 {
        assert_eq!(fail(&r).await, Err(down()));
    }
    // A NaN threshold never opens the breaker.
    assert_eq!(r.breaker().state(), BreakerState::Closed);
    assert_eq!(succeed(&r).await, Ok(1));

    let always = CircuitBreaker::new(BreakerConfig {
        failure_rate_threshold: 0.0,
        window: 0,
        minimum_calls: 0,
        open_for: Duration::MAX,
        half_open_max_calls: 0,
    });
    always.try_acquire().unwrap().failure();
    assert_eq!(always.state(), BreakerState::Open);
    advance(Duration::from_secs(365 * 24 * 3600)).await;
    assert_eq!(always.state(), BreakerState::Open);
}

/// Generated clients run calls on multi-threaded runtimes.
#[test]
fn calls_can_be_spawned_on_any_runtime() {
    fn assert_send<T: Send>(_: &T) {}
    let r = Resilient::default();
    assert_send(&r.call("op", || async { Ok(1) }));
    assert_send(&r.call_with("op", &Fallback::Cached, || async { Ok(1) }));
}
