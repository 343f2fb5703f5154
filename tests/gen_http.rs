//! The HTTP client generator (`src/codegen/rust/http.rs`): what the `http` module of a generated
//! crate declares for the FTGO contracts and for `fixtures/gen/http`, a contract that uses every
//! kind of parameter, body, answer and security scheme the generator handles.
//!
//! The generated code is compiled, and run against a local HTTP server, by the ignored test
//! `fixture_compiles_and_talks_http` (it needs crates.io and a few minutes):
//! `cargo test --test gen_http -- --ignored`.

use std::path::Path;

use treaty::codegen::Tree;
use treaty::codegen::rust::{Options, generate};
use treaty::model::ContractKind;

const FIXTURE: &str = "fixtures/gen/http/treaty.yaml";

fn tree(manifest: &str, services: &[&str]) -> Tree {
    let ws = treaty::workspace::load_manifest(Path::new(manifest))
        .unwrap_or_else(|e| panic!("{manifest} does not load:\n{e}"));
    generate(
        &ws,
        &Options {
            services: services.iter().map(|s| s.to_string()).collect(),
        },
    )
    .expect("generation succeeds")
}

fn file<'t>(tree: &'t Tree, path: &str) -> &'t str {
    tree.files
        .get(path)
        .unwrap_or_else(|| panic!("no {path} in {:?}", tree.files.keys().collect::<Vec<_>>()))
}

#[test]
fn kitchen_http_module() {
    let tree = tree("treaty.yaml", &["kitchen"]);
    let http = file(&tree, "kitchen-api/src/http.rs");
    for expected in [
        "pub trait FtgoKitchenServiceApi: Send + Sync",
        "fn accept_ticket(",
        "fn get_kitchen_restaurant(",
        "pub struct AcceptTicketRequest",
        "pub ticket_id: i64,",
        "pub enum AcceptTicketResponse",
        "pub enum GetKitchenRestaurantResponse",
        "pub struct FtgoKitchenServiceHttpClient",
        "impl FtgoKitchenServiceApi for FtgoKitchenServiceHttpClient",
        "pub struct MockFtgoKitchenServiceApi",
        "impl FtgoKitchenServiceApi for MockFtgoKitchenServiceApi",
        "pub fn on_accept_ticket(",
        "pub fn with_accept_ticket_fallback(",
    ] {
        assert!(http.contains(expected), "missing `{expected}` in:\n{http}");
    }
    // Declared answers are variants; a 404 without a body is a unit variant.
    assert!(http.contains("    NotFound,\n"), "{http}");
    let lib = file(&tree, "kitchen-api/src/lib.rs");
    assert!(lib.contains("pub mod http;"), "{lib}");
    insta::assert_snapshot!("kitchen_http", http);
}

