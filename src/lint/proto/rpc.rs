//! RPC rules: request and response messages, and streaming.

use std::collections::{BTreeMap, BTreeSet};

use super::case::to_pascal_case;
use super::{FileRef, Reporter, own_files};
use crate::formats::proto::qualify;
use crate::lint::{LintCx, LintRule, Sink};
use crate::model::Contract;

const EMPTY: &str = "google.protobuf.Empty";

/// One rpc of the contract with where it is.
struct Rpc<'a> {
    file: usize,
    path: [i32; 4],
    full_name: String,
    name: &'a str,
    service: &'a str,
    input: &'a str,
    output: &'a str,
    client_streaming: bool,
    server_streaming: bool,
}

fn rpcs<'a>(files: &[FileRef<'a>]) -> Vec<Rpc<'a>> {
    let mut out = Vec::new();
    for (fi, f) in files.iter().enumerate() {
        for (si, s) in f.fd.service.iter().enumerate() {
            let service = qualify(f.fd.package(), s.name());
            for (mi, m) in s.method.iter().enumerate() {
                out.push(Rpc {
                    file: fi,
                    path: [6, si as i32, 2, mi as i32],
                    full_name: format!("{service}.{}", m.name()),
                    name: m.name(),
                    service: s.name(),
                    input: m.input_type().trim_start_matches('.'),
                    output: m.output_type().trim_start_matches('.'),
                    client_streaming: m.client_streaming(),
                    server_streaming: m.server_streaming(),
                });
            }
        }
    }
    out
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that every request and response message is used by one RPC only, and that no RPC
    /// uses the same message as its request and response. The configuration can allow the same
    /// message for both (`rpc_allow_same_request_response`) and `google.protobuf.Empty` as a
    /// shared request or response (`rpc_allow_google_protobuf_empty_requests`, `…_responses`).
    ///
    /// ## Why is this bad?
    /// A message shared between RPCs cannot grow a field for one of them without the other
    /// seeing it; with one message per request and per response, each RPC evolves on its own.
    ///
    /// ## Example
    /// ```proto
    /// service OrderService {
    ///   rpc GetOrder(GetOrderRequest) returns (Order);
    ///   rpc CreateOrder(CreateOrderRequest) returns (Order); // Order is shared
    /// }
    /// ```
    pub RPC_REQUEST_RESPONSE_UNIQUE = "RPC_REQUEST_RESPONSE_UNIQUE", formats: [Proto],
    categories: ["DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(rpc_request_response_unique)
}

fn rpc_request_response_unique(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let files = own_files(cx, contract);
    let rpcs = rpcs(&files);
    let mut r = Reporter::new(cx, contract, sink, &RPC_REQUEST_RESPONSE_UNIQUE);
    let allow_same = r.config.rpc_allow_same_request_response;
    let allow_empty_req = r.config.rpc_allow_google_protobuf_empty_requests;
    let allow_empty_resp = r.config.rpc_allow_google_protobuf_empty_responses;
    let mut users: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut by_name: BTreeMap<&str, &Rpc> = BTreeMap::new();
    for rpc in &rpcs {
        by_name.insert(&rpc.full_name, rpc);
        if rpc.input == rpc.output
            && !(rpc.input == EMPTY && allow_empty_req && allow_empty_resp)
            && !allow_same
        {
            r.report(
                files[rpc.file].span(&rpc.path),
                format!(
                    "RPC {:?} has the same type {:?} for the request and response.",
                    rpc.name, rpc.input
                ),
            );
        }
        if !(rpc.input == EMPTY && allow_empty_req) {
            users.entry(rpc.input).or_default().insert(&rpc.full_name);
        }
        if !(rpc.output == EMPTY && allow_empty_resp) {
            users.entry(rpc.output).or_default().insert(&rpc.full_name);
        }
    }
    for (ty, names) in users {
        if names.len() < 2 {
            continue;
        }
        // With Empty allowed on one side only, buf words the finding for the other side.
        let role = match (ty == EMPTY, allow_empty_req, allow_empty_resp) {
            (true, true, false) => "the response",
            (true, false, true) => "the request",
            _ => "the request or response type",
        };
        for name in names {
            let rpc = by_name[name];
            r.report(
                files[rpc.file].span(&rpc.path),
                format!("{ty:?} is used as {role} for multiple RPCs."),
            );
        }
    }
}

/// Which side a standard-name rule checks.
struct Side {
    rule: &'static LintRule,
    /// `Request` or `Response`.
    suffix: &'static str,
    /// The field of `MethodDescriptorProto` that holds the type (2 input, 3 output).
    field: i32,
}

