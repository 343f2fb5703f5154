//! `treaty_runtime::http`: parameters written in their OpenAPI styles (the examples of the style
//! table of OpenAPI 3.1, section 4.8.12.4), bodies, headers and multipart bodies.

use std::collections::BTreeMap;

use serde_json::json;
use treaty_runtime::http::{
    cookie_param, encode, form_body, header_param, json_body, path_param, query_param, Headers,
    Multipart, Response,
};
use treaty_runtime::Error;

fn color() -> Vec<&'static str> {
    vec!["blue", "black", "brown"]
}

/// `{"R": 100, "G": 200, "B": 150}`; objects are written in key order.
fn rgb() -> BTreeMap<&'static str, u8> {
    BTreeMap::from([("R", 100), ("G", 200), ("B", 150)])
}

#[test]
fn path_parameters_in_simple_label_and_matrix_style() {
    assert_eq!(
        path_param("color", "blue", "simple", false).unwrap(),
        "blue"
    );
    assert_eq!(
        path_param("color", &color(), "simple", false).unwrap(),
        "blue,black,brown"
    );
    assert_eq!(
        path_param("color", &rgb(), "simple", false).unwrap(),
        "B,150,G,200,R,100"
    );
    assert_eq!(
        path_param("color", &rgb(), "simple", true).unwrap(),
        "B=150,G=200,R=100"
    );
    assert_eq!(
        path_param("color", "blue", "label", false).unwrap(),
        ".blue"
    );
    assert_eq!(
        path_param("color", &color(), "label", false).unwrap(),
        ".blue,black,brown"
    );
    assert_eq!(
        path_param("color", &color(), "label", true).unwrap(),
        ".blue.black.brown"
    );
    assert_eq!(
        path_param("color", "blue", "matrix", false).unwrap(),
        ";color=blue"
    );
    assert_eq!(
        path_param("color", &color(), "matrix", false).unwrap(),
        ";color=blue,black,brown"
    );
    assert_eq!(
        path_param("color", &color(), "matrix", true).unwrap(),
        ";color=blue;color=black;color=brown"
    );
    assert_eq!(
        path_param("color", &rgb(), "matrix", true).unwrap(),
        ";B=150;G=200;R=100"
    );
    // Values are percent-encoded: a slash cannot add a path segment.
    assert_eq!(
        path_param("id", "a/b c", "simple", false).unwrap(),
        "a%2Fb%20c"
    );
    assert_eq!(path_param("id", &42_i64, "simple", false).unwrap(), "42");
}

#[test]
fn query_parameters_in_form_delimited_and_deep_object_style() {
    let q = |value: &dyn Fn(&mut Vec<String>) -> Result<(), Error>| {
        let mut out = Vec::new();
        value(&mut out).unwrap();
        out.join("&")
    };
    assert_eq!(
        q(&|o| query_param(o, "color", "blue", "form", true)),
        "color=blue"
    );
    assert_eq!(
        q(&|o| query_param(o, "color", &color(), "form", true)),
        "color=blue&color=black&color=brown"
    );
    assert_eq!(
        q(&|o| query_param(o, "color", &color(), "form", false)),
        "color=blue,black,brown"
    );
    assert_eq!(
        q(&|o| query_param(o, "color", &rgb(), "form", true)),
        "B=150&G=200&R=100"
    );
    assert_eq!(
        q(&|o| query_param(o, "color", &color(), "spaceDelimited", false)),
        "color=blue%20black%20brown"
    );
    assert_eq!(
        q(&|o| query_param(o, "color", &color(), "pipeDelimited", false)),
        "color=blue%7Cblack%7Cbrown"
    );
    assert_eq!(
        q(&|o| query_param(o, "color", &rgb(), "deepObject", true)),
        "color%5BB%5D=150&color%5BG%5D=200&color%5BR%5D=100"
    );
    // An optional parameter that is not given is left out.
    assert_eq!(
        q(&|o| query_param(o, "limit", &None::<i32>, "form", true)),
        ""
    );
    assert_eq!(
        q(&|o| query_param(o, "q", "a&b=c", "form", true)),
        "q=a%26b%3Dc"
    );
}