#[test]
fn kitchen_crate_dependencies() {
    let tree = tree("treaty.yaml", &["kitchen"]);
    let toml = file(&tree, "kitchen-api/Cargo.toml");
    assert!(
        toml.contains(r#"reqwest = { version = "0.13", default-features = false }"#),
        "{toml}"
    );
    // Parameters are written by the runtime, which brings percent-encoding.
    assert!(!toml.contains("percent-encoding"), "{toml}");
    let runtime = file(&tree, "treaty-runtime/Cargo.toml");
    assert!(runtime.contains(r#"percent-encoding = "2""#), "{runtime}");
    assert!(toml.contains(r#"rustls = ["reqwest/rustls"]"#), "{toml}");
    assert!(
        toml.contains(r#"native-tls = ["reqwest/native-tls"]"#),
        "{toml}"
    );
}

/// Every operation of every FTGO OpenAPI contract is a method of its service's trait, with a
/// request struct, a response enum and a mock responder.
#[test]
fn every_ftgo_operation_is_a_method() {
    let ws = treaty::workspace::load_manifest(Path::new("treaty.yaml")).unwrap();
    let tree = generate(&ws, &Options::default()).unwrap();
    let mut seen = 0;
    for c in ws
        .contracts
        .iter()
        .filter(|c| c.kind == ContractKind::Openapi)
    {
        let service = c.service.as_deref().unwrap();
        let path = format!("{}/src/http.rs", treaty::codegen::rust::crate_name(service));
        let http = file(&tree, &path);
        for op in &c.operations {
            let id = op.id.as_deref().unwrap();
            let method = treaty::codegen::rust::ident::snake(id);
            let camel = treaty::codegen::rust::ident::camel(id);
            for expected in [
                format!("fn {method}("),
                format!("pub struct {camel}Request"),
                format!("pub enum {camel}Response"),
                format!("pub fn on_{method}("),
                format!("Responder::new(\"{id}\")"),
            ] {
                assert!(http.contains(&expected), "{path}: missing `{expected}`");
            }
            seen += 1;
        }
    }
    assert!(seen >= 17, "only {seen} operations");
}

#[test]
fn fixture_parameters_and_bodies() {
    let tree = tree(FIXTURE, &[]);
    let http = file(&tree, "files-api/src/http.rs");
    for expected in [
        // Optional parameters are options; the header `Accept` is the client's own.
        "pub tag: Option<Vec<String>>,",
        "pub limit: Option<i32>,",
        "pub x_request_id: Option<String>,",
        "pub session: Option<String>,",
        // Styles as declared, defaults as OpenAPI says.
        r#"query_param(&mut out.query, "tag", &request.tag, "form", true)?;"#,
        r#"query_param(&mut out.query, "ids", &request.ids, "pipeDelimited", false)?;"#,
        r#"query_param(&mut out.query, "filter", &request.filter, "deepObject", true)?;"#,
        r#"header_param(&mut out.headers, "X-Request-Id", &request.x_request_id, false)?;"#,
        r#"cookie_param(&mut out.cookies, "session", &request.session, true)?;"#,
        r#"path_param("month", &request.month, "label", false)?.as_str()"#,
        // Keywords as raw identifiers; an operation without operationId named by method and path.
        "pub r#type: String,",
        "fn get_reports_year_month(",
        r#"Responder::new("GET /reports/{year}/{month}")"#,
        // Bodies: JSON preferred over XML, bytes, multipart, text (optional), form.
        r#"json_body("application/json", &request.body)?"#,
        "pub body: Vec<u8>,",
        r#"("application/octet-stream".to_string(), request.body)"#,
        "pub body: Multipart,",
        "Parts: `file` (required), `description`.",
        "out.multipart = Some(multipart_form(request.body)?);",
        "pub body: Option<String>,",
        "if let Some(body) = request.body {",
        r#"form_body("application/x-www-form-urlencoded", &request.body)?"#,
        // Deprecated operations stay callable from the generated impls.
        "#[deprecated(note = \"deprecated by the contract\")]",
    ] {
        assert!(http.contains(expected), "missing `{expected}`");
    }
    assert!(
        !http.contains("pub accept:"),
        "the Accept header parameter is ignored"
    );
    let toml = file(&tree, "files-api/Cargo.toml");
    assert!(toml.contains(r#"features = ["multipart"]"#), "{toml}");
}

/// With the crate feature `validate`, the mock checks requests and programmed answers against
/// the contract's JSON Schemas, embedded once each in a private module behind the feature.
#[test]
fn fixture_mock_checks_the_contract() {
    let tree = tree(FIXTURE, &[]);
    let http = file(&tree, "files-api/src/http.rs");
    for expected in [
        "#[cfg(feature = \"validate\")]\nmod contract {",
        "type Lazy = LazyLock<Result<Schema, Error>>;",
        // The mock checks after recording, the request first, then a programmed answer.
        "self.recorder.record(\"createDocument\", &request)?;\n            #[cfg(feature = \"validate\")] contract::create_document_request(&request)?;",
        "if let Ok(answer) = &answer {\n                contract::create_document_answer(answer)?;",
        // Parameters and bodies; optional ones only when given.
        "if let Some(value) = &request.tag {",
        r#"check(&mut found, "body", &CREATE_DOCUMENT_BODY, &request.body)?;"#,
        r#"refused(found, "createDocument", None)"#,
        // Answers: exact statuses, ranges, `default`, and a catch-all whose code is declared.
        "super::CreateDocumentResponse::BadRequest(body) => {",
        "super::ListDocumentsResponse::ClientError { body, .. } => {",
        "super::GetDocumentResponse::Default { body, .. } => {",
        "super::CreateDocumentResponse::Status { code: 400, body } => {",
        r#"refused(found, "getDocument", Some(answer.body.status()))"#,
        // The wording (the operation named; requests Encode errors, answers Decode errors) is
        // the runtime's, tested there and in examples/ftgo-saga/tests/http_mock.rs.
        "use treaty_runtime::validate::{Schema, check, check_text, refused};",
    ] {
        assert!(http.contains(expected), "missing `{expected}`");
    }
    // One static per schema, shared by the operations that use it.
    assert_eq!(
        http.matches("static CREATE_DOCUMENT_CREATED_ANSWER: Lazy")
            .count(),
        1
    );
    assert_eq!(
        http.matches("&CREATE_DOCUMENT_CREATED_ANSWER,").count(),
        3,
        "{http}"
    );
    // Nothing to check: schemas the Rust type already enforces (an optional `i32`, a `String`),
    // a schema that allows anything, and multipart, binary and text bodies.
    for absent in [
        "QUERY_PARAMETER_LIMIT",
        "X_REQUEST_ID",
        "get_reports_year_month_answer",
        "upload_attachment_request",
        "put_content_request",
        "add_note_request",
    ] {
        assert!(!http.contains(absent), "unexpected `{absent}`");
    }
    let toml = file(&tree, "files-api/Cargo.toml");
    assert!(
        toml.contains(r#"validate = ["treaty-runtime/validate"]"#),
        "{toml}"
    );
}

#[test]
fn fixture_answers() {
    let tree = tree(FIXTURE, &[]);
    let http = file(&tree, "files-api/src/http.rs");
    for expected in [
        // Exact statuses by reason phrase, with their bodies.
        "Created(super::types::Document),",
        "BadRequest(super::types::Problem),",
        "    Conflict,\n",
        "    NotModified,\n",
        // Ranges and `default` carry the status.
        "ClientError { code: u16, body: super::types::Problem },",
        "code @ 400..=499 =>",
        "Default { code: u16, body: super::types::Problem },",
        "    NoContent,\n",
        "Success { code: u16 },",
        // Undeclared statuses, when there is no `default`.
        "Status { code: u16, body: String },",
        // Binary and text answers.
        "Ok(Vec<u8>),",
        "Ok(String),",
        // 5xx and 429 are errors, before any variant is chosen.
        "if status >= 500 || status == 429 {",
    ] {
        assert!(http.contains(expected), "missing `{expected}`");
    }
    // A declared 503 or 429 gets no variant: the breaker must see it as an error.
    for absent in [
        "ServiceUnavailable",
        "TooManyRequests",
        "Status503",
        "Status429",
    ] {
        assert!(!http.contains(absent), "`{absent}` is generated");
    }
    // `getDocument` declares `default`, so it has no catch-all `Status` variant.
    let get_document = section(http, "pub enum GetDocumentResponse", "\n}\n");
    assert!(!get_document.contains("Status {"), "{get_document}");
}

#[test]
fn fixture_security() {
    let tree = tree(FIXTURE, &[]);
    let http = file(&tree, "files-api/src/http.rs");
    let credentials = section(http, "pub struct Credentials", "\n}\n");
    for field in [
        "pub bearer_auth: Option<String>,",
        "pub api_key_header: Option<String>,",
        "pub api_key_query: Option<String>,",
        "pub basic_auth: Option<BasicAuth>,",
        "pub cookie_key: Option<String>,",
    ] {
        assert!(
            credentials.contains(field),
            "missing `{field}` in {credentials}"
        );
    }
    // A scheme no operation uses is not offered.
    assert!(!credentials.contains("unused"), "{credentials}");
    for expected in [
        // The contract's requirements: either scheme (OR), or both together (AND).
        "&[&[Scheme::BearerAuth], &[Scheme::ApiKeyHeader]]",
        "&[&[Scheme::BearerAuth, Scheme::ApiKeyQuery]]",
        "&[&[Scheme::BasicAuth]]",
        // Optional security (`{}`): the cookie when there is one, else nothing.
        "&[&[Scheme::CookieKey], &[]]",
        r#"out.query.push(format!("api_key={}", encode(value)));"#,
        r#"out.cookies.push(format!("token={}", encode(value)));"#,
        r#"out.headers.push(("X-API-Key".to_string(), value.clone()));"#,
    ] {
        assert!(http.contains(expected), "missing `{expected}`");
    }
    // `security: []`: no credentials sent.
    let health = section(http, "async fn send_health(", "\n    }\n");
    assert!(!health.contains("authorize"), "{health}");
    // Secrets never show in Debug output.
    assert!(http.contains(r#"map(|_| "<redacted>")"#));
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(tree(FIXTURE, &[]), tree(FIXTURE, &[]));
    assert_eq!(tree("treaty.yaml", &[]), tree("treaty.yaml", &[]));
}

/// The text from `start` to the first `end` after it.
fn section<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no `{start}`"));
    let len = text[from..].find(end).unwrap_or(text.len() - from);
    &text[from..from + len]
}

/// Builds the fixture's generated crate and runs a test crate against it that talks to a local
/// HTTP server: requests on the wire (paths, query styles, headers, cookies, credentials,
/// bodies), answers decoded into variants, 5xx answers as errors that open the breaker, the
/// cached fallback, and the mock.
#[test]
#[ignore = "builds a generated workspace with reqwest and tokio from crates.io (minutes)"]
fn fixture_compiles_and_talks_http() {
    let out = match std::env::var("TREATY_GEN_HTTP_OUT") {
        Ok(dir) => std::path::PathBuf::from(dir),
        Err(_) => std::env::temp_dir().join("treaty-gen-http"),
    };
    let mut tree = tree(FIXTURE, &[]);
    let members =
        file(&tree, "Cargo.toml").replace("members = [\n", "members = [\n    \"http-check\",\n");
    tree.insert("Cargo.toml", members);
    tree.insert(
        "http-check/Cargo.toml",
        include_str!("../fixtures/gen/http/check/Cargo.toml.txt"),
    );
    tree.insert("http-check/src/lib.rs", "");
    tree.insert(
        "http-check/tests/wire.rs",
        include_str!("../fixtures/gen/http/check/wire.rs.txt"),
    );
    treaty::codegen::write_tree(&out, &tree).unwrap();
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| {
        std::env::temp_dir()
            .join("gen-target")
            .display()
            .to_string()
    });
    // Warnings are looked for in the output rather than denied through RUSTFLAGS, which would
    // rebuild every dependency in a target directory shared with other builds.
    let output = std::process::Command::new(env!("CARGO"))
        .args(["test", "--workspace"])
        .current_dir(&out)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && !stderr.contains("warning"),
        "the generated workspace in {} fails or warns:\n{}\n{stderr}",
        out.display(),
        String::from_utf8_lossy(&output.stdout),
    );
}
