//! Resolvers: static, environment and function, each asked on every call.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use treaty_runtime::discovery::{FromEnv, FromFn, Resolver, Static};
use treaty_runtime::Error;

#[test]
fn static_resolver_returns_its_url() {
    let r = Static("http://order-service:8080".to_string());
    assert_eq!(r.resolve().unwrap(), "http://order-service:8080");
}

#[test]
fn url_joins_base_and_path_with_one_slash() {
    for base in ["http://order-service:8080", "http://order-service:8080/"] {
        let r = Static(base.to_string());
        for path in ["orders/1", "/orders/1"] {
            assert_eq!(r.url(path).unwrap(), "http://order-service:8080/orders/1");
        }
    }
    let prefixed = Static("https://api.example.com/ftgo/".to_string());
    assert_eq!(
        prefixed.url("/orders").unwrap(),
        "https://api.example.com/ftgo/orders"
    );
}

#[test]
fn values_that_are_not_base_urls_are_refused_with_their_source() {
    let cases = [
        ("", "it is empty"),
        ("http://order service", "it contains whitespace"),
        ("order-service:8080", "expected scheme://host"),
        ("://order-service", "expected scheme://host"),
        ("http://", "expected scheme://host"),
        ("8http://x", "expected scheme://host"),
    ];
    for (url, problem) in cases {
        let Err(Error::Discovery(message)) = Static(url.to_string()).resolve() else {
            panic!("`{url}` should be refused");
        };
        assert!(
            message.starts_with(&format!("the static service URL gave `{url}`")),
            "{message}"
        );
        assert!(message.contains(problem), "{message}");
    }
    assert!(Static("grpc+tls://orders:443".to_string())
        .resolve()
        .is_ok());
}

/// One test for every environment case, so no two tests change the environment at once.
#[test]
fn env_resolver_reads_the_variable_on_every_call() {
    const VAR: &str = "TREATY_RUNTIME_TEST_ORDER_SERVICE_URL";
    let with_default = FromEnv::or(VAR, "http://localhost:8080");
    let without_default = FromEnv::new(VAR);

    std::env::remove_var(VAR);
    assert_eq!(with_default.resolve().unwrap(), "http://localhost:8080");
    assert_eq!(
        without_default.resolve(),
        Err(Error::Discovery(format!(
            "the environment variable `{VAR}` is not set and has no default"
        )))
    );

    std::env::set_var(VAR, "http://order-service:8080");
    assert_eq!(with_default.resolve().unwrap(), "http://order-service:8080");
    assert_eq!(
        without_default.url("orders").unwrap(),
        "http://order-service:8080/orders"
    );

    // The service moved: the next call sees it.
    std::env::set_var(VAR, "http://order-service-v2:8080");
    assert_eq!(
        without_default.resolve().unwrap(),
        "http://order-service-v2:8080"
    );

    std::env::set_var(VAR, "");
    assert_eq!(with_default.resolve().unwrap(), "http://localhost:8080");

    std::env::set_var(VAR, "order-service");
    let Err(Error::Discovery(message)) = with_default.resolve() else {
        panic!("a value without a scheme should be refused");
    };
    assert!(
        message.starts_with(&format!(
            "the environment variable `{VAR}` gave `order-service`"
        )),
        "{message}"
    );

    std::env::remove_var(VAR);
    let bad_default = FromEnv::or(VAR, "localhost");
    let Err(Error::Discovery(message)) = bad_default.resolve() else {
        panic!("a default without a scheme should be refused");
    };
    assert!(message.contains("the default for the unset environment variable"));
}

#[test]
fn function_resolver_is_asked_on_every_call() {
    let current = Arc::new(Mutex::new("http://10.0.0.1:8080".to_string()));
    let asked = Arc::new(AtomicUsize::new(0));
    let r = {
        let current = Arc::clone(&current);
        let asked = Arc::clone(&asked);
        FromFn::new(move || {
            asked.fetch_add(1, Ordering::SeqCst);
            Ok(current.lock().unwrap().clone())
        })
    };
    assert_eq!(r.resolve().unwrap(), "http://10.0.0.1:8080");
    *current.lock().unwrap() = "http://10.0.0.2:8080".to_string();
    assert_eq!(r.url("/orders").unwrap(), "http://10.0.0.2:8080/orders");
    assert_eq!(asked.load(Ordering::SeqCst), 2);
}

#[test]
fn function_resolver_errors_are_returned_as_they_are() {
    let r = FromFn::new(|| Err(Error::Discovery("registry unreachable".to_string())));
    assert_eq!(
        r.resolve(),
        Err(Error::Discovery("registry unreachable".to_string()))
    );
    let garbage = FromFn::new(|| Ok("not a url".to_string()));
    assert!(
        matches!(garbage.resolve(), Err(Error::Discovery(m)) if m.starts_with("the resolver function gave"))
    );
}

#[test]
fn resolvers_work_behind_shared_and_boxed_trait_objects() {
    let shared: Arc<dyn Resolver> = Arc::new(Static("http://a:1".to_string()));
    let boxed: Box<dyn Resolver> = Box::new(Static("http://b:2".to_string()));
    assert_eq!(shared.url("x").unwrap(), "http://a:1/x");
    assert_eq!(boxed.resolve().unwrap(), "http://b:2");
    assert_eq!(
        format!("{:?}", FromFn::new(|| Ok(String::new()))),
        "FromFn(..)"
    );
}