#[test]
fn header_and_cookie_parameters() {
    let mut headers = Vec::new();
    header_param(&mut headers, "X-Color", &color(), false).unwrap();
    header_param(&mut headers, "X-Absent", &None::<String>, false).unwrap();
    header_param(&mut headers, "X-Rgb", &rgb(), true).unwrap();
    assert_eq!(
        headers,
        vec![
            ("X-Color".to_string(), "blue,black,brown".to_string()),
            ("X-Rgb".to_string(), "B=150,G=200,R=100".to_string()),
        ]
    );
    let mut cookies = Vec::new();
    cookie_param(&mut cookies, "session", "a b", true).unwrap();
    cookie_param(&mut cookies, "color", &color(), false).unwrap();
    cookie_param(&mut cookies, "tag", &color(), true).unwrap();
    assert_eq!(
        cookies,
        vec![
            "session=a%20b",
            "color=blue,black,brown",
            "tag=blue",
            "tag=black",
            "tag=brown"
        ]
    );
}

#[test]
fn bodies() {
    let (content_type, data) = json_body("application/json", &json!({"orderId": 1})).unwrap();
    assert_eq!(content_type, "application/json");
    assert_eq!(data, br#"{"orderId":1}"#);
    let (content_type, data) = form_body(
        "application/x-www-form-urlencoded",
        &json!({"name": "Ajanta & co", "tags": ["a", "b"], "absent": null, "n": 3}),
    )
    .unwrap();
    assert_eq!(content_type, "application/x-www-form-urlencoded");
    assert_eq!(
        String::from_utf8(data).unwrap(),
        "n=3&name=Ajanta%20%26%20co&tags=a&tags=b"
    );
    let err = form_body("application/x-www-form-urlencoded", &json!([1, 2])).unwrap_err();
    assert_eq!(
        err,
        Error::Encode("a form body must be an object".to_string())
    );
}

#[test]
fn unreserved_characters_stay_and_others_are_encoded() {
    assert_eq!(encode("AZaz09-._~"), "AZaz09-._~");
    assert_eq!(encode("a b/é?#"), "a%20b%2F%C3%A9%3F%23");
}

#[test]
fn headers_are_case_insensitive_and_keep_their_order() {
    let headers: Headers = [
        ("Set-Cookie", "a=1"),
        ("ZIPKIN-TRACE-ID", "x"),
        ("set-cookie", "b=2"),
    ]
    .into_iter()
    .collect();
    assert_eq!(headers.len(), 3);
    assert_eq!(headers.get("zipkin-trace-id"), Some("x"));
    assert_eq!(
        headers.get_all("SET-COOKIE").collect::<Vec<_>>(),
        ["a=1", "b=2"]
    );
    assert_eq!(headers.iter().next(), Some(("set-cookie", "a=1")));
    let answer = Response::new(200, "body").with_header("Location", "/orders/1");
    assert_eq!(answer.header("location"), Some("/orders/1"));
    assert_eq!(answer.into_body(), "body");
}

#[test]
fn multipart_bodies_keep_their_parts_in_order() {
    let body = Multipart::new()
        .text("note", "hello")
        .file("menu", "menu.pdf", "application/pdf", vec![1, 2, 3])
        .json("meta", &json!({"pages": 1}))
        .unwrap();
    let names: Vec<&str> = body.parts.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["note", "menu", "meta"]);
    assert_eq!(body.parts[1].file_name.as_deref(), Some("menu.pdf"));
    assert_eq!(
        body.parts[2].content_type.as_deref(),
        Some("application/json")
    );
    assert_eq!(body.parts[2].data, br#"{"pages":1}"#);
}