fn standard_name(cx: &LintCx, contract: &Contract, sink: &mut Sink, side: &Side) {
    let files = own_files(cx, contract);
    let mut r = Reporter::new(cx, contract, sink, side.rule);
    let request = side.field == 2;
    let allow_empty = if request {
        r.config.rpc_allow_google_protobuf_empty_requests
    } else {
        r.config.rpc_allow_google_protobuf_empty_responses
    };
    for rpc in rpcs(&files) {
        let ty = if request { rpc.input } else { rpc.output };
        if allow_empty && ty == EMPTY {
            continue;
        }
        let short = ty.rsplit('.').next().unwrap_or(ty);
        let method = to_pascal_case(rpc.name);
        let plain = format!("{method}{}", side.suffix);
        let with_service = format!("{}{method}{}", to_pascal_case(rpc.service), side.suffix);
        if short != plain && short != with_service {
            let mut path = rpc.path.to_vec();
            path.push(side.field);
            r.report(
                files[rpc.file].span(&path),
                format!(
                    "RPC {} type {short:?} should be named {plain:?} or {with_service:?}.",
                    if request { "request" } else { "response" }
                ),
            );
        }
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that each RPC's request message is named `<Rpc>Request` or
    /// `<Service><Rpc>Request`. `google.protobuf.Empty` passes when the configuration's
    /// `rpc_allow_google_protobuf_empty_requests` is set.
    ///
    /// ## Why is this bad?
    /// A request named after its RPC is obviously that RPC's own, so nobody reuses it elsewhere
    /// (see RPC_REQUEST_RESPONSE_UNIQUE), and readers find an RPC's input without looking it up.
    ///
    /// ## Example
    /// ```proto
    /// service OrderService {
    ///   rpc GetOrder(OrderId) returns (GetOrderResponse); // should take GetOrderRequest
    /// }
    /// ```
    pub RPC_REQUEST_STANDARD_NAME = "RPC_REQUEST_STANDARD_NAME", formats: [Proto],
    categories: ["DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(rpc_request_standard_name)
}

fn rpc_request_standard_name(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let side = Side {
        rule: &RPC_REQUEST_STANDARD_NAME,
        suffix: "Request",
        field: 2,
    };
    standard_name(cx, contract, sink, &side);
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that each RPC's response message is named `<Rpc>Response` or
    /// `<Service><Rpc>Response`. `google.protobuf.Empty` passes when the configuration's
    /// `rpc_allow_google_protobuf_empty_responses` is set.
    ///
    /// ## Why is this bad?
    /// A response named after its RPC is obviously that RPC's own, so it can grow fields for
    /// that RPC alone, and readers find an RPC's output without looking it up.
    ///
    /// ## Example
    /// ```proto
    /// service OrderService {
    ///   rpc GetOrder(GetOrderRequest) returns (Order); // should return GetOrderResponse
    /// }
    /// ```
    pub RPC_RESPONSE_STANDARD_NAME = "RPC_RESPONSE_STANDARD_NAME", formats: [Proto],
    categories: ["DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(rpc_response_standard_name)
}

fn rpc_response_standard_name(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let side = Side {
        rule: &RPC_RESPONSE_STANDARD_NAME,
        suffix: "Response",
        field: 3,
    };
    standard_name(cx, contract, sink, &side);
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that no RPC streams its requests (`rpc Upload(stream UploadRequest) …`).
    ///
    /// ## Why is this bad?
    /// Streaming RPCs do not work over plain HTTP/1.1 or in browsers without a proxy, are hard to
    /// retry and load-balance, and rule out clients such as gRPC-Web and Connect over HTTP/1.1.
    /// This rule is for APIs that choose to be unary only.
    ///
    /// ## Example
    /// ```proto
    /// service UploadService {
    ///   rpc Upload(stream UploadRequest) returns (UploadResponse);
    /// }
    /// ```
    pub RPC_NO_CLIENT_STREAMING = "RPC_NO_CLIENT_STREAMING", formats: [Proto],
    categories: ["UNARY_RPC"], default: false, severity: Error,
    check: Contract(rpc_no_client_streaming)
}

fn rpc_no_client_streaming(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let files = own_files(cx, contract);
    let mut r = Reporter::new(cx, contract, sink, &RPC_NO_CLIENT_STREAMING);
    for rpc in rpcs(&files).iter().filter(|x| x.client_streaming) {
        r.report(
            files[rpc.file].span(&rpc.path),
            format!("RPC {:?} is client streaming.", rpc.name),
        );
    }
}

crate::lint_rule! {
    /// ## What it does
    /// Checks that no RPC streams its responses (`rpc Watch(WatchRequest) returns (stream …)`).
    ///
    /// ## Why is this bad?
    /// Streaming RPCs need HTTP/2 end to end, hold connections open through proxies and load
    /// balancers, and are hard to retry. This rule is for APIs that choose to be unary only.
    ///
    /// ## Example
    /// ```proto
    /// service OrderService {
    ///   rpc WatchOrders(WatchOrdersRequest) returns (stream WatchOrdersResponse);
    /// }
    /// ```
    pub RPC_NO_SERVER_STREAMING = "RPC_NO_SERVER_STREAMING", formats: [Proto],
    categories: ["UNARY_RPC"], default: false, severity: Error,
    check: Contract(rpc_no_server_streaming)
}

fn rpc_no_server_streaming(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let files = own_files(cx, contract);
    let mut r = Reporter::new(cx, contract, sink, &RPC_NO_SERVER_STREAMING);
    for rpc in rpcs(&files).iter().filter(|x| x.server_streaming) {
        r.report(
            files[rpc.file].span(&rpc.path),
            format!("RPC {:?} is server streaming.", rpc.name),
        );
    }
}
