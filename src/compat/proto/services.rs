//! Services and their RPCs, as gRPC clients see them: services pair by full name, methods by name.

use prost_types::method_options::IdempotencyLevel;
use prost_types::{MethodDescriptorProto, MethodOptions};

use super::index::{Svc, tag};
use super::shape::same_shape;
use super::{Deletion, Judge, additions, comments, judge_deletions};
use crate::breaking_rule;
use crate::compat::rule::BreakingRule;

breaking_rule! {
    /// ## What it does
    /// Reports a service that is no longer declared in the file it was declared in.
    ///
    /// ## Why is this bad?
    /// Generated clients and server stubs disappear: client code stops compiling, and deployed
    /// clients get `UNIMPLEMENTED` for every call.
    ///
    /// ## Example
    /// `service AdminService { … }` deleted. Keep it; deprecate it first and remove it in a new
    /// major version.
    pub SERVICE_NO_DELETE = "SERVICE_NO_DELETE", formats: [Proto],
    categories: ["FILE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a service that no file of its package declares any more (moving it between files
    /// of the same package is fine).
    ///
    /// ## Why is this bad?
    /// Deployed clients get `UNIMPLEMENTED` for every call, and client code stops compiling.
    ///
    /// ## Example
    /// `service AdminService` deleted from `acme.admin.v1`. Keep it.
    pub PACKAGE_SERVICE_NO_DELETE = "PACKAGE_SERVICE_NO_DELETE", formats: [Proto],
    categories: ["PACKAGE"], default: false, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an RPC that was deleted from a service.
    ///
    /// ## Why is this bad?
    /// Deployed clients calling it get `UNIMPLEMENTED`; client code using the stub stops compiling.
    ///
    /// ## Example
    /// `rpc Pong(PingRequest) returns (PingResponse);` deleted. Deprecate it
    /// (`option deprecated = true;`) and keep serving it until clients have moved.
    pub RPC_NO_DELETE = "RPC_NO_DELETE", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an RPC whose request type was replaced by a type of another shape. A request type
    /// that was only renamed or moved (same fields, types and values) is reported by
    /// `RPC_SAME_REQUEST_TYPE_NAME` instead, unlike buf: the request bytes are unchanged.
    ///
    /// ## Why is this bad?
    /// Clients send the old message; the server parses it as the new one and misreads it.
    ///
    /// ## Example
    /// `rpc Ping(PingRequest)` becomes `rpc Ping(PongResponse)`. Add a new RPC instead.
    pub RPC_SAME_REQUEST_TYPE = "RPC_SAME_REQUEST_TYPE", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an RPC whose response type was replaced by a type of another shape. A response type
    /// that was only renamed or moved is reported by `RPC_SAME_RESPONSE_TYPE_NAME` instead,
    /// unlike buf.
    ///
    /// ## Why is this bad?
    /// Clients parse the new response as the old message and misread it.
    ///
    /// ## Example
    /// `returns (PingResponse)` becomes `returns (PingRequest)`. Add a new RPC instead.
    pub RPC_SAME_RESPONSE_TYPE = "RPC_SAME_RESPONSE_TYPE", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an RPC whose request type was renamed or moved to another name while keeping the
    /// same shape (same fields, types and values). treaty's own rule: buf reports this as
    /// `RPC_SAME_REQUEST_TYPE` in every category, but gRPC sends no type names, so it breaks only
    /// source code, and only the FILE and PACKAGE views report it.
    ///
    /// ## Why is this bad?
    /// The generated stub's parameter type changes: client and server code stop compiling.
    ///
    /// ## Example
    /// `rpc Get(GetOrderRequest)` becomes `rpc Get(OrderQuery)` where `OrderQuery` has the same
    /// fields. Keep the old name.
    pub RPC_SAME_REQUEST_TYPE_NAME = "RPC_SAME_REQUEST_TYPE_NAME", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an RPC whose response type was renamed or moved while keeping the same shape.
    /// treaty's own rule, the counterpart of `RPC_SAME_REQUEST_TYPE_NAME`.
    ///
    /// ## Why is this bad?
    /// The generated stub's return type changes: client and server code stop compiling.
    ///
    /// ## Example
    /// `returns (Order)` becomes `returns (acme.orders.v1.Order)` after the message moved
    /// packages unchanged. Keep the old name.
    pub RPC_SAME_RESPONSE_TYPE_NAME = "RPC_SAME_RESPONSE_TYPE_NAME", formats: [Proto],
    categories: ["FILE", "PACKAGE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an RPC that changed between a unary and a streaming request.
    ///
    /// ## Why is this bad?
    /// Client-streaming and unary calls are different protocols on the same path: deployed
    /// clients fail, and generated stubs change signature.
    ///
    /// ## Example
    /// `rpc Upload(Chunk)` becomes `rpc Upload(stream Chunk)`. Add a new RPC instead.
    pub RPC_SAME_CLIENT_STREAMING = "RPC_SAME_CLIENT_STREAMING", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an RPC that changed between a unary and a streaming response.
    ///
    /// ## Why is this bad?
    /// Deployed clients expecting one response (or a stream) fail, and generated stubs change
    /// signature.
    ///
    /// ## Example
    /// `returns (stream Event)` becomes `returns (Event)`. Add a new RPC instead.
    pub RPC_SAME_SERVER_STREAMING = "RPC_SAME_SERVER_STREAMING", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an RPC whose `idempotency_level` changed.
    ///
    /// ## Why is this bad?
    /// Clients decide on retries and HTTP GET (gRPC-Web, Connect) by it: a call that may have side
    /// effects could now be retried, or GET requests stop working.
    ///
    /// ## Example
    /// `option idempotency_level = NO_SIDE_EFFECTS;` becomes `IDEMPOTENT`. Keep the old level.
    pub RPC_SAME_IDEMPOTENCY_LEVEL = "RPC_SAME_IDEMPOTENCY_LEVEL", formats: [Proto],
    categories: ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE"], default: true, severity: Error, bump: Major
}

pub(super) fn judge(j: &mut Judge) {
    let (old, new) = (j.old, j.new);
    let deletion = Deletion {
        kind: "service",
        file_rule: &SERVICE_NO_DELETE,
        package_rule: &PACKAGE_SERVICE_NO_DELETE,
        why: "Deployed clients get `UNIMPLEMENTED` for every call and client code stops compiling.",
    };
    judge_deletions(j, &deletion, &old.services, &new.services, |_| false);
    for (full, o) in &old.services {
        if let Some(n) = new.services.get(full) {
            pair(j, full, o, n);
        }
    }
    for (full, n) in &new.services {
        if !old.services.contains_key(full) {
            additions::service(j, full, n);
        }
    }
}

fn method_path(s: &Svc, k: usize) -> Vec<i32> {
    [s.path.as_slice(), &[tag::SERVICE_METHOD, k as i32]].concat()
}

fn pair(j: &mut Judge, full: &str, o: &Svc, n: &Svc) {
    for (i, m) in o.d.method.iter().enumerate() {
        let op = method_path(o, i);
        match n.d.method.iter().position(|x| x.name == m.name) {
            Some(k) => method(
                j,
                full,
                m,
                &n.d.method[k],
                (o.file, &op),
                (n.file, &method_path(n, k)),
            ),
            None => {
                let msg = format!(
                    "RPC `{}` of service `{full}` was deleted. Deployed clients calling it get `UNIMPLEMENTED` and client code stops compiling; deprecate it and keep serving it until clients have moved.",
                    m.name()
                );
                j.report(
                    &RPC_NO_DELETE,
                    j.old.span(o.file, &op),
                    j.new.span(n.file, &n.path),
                    msg,
                );
            }
        }
    }
    for (k, m) in n.d.method.iter().enumerate() {
        if !o.d.method.iter().any(|x| x.name == m.name) {
            additions::rpc(
                j,
                full,
                m.name(),
                (n.file, &method_path(n, k)),
                (o.file, &o.path),
            );
        }
    }
    comments::element(
        j,
        || format!("service `{full}`"),
        (o.file, &o.path),
        (n.file, &n.path),
    );
}

type At<'p> = (usize, &'p [i32]);

fn method(
    j: &mut Judge,
    service: &str,
    o: &MethodDescriptorProto,
    n: &MethodDescriptorProto,
    oa: At,
    na: At,
) {
    let name = format!("RPC `{}` of service `{service}`", n.name());
    let (old_at, new_at) = (j.old.span(oa.0, oa.1), j.new.span(na.0, na.1));
    message_type(
        j,
        &name,
        ("request", o.input_type(), n.input_type(), tag::METHOD_INPUT),
        oa,
        na,
    );
    message_type(
        j,
        &name,
        (
            "response",
            o.output_type(),
            n.output_type(),
            tag::METHOD_OUTPUT,
        ),
        oa,
        na,
    );
    let streaming = |b: bool| if b { "streaming" } else { "unary" };
    if o.client_streaming() != n.client_streaming() {
        let msg = format!(
            "{name} changed its request from {} to {}. Streaming and unary calls are different protocols, so deployed clients fail and stubs change signature; add a new RPC instead.",
            streaming(o.client_streaming()),
            streaming(n.client_streaming())
        );
        j.report(&RPC_SAME_CLIENT_STREAMING, old_at, new_at, msg);
    }
    if o.server_streaming() != n.server_streaming() {
        let msg = format!(
            "{name} changed its response from {} to {}. Streaming and unary calls are different protocols, so deployed clients fail and stubs change signature; add a new RPC instead.",
            streaming(o.server_streaming()),
            streaming(n.server_streaming())
        );
        j.report(&RPC_SAME_SERVER_STREAMING, old_at, new_at, msg);
    }
    let level = |m: &MethodDescriptorProto| {
        m.options.as_ref().map_or(
            IdempotencyLevel::IdempotencyUnknown,
            MethodOptions::idempotency_level,
        )
    };
    if level(o) != level(n) {
        let msg = format!(
            "{name} changed `idempotency_level` from {} to {}. Clients decide on retries and GET requests by it; keep the old level.",
            level(o).as_str_name(),
            level(n).as_str_name()
        );
        // MethodOptions.idempotency_level = 34. buf points a removed option at the start of the
        // file; treaty points at the RPC, where a `treaty:ignore` can cover it.
        let option = |at: At| [at.1, &[tag::METHOD_OPTIONS, 34]].concat();
        let was = j.old.span_first(oa.0, &[&option(oa), oa.1]);
        let is = j.new.span_first(na.0, &[&option(na), na.1]);
        j.report(&RPC_SAME_IDEMPOTENCY_LEVEL, was, is, msg);
    }
    comments::element(j, || name, oa, na);
}

/// A request or response type change: a different shape breaks the wire, a new name for the
/// same shape only the generated code.
fn message_type(
    j: &mut Judge,
    name: &str,
    (what, before, after, field): (&str, &str, &str, i32),
    oa: At,
    na: At,
) {
    if before == after {
        return;
    }
    let (before, after) = (
        before.trim_start_matches('.'),
        after.trim_start_matches('.'),
    );
    let (wire_rule, name_rule): (&'static BreakingRule, &'static BreakingRule) =
        if field == tag::METHOD_INPUT {
            (&RPC_SAME_REQUEST_TYPE, &RPC_SAME_REQUEST_TYPE_NAME)
        } else {
            (&RPC_SAME_RESPONSE_TYPE, &RPC_SAME_RESPONSE_TYPE_NAME)
        };
    let (rule, why) = if same_shape(j.old, j.new, before, after) {
        (
            name_rule,
            "Both have the same shape, so calls keep working, but generated stubs change type and client and server code stop compiling; keep the old name.",
        )
    } else {
        (
            wire_rule,
            "Each side parses the other's message as a different type and misreads it; add a new RPC instead.",
        )
    };
    if !j.on(rule) {
        return;
    }
    let msg = format!("{name} changed its {what} type from `{before}` to `{after}`. {why}");
    let part = |at: At| [at.1, &[field]].concat();
    let was = j.old.span_first(oa.0, &[&part(oa), oa.1]);
    let is = j.new.span_first(na.0, &[&part(na), na.1]);
    j.report(rule, was, is, msg);
}
