//! The generated gRPC client of the order service against an in-process tonic server on
//! loopback, serving the generated mock: a round trip, a declared error, an unprogrammed rpc, a
//! dead server counted by the breaker, and a cached fallback.

use std::sync::Arc;

use order_api::grpc::ftgo::order::v1::{
    CancelOrderRequest, CreateOrderRequest, CreateOrderResponse, OrderState,
};
use order_api::grpc::{
    MockOrderServiceApi, OrderServiceApi, OrderServiceApiService, OrderServiceFallbacks,
    ResilientOrderServiceClient,
};
use treaty_runtime::discovery::Static;
use treaty_runtime::resilience::{Fallback, Policy};
use treaty_runtime::Error;

#[tokio::test]
async fn mock_served_with_tonic_answers_the_resilient_client() {
    let mock = Arc::new(MockOrderServiceApi::new());
    mock.on_create_order()
        .when(|r| r.consumer_id == 7)
        .then(Ok(CreateOrderResponse {
            order_id: 99,
            state: OrderState::ApprovalPending as i32,
        }));
    mock.on_cancel_order().otherwise(Err(Error::Status {
        code: 404,
        body: "no such order".into(),
    }));

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = OrderServiceApiService::new(Arc::clone(&mock)).into_server();
    tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(server)
            .serve_with_incoming(tonic::transport::server::TcpIncoming::from(listener)),
    );

    let client =
        ResilientOrderServiceClient::new(Static(format!("http://{addr}")), Policy::default());
    let resp = client
        .create_order(CreateOrderRequest {
            consumer_id: 7,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(resp.order_id, 99);
    assert_eq!(resp.state(), OrderState::ApprovalPending);

    let err = client
        .cancel_order(CancelOrderRequest {
            order_id: 1,
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(
        err,
        Error::Status {
            code: 404,
            body: "no such order".into()
        }
    );
    assert!(!err.counts_as_failure());

    // Unprogrammed: the mock's Unmatched becomes UNIMPLEMENTED, 501 on the client side.
    let err = client.revise_order(Default::default()).await.unwrap_err();
    assert!(matches!(err, Error::Status { code: 501, .. }), "{err:?}");

    let calls = mock.recorder().calls_to("OrderService/CreateOrder");
    assert_eq!(calls[0]["consumer_id"], 7);
    assert_eq!(mock.create_order_requests()[0].consumer_id, 7);

    // Nobody listens: transport failure, counted by the breaker; a cached fallback answers.
    let dead =
        ResilientOrderServiceClient::new(Static("http://127.0.0.1:1".into()), Policy::default());
    let err = dead.create_order(Default::default()).await.unwrap_err();
    assert!(err.counts_as_failure(), "{err:?}");

    let cached =
        ResilientOrderServiceClient::new(Static(format!("http://{addr}")), Policy::default())
            .with_fallbacks(OrderServiceFallbacks {
                create_order: Fallback::Cached,
                ..Default::default()
            });
    let req = CreateOrderRequest {
        consumer_id: 7,
        ..Default::default()
    };
    assert_eq!(cached.create_order(req.clone()).await.unwrap().order_id, 99);
}
