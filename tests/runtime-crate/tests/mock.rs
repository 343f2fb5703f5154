//! Call recording and programmed responses for generated mocks.

use std::collections::HashMap;

use serde_json::json;
use treaty_runtime::mock::{CallRecord, Recorder, Responder};
use treaty_runtime::Error;

#[test]
fn recorder_keeps_calls_in_order_and_filters_by_operation() {
    let recorder = Recorder::new();
    let kept_by_test = recorder.clone();
    recorder
        .record("createOrder", &json!({"consumerId": 1}))
        .unwrap();
    recorder.record("getOrder", &42).unwrap();
    recorder
        .record("createOrder", &json!({"consumerId": 2}))
        .unwrap();

    assert_eq!(
        kept_by_test.calls(),
        vec![
            CallRecord {
                operation: "createOrder".to_string(),
                request: json!({"consumerId": 1}),
            },
            CallRecord {
                operation: "getOrder".to_string(),
                request: json!(42),
            },
            CallRecord {
                operation: "createOrder".to_string(),
                request: json!({"consumerId": 2}),
            },
        ]
    );
    assert_eq!(
        kept_by_test.calls_to("createOrder"),
        vec![json!({"consumerId": 1}), json!({"consumerId": 2})]
    );
    assert!(kept_by_test.calls_to("cancelOrder").is_empty());

    kept_by_test.clear();
    assert!(recorder.calls().is_empty());
}

#[test]
fn recorder_reports_a_request_that_is_not_json() {
    let recorder = Recorder::new();
    let mut by_pair = HashMap::new();
    by_pair.insert((1, 2), "not a JSON object key");
    let Err(Error::Encode(message)) = recorder.record("odd", &by_pair) else {
        panic!("a map with tuple keys cannot be JSON");
    };
    assert!(message.starts_with("request to `odd` cannot be recorded as JSON"));
    assert!(recorder.calls().is_empty());
}

#[test]
fn responder_answers_with_the_first_matching_rule() {
    let mut r: Responder<u64, &str> = Responder::new("getOrder");
    r.when(|id| *id < 10)
        .then("small")
        .when(|id| *id < 100)
        .then("medium")
        .when(|id| *id == 5)
        .then("never: an earlier rule matches 5");
    assert_eq!(r.respond(&5), Ok("small"));
    assert_eq!(r.respond(&50), Ok("medium"));
    assert_eq!(r.operation(), "getOrder");
}

#[test]
fn responder_falls_back_to_its_default() {
    let mut r: Responder<u64, Result<String, Error>> = Responder::new("getOrder");
    r.when(|id| *id == 1).then(Ok("pizza".to_string()));
    r.otherwise(Err(Error::Status {
        code: 404,
        body: "no such order".to_string(),
    }));
    assert_eq!(r.respond(&1), Ok(Ok("pizza".to_string())));
    assert_eq!(
        r.respond(&2),
        Ok(Err(Error::Status {
            code: 404,
            body: "no such order".to_string(),
        }))
    );
}

#[test]
fn responder_without_a_match_or_default_says_so() {
    let mut r: Responder<u64, u64> = Responder::new("getOrder");
    r.when(|id| *id == 1).then(10);
    let err = r.respond(&2).unwrap_err();
    assert_eq!(
        err,
        Error::Unmatched {
            operation: "getOrder".to_string()
        }
    );
    assert_eq!(
        err.to_string(),
        "mock for `getOrder` has no response matching the request and no default"
    );
}

#[test]
fn responder_computes_answers_from_the_request() {
    let mut r: Responder<serde_json::Value, serde_json::Value> = Responder::new("createOrder");
    r.when(|req| req["items"].as_array().is_some_and(Vec::is_empty))
        .then(json!({"error": "no items"}));
    r.otherwise_with(|req| json!({"orderId": req["consumerId"].as_u64().unwrap_or(0) * 100}));
    assert_eq!(
        r.respond(&json!({"consumerId": 7, "items": [1]})),
        Ok(json!({"orderId": 700}))
    );
    assert_eq!(
        r.respond(&json!({"consumerId": 7, "items": []})),
        Ok(json!({"error": "no items"}))
    );

    r.reset();
    assert!(matches!(
        r.respond(&json!({})),
        Err(Error::Unmatched { .. })
    ));
}

#[test]
fn responder_can_be_shared_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Responder<u64, String>>();
    assert_send_sync::<Recorder>();
}
