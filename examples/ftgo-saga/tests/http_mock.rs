//! The generated HTTP mock of the order service checking what passes through it against the
//! contract's JSON Schemas (order-api's feature `validate`, which this crate enables): a valid
//! createOrder goes through; an answer programmed with a body the contract does not allow for
//! its status fails the call with a message naming the operation, the status, the JSON pointer
//! and the problem.
//!
//! The typed requests of the order contract cannot break it (`Money` and `LocalDateTime` check
//! their pattern when built, the other fields are plain integers and strings), so the refused
//! cases are answers: a `Status` answer whose code the contract declares carries its body as
//! text, which is what a provider that breaks the contract would send.

use std::sync::Arc;

use order_api::http::{
    CreateOrderRequest, CreateOrderResponse, FtgoOrderServiceApi, GetOrderRequest,
    GetOrderResponse, MockFtgoOrderServiceApi,
};
use order_api::types::{
    Address, CreateOrderRequest as NewOrder, CreateOrderResponse as Created, LocalDateTime,
    MenuItemIdAndQuantity,
};
use treaty_runtime::Error;

fn create_order() -> CreateOrderRequest {
    CreateOrderRequest {
        body: NewOrder {
            consumer_id: 1511300065921,
            restaurant_id: 1,
            delivery_address: Address {
                street1: "9 Amazing View".into(),
                street2: None,
                city: "Oakland".into(),
                state: "CA".into(),
                zip: "94612".into(),
            },
            delivery_time: LocalDateTime::new("2019-08-20T14:20:00.979").unwrap(),
            line_items: vec![MenuItemIdAndQuantity {
                menu_item_id: "1".into(),
                quantity: 5,
            }],
        },
    }
}

#[tokio::test]
async fn a_valid_create_order_goes_through() {
    let mock = Arc::new(MockFtgoOrderServiceApi::new());
    mock.on_create_order()
        .otherwise(Ok(CreateOrderResponse::Ok(Created { order_id: 99 }).into()));
    let api: Arc<dyn FtgoOrderServiceApi> = mock.clone();

    let answer = api.create_order(create_order()).await.unwrap();

    assert_eq!(answer.status, 200);
    assert!(matches!(
        answer.body,
        CreateOrderResponse::Ok(Created { order_id: 99 })
    ));
    assert_eq!(mock.recorder().calls_to("createOrder").len(), 1);
}

#[tokio::test]
async fn an_answer_that_breaks_the_schema_of_its_status_is_refused() {
    let mock = Arc::new(MockFtgoOrderServiceApi::new());
    mock.on_create_order()
        .otherwise(Ok(CreateOrderResponse::Status {
            code: 200,
            body: r#"{"orderId": "99"}"#.into(),
        }
        .into()));
    let api: Arc<dyn FtgoOrderServiceApi> = mock.clone();

    let err = api.create_order(create_order()).await.unwrap_err();

    assert!(matches!(err, Error::Decode(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        r#"decode: the mock's answer 200 to `createOrder` breaks the contract: body at /orderId: "99" is not of type "integer""#
    );
    // The request was valid and is recorded all the same.
    assert_eq!(mock.recorder().calls_to("createOrder").len(), 1);
}

#[tokio::test]
async fn every_violation_is_named_with_its_pointer() {
    let mock = Arc::new(MockFtgoOrderServiceApi::new());
    mock.on_get_order().otherwise(Ok(GetOrderResponse::Status {
        code: 200,
        body: r#"{"orderId": 99, "state": "SHIPPED", "orderTotal": "12,34"}"#.into(),
    }
    .into()));
    let api: Arc<dyn FtgoOrderServiceApi> = mock.clone();

    let err = api
        .get_order(GetOrderRequest { order_id: 99 })
        .await
        .unwrap_err();

    assert_eq!(
        err.to_string(),
        r#"decode: the mock's answer 200 to `getOrder` breaks the contract: body at /orderTotal: "12,34" does not match "^-?[0-9]+(\.[0-9]+)?$"; body at /state: "SHIPPED" is not one of "APPROVAL_PENDING", "APPROVED" or 4 other candidates"#
    );
}

#[tokio::test]
async fn answers_the_contract_leaves_open_are_not_checked() {
    let mock = Arc::new(MockFtgoOrderServiceApi::new());
    mock.on_get_order()
        .when(|r| r.order_id == 404)
        .then(Ok(GetOrderResponse::NotFound.into()))
        .otherwise(Ok(GetOrderResponse::Status {
            code: 418,
            body: "not JSON".into(),
        }
        .into()));
    let api: Arc<dyn FtgoOrderServiceApi> = mock.clone();

    let missing = api.get_order(GetOrderRequest { order_id: 404 }).await;
    assert!(matches!(missing.unwrap().body, GetOrderResponse::NotFound));
    // A status the contract does not declare has no schema to break.
    let teapot = api
        .get_order(GetOrderRequest { order_id: 1 })
        .await
        .unwrap();
    assert_eq!(teapot.status, 418);
}
