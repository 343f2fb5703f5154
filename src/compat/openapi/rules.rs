//! Every OpenAPI breaking-change rule, as data: id, severity, required bump and documentation.
//!
//! Ids are oasdiff's where treaty checks the same thing (so configurations and CI annotations
//! carry over), with oasdiff's default level as the severity (ERR → error and a major bump,
//! WARN → warning, INFO → information); where treaty judges differently the rule's docs say so
//! and why. Ids oasdiff lacks follow its naming (`<context>-<change>`). Detection lives in the
//! differ (`mod.rs`, `schema.rs`, `lifecycle.rs`); schema rules are chosen by context and the
//! change the schema engine found, so most of them have no code of their own.

use crate::breaking_rule;
use crate::compat::rule::BreakingRule;

breaking_rule! {
    /// ## What it does
    /// Reports an operation newly deprecated without an `x-sunset` or `x-deprecated-at` date, while
    /// a deprecation period (`deprecation_days`, 180 by default) applies.
    ///
    /// ## Why is this bad?
    /// Consumers cannot tell how long they have, and treaty cannot tell later when the operation
    /// may be removed.
    ///
    /// treaty differs from oasdiff here: deprecating breaks no client; a missing date only weakens
    /// the removal policy, so treaty warns (oasdiff reports an error).
    ///
    /// ## Example
    /// `deprecated: true` added alone; add `x-sunset: 2025-06-30` (or `x-deprecated-at:
    /// 2024-12-01`).
    pub API_DEPRECATED_SUNSET_MISSING = "api-deprecated-sunset-missing", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a deprecated operation whose `x-sunset` or `x-deprecated-at` is not a `YYYY-MM-DD`
    /// date.
    ///
    /// ## Why is this bad?
    /// The removal policy cannot be checked against a date it cannot read.
    ///
    /// treaty differs from oasdiff here: an unreadable date breaks no client; it makes the removal
    /// policy unenforceable, so treaty warns (oasdiff reports an error).
    ///
    /// ## Example
    /// `x-sunset: next spring`; write `x-sunset: 2025-03-31`.
    pub API_DEPRECATED_SUNSET_PARSE = "api-deprecated-sunset-parse", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a changed `summary` or `description` of an operation, parameter, request body,
    /// response or schema.
    ///
    /// ## Why is this bad?
    /// It changes no behaviour; a patch release documents it.
    ///
    /// ## Example
    /// `summary: Get an order` → `summary: Fetch one order`.
    pub API_DESCRIPTION_CHANGED = "api-description-changed", formats: [Openapi],
    categories: ["OPENAPI", "DOCS"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports changed examples of a parameter or media type.
    ///
    /// ## Why is this bad?
    /// It changes no behaviour; a patch release documents it.
    ///
    /// ## Example
    /// `example: {id: 1}` → `example: {id: 42}`.
    pub API_EXAMPLE_CHANGED = "api-example-changed", formats: [Openapi],
    categories: ["OPENAPI", "DOCS"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports an `x-stability-level` that is not one of `draft`, `alpha`, `beta`, `stable`.
    ///
    /// ## Why is this bad?
    /// treaty cannot tell how stable the operation is meant to be, and treats it as stable.
    ///
    /// treaty differs from oasdiff here: an unknown level breaks no client; treaty treats the
    /// operation as stable and warns (oasdiff reports an error).
    ///
    /// ## Example
    /// `x-stability-level: experimental`; write `x-stability-level: alpha`.
    pub API_INVALID_STABILITY_LEVEL = "api-invalid-stability-level", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Warning, bump: None
}

breaking_rule! {
    /// ## What it does
    /// Reports an `operationId` added to an operation.
    ///
    /// ## Why is this bad?
    /// It breaks nothing; generated clients get a stable method name.
    ///
    /// ## Example
    /// `operationId: cancelOrder` added.
    pub API_OPERATION_ID_ADDED = "api-operation-id-added", formats: [Openapi],
    categories: ["OPENAPI", "PATHS"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports an `operationId` removed from an operation.
    ///
    /// ## Why is this bad?
    /// It does not change the HTTP API, but generated clients named their method after it.
    ///
    /// ## Example
    /// `operationId: cancelOrder` removed.
    pub API_OPERATION_ID_REMOVED = "api-operation-id-removed", formats: [Openapi],
    categories: ["OPENAPI", "PATHS"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a path template whose parameter names changed while its shape did not
    /// (`/orders/{id}` → `/orders/{orderId}`).
    ///
    /// ## Why is this bad?
    /// It is not breaking: clients build the same URLs. treaty pairs the two templates as one
    /// endpoint.
    ///
    /// ## Example
    /// `/orders/{id}` → `/orders/{orderId}`.
    pub API_PATH_PARAM_RENAMED = "api-path-param-renamed", formats: [Openapi],
    categories: ["OPENAPI", "PATHS"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a path removed while one of its deprecated operations has not reached its sunset:
    /// its `x-sunset` date is in the future, and it has not been deprecated for `deprecation_days`
    /// (180 by default) since its `x-deprecated-at` date.
    ///
    /// ## Why is this bad?
    /// Consumers were promised the operation until its sunset date; they may not have migrated yet.
    ///
    /// ## Example
    /// `/v1/orders` removed on 2024-03-01 while its operations say `x-sunset: 2024-06-30`.
    pub API_PATH_REMOVED_BEFORE_SUNSET = "api-path-removed-before-sunset", formats: [Openapi],
    categories: ["OPENAPI", "PATHS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a path removed after its operations were deprecated for long enough: past their
    /// `x-sunset` date, or deprecated for `deprecation_days` (180 by default) since
    /// `x-deprecated-at`.
    ///
    /// ## Why is this bad?
    /// It is allowed by the deprecation policy: consumers were told and had the time to move. It is
    /// reported so the release notes mention it.
    ///
    /// ## Example
    /// `/v1/orders` removed after its `x-sunset: 2024-01-31`.
    pub API_PATH_REMOVED_WITH_DEPRECATION = "api-path-removed-with-deprecation", formats: [Openapi],
    categories: ["OPENAPI", "PATHS"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a path whose operations are all gone, when they were not deprecated first.
    ///
    /// ## Why is this bad?
    /// Clients calling it get 404s. Consumers need notice: mark the operations `deprecated: true`
    /// with an `x-sunset` date (or `x-deprecated-at`), and remove them once the date has passed.
    ///
    /// ## Example
    /// `/orders/{id}/history` removed from `paths`.
    pub API_PATH_REMOVED_WITHOUT_DEPRECATION = "api-path-removed-without-deprecation", formats: [Openapi],
    categories: ["OPENAPI", "PATHS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a removed path whose deprecated operations carry an `x-sunset` or `x-deprecated-at`
    /// that is not a `YYYY-MM-DD` date.
    ///
    /// ## Why is this bad?
    /// The removal cannot be checked against a date treaty cannot read.
    ///
    /// treaty differs from oasdiff here: an unreadable date breaks no client by itself; the removal
    /// it should allow is judged as a removal without a usable date (oasdiff reports an error).
    ///
    /// ## Example
    /// `x-sunset: soon` on the operations of a removed path.
    pub API_PATH_SUNSET_PARSE = "api-path-sunset-parse", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a deprecated operation removed before its sunset: its `x-sunset` date is in the
    /// future (or missing or unreadable), and it has not been deprecated for `deprecation_days`
    /// (180 by default) since its `x-deprecated-at` date.
    ///
    /// ## Why is this bad?
    /// Consumers were promised the operation until its sunset date; they may not have migrated yet.
    ///
    /// ## Example
    /// `GET /orders/{id}/legacy` with `x-sunset: 2024-06-30` removed on 2024-03-01.
    pub API_REMOVED_BEFORE_SUNSET = "api-removed-before-sunset", formats: [Openapi],
    categories: ["OPENAPI", "PATHS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an operation removed after it was deprecated for long enough: past its `x-sunset`
    /// date, or deprecated for `deprecation_days` (180 by default) since `x-deprecated-at`.
    ///
    /// ## Why is this bad?
    /// It is allowed by the deprecation policy: consumers were told and had the time to move. It is
    /// reported so the release notes mention it.
    ///
    /// ## Example
    /// `GET /orders/{id}/legacy` with `x-sunset: 2024-01-31` removed on 2024-03-01.
    pub API_REMOVED_WITH_DEPRECATION = "api-removed-with-deprecation", formats: [Openapi],
    categories: ["OPENAPI", "PATHS"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports an operation removed from a path that still exists, when it was not deprecated
    /// first.
    ///
    /// ## Why is this bad?
    /// Clients calling it get 404 or 405. Deprecate it first (`deprecated: true` with `x-sunset` or
    /// `x-deprecated-at`) and remove it after the deprecation period.
    ///
    /// ## Example
    /// `DELETE /orders/{id}` removed while `GET /orders/{id}` stays.
    pub API_REMOVED_WITHOUT_DEPRECATION = "api-removed-without-deprecation", formats: [Openapi],
    categories: ["OPENAPI", "PATHS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a component schema removed from `components.schemas`.
    ///
    /// ## Why is this bad?
    /// The HTTP API does not change by itself (where the schema was used, those changes are
    /// reported), but generated clients lose a type.
    ///
    /// ## Example
    /// `components.schemas.LegacyOrder` removed.
    pub API_SCHEMA_REMOVED = "api-schema-removed", formats: [Openapi],
    categories: ["OPENAPI", "PATHS"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports an operation whose security requirements a client meeting the old ones may no longer
    /// meet: a new scheme or scope required, or anonymous access withdrawn (per operation, or
    /// through the top-level `security` it inherits).
    ///
    /// ## Why is this bad?
    /// Clients authenticate as the old description said and get 401 or 403.
    ///
    /// ## Example
    /// `security: [{oauth: [orders:read]}]` → `security: [{oauth: [orders:read, orders:admin]}]`.
    pub API_SECURITY_TIGHTENED = "api-security-tightened", formats: [Openapi],
    categories: ["OPENAPI", "SECURITY"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an operation whose `x-stability-level` went down (stable → beta → alpha → draft).
    ///
    /// ## Why is this bad?
    /// Consumers chose to depend on it because of its stability promise; lowering it takes that
    /// promise back.
    ///
    /// ## Example
    /// `x-stability-level: stable` → `x-stability-level: beta`.
    pub API_STABILITY_DECREASED = "api-stability-decreased", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an operation whose `x-stability-level` went up (draft → alpha → beta → stable).
    ///
    /// ## Why is this bad?
    /// It breaks nothing; from now on breaking changes to it are reported (draft and alpha
    /// operations may change freely).
    ///
    /// ## Example
    /// `x-stability-level: beta` → `x-stability-level: stable`.
    pub API_STABILITY_INCREASED = "api-stability-increased", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a deprecated operation whose `x-sunset` moved earlier, to less than
    /// `deprecation_days` (180 by default) away.
    ///
    /// ## Why is this bad?
    /// Consumers planned their migration for the announced date.
    ///
    /// ## Example
    /// `x-sunset: 2025-06-30` → `x-sunset: 2024-07-01`.
    pub API_SUNSET_DATE_CHANGED_TOO_SMALL = "api-sunset-date-changed-too-small", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an operation newly deprecated with an `x-sunset` date less than `deprecation_days`
    /// (180 by default) away.
    ///
    /// ## Why is this bad?
    /// Consumers need the whole deprecation period to migrate; an earlier sunset cuts it short.
    ///
    /// ## Example
    /// `x-sunset` one month after the release that deprecates the operation.
    pub API_SUNSET_DATE_TOO_SMALL = "api-sunset-date-too-small", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a new operation (a method on a path, new or existing).
    ///
    /// ## Why is this bad?
    /// It is not breaking: nothing clients use changed. A new operation is a new capability, so the
    /// release is a minor one.
    ///
    /// ## Example
    /// `POST /orders/{id}/cancel` appears in the new revision.
    pub ENDPOINT_ADDED = "endpoint-added", formats: [Openapi],
    categories: ["OPENAPI", "PATHS"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports an operation newly marked `deprecated: true`.
    ///
    /// ## Why is this bad?
    /// It breaks nothing yet; it starts the deprecation period, after which the operation may be
    /// removed. Deprecations belong in a minor release.
    ///
    /// ## Example
    /// `deprecated: true` added to `GET /orders/{id}/legacy`.
    pub ENDPOINT_DEPRECATED = "endpoint-deprecated", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports an operation newly marked `deprecated: true` with an `x-sunset` date far enough
    /// away.
    ///
    /// ## Why is this bad?
    /// It breaks nothing yet; it tells consumers when the operation goes.
    ///
    /// ## Example
    /// `deprecated: true` and `x-sunset: 2025-06-30` added.
    pub ENDPOINT_DEPRECATED_WITH_SUNSET = "endpoint-deprecated-with-sunset", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports an operation whose `deprecated: true` was removed.
    ///
    /// ## Why is this bad?
    /// It breaks nothing: the operation stays.
    ///
    /// ## Example
    /// `deprecated: true` removed from `GET /orders/{id}/legacy`.
    pub ENDPOINT_REACTIVATED = "endpoint-reactivated", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a new optional parameter declared on a path item.
    ///
    /// ## Why is this bad?
    /// It breaks nothing: clients that do not send it keep the old behaviour.
    ///
    /// ## Example
    /// `parameters: [{name: trace, in: header}]` added to a path item.
    pub NEW_OPTIONAL_REQUEST_DEFAULT_PARAMETER_TO_EXISTING_PATH = "new-optional-request-default-parameter-to-existing-path", formats: [Openapi],
    categories: ["OPENAPI", "PARAMETERS"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a new optional parameter.
    ///
    /// ## Why is this bad?
    /// It breaks nothing: clients that do not send it keep the old behaviour.
    ///
    /// ## Example
    /// `?limit=` added, optional.
    pub NEW_OPTIONAL_REQUEST_PARAMETER = "new-optional-request-parameter", formats: [Openapi],
    categories: ["OPENAPI", "PARAMETERS"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a new optional property in a request body.
    ///
    /// ## Why is this bad?
    /// It is not breaking: clients that send it are still accepted, and those that do not are too.
    ///
    /// ## Example
    /// an optional `note` added to the `CreateOrder` body.
    pub NEW_OPTIONAL_REQUEST_PROPERTY = "new-optional-request-property", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a path parameter declared by the new revision that the old one did not declare for
    /// the same endpoint.
    ///
    /// ## Why is this bad?
    /// A path parameter is always required: clients that did not send it (the old description did
    /// not have it) break.
    ///
    /// ## Example
    /// `/orders/{id}` with `id` newly declared.
    pub NEW_REQUEST_PATH_PARAMETER = "new-request-path-parameter", formats: [Openapi],
    categories: ["OPENAPI", "PARAMETERS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a new required parameter declared on a path item, so every operation of the path
    /// needs it.
    ///
    /// ## Why is this bad?
    /// Clients of every operation of the path do not send it and fail.
    ///
    /// ## Example
    /// `parameters: [{name: tenant, in: header, required: true}]` added to a path item.
    pub NEW_REQUIRED_REQUEST_DEFAULT_PARAMETER_TO_EXISTING_PATH = "new-required-request-default-parameter-to-existing-path", formats: [Openapi],
    categories: ["OPENAPI", "PARAMETERS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a new required property of an object-valued request header.
    ///
    /// ## Why is this bad?
    /// Clients do not send it (the old schema did not ask for it): their requests fail validation.
    /// Make it optional, with a default that keeps the old behaviour.
    ///
    /// ## Example
    /// a required `traceId` added to an `X-Context` header object.
    pub NEW_REQUIRED_REQUEST_HEADER_PROPERTY = "new-required-request-header-property", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a new required parameter (query, header or cookie).
    ///
    /// ## Why is this bad?
    /// Clients do not send it: their requests fail validation. Make it optional with a default that
    /// keeps the old behaviour.
    ///
    /// ## Example
    /// `?channel=` added with `required: true`.
    pub NEW_REQUIRED_REQUEST_PARAMETER = "new-required-request-parameter", formats: [Openapi],
    categories: ["OPENAPI", "PARAMETERS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a new required property in a request body.
    ///
    /// ## Why is this bad?
    /// Clients do not send it (the old schema did not ask for it): their requests fail validation.
    /// Make it optional, with a default that keeps the old behaviour.
    ///
    /// ## Example
    /// a required `customerId` added to the `CreateOrder` body.
    pub NEW_REQUIRED_REQUEST_PROPERTY = "new-required-request-property", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a new required property with a `default` in a request body.
    ///
    /// ## Why is this bad?
    /// Clients do not send it (the old schema did not ask for it): their requests fail validation.
    /// Make it optional, with a default that keeps the old behaviour.
    ///
    /// ## Example
    /// a required `currency` with `default: EUR` added.
    pub NEW_REQUIRED_REQUEST_PROPERTY_WITH_DEFAULT = "new-required-request-property-with-default", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports an optional response header removed.
    ///
    /// ## Why is this bad?
    /// Clients coped with its absence, but it may have driven behaviour they now lose.
    ///
    /// ## Example
    /// `X-Request-Id` removed.
    pub OPTIONAL_RESPONSE_HEADER_REMOVED = "optional-response-header-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports an optional request body added to an operation that had none.
    ///
    /// ## Why is this bad?
    /// It breaks nothing: clients may go on sending no body.
    ///
    /// ## Example
    /// `requestBody: {...}` added, not required.
    pub REQUEST_BODY_ADDED_OPTIONAL = "request-body-added-optional", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a required request body added to an operation that had none.
    ///
    /// ## Why is this bad?
    /// Clients send no body and fail validation.
    ///
    /// ## Example
    /// `requestBody: {required: true, ...}` added to `POST /orders/{id}/cancel`.
    pub REQUEST_BODY_ADDED_REQUIRED = "request-body-added-required", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a subschema was added to its `allOf`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// treaty differs from oasdiff here: treaty flattens `allOf` and reports what the new subschema
    /// actually requires (a new required property, a tighter bound) under the rule for that change;
    /// the split itself breaks nothing (oasdiff reports an error).
    ///
    /// ## Example
    /// On a request body schema: `allOf: [Base]` → `allOf: [Base, Audit]`.
    pub REQUEST_BODY_ALL_OF_ADDED = "request-body-all-of-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a subschema was removed from its `allOf`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// treaty differs from oasdiff here: treaty flattens `allOf`; what the removed subschema
    /// required is reported by the rules for those properties and constraints (oasdiff warns).
    ///
    /// ## Example
    /// On a request body schema: `allOf: [Base, Audit]` → `allOf: [Base]`.
    pub REQUEST_BODY_ALL_OF_REMOVED = "request-body-all-of-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: an alternative was added to its `anyOf`.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `anyOf: [Card]` → `anyOf: [Card, Wallet]`.
    pub REQUEST_BODY_ANY_OF_ADDED = "request-body-any-of-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: an alternative was removed from its `anyOf`.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `anyOf: [Card, Wallet]` → `anyOf: [Card]`.
    pub REQUEST_BODY_ANY_OF_REMOVED = "request-body-any-of-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: an `enum` was added to it.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `type: string` → `type: string, enum: [a, b]`.
    pub REQUEST_BODY_BECAME_ENUM = "request-body-became-enum", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: it is no longer nullable.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `nullable: true` removed (3.0), or `type: [string, "null"]` →
    /// `type: string` (3.1).
    pub REQUEST_BODY_BECAME_NOT_NULLABLE = "request-body-became-not-nullable", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: it became nullable.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `nullable: true` added (3.0), or `type: string` → `type: [string,
    /// "null"]` (3.1).
    pub REQUEST_BODY_BECAME_NULLABLE = "request-body-became-nullable", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a required request body that became optional.
    ///
    /// ## Why is this bad?
    /// It breaks nothing.
    ///
    /// ## Example
    /// `required: true` → `required: false` on the request body.
    pub REQUEST_BODY_BECAME_OPTIONAL = "request-body-became-optional", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports an optional request body that became required.
    ///
    /// ## Why is this bad?
    /// Clients that send no body fail validation.
    ///
    /// ## Example
    /// `required: false` → `required: true` on the request body.
    pub REQUEST_BODY_BECAME_REQUIRED = "request-body-became-required", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `const` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `type: string` → `type: string, const: v1`.
    pub REQUEST_BODY_CONST_ADDED = "request-body-const-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `const` changed.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed, and some of those values are rejected now
    /// (or read differently). Accept both forms, or release the change as a new major version.
    ///
    /// ## Example
    /// On a request body schema: `const: v1` → `const: v2`.
    pub REQUEST_BODY_CONST_CHANGED = "request-body-const-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `const` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `const: v1` removed.
    pub REQUEST_BODY_CONST_REMOVED = "request-body-const-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `contains` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `contains` added.
    pub REQUEST_BODY_CONTAINS_ADDED = "request-body-contains-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `contains` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `contains` removed.
    pub REQUEST_BODY_CONTAINS_REMOVED = "request-body-contains-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `contentEncoding` changed.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed, and some of those values are rejected now
    /// (or read differently). Accept both forms, or release the change as a new major version.
    ///
    /// ## Example
    /// On a request body schema: `contentEncoding: base64` → `contentEncoding: base32`.
    pub REQUEST_BODY_CONTENT_ENCODING_CHANGED = "request-body-content-encoding-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `contentMediaType` changed.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed, and some of those values are rejected now
    /// (or read differently). Accept both forms, or release the change as a new major version.
    ///
    /// ## Example
    /// On a request body schema: `contentMediaType: image/png` → `contentMediaType: image/jpeg`.
    pub REQUEST_BODY_CONTENT_MEDIA_TYPE_CHANGED = "request-body-content-media-type-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `contentSchema` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `contentSchema` added.
    pub REQUEST_BODY_CONTENT_SCHEMA_ADDED = "request-body-content-schema-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `contentSchema` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `contentSchema` removed.
    pub REQUEST_BODY_CONTENT_SCHEMA_REMOVED = "request-body-content-schema-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `default` was added.
    ///
    /// ## Why is this bad?
    /// A default is what the server assumes when the value is missing, which clients cannot see
    /// from their code; the change is worth a line in the release notes.
    ///
    /// ## Example
    /// On a request body schema: `default: 10` added.
    pub REQUEST_BODY_DEFAULT_VALUE_ADDED = "request-body-default-value-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `default` changed.
    ///
    /// ## Why is this bad?
    /// A default is what the server assumes when the value is missing, which clients cannot see
    /// from their code; the change is worth a line in the release notes.
    ///
    /// ## Example
    /// On a request body schema: `default: 10` → `default: 20`.
    pub REQUEST_BODY_DEFAULT_VALUE_CHANGED = "request-body-default-value-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `default` was removed.
    ///
    /// ## Why is this bad?
    /// A default is what the server assumes when the value is missing, which clients cannot see
    /// from their code; the change is worth a line in the release notes.
    ///
    /// ## Example
    /// On a request body schema: `default: 10` removed.
    pub REQUEST_BODY_DEFAULT_VALUE_REMOVED = "request-body-default-value-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `dependentRequired` entry was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `dependentRequired: {card: [billing]}` added.
    pub REQUEST_BODY_DEPENDENT_REQUIRED_ADDED = "request-body-dependent-required-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `dependentRequired` entry now requires other
    /// properties.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed, and some of those values are rejected now
    /// (or read differently). Accept both forms, or release the change as a new major version.
    ///
    /// ## Example
    /// On a request body schema: `dependentRequired: {card: [billing]}` → `{card: [billing, zip]}`.
    pub REQUEST_BODY_DEPENDENT_REQUIRED_CHANGED = "request-body-dependent-required-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `dependentRequired` entry was removed or now
    /// requires fewer properties.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `dependentRequired: {card: [billing]}` removed.
    pub REQUEST_BODY_DEPENDENT_REQUIRED_REMOVED = "request-body-dependent-required-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `dependentSchemas entry` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `dependentSchemas` added.
    pub REQUEST_BODY_DEPENDENT_SCHEMA_ADDED = "request-body-dependent-schema-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `dependentSchemas entry` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `dependentSchemas` removed.
    pub REQUEST_BODY_DEPENDENT_SCHEMA_REMOVED = "request-body-dependent-schema-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `discriminator` was added.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a request body schema: `discriminator: {propertyName: kind}` added.
    pub REQUEST_BODY_DISCRIMINATOR_ADDED = "request-body-discriminator-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: an entry was added to its discriminator
    /// `mapping`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a request body schema: `mapping: {card: Card}` → `mapping: {card: Card, wallet: Wallet}`.
    pub REQUEST_BODY_DISCRIMINATOR_MAPPING_ADDED = "request-body-discriminator-mapping-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: an entry of its discriminator `mapping` points at
    /// another schema.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a request body schema: `mapping: {card: Card}` → `mapping: {card: CardV2}`.
    pub REQUEST_BODY_DISCRIMINATOR_MAPPING_CHANGED = "request-body-discriminator-mapping-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: an entry was removed from its discriminator
    /// `mapping`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a request body schema: `mapping: {card: Card, wallet: Wallet}` → `mapping: {card: Card}`.
    pub REQUEST_BODY_DISCRIMINATOR_MAPPING_DELETED = "request-body-discriminator-mapping-deleted", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its discriminator's `propertyName` changed.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a request body schema: `propertyName: kind` → `propertyName: type`.
    pub REQUEST_BODY_DISCRIMINATOR_PROPERTY_NAME_CHANGED = "request-body-discriminator-property-name-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `discriminator` was removed.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a request body schema: `discriminator` removed.
    pub REQUEST_BODY_DISCRIMINATOR_REMOVED = "request-body-discriminator-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `else` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `else` added.
    pub REQUEST_BODY_ELSE_ADDED = "request-body-else-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `else` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `else` removed.
    pub REQUEST_BODY_ELSE_REMOVED = "request-body-else-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a value was removed from its `enum`.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `enum: [a, b, c]` → `enum: [a, b]`.
    pub REQUEST_BODY_ENUM_VALUE_REMOVED = "request-body-enum-value-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `exclusiveMaximum` decreased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `exclusiveMaximum: 100` → `exclusiveMaximum: 50`.
    pub REQUEST_BODY_EXCLUSIVE_MAX_DECREASED = "request-body-exclusive-max-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `exclusiveMaximum` increased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `exclusiveMaximum: 50` → `exclusiveMaximum: 100`.
    pub REQUEST_BODY_EXCLUSIVE_MAX_INCREASED = "request-body-exclusive-max-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `exclusiveMaximum` was set where there was
    /// none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a request body schema: `exclusiveMaximum: 100` added.
    pub REQUEST_BODY_EXCLUSIVE_MAX_SET = "request-body-exclusive-max-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `exclusiveMinimum` decreased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `exclusiveMinimum: 10` → `exclusiveMinimum: 0`.
    pub REQUEST_BODY_EXCLUSIVE_MIN_DECREASED = "request-body-exclusive-min-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `exclusiveMinimum` increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `exclusiveMinimum: 0` → `exclusiveMinimum: 10`.
    pub REQUEST_BODY_EXCLUSIVE_MIN_INCREASED = "request-body-exclusive-min-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `exclusiveMinimum` was set where there was
    /// none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a request body schema: `exclusiveMinimum: 0` added.
    pub REQUEST_BODY_EXCLUSIVE_MIN_SET = "request-body-exclusive-min-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `if` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `if` added.
    pub REQUEST_BODY_IF_ADDED = "request-body-if-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `if` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `if` removed.
    pub REQUEST_BODY_IF_REMOVED = "request-body-if-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its list of types lost a type.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `type: [string, integer]` → `type: [string]`.
    pub REQUEST_BODY_LIST_OF_TYPES_NARROWED = "request-body-list-of-types-narrowed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its list of types gained a type.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `type: [string]` → `type: [string, integer]`.
    pub REQUEST_BODY_LIST_OF_TYPES_WIDENED = "request-body-list-of-types-widened", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `maxContains` decreased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `maxContains: 3` → `maxContains: 2`.
    pub REQUEST_BODY_MAX_CONTAINS_DECREASED = "request-body-max-contains-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `maxContains` increased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `maxContains: 2` → `maxContains: 3`.
    pub REQUEST_BODY_MAX_CONTAINS_INCREASED = "request-body-max-contains-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `maximum` decreased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `maximum: 100` → `maximum: 50`.
    pub REQUEST_BODY_MAX_DECREASED = "request-body-max-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `maximum` increased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `maximum: 50` → `maximum: 100`.
    pub REQUEST_BODY_MAX_INCREASED = "request-body-max-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `maxLength` decreased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `maxLength: 100` → `maxLength: 50`.
    pub REQUEST_BODY_MAX_LENGTH_DECREASED = "request-body-max-length-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `maxLength` increased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `maxLength: 50` → `maxLength: 100`.
    pub REQUEST_BODY_MAX_LENGTH_INCREASED = "request-body-max-length-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `maxLength` was set where there was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a request body schema: `maxLength: 100` added.
    pub REQUEST_BODY_MAX_LENGTH_SET = "request-body-max-length-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `maximum` was set where there was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a request body schema: `maximum: 100` added.
    pub REQUEST_BODY_MAX_SET = "request-body-max-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a new media type accepted for a request body.
    ///
    /// ## Why is this bad?
    /// It breaks nothing: clients keep sending what they sent.
    ///
    /// ## Example
    /// `application/xml` added next to `application/json`.
    pub REQUEST_BODY_MEDIA_TYPE_ADDED = "request-body-media-type-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a media type no longer accepted for a request body.
    ///
    /// ## Why is this bad?
    /// Clients sending it get 415 Unsupported Media Type.
    ///
    /// ## Example
    /// `application/x-www-form-urlencoded` removed.
    pub REQUEST_BODY_MEDIA_TYPE_REMOVED = "request-body-media-type-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a schema added to a request media type that had none (accepted anything).
    ///
    /// ## Why is this bad?
    /// Bodies that were accepted may now fail validation.
    ///
    /// ## Example
    /// `application/json: {}` → `application/json: {schema: ...}`.
    pub REQUEST_BODY_MEDIA_TYPE_SCHEMA_ADDED = "request-body-media-type-schema-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports the schema removed from a request media type (it accepts anything now).
    ///
    /// ## Why is this bad?
    /// It breaks nothing: every body that was accepted still is.
    ///
    /// ## Example
    /// `schema` removed from `application/json`.
    pub REQUEST_BODY_MEDIA_TYPE_SCHEMA_REMOVED = "request-body-media-type-schema-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `minContains` decreased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `minContains: 2` → `minContains: 1`.
    pub REQUEST_BODY_MIN_CONTAINS_DECREASED = "request-body-min-contains-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `minContains` increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `minContains: 1` → `minContains: 2`.
    pub REQUEST_BODY_MIN_CONTAINS_INCREASED = "request-body-min-contains-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `minimum` decreased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `minimum: 10` → `minimum: 0`.
    pub REQUEST_BODY_MIN_DECREASED = "request-body-min-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `minimum` increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `minimum: 0` → `minimum: 10`.
    pub REQUEST_BODY_MIN_INCREASED = "request-body-min-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `minItems` increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `minItems: 0` → `minItems: 1`.
    pub REQUEST_BODY_MIN_ITEMS_INCREASED = "request-body-min-items-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `minItems` was set where there was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a request body schema: `minItems: 0` added.
    pub REQUEST_BODY_MIN_ITEMS_SET = "request-body-min-items-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `minLength` decreased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `minLength: 5` → `minLength: 1`.
    pub REQUEST_BODY_MIN_LENGTH_DECREASED = "request-body-min-length-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `minLength` increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `minLength: 1` → `minLength: 5`.
    pub REQUEST_BODY_MIN_LENGTH_INCREASED = "request-body-min-length-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `minimum` was set where there was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a request body schema: `minimum: 0` added.
    pub REQUEST_BODY_MIN_SET = "request-body-min-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: an alternative was added to its `oneOf`.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `oneOf: [Card]` → `oneOf: [Card, Wallet]`.
    pub REQUEST_BODY_ONE_OF_ADDED = "request-body-one-of-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: an alternative was removed from its `oneOf`.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `oneOf: [Card, Wallet]` → `oneOf: [Card]`.
    pub REQUEST_BODY_ONE_OF_REMOVED = "request-body-one-of-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `patternProperties entry` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `patternProperties` added.
    pub REQUEST_BODY_PATTERN_PROPERTY_ADDED = "request-body-pattern-property-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `patternProperties entry` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `patternProperties` removed.
    pub REQUEST_BODY_PATTERN_PROPERTY_REMOVED = "request-body-pattern-property-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a position was added to its `prefixItems` (a
    /// tuple, read as closed).
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `prefixItems: [a]` → `prefixItems: [a, b]`.
    pub REQUEST_BODY_PREFIX_ITEMS_ADDED = "request-body-prefix-items-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a position was removed from its `prefixItems` (a
    /// tuple, read as closed).
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `prefixItems: [a, b]` → `prefixItems: [a]`.
    pub REQUEST_BODY_PREFIX_ITEMS_REMOVED = "request-body-prefix-items-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `propertyNames` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `propertyNames` added.
    pub REQUEST_BODY_PROPERTY_NAMES_ADDED = "request-body-property-names-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `propertyNames` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `propertyNames` removed.
    pub REQUEST_BODY_PROPERTY_NAMES_REMOVED = "request-body-property-names-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a request body removed from an operation.
    ///
    /// ## Why is this bad?
    /// Clients still send a body; the server ignores what they meant, or rejects it.
    ///
    /// ## Example
    /// `requestBody` removed from `POST /orders/{id}/notes`.
    pub REQUEST_BODY_REMOVED = "request-body-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `then` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `then` added.
    pub REQUEST_BODY_THEN_ADDED = "request-body-then-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `then` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `then` removed.
    pub REQUEST_BODY_THEN_REMOVED = "request-body-then-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its type (or format) changed to one that neither
    /// includes nor is included in the old one.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed, and some of those values are rejected now
    /// (or read differently). Accept both forms, or release the change as a new major version.
    ///
    /// ## Example
    /// On a request body schema: `type: string` → `type: integer`.
    pub REQUEST_BODY_TYPE_CHANGED = "request-body-type-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its type (or format) widened: the new one accepts
    /// every old value and more.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `type: integer` → `type: number`, or `format: int32` → `format:
    /// int64`.
    pub REQUEST_BODY_TYPE_GENERALIZED = "request-body-type-generalized", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `unevaluatedItems` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `unevaluatedItems` added.
    pub REQUEST_BODY_UNEVALUATED_ITEMS_ADDED = "request-body-unevaluated-items-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `unevaluatedItems` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `unevaluatedItems` removed.
    pub REQUEST_BODY_UNEVALUATED_ITEMS_REMOVED = "request-body-unevaluated-items-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: a `unevaluatedProperties` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request body schema: `unevaluatedProperties` added.
    pub REQUEST_BODY_UNEVALUATED_PROPERTIES_ADDED = "request-body-unevaluated-properties-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: its `unevaluatedProperties` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request body schema: `unevaluatedProperties` removed.
    pub REQUEST_BODY_UNEVALUATED_PROPERTIES_REMOVED = "request-body-unevaluated-properties-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request body schema: the schema became one alternative of a new
    /// `oneOf`.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// treaty differs from oasdiff here: treaty judges by what the schema accepts: the old schema
    /// is still one alternative, so everything clients sent before is still accepted (oasdiff
    /// reports an error).
    ///
    /// ## Example
    /// On a request body schema: `$ref: Card` → `oneOf: [$ref: Card, $ref: Wallet]`.
    pub REQUEST_BODY_WRAPPED_IN_ONE_OF = "request-body-wrapped-in-one-of", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of an object-valued request header: an `enum` was added to
    /// it.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of an object-valued request header: `type: string` → `type: string, enum: [a,
    /// b]`.
    pub REQUEST_HEADER_PROPERTY_BECAME_ENUM = "request-header-property-became-enum", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a property of an object-valued request header that became required.
    ///
    /// ## Why is this bad?
    /// Clients do not send it (the old schema did not ask for it): their requests fail validation.
    /// Make it optional, with a default that keeps the old behaviour.
    ///
    /// ## Example
    /// `traceId` added to `required` of the `X-Context` header schema.
    pub REQUEST_HEADER_PROPERTY_BECAME_REQUIRED = "request-header-property-became-required", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: an `enum` was added to it.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request parameter's schema: `type: string` → `type: string, enum: [a, b]`.
    pub REQUEST_PARAMETER_BECAME_ENUM = "request-parameter-became-enum", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: it is no longer nullable.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request parameter's schema: `nullable: true` removed (3.0), or `type: [string, "null"]`
    /// → `type: string` (3.1).
    pub REQUEST_PARAMETER_BECAME_NOT_NULLABLE = "request-parameter-became-not-nullable", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: it became nullable.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request parameter's schema: `nullable: true` added (3.0), or `type: string` → `type:
    /// [string, "null"]` (3.1).
    pub REQUEST_PARAMETER_BECAME_NULLABLE = "request-parameter-became-nullable", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a required parameter that became optional.
    ///
    /// ## Why is this bad?
    /// It breaks nothing: clients that send it are still accepted.
    ///
    /// ## Example
    /// `required: true` → `required: false`.
    pub REQUEST_PARAMETER_BECAME_OPTIONAL = "request-parameter-became-optional", formats: [Openapi],
    categories: ["OPENAPI", "PARAMETERS"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports an optional parameter that became required.
    ///
    /// ## Why is this bad?
    /// Clients that leave it out fail validation.
    ///
    /// ## Example
    /// `required: false` → `required: true` on `?channel=`.
    pub REQUEST_PARAMETER_BECAME_REQUIRED = "request-parameter-became-required", formats: [Openapi],
    categories: ["OPENAPI", "PARAMETERS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: a `default` was added.
    ///
    /// ## Why is this bad?
    /// A parameter's default is what the server assumes when a client leaves the parameter out:
    /// clients that rely on it get another behaviour without changing a line. Keep the default, or
    /// add a new parameter.
    ///
    /// ## Example
    /// On a request parameter's schema: `default: 10` added.
    pub REQUEST_PARAMETER_DEFAULT_VALUE_ADDED = "request-parameter-default-value-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `default` changed.
    ///
    /// ## Why is this bad?
    /// A parameter's default is what the server assumes when a client leaves the parameter out:
    /// clients that rely on it get another behaviour without changing a line. Keep the default, or
    /// add a new parameter.
    ///
    /// ## Example
    /// On a request parameter's schema: `default: 10` → `default: 20`.
    pub REQUEST_PARAMETER_DEFAULT_VALUE_CHANGED = "request-parameter-default-value-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `default` was removed.
    ///
    /// ## Why is this bad?
    /// A parameter's default is what the server assumes when a client leaves the parameter out:
    /// clients that rely on it get another behaviour without changing a line. Keep the default, or
    /// add a new parameter.
    ///
    /// ## Example
    /// On a request parameter's schema: `default: 10` removed.
    pub REQUEST_PARAMETER_DEFAULT_VALUE_REMOVED = "request-parameter-default-value-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a parameter newly marked `deprecated: true`.
    ///
    /// ## Why is this bad?
    /// It breaks nothing yet; it starts the deprecation period.
    ///
    /// ## Example
    /// `deprecated: true` added to `?legacy=`.
    pub REQUEST_PARAMETER_DEPRECATED = "request-parameter-deprecated", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a parameter newly deprecated without an `x-sunset` or `x-deprecated-at` date while a
    /// deprecation period applies.
    ///
    /// ## Why is this bad?
    /// Consumers cannot tell how long they have.
    ///
    /// treaty differs from oasdiff here: deprecating breaks no client; a missing date only weakens
    /// the removal policy (oasdiff reports an error).
    ///
    /// ## Example
    /// `deprecated: true` added alone to `?legacy=`.
    pub REQUEST_PARAMETER_DEPRECATED_SUNSET_MISSING = "request-parameter-deprecated-sunset-missing", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: a value was added to its `enum`.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request parameter's schema: `enum: [a, b]` → `enum: [a, b, c]`.
    pub REQUEST_PARAMETER_ENUM_VALUE_ADDED = "request-parameter-enum-value-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: a value was removed from its `enum`.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request parameter's schema: `enum: [a, b, c]` → `enum: [a, b]`.
    pub REQUEST_PARAMETER_ENUM_VALUE_REMOVED = "request-parameter-enum-value-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `exclusiveMaximum` decreased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request parameter's schema: `exclusiveMaximum: 100` → `exclusiveMaximum: 50`.
    pub REQUEST_PARAMETER_EXCLUSIVE_MAX_DECREASED = "request-parameter-exclusive-max-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `exclusiveMaximum` increased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request parameter's schema: `exclusiveMaximum: 50` → `exclusiveMaximum: 100`.
    pub REQUEST_PARAMETER_EXCLUSIVE_MAX_INCREASED = "request-parameter-exclusive-max-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: a `exclusiveMaximum` was set where there
    /// was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a request parameter's schema: `exclusiveMaximum: 100` added.
    pub REQUEST_PARAMETER_EXCLUSIVE_MAX_SET = "request-parameter-exclusive-max-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `exclusiveMinimum` decreased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request parameter's schema: `exclusiveMinimum: 10` → `exclusiveMinimum: 0`.
    pub REQUEST_PARAMETER_EXCLUSIVE_MIN_DECREASED = "request-parameter-exclusive-min-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `exclusiveMinimum` increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request parameter's schema: `exclusiveMinimum: 0` → `exclusiveMinimum: 10`.
    pub REQUEST_PARAMETER_EXCLUSIVE_MIN_INCREASED = "request-parameter-exclusive-min-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: a `exclusiveMinimum` was set where there
    /// was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a request parameter's schema: `exclusiveMinimum: 0` added.
    pub REQUEST_PARAMETER_EXCLUSIVE_MIN_SET = "request-parameter-exclusive-min-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a parameter whose `explode` changed.
    ///
    /// ## Why is this bad?
    /// Clients send `?id=1&id=2` where the server now expects `?id=1,2` (or the reverse).
    ///
    /// ## Example
    /// `explode: true` → `explode: false`.
    pub REQUEST_PARAMETER_EXPLODE_CHANGED = "request-parameter-explode-changed", formats: [Openapi],
    categories: ["OPENAPI", "PARAMETERS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its list of types lost a type.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request parameter's schema: `type: [string, integer]` → `type: [string]`.
    pub REQUEST_PARAMETER_LIST_OF_TYPES_NARROWED = "request-parameter-list-of-types-narrowed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its list of types gained a type.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request parameter's schema: `type: [string]` → `type: [string, integer]`.
    pub REQUEST_PARAMETER_LIST_OF_TYPES_WIDENED = "request-parameter-list-of-types-widened", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a parameter that moved to another location (`in: query` → `in: header`) under the
    /// same name.
    ///
    /// ## Why is this bad?
    /// Clients keep sending it where it was; the server no longer finds it there.
    ///
    /// ## Example
    /// `{name: version, in: query}` → `{name: version, in: header}`.
    pub REQUEST_PARAMETER_LOCATION_CHANGED = "request-parameter-location-changed", formats: [Openapi],
    categories: ["OPENAPI", "PARAMETERS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `maximum` decreased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request parameter's schema: `maximum: 100` → `maximum: 50`.
    pub REQUEST_PARAMETER_MAX_DECREASED = "request-parameter-max-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `maximum` increased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request parameter's schema: `maximum: 50` → `maximum: 100`.
    pub REQUEST_PARAMETER_MAX_INCREASED = "request-parameter-max-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `maxItems` decreased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request parameter's schema: `maxItems: 10` → `maxItems: 5`.
    pub REQUEST_PARAMETER_MAX_ITEMS_DECREASED = "request-parameter-max-items-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `maxItems` increased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request parameter's schema: `maxItems: 5` → `maxItems: 10`.
    pub REQUEST_PARAMETER_MAX_ITEMS_INCREASED = "request-parameter-max-items-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `maxLength` decreased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request parameter's schema: `maxLength: 100` → `maxLength: 50`.
    pub REQUEST_PARAMETER_MAX_LENGTH_DECREASED = "request-parameter-max-length-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `maxLength` increased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request parameter's schema: `maxLength: 50` → `maxLength: 100`.
    pub REQUEST_PARAMETER_MAX_LENGTH_INCREASED = "request-parameter-max-length-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: a `maxLength` was set where there was
    /// none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a request parameter's schema: `maxLength: 100` added.
    pub REQUEST_PARAMETER_MAX_LENGTH_SET = "request-parameter-max-length-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: a `maximum` was set where there was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a request parameter's schema: `maximum: 100` added.
    pub REQUEST_PARAMETER_MAX_SET = "request-parameter-max-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `minimum` decreased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request parameter's schema: `minimum: 10` → `minimum: 0`.
    pub REQUEST_PARAMETER_MIN_DECREASED = "request-parameter-min-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `minimum` increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request parameter's schema: `minimum: 0` → `minimum: 10`.
    pub REQUEST_PARAMETER_MIN_INCREASED = "request-parameter-min-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `minItems` decreased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request parameter's schema: `minItems: 1` → `minItems: 0`.
    pub REQUEST_PARAMETER_MIN_ITEMS_DECREASED = "request-parameter-min-items-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `minItems` increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request parameter's schema: `minItems: 0` → `minItems: 1`.
    pub REQUEST_PARAMETER_MIN_ITEMS_INCREASED = "request-parameter-min-items-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: a `minItems` was set where there was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a request parameter's schema: `minItems: 0` added.
    pub REQUEST_PARAMETER_MIN_ITEMS_SET = "request-parameter-min-items-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `minLength` decreased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request parameter's schema: `minLength: 5` → `minLength: 1`.
    pub REQUEST_PARAMETER_MIN_LENGTH_DECREASED = "request-parameter-min-length-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `minLength` increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request parameter's schema: `minLength: 1` → `minLength: 5`.
    pub REQUEST_PARAMETER_MIN_LENGTH_INCREASED = "request-parameter-min-length-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: a `minimum` was set where there was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a request parameter's schema: `minimum: 0` added.
    pub REQUEST_PARAMETER_MIN_SET = "request-parameter-min-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: a `pattern` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request parameter's schema: `pattern: "^[a-z]+$"` added.
    pub REQUEST_PARAMETER_PATTERN_ADDED = "request-parameter-pattern-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `pattern` changed (treaty cannot tell
    /// whether the new expression accepts more or less).
    ///
    /// ## Why is this bad?
    /// treaty cannot compare two regular expressions: if the new one rejects values the old one
    /// accepted, requests that worked fail validation. Make sure it accepts everything the old one
    /// did.
    ///
    /// ## Example
    /// On a request parameter's schema: `pattern: "^[a-z]+$"` → `pattern: "^[a-z0-9]+$"`.
    pub REQUEST_PARAMETER_PATTERN_CHANGED = "request-parameter-pattern-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its `pattern` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request parameter's schema: `pattern: "^[a-z]+$"` removed.
    pub REQUEST_PARAMETER_PATTERN_REMOVED = "request-parameter-pattern-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property inside an object-valued request parameter: it is no longer
    /// nullable.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property inside an object-valued request parameter: `nullable: true` removed (3.0), or
    /// `type: [string, "null"]` → `type: string` (3.1).
    pub REQUEST_PARAMETER_PROPERTY_BECAME_NOT_NULLABLE = "request-parameter-property-became-not-nullable", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property inside an object-valued request parameter: it became
    /// nullable.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property inside an object-valued request parameter: `nullable: true` added (3.0), or
    /// `type: string` → `type: [string, "null"]` (3.1).
    pub REQUEST_PARAMETER_PROPERTY_BECAME_NULLABLE = "request-parameter-property-became-nullable", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property inside an object-valued request parameter: a value was added
    /// to its `enum`.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property inside an object-valued request parameter: `enum: [a, b]` → `enum: [a, b, c]`.
    pub REQUEST_PARAMETER_PROPERTY_ENUM_VALUE_ADDED = "request-parameter-property-enum-value-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property inside an object-valued request parameter: a value was
    /// removed from its `enum`.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property inside an object-valued request parameter: `enum: [a, b, c]` → `enum: [a, b]`.
    pub REQUEST_PARAMETER_PROPERTY_ENUM_VALUE_REMOVED = "request-parameter-property-enum-value-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property inside an object-valued request parameter: its list of types
    /// lost a type.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property inside an object-valued request parameter: `type: [string, integer]` → `type:
    /// [string]`.
    pub REQUEST_PARAMETER_PROPERTY_LIST_OF_TYPES_NARROWED = "request-parameter-property-list-of-types-narrowed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property inside an object-valued request parameter: its list of types
    /// gained a type.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property inside an object-valued request parameter: `type: [string]` → `type: [string,
    /// integer]`.
    pub REQUEST_PARAMETER_PROPERTY_LIST_OF_TYPES_WIDENED = "request-parameter-property-list-of-types-widened", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property inside an object-valued request parameter: its type (or
    /// format) changed to one that neither includes nor is included in the old one.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed, and some of those values are rejected now
    /// (or read differently). Accept both forms, or release the change as a new major version.
    ///
    /// ## Example
    /// On a property inside an object-valued request parameter: `type: string` → `type: integer`.
    pub REQUEST_PARAMETER_PROPERTY_TYPE_CHANGED = "request-parameter-property-type-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property inside an object-valued request parameter: its type (or
    /// format) widened: the new one accepts every old value and more.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property inside an object-valued request parameter: `type: integer` → `type: number`,
    /// or `format: int32` → `format: int64`.
    pub REQUEST_PARAMETER_PROPERTY_TYPE_GENERALIZED = "request-parameter-property-type-generalized", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property inside an object-valued request parameter: its type (or
    /// format) narrowed: the new one accepts only some of the old values.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property inside an object-valued request parameter: `type: number` → `type: integer`.
    pub REQUEST_PARAMETER_PROPERTY_TYPE_SPECIALIZED = "request-parameter-property-type-specialized", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a parameter whose `deprecated: true` was removed.
    ///
    /// ## Why is this bad?
    /// It breaks nothing.
    ///
    /// ## Example
    /// `deprecated: true` removed from `?legacy=`.
    pub REQUEST_PARAMETER_REACTIVATED = "request-parameter-reactivated", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a parameter removed from an operation.
    ///
    /// ## Why is this bad?
    /// Clients still send it; many servers ignore unknown parameters, some reject them, and in any
    /// case clients expect it to have an effect.
    ///
    /// ## Example
    /// `?expand=` removed.
    pub REQUEST_PARAMETER_REMOVED = "request-parameter-removed", formats: [Openapi],
    categories: ["OPENAPI", "PARAMETERS"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a deprecated parameter removed before its `x-sunset` date (or before
    /// `deprecation_days` since `x-deprecated-at`).
    ///
    /// ## Why is this bad?
    /// Consumers were promised the parameter until its sunset date.
    ///
    /// ## Example
    /// `?legacy=` with `x-sunset: 2025-06-30` removed in 2024.
    pub REQUEST_PARAMETER_REMOVED_BEFORE_SUNSET = "request-parameter-removed-before-sunset", formats: [Openapi],
    categories: ["OPENAPI", "PARAMETERS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a deprecated parameter removed after its sunset (or its deprecation period).
    ///
    /// ## Why is this bad?
    /// Allowed by the deprecation policy; clients were told.
    ///
    /// ## Example
    /// `?legacy=` with `x-sunset: 2024-01-31` removed later.
    pub REQUEST_PARAMETER_REMOVED_WITH_DEPRECATION = "request-parameter-removed-with-deprecation", formats: [Openapi],
    categories: ["OPENAPI", "PARAMETERS"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a parameter whose serialisation `style` changed.
    ///
    /// ## Why is this bad?
    /// Clients serialise it the old way (`form` vs `spaceDelimited`, `simple` vs `label`); the
    /// server parses it the new way and gets other values.
    ///
    /// ## Example
    /// `style: form` → `style: pipeDelimited`.
    pub REQUEST_PARAMETER_STYLE_CHANGED = "request-parameter-style-changed", formats: [Openapi],
    categories: ["OPENAPI", "PARAMETERS"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a deprecated parameter whose `x-sunset` moved earlier, to less than
    /// `deprecation_days` away.
    ///
    /// ## Why is this bad?
    /// Consumers planned for the announced date.
    ///
    /// ## Example
    /// `x-sunset: 2025-06-30` → `2024-07-01`.
    pub REQUEST_PARAMETER_SUNSET_DATE_CHANGED_TOO_SMALL = "request-parameter-sunset-date-changed-too-small", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a parameter newly deprecated with an `x-sunset` less than `deprecation_days` away.
    ///
    /// ## Why is this bad?
    /// Consumers need the whole deprecation period to migrate.
    ///
    /// ## Example
    /// `x-sunset` a week after the deprecation.
    pub REQUEST_PARAMETER_SUNSET_DATE_TOO_SMALL = "request-parameter-sunset-date-too-small", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a deprecated parameter whose `x-sunset` was removed.
    ///
    /// ## Why is this bad?
    /// Consumers lose the announced date.
    ///
    /// ## Example
    /// `x-sunset` removed from a deprecated `?legacy=`.
    pub REQUEST_PARAMETER_SUNSET_DELETED = "request-parameter-sunset-deleted", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a deprecated parameter whose `x-sunset` or `x-deprecated-at` is not a `YYYY-MM-DD`
    /// date.
    ///
    /// ## Why is this bad?
    /// The removal policy cannot be checked against it.
    ///
    /// treaty differs from oasdiff here: an unreadable date breaks no client; it makes the removal
    /// policy unenforceable (oasdiff reports an error).
    ///
    /// ## Example
    /// `x-sunset: someday`.
    pub REQUEST_PARAMETER_SUNSET_PARSE = "request-parameter-sunset-parse", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its type (or format) changed to one that
    /// neither includes nor is included in the old one.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed, and some of those values are rejected now
    /// (or read differently). Accept both forms, or release the change as a new major version.
    ///
    /// ## Example
    /// On a request parameter's schema: `type: string` → `type: integer`.
    pub REQUEST_PARAMETER_TYPE_CHANGED = "request-parameter-type-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: its type (or format) widened: the new one
    /// accepts every old value and more.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a request parameter's schema: `type: integer` → `type: number`, or `format: int32` →
    /// `format: int64`.
    pub REQUEST_PARAMETER_TYPE_GENERALIZED = "request-parameter-type-generalized", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a request parameter's schema: a value was removed from its
    /// `x-extensible-enum`.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a request parameter's schema: `x-extensible-enum: [a, b]` → `x-extensible-enum: [a]`.
    pub REQUEST_PARAMETER_X_EXTENSIBLE_ENUM_VALUE_REMOVED = "request-parameter-x-extensible-enum-value-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: `additionalProperties` was
    /// closed (`false`) or restricted to a schema.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `additionalProperties: true` →
    /// `additionalProperties: false`.
    pub REQUEST_PROPERTY_ADDITIONAL_PROPERTIES_NARROWED = "request-property-additional-properties-narrowed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a subschema was added to its
    /// `allOf`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// treaty differs from oasdiff here: treaty flattens `allOf` and reports what the new subschema
    /// actually requires under the rule for that change; the split itself breaks nothing (oasdiff
    /// reports an error).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `allOf: [Base]` → `allOf: [Base, Audit]`.
    pub REQUEST_PROPERTY_ALL_OF_ADDED = "request-property-all-of-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a subschema was removed from
    /// its `allOf`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// treaty differs from oasdiff here: treaty flattens `allOf`; what the removed subschema
    /// required is reported by the rules for those properties and constraints (oasdiff warns).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `allOf: [Base, Audit]` → `allOf: [Base]`.
    pub REQUEST_PROPERTY_ALL_OF_REMOVED = "request-property-all-of-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: an alternative was added to
    /// its `anyOf`.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `anyOf: [Card]` → `anyOf: [Card, Wallet]`.
    pub REQUEST_PROPERTY_ANY_OF_ADDED = "request-property-any-of-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: an alternative was removed
    /// from its `anyOf`.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `anyOf: [Card, Wallet]` → `anyOf: [Card]`.
    pub REQUEST_PROPERTY_ANY_OF_REMOVED = "request-property-any-of-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: an `enum` was added to it.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `type: string` → `type: string, enum: [a,
    /// b]`.
    pub REQUEST_PROPERTY_BECAME_ENUM = "request-property-became-enum", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: it is no longer nullable.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `nullable: true` removed (3.0), or `type:
    /// [string, "null"]` → `type: string` (3.1).
    pub REQUEST_PROPERTY_BECAME_NOT_NULLABLE = "request-property-became-not-nullable", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: it became nullable.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `nullable: true` added (3.0), or `type:
    /// string` → `type: [string, "null"]` (3.1).
    pub REQUEST_PROPERTY_BECAME_NULLABLE = "request-property-became-nullable", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a request body property that is no longer required.
    ///
    /// ## Why is this bad?
    /// It is not breaking: clients that send it are still accepted, and those that do not are too.
    ///
    /// ## Example
    /// `note` removed from `required`.
    pub REQUEST_PROPERTY_BECAME_OPTIONAL = "request-property-became-optional", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a request body property that became required.
    ///
    /// ## Why is this bad?
    /// Clients do not send it (the old schema did not ask for it): their requests fail validation.
    /// Make it optional, with a default that keeps the old behaviour.
    ///
    /// ## Example
    /// `note` added to `required`.
    pub REQUEST_PROPERTY_BECAME_REQUIRED = "request-property-became-required", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a request body property with a `default` that became required.
    ///
    /// ## Why is this bad?
    /// Clients do not send it (the old schema did not ask for it): their requests fail validation.
    /// Make it optional, with a default that keeps the old behaviour.
    ///
    /// ## Example
    /// `currency` (with `default: EUR`) added to `required`.
    pub REQUEST_PROPERTY_BECAME_REQUIRED_WITH_DEFAULT = "request-property-became-required-with-default", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `const` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `type: string` → `type: string, const: v1`.
    pub REQUEST_PROPERTY_CONST_ADDED = "request-property-const-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `const` changed.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed, and some of those values are rejected now
    /// (or read differently). Accept both forms, or release the change as a new major version.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `const: v1` → `const: v2`.
    pub REQUEST_PROPERTY_CONST_CHANGED = "request-property-const-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `const` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `const: v1` removed.
    pub REQUEST_PROPERTY_CONST_REMOVED = "request-property-const-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `contains` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `contains` added.
    pub REQUEST_PROPERTY_CONTAINS_ADDED = "request-property-contains-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `contains` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `contains` removed.
    pub REQUEST_PROPERTY_CONTAINS_REMOVED = "request-property-contains-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `contentEncoding`
    /// changed.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed, and some of those values are rejected now
    /// (or read differently). Accept both forms, or release the change as a new major version.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `contentEncoding: base64` → `contentEncoding:
    /// base32`.
    pub REQUEST_PROPERTY_CONTENT_ENCODING_CHANGED = "request-property-content-encoding-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `contentMediaType`
    /// changed.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed, and some of those values are rejected now
    /// (or read differently). Accept both forms, or release the change as a new major version.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `contentMediaType: image/png` →
    /// `contentMediaType: image/jpeg`.
    pub REQUEST_PROPERTY_CONTENT_MEDIA_TYPE_CHANGED = "request-property-content-media-type-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `contentSchema` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `contentSchema` added.
    pub REQUEST_PROPERTY_CONTENT_SCHEMA_ADDED = "request-property-content-schema-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `contentSchema` was
    /// removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `contentSchema` removed.
    pub REQUEST_PROPERTY_CONTENT_SCHEMA_REMOVED = "request-property-content-schema-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `default` was added.
    ///
    /// ## Why is this bad?
    /// A default is what the server assumes when the value is missing, which clients cannot see
    /// from their code; the change is worth a line in the release notes.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `default: 10` added.
    pub REQUEST_PROPERTY_DEFAULT_VALUE_ADDED = "request-property-default-value-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `default` changed.
    ///
    /// ## Why is this bad?
    /// A default is what the server assumes when the value is missing, which clients cannot see
    /// from their code; the change is worth a line in the release notes.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `default: 10` → `default: 20`.
    pub REQUEST_PROPERTY_DEFAULT_VALUE_CHANGED = "request-property-default-value-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `default` was removed.
    ///
    /// ## Why is this bad?
    /// A default is what the server assumes when the value is missing, which clients cannot see
    /// from their code; the change is worth a line in the release notes.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `default: 10` removed.
    pub REQUEST_PROPERTY_DEFAULT_VALUE_REMOVED = "request-property-default-value-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `dependentRequired` entry
    /// was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `dependentRequired: {card: [billing]}` added.
    pub REQUEST_PROPERTY_DEPENDENT_REQUIRED_ADDED = "request-property-dependent-required-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `dependentRequired` entry
    /// now requires other properties.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed, and some of those values are rejected now
    /// (or read differently). Accept both forms, or release the change as a new major version.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `dependentRequired: {card: [billing]}` →
    /// `{card: [billing, zip]}`.
    pub REQUEST_PROPERTY_DEPENDENT_REQUIRED_CHANGED = "request-property-dependent-required-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `dependentRequired` entry
    /// was removed or now requires fewer properties.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `dependentRequired: {card: [billing]}`
    /// removed.
    pub REQUEST_PROPERTY_DEPENDENT_REQUIRED_REMOVED = "request-property-dependent-required-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `dependentSchemas entry`
    /// was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `dependentSchemas` added.
    pub REQUEST_PROPERTY_DEPENDENT_SCHEMA_ADDED = "request-property-dependent-schema-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `dependentSchemas entry`
    /// was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `dependentSchemas` removed.
    pub REQUEST_PROPERTY_DEPENDENT_SCHEMA_REMOVED = "request-property-dependent-schema-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: it was marked `deprecated:
    /// true`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `deprecated: true` added.
    pub REQUEST_PROPERTY_DEPRECATED = "request-property-deprecated", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a deprecated request property whose `x-sunset` or `x-deprecated-at` is not a
    /// `YYYY-MM-DD` date.
    ///
    /// ## Why is this bad?
    /// The removal policy cannot be checked against it.
    ///
    /// treaty differs from oasdiff here: an unreadable date breaks no client; it makes the removal
    /// policy unenforceable (oasdiff reports an error).
    ///
    /// ## Example
    /// `x-sunset: later`.
    pub REQUEST_PROPERTY_DEPRECATED_SUNSET_INVALID = "request-property-deprecated-sunset-invalid", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a request property newly deprecated without an `x-sunset` or `x-deprecated-at` date
    /// while a deprecation period applies.
    ///
    /// ## Why is this bad?
    /// Consumers cannot tell how long they have.
    ///
    /// treaty differs from oasdiff here: deprecating breaks no client; a missing date only weakens
    /// the removal policy (oasdiff reports an error).
    ///
    /// ## Example
    /// `deprecated: true` added alone to a property.
    pub REQUEST_PROPERTY_DEPRECATED_SUNSET_MISSING = "request-property-deprecated-sunset-missing", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: it was marked `deprecated:
    /// true` with an `x-sunset` date.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `deprecated: true` and `x-sunset: 2025-01-01`
    /// added.
    pub REQUEST_PROPERTY_DEPRECATED_WITH_SUNSET = "request-property-deprecated-with-sunset", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `discriminator` was added.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `discriminator: {propertyName: kind}` added.
    pub REQUEST_PROPERTY_DISCRIMINATOR_ADDED = "request-property-discriminator-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: an entry was added to its
    /// discriminator `mapping`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `mapping: {card: Card}` → `mapping: {card:
    /// Card, wallet: Wallet}`.
    pub REQUEST_PROPERTY_DISCRIMINATOR_MAPPING_ADDED = "request-property-discriminator-mapping-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: an entry of its
    /// discriminator `mapping` points at another schema.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `mapping: {card: Card}` → `mapping: {card:
    /// CardV2}`.
    pub REQUEST_PROPERTY_DISCRIMINATOR_MAPPING_CHANGED = "request-property-discriminator-mapping-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: an entry was removed from
    /// its discriminator `mapping`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `mapping: {card: Card, wallet: Wallet}` →
    /// `mapping: {card: Card}`.
    pub REQUEST_PROPERTY_DISCRIMINATOR_MAPPING_DELETED = "request-property-discriminator-mapping-deleted", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its discriminator's
    /// `propertyName` changed.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `propertyName: kind` → `propertyName: type`.
    pub REQUEST_PROPERTY_DISCRIMINATOR_PROPERTY_NAME_CHANGED = "request-property-discriminator-property-name-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `discriminator` was
    /// removed.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `discriminator` removed.
    pub REQUEST_PROPERTY_DISCRIMINATOR_REMOVED = "request-property-discriminator-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `else` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `else` added.
    pub REQUEST_PROPERTY_ELSE_ADDED = "request-property-else-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `else` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `else` removed.
    pub REQUEST_PROPERTY_ELSE_REMOVED = "request-property-else-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a value was added to its
    /// `enum`.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `enum: [a, b]` → `enum: [a, b, c]`.
    pub REQUEST_PROPERTY_ENUM_VALUE_ADDED = "request-property-enum-value-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a value was removed from its
    /// `enum`.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `enum: [a, b, c]` → `enum: [a, b]`.
    pub REQUEST_PROPERTY_ENUM_VALUE_REMOVED = "request-property-enum-value-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `exclusiveMaximum`
    /// decreased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `exclusiveMaximum: 100` → `exclusiveMaximum:
    /// 50`.
    pub REQUEST_PROPERTY_EXCLUSIVE_MAX_DECREASED = "request-property-exclusive-max-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `exclusiveMaximum`
    /// increased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `exclusiveMaximum: 50` → `exclusiveMaximum:
    /// 100`.
    pub REQUEST_PROPERTY_EXCLUSIVE_MAX_INCREASED = "request-property-exclusive-max-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `exclusiveMaximum` was set
    /// where there was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `exclusiveMaximum: 100` added.
    pub REQUEST_PROPERTY_EXCLUSIVE_MAX_SET = "request-property-exclusive-max-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `exclusiveMinimum`
    /// decreased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `exclusiveMinimum: 10` → `exclusiveMinimum:
    /// 0`.
    pub REQUEST_PROPERTY_EXCLUSIVE_MIN_DECREASED = "request-property-exclusive-min-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `exclusiveMinimum`
    /// increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `exclusiveMinimum: 0` → `exclusiveMinimum:
    /// 10`.
    pub REQUEST_PROPERTY_EXCLUSIVE_MIN_INCREASED = "request-property-exclusive-min-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `exclusiveMinimum` was set
    /// where there was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `exclusiveMinimum: 0` added.
    pub REQUEST_PROPERTY_EXCLUSIVE_MIN_SET = "request-property-exclusive-min-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `if` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `if` added.
    pub REQUEST_PROPERTY_IF_ADDED = "request-property-if-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `if` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `if` removed.
    pub REQUEST_PROPERTY_IF_REMOVED = "request-property-if-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its list of types lost a
    /// type.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `type: [string, integer]` → `type: [string]`.
    pub REQUEST_PROPERTY_LIST_OF_TYPES_NARROWED = "request-property-list-of-types-narrowed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its list of types gained a
    /// type.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `type: [string]` → `type: [string, integer]`.
    pub REQUEST_PROPERTY_LIST_OF_TYPES_WIDENED = "request-property-list-of-types-widened", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `maxContains` decreased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `maxContains: 3` → `maxContains: 2`.
    pub REQUEST_PROPERTY_MAX_CONTAINS_DECREASED = "request-property-max-contains-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `maxContains` increased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `maxContains: 2` → `maxContains: 3`.
    pub REQUEST_PROPERTY_MAX_CONTAINS_INCREASED = "request-property-max-contains-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `maximum` decreased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `maximum: 100` → `maximum: 50`.
    pub REQUEST_PROPERTY_MAX_DECREASED = "request-property-max-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `maximum` increased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `maximum: 50` → `maximum: 100`.
    pub REQUEST_PROPERTY_MAX_INCREASED = "request-property-max-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `maxItems` decreased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `maxItems: 10` → `maxItems: 5`.
    pub REQUEST_PROPERTY_MAX_ITEMS_DECREASED = "request-property-max-items-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `maxLength` decreased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `maxLength: 100` → `maxLength: 50`.
    pub REQUEST_PROPERTY_MAX_LENGTH_DECREASED = "request-property-max-length-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `maxLength` increased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `maxLength: 50` → `maxLength: 100`.
    pub REQUEST_PROPERTY_MAX_LENGTH_INCREASED = "request-property-max-length-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `maxLength` was set where
    /// there was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `maxLength: 100` added.
    pub REQUEST_PROPERTY_MAX_LENGTH_SET = "request-property-max-length-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `maxProperties`
    /// decreased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `maxProperties: 10` → `maxProperties: 5`.
    pub REQUEST_PROPERTY_MAX_PROPERTIES_DECREASED = "request-property-max-properties-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `maximum` was set where
    /// there was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `maximum: 100` added.
    pub REQUEST_PROPERTY_MAX_SET = "request-property-max-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `minContains` decreased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `minContains: 2` → `minContains: 1`.
    pub REQUEST_PROPERTY_MIN_CONTAINS_DECREASED = "request-property-min-contains-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `minContains` increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `minContains: 1` → `minContains: 2`.
    pub REQUEST_PROPERTY_MIN_CONTAINS_INCREASED = "request-property-min-contains-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `minimum` decreased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `minimum: 10` → `minimum: 0`.
    pub REQUEST_PROPERTY_MIN_DECREASED = "request-property-min-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `minimum` increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `minimum: 0` → `minimum: 10`.
    pub REQUEST_PROPERTY_MIN_INCREASED = "request-property-min-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `minItems` increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `minItems: 0` → `minItems: 1`.
    pub REQUEST_PROPERTY_MIN_ITEMS_INCREASED = "request-property-min-items-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `minItems` was set where
    /// there was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `minItems: 0` added.
    pub REQUEST_PROPERTY_MIN_ITEMS_SET = "request-property-min-items-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `minLength` decreased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `minLength: 5` → `minLength: 1`.
    pub REQUEST_PROPERTY_MIN_LENGTH_DECREASED = "request-property-min-length-decreased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `minLength` increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `minLength: 1` → `minLength: 5`.
    pub REQUEST_PROPERTY_MIN_LENGTH_INCREASED = "request-property-min-length-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `minProperties`
    /// increased.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `minProperties: 0` → `minProperties: 1`.
    pub REQUEST_PROPERTY_MIN_PROPERTIES_INCREASED = "request-property-min-properties-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `minimum` was set where
    /// there was none.
    ///
    /// ## Why is this bad?
    /// A limit where there was none rejects the values clients send today beyond it; treaty cannot
    /// know whether any client does, hence a warning. Pick a limit above anything clients send, or
    /// release it as a breaking change.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `minimum: 0` added.
    pub REQUEST_PROPERTY_MIN_SET = "request-property-min-set", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `multipleOf` changed so
    /// that the set of accepted numbers is no longer a superset (requests) or subset (responses) of
    /// the old one.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed, and some of those values are rejected now
    /// (or read differently). Accept both forms, or release the change as a new major version.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `multipleOf: 5` → `multipleOf: 10`.
    pub REQUEST_PROPERTY_MULTIPLE_OF_CHANGED = "request-property-multiple-of-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `not` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `not` added.
    pub REQUEST_PROPERTY_NOT_ADDED = "request-property-not-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `not` subschema changed.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed, and some of those values are rejected now
    /// (or read differently). Accept both forms, or release the change as a new major version.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `not: {const: a}` → `not: {const: b}`.
    pub REQUEST_PROPERTY_NOT_CHANGED = "request-property-not-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: an alternative was added to
    /// its `oneOf`.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `oneOf: [Card]` → `oneOf: [Card, Wallet]`.
    pub REQUEST_PROPERTY_ONE_OF_ADDED = "request-property-one-of-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: an alternative was removed
    /// from its `oneOf`.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `oneOf: [Card, Wallet]` → `oneOf: [Card]`.
    pub REQUEST_PROPERTY_ONE_OF_REMOVED = "request-property-one-of-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `pattern` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `pattern: "^[a-z]+$"` added.
    pub REQUEST_PROPERTY_PATTERN_ADDED = "request-property-pattern-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `pattern` changed
    /// (treaty cannot tell whether the new expression accepts more or less).
    ///
    /// ## Why is this bad?
    /// treaty cannot compare two regular expressions: if the new one rejects values the old one
    /// accepted, requests that worked fail validation. Make sure it accepts everything the old one
    /// did.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `pattern: "^[a-z]+$"` → `pattern:
    /// "^[a-z0-9]+$"`.
    pub REQUEST_PROPERTY_PATTERN_CHANGED = "request-property-pattern-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `patternProperties entry`
    /// was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `patternProperties` added.
    pub REQUEST_PROPERTY_PATTERN_PROPERTY_ADDED = "request-property-pattern-property-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `patternProperties
    /// entry` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `patternProperties` removed.
    pub REQUEST_PROPERTY_PATTERN_PROPERTY_REMOVED = "request-property-pattern-property-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `pattern` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `pattern: "^[a-z]+$"` removed.
    pub REQUEST_PROPERTY_PATTERN_REMOVED = "request-property-pattern-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a position was added to its
    /// `prefixItems` (a tuple, read as closed).
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `prefixItems: [a]` → `prefixItems: [a, b]`.
    pub REQUEST_PROPERTY_PREFIX_ITEMS_ADDED = "request-property-prefix-items-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a position was removed from
    /// its `prefixItems` (a tuple, read as closed).
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `prefixItems: [a, b]` → `prefixItems: [a]`.
    pub REQUEST_PROPERTY_PREFIX_ITEMS_REMOVED = "request-property-prefix-items-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `propertyNames` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `propertyNames` added.
    pub REQUEST_PROPERTY_PROPERTY_NAMES_ADDED = "request-property-property-names-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `propertyNames` was
    /// removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `propertyNames` removed.
    pub REQUEST_PROPERTY_PROPERTY_NAMES_REMOVED = "request-property-property-names-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `deprecated: true` was
    /// removed.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `deprecated: true` removed.
    pub REQUEST_PROPERTY_REACTIVATED = "request-property-reactivated", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a property removed from a request body.
    ///
    /// ## Why is this bad?
    /// Clients keep sending it. Servers that ignore unknown properties drop it silently, so what
    /// the client meant is lost; servers that reject unknown properties fail the request.
    ///
    /// ## Example
    /// `note` removed from the `CreateOrder` body.
    pub REQUEST_PROPERTY_REMOVED = "request-property-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a request property whose `x-stability-level` went down.
    ///
    /// ## Why is this bad?
    /// Consumers relied on its stability promise.
    ///
    /// ## Example
    /// `x-stability-level: stable` → `beta`.
    pub REQUEST_PROPERTY_STABILITY_DECREASED = "request-property-stability-decreased", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `x-stability-level` rose
    /// (draft → alpha → beta → stable).
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `x-stability-level: beta` →
    /// `x-stability-level: stable`.
    pub REQUEST_PROPERTY_STABILITY_INCREASED = "request-property-stability-increased", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a request property newly deprecated with an `x-sunset` less than `deprecation_days`
    /// away.
    ///
    /// ## Why is this bad?
    /// Consumers need the whole deprecation period to migrate.
    ///
    /// ## Example
    /// `x-sunset` a week away.
    pub REQUEST_PROPERTY_SUNSET_DATE_TOO_SMALL = "request-property-sunset-date-too-small", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `then` was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `then` added.
    pub REQUEST_PROPERTY_THEN_ADDED = "request-property-then-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `then` was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `then` removed.
    pub REQUEST_PROPERTY_THEN_REMOVED = "request-property-then-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its type (or format) changed
    /// to one that neither includes nor is included in the old one.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed, and some of those values are rejected now
    /// (or read differently). Accept both forms, or release the change as a new major version.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `type: string` → `type: integer`.
    pub REQUEST_PROPERTY_TYPE_CHANGED = "request-property-type-changed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its type (or format)
    /// widened: the new one accepts every old value and more.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `type: integer` → `type: number`, or `format:
    /// int32` → `format: int64`.
    pub REQUEST_PROPERTY_TYPE_GENERALIZED = "request-property-type-generalized", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `unevaluatedItems` was
    /// added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `unevaluatedItems` added.
    pub REQUEST_PROPERTY_UNEVALUATED_ITEMS_ADDED = "request-property-unevaluated-items-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `unevaluatedItems` was
    /// removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `unevaluatedItems` removed.
    pub REQUEST_PROPERTY_UNEVALUATED_ITEMS_REMOVED = "request-property-unevaluated-items-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a `unevaluatedProperties`
    /// was added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `unevaluatedProperties` added.
    pub REQUEST_PROPERTY_UNEVALUATED_PROPERTIES_ADDED = "request-property-unevaluated-properties-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: its `unevaluatedProperties`
    /// was removed.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything clients sent before is still accepted. It widens what the API
    /// accepts, so the release is a minor one.
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `unevaluatedProperties` removed.
    pub REQUEST_PROPERTY_UNEVALUATED_PROPERTIES_REMOVED = "request-property-unevaluated-properties-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: `uniqueItems: true` was
    /// added.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `uniqueItems: true` added.
    pub REQUEST_PROPERTY_UNIQUE_ITEMS_ADDED = "request-property-unique-items-added", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a request body, at any depth: a value was removed from its
    /// `x-extensible-enum`.
    ///
    /// ## Why is this bad?
    /// Clients keep sending what the old schema allowed; some of those values are rejected now, so
    /// requests that used to succeed fail validation. Keep the old rule, or release the stricter
    /// one as a new major version (or a new operation).
    ///
    /// ## Example
    /// On a property of a request body, at any depth: `x-extensible-enum: [a, b]` →
    /// `x-extensible-enum: [a]`.
    pub REQUEST_PROPERTY_X_EXTENSIBLE_ENUM_VALUE_REMOVED = "request-property-x-extensible-enum-value-removed", formats: [Openapi],
    categories: ["OPENAPI", "REQUEST", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a required response header removed.
    ///
    /// ## Why is this bad?
    /// Clients read it (a `Location`, a rate limit) and now find nothing.
    ///
    /// ## Example
    /// `Location` removed from `201`.
    pub REQUIRED_RESPONSE_HEADER_REMOVED = "required-response-header-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a subschema was added to its `allOf`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a response body schema: `allOf: [Base]` → `allOf: [Base, Audit]`.
    pub RESPONSE_BODY_ALL_OF_ADDED = "response-body-all-of-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a subschema was removed from its `allOf`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a response body schema: `allOf: [Base, Audit]` → `allOf: [Base]`.
    pub RESPONSE_BODY_ALL_OF_REMOVED = "response-body-all-of-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: an alternative was added to its `anyOf`.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// treaty differs from oasdiff here: a new alternative in a response widens what clients must
    /// handle, exactly as a `oneOf` alternative does (oasdiff reports it as information).
    ///
    /// ## Example
    /// On a response body schema: `anyOf: [Card]` → `anyOf: [Card, Wallet]`.
    pub RESPONSE_BODY_ANY_OF_ADDED = "response-body-any-of-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: an alternative was removed from its `anyOf`.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `anyOf: [Card, Wallet]` → `anyOf: [Card]`.
    pub RESPONSE_BODY_ANY_OF_REMOVED = "response-body-any-of-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: it is no longer nullable.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `nullable: true` removed (3.0), or `type: [string, "null"]` →
    /// `type: string` (3.1).
    pub RESPONSE_BODY_BECAME_NOT_NULLABLE = "response-body-became-not-nullable", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: it became nullable.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `nullable: true` added (3.0), or `type: string` → `type: [string,
    /// "null"]` (3.1).
    pub RESPONSE_BODY_BECAME_NULLABLE = "response-body-became-nullable", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `const` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `type: string` → `type: string, const: v1`.
    pub RESPONSE_BODY_CONST_ADDED = "response-body-const-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `const` changed.
    ///
    /// ## Why is this bad?
    /// Clients were written for the old shape: values of the new one fail to deserialise or are
    /// misread. Keep the old form, or version the response.
    ///
    /// ## Example
    /// On a response body schema: `const: v1` → `const: v2`.
    pub RESPONSE_BODY_CONST_CHANGED = "response-body-const-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `const` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `const: v1` removed.
    pub RESPONSE_BODY_CONST_REMOVED = "response-body-const-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `contains` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `contains` added.
    pub RESPONSE_BODY_CONTAINS_ADDED = "response-body-contains-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `contains` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `contains` removed.
    pub RESPONSE_BODY_CONTAINS_REMOVED = "response-body-contains-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `contentEncoding` changed.
    ///
    /// ## Why is this bad?
    /// Clients were written for the old shape: values of the new one fail to deserialise or are
    /// misread. Keep the old form, or version the response.
    ///
    /// ## Example
    /// On a response body schema: `contentEncoding: base64` → `contentEncoding: base32`.
    pub RESPONSE_BODY_CONTENT_ENCODING_CHANGED = "response-body-content-encoding-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `contentMediaType` changed.
    ///
    /// ## Why is this bad?
    /// Clients were written for the old shape: values of the new one fail to deserialise or are
    /// misread. Keep the old form, or version the response.
    ///
    /// ## Example
    /// On a response body schema: `contentMediaType: image/png` → `contentMediaType: image/jpeg`.
    pub RESPONSE_BODY_CONTENT_MEDIA_TYPE_CHANGED = "response-body-content-media-type-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `contentSchema` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `contentSchema` added.
    pub RESPONSE_BODY_CONTENT_SCHEMA_ADDED = "response-body-content-schema-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `contentSchema` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `contentSchema` removed.
    pub RESPONSE_BODY_CONTENT_SCHEMA_REMOVED = "response-body-content-schema-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `default` was added.
    ///
    /// ## Why is this bad?
    /// A default is what the server assumes when the value is missing, which clients cannot see
    /// from their code; the change is worth a line in the release notes.
    ///
    /// ## Example
    /// On a response body schema: `default: 10` added.
    pub RESPONSE_BODY_DEFAULT_VALUE_ADDED = "response-body-default-value-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `default` changed.
    ///
    /// ## Why is this bad?
    /// A default is what the server assumes when the value is missing, which clients cannot see
    /// from their code; the change is worth a line in the release notes.
    ///
    /// ## Example
    /// On a response body schema: `default: 10` → `default: 20`.
    pub RESPONSE_BODY_DEFAULT_VALUE_CHANGED = "response-body-default-value-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `default` was removed.
    ///
    /// ## Why is this bad?
    /// A default is what the server assumes when the value is missing, which clients cannot see
    /// from their code; the change is worth a line in the release notes.
    ///
    /// ## Example
    /// On a response body schema: `default: 10` removed.
    pub RESPONSE_BODY_DEFAULT_VALUE_REMOVED = "response-body-default-value-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `dependentRequired` entry was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `dependentRequired: {card: [billing]}` added.
    pub RESPONSE_BODY_DEPENDENT_REQUIRED_ADDED = "response-body-dependent-required-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `dependentRequired` entry now requires other
    /// properties.
    ///
    /// ## Why is this bad?
    /// Clients were written for the old shape: values of the new one fail to deserialise or are
    /// misread. Keep the old form, or version the response.
    ///
    /// ## Example
    /// On a response body schema: `dependentRequired: {card: [billing]}` → `{card: [billing,
    /// zip]}`.
    pub RESPONSE_BODY_DEPENDENT_REQUIRED_CHANGED = "response-body-dependent-required-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `dependentRequired` entry was removed or now
    /// requires fewer properties.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `dependentRequired: {card: [billing]}` removed.
    pub RESPONSE_BODY_DEPENDENT_REQUIRED_REMOVED = "response-body-dependent-required-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `dependentSchemas entry` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `dependentSchemas` added.
    pub RESPONSE_BODY_DEPENDENT_SCHEMA_ADDED = "response-body-dependent-schema-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `dependentSchemas entry` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `dependentSchemas` removed.
    pub RESPONSE_BODY_DEPENDENT_SCHEMA_REMOVED = "response-body-dependent-schema-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `discriminator` was added.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a response body schema: `discriminator: {propertyName: kind}` added.
    pub RESPONSE_BODY_DISCRIMINATOR_ADDED = "response-body-discriminator-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: an entry was added to its discriminator
    /// `mapping`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a response body schema: `mapping: {card: Card}` → `mapping: {card: Card, wallet:
    /// Wallet}`.
    pub RESPONSE_BODY_DISCRIMINATOR_MAPPING_ADDED = "response-body-discriminator-mapping-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: an entry of its discriminator `mapping` points
    /// at another schema.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a response body schema: `mapping: {card: Card}` → `mapping: {card: CardV2}`.
    pub RESPONSE_BODY_DISCRIMINATOR_MAPPING_CHANGED = "response-body-discriminator-mapping-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: an entry was removed from its discriminator
    /// `mapping`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a response body schema: `mapping: {card: Card, wallet: Wallet}` → `mapping: {card:
    /// Card}`.
    pub RESPONSE_BODY_DISCRIMINATOR_MAPPING_DELETED = "response-body-discriminator-mapping-deleted", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its discriminator's `propertyName` changed.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a response body schema: `propertyName: kind` → `propertyName: type`.
    pub RESPONSE_BODY_DISCRIMINATOR_PROPERTY_NAME_CHANGED = "response-body-discriminator-property-name-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `discriminator` was removed.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a response body schema: `discriminator` removed.
    pub RESPONSE_BODY_DISCRIMINATOR_REMOVED = "response-body-discriminator-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `else` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `else` added.
    pub RESPONSE_BODY_ELSE_ADDED = "response-body-else-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `else` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `else` removed.
    pub RESPONSE_BODY_ELSE_REMOVED = "response-body-else-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `exclusiveMaximum` increased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `exclusiveMaximum: 50` → `exclusiveMaximum: 100`.
    pub RESPONSE_BODY_EXCLUSIVE_MAX_INCREASED = "response-body-exclusive-max-increased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `exclusiveMinimum` decreased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `exclusiveMinimum: 10` → `exclusiveMinimum: 0`.
    pub RESPONSE_BODY_EXCLUSIVE_MIN_DECREASED = "response-body-exclusive-min-decreased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `if` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `if` added.
    pub RESPONSE_BODY_IF_ADDED = "response-body-if-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `if` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `if` removed.
    pub RESPONSE_BODY_IF_REMOVED = "response-body-if-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its list of types lost a type.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `type: [string, integer]` → `type: [string]`.
    pub RESPONSE_BODY_LIST_OF_TYPES_NARROWED = "response-body-list-of-types-narrowed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its list of types gained a type.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `type: [string]` → `type: [string, integer]`.
    pub RESPONSE_BODY_LIST_OF_TYPES_WIDENED = "response-body-list-of-types-widened", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `maxContains` decreased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `maxContains: 3` → `maxContains: 2`.
    pub RESPONSE_BODY_MAX_CONTAINS_DECREASED = "response-body-max-contains-decreased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `maxContains` increased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `maxContains: 2` → `maxContains: 3`.
    pub RESPONSE_BODY_MAX_CONTAINS_INCREASED = "response-body-max-contains-increased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `maximum` increased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `maximum: 50` → `maximum: 100`.
    pub RESPONSE_BODY_MAX_INCREASED = "response-body-max-increased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `maxLength` increased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `maxLength: 50` → `maxLength: 100`.
    pub RESPONSE_BODY_MAX_LENGTH_INCREASED = "response-body-max-length-increased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `maxLength` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `maxLength: 100` removed.
    pub RESPONSE_BODY_MAX_LENGTH_UNSET = "response-body-max-length-unset", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a schema added to a response media type that had none.
    ///
    /// ## Why is this bad?
    /// It breaks nothing: the provider documents what it sends.
    ///
    /// ## Example
    /// `application/json: {}` → `application/json: {schema: ...}`.
    pub RESPONSE_BODY_MEDIA_TYPE_SCHEMA_ADDED = "response-body-media-type-schema-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports the schema removed from a response media type.
    ///
    /// ## Why is this bad?
    /// Clients lose the description of what they receive; the provider may send anything now.
    ///
    /// ## Example
    /// `schema` removed from the `200` `application/json` response.
    pub RESPONSE_BODY_MEDIA_TYPE_SCHEMA_REMOVED = "response-body-media-type-schema-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `minContains` decreased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `minContains: 2` → `minContains: 1`.
    pub RESPONSE_BODY_MIN_CONTAINS_DECREASED = "response-body-min-contains-decreased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `minContains` increased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `minContains: 1` → `minContains: 2`.
    pub RESPONSE_BODY_MIN_CONTAINS_INCREASED = "response-body-min-contains-increased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `minimum` decreased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `minimum: 10` → `minimum: 0`.
    pub RESPONSE_BODY_MIN_DECREASED = "response-body-min-decreased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `minItems` decreased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `minItems: 1` → `minItems: 0`.
    pub RESPONSE_BODY_MIN_ITEMS_DECREASED = "response-body-min-items-decreased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `minItems` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `minItems: 0` removed.
    pub RESPONSE_BODY_MIN_ITEMS_UNSET = "response-body-min-items-unset", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `minLength` decreased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `minLength: 5` → `minLength: 1`.
    pub RESPONSE_BODY_MIN_LENGTH_DECREASED = "response-body-min-length-decreased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: an alternative was added to its `oneOf`.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `oneOf: [Card]` → `oneOf: [Card, Wallet]`.
    pub RESPONSE_BODY_ONE_OF_ADDED = "response-body-one-of-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: an alternative was removed from its `oneOf`.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `oneOf: [Card, Wallet]` → `oneOf: [Card]`.
    pub RESPONSE_BODY_ONE_OF_REMOVED = "response-body-one-of-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `patternProperties entry` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `patternProperties` added.
    pub RESPONSE_BODY_PATTERN_PROPERTY_ADDED = "response-body-pattern-property-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `patternProperties entry` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `patternProperties` removed.
    pub RESPONSE_BODY_PATTERN_PROPERTY_REMOVED = "response-body-pattern-property-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a position was added to its `prefixItems` (a
    /// tuple, read as closed).
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `prefixItems: [a]` → `prefixItems: [a, b]`.
    pub RESPONSE_BODY_PREFIX_ITEMS_ADDED = "response-body-prefix-items-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a position was removed from its `prefixItems` (a
    /// tuple, read as closed).
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `prefixItems: [a, b]` → `prefixItems: [a]`.
    pub RESPONSE_BODY_PREFIX_ITEMS_REMOVED = "response-body-prefix-items-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `propertyNames` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `propertyNames` added.
    pub RESPONSE_BODY_PROPERTY_NAMES_ADDED = "response-body-property-names-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `propertyNames` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `propertyNames` removed.
    pub RESPONSE_BODY_PROPERTY_NAMES_REMOVED = "response-body-property-names-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `then` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `then` added.
    pub RESPONSE_BODY_THEN_ADDED = "response-body-then-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `then` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `then` removed.
    pub RESPONSE_BODY_THEN_REMOVED = "response-body-then-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its type (or format) changed to one that neither
    /// includes nor is included in the old one.
    ///
    /// ## Why is this bad?
    /// Clients were written for the old shape: values of the new one fail to deserialise or are
    /// misread. Keep the old form, or version the response.
    ///
    /// ## Example
    /// On a response body schema: `type: string` → `type: integer`.
    pub RESPONSE_BODY_TYPE_CHANGED = "response-body-type-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its type (or format) widened: the new one
    /// accepts every old value and more.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `type: integer` → `type: number`, or `format: int32` → `format:
    /// int64`.
    pub RESPONSE_BODY_TYPE_GENERALIZED = "response-body-type-generalized", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its type (or format) narrowed: the new one
    /// accepts only some of the old values.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `type: number` → `type: integer`.
    pub RESPONSE_BODY_TYPE_SPECIALIZED = "response-body-type-specialized", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `unevaluatedItems` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `unevaluatedItems` added.
    pub RESPONSE_BODY_UNEVALUATED_ITEMS_ADDED = "response-body-unevaluated-items-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `unevaluatedItems` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `unevaluatedItems` removed.
    pub RESPONSE_BODY_UNEVALUATED_ITEMS_REMOVED = "response-body-unevaluated-items-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: a `unevaluatedProperties` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response body schema: `unevaluatedProperties` added.
    pub RESPONSE_BODY_UNEVALUATED_PROPERTIES_ADDED = "response-body-unevaluated-properties-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: its `unevaluatedProperties` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `unevaluatedProperties` removed.
    pub RESPONSE_BODY_UNEVALUATED_PROPERTIES_REMOVED = "response-body-unevaluated-properties-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response body schema: the schema became one alternative of a new
    /// `oneOf`.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response body schema: `$ref: Card` → `oneOf: [$ref: Card, $ref: Wallet]`.
    pub RESPONSE_BODY_WRAPPED_IN_ONE_OF = "response-body-wrapped-in-one-of", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a new response header.
    ///
    /// ## Why is this bad?
    /// It breaks nothing.
    ///
    /// ## Example
    /// `X-RateLimit-Remaining` added to `200`.
    pub RESPONSE_HEADER_ADDED = "response-header-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response header's schema: it is no longer nullable.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response header's schema: `nullable: true` removed (3.0), or `type: [string, "null"]` →
    /// `type: string` (3.1).
    pub RESPONSE_HEADER_BECAME_NOT_NULLABLE = "response-header-became-not-nullable", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response header's schema: it became nullable.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response header's schema: `nullable: true` added (3.0), or `type: string` → `type:
    /// [string, "null"]` (3.1).
    pub RESPONSE_HEADER_BECAME_NULLABLE = "response-header-became-nullable", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a required response header that became optional.
    ///
    /// ## Why is this bad?
    /// Clients rely on it being there.
    ///
    /// ## Example
    /// `required: true` → `required: false` on `Location`.
    pub RESPONSE_HEADER_BECAME_OPTIONAL = "response-header-became-optional", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response header's schema: its type (or format) changed to one that
    /// neither includes nor is included in the old one.
    ///
    /// ## Why is this bad?
    /// Clients were written for the old shape: values of the new one fail to deserialise or are
    /// misread. Keep the old form, or version the response.
    ///
    /// ## Example
    /// On a response header's schema: `type: string` → `type: integer`.
    pub RESPONSE_HEADER_TYPE_CHANGED = "response-header-type-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response header's schema: its type (or format) widened: the new one
    /// accepts every old value and more.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a response header's schema: `type: integer` → `type: number`, or `format: int32` →
    /// `format: int64`.
    pub RESPONSE_HEADER_TYPE_GENERALIZED = "response-header-type-generalized", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a response header's schema: its type (or format) narrowed: the new one
    /// accepts only some of the old values.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a response header's schema: `type: number` → `type: integer`.
    pub RESPONSE_HEADER_TYPE_SPECIALIZED = "response-header-type-specialized", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a new media type for a response.
    ///
    /// ## Why is this bad?
    /// It breaks nothing: clients negotiate the type they asked for.
    ///
    /// ## Example
    /// `application/xml` added to `200`.
    pub RESPONSE_MEDIA_TYPE_ADDED = "response-media-type-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a response media type replaced by a broader range (`application/json` →
    /// `application/*`).
    ///
    /// ## Why is this bad?
    /// Clients parsed JSON; the provider may now send any `application/*` type.
    ///
    /// ## Example
    /// `application/json` → `application/*`.
    pub RESPONSE_MEDIA_TYPE_NAME_GENERALIZED = "response-media-type-name-generalized", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a response media type range replaced by a type inside it (`application/*` →
    /// `application/json`).
    ///
    /// ## Why is this bad?
    /// It breaks nothing: what is sent now was allowed before.
    ///
    /// ## Example
    /// `application/*` → `application/json`.
    pub RESPONSE_MEDIA_TYPE_NAME_SPECIALIZED = "response-media-type-name-specialized", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a media type removed from a response.
    ///
    /// ## Why is this bad?
    /// Clients asking for it (`Accept`) get 406, or a body they cannot parse.
    ///
    /// ## Example
    /// `text/csv` removed from `200`.
    pub RESPONSE_MEDIA_TYPE_REMOVED = "response-media-type-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a new non-success response (3XX, 4XX, 5XX, `default`).
    ///
    /// ## Why is this bad?
    /// It documents an error the API may already return.
    ///
    /// ## Example
    /// `409` added.
    pub RESPONSE_NON_SUCCESS_STATUS_ADDED = "response-non-success-status-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a non-success response removed.
    ///
    /// ## Why is this bad?
    /// It breaks nothing clients rely on: the error is no longer documented.
    ///
    /// ## Example
    /// `409` removed.
    pub RESPONSE_NON_SUCCESS_STATUS_REMOVED = "response-non-success-status-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a new optional property in a response body.
    ///
    /// ## Why is this bad?
    /// It is not breaking: clients ignore properties they do not know (as they must, for responses
    /// to grow).
    ///
    /// ## Example
    /// an optional `note` added to `Order`.
    pub RESPONSE_OPTIONAL_PROPERTY_ADDED = "response-optional-property-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports an optional property removed from a response body.
    ///
    /// ## Why is this bad?
    /// Clients had to cope with its absence, but it may have driven behaviour they now lose.
    ///
    /// ## Example
    /// `note` removed from `Order`.
    pub RESPONSE_OPTIONAL_PROPERTY_REMOVED = "response-optional-property-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: `additionalProperties:
    /// false` was opened (removed, `true`, or a schema).
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `additionalProperties: false` → removed.
    pub RESPONSE_PROPERTY_ADDITIONAL_PROPERTIES_WIDENED = "response-property-additional-properties-widened", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a subschema was added to
    /// its `allOf`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `allOf: [Base]` → `allOf: [Base, Audit]`.
    pub RESPONSE_PROPERTY_ALL_OF_ADDED = "response-property-all-of-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a subschema was removed
    /// from its `allOf`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `allOf: [Base, Audit]` → `allOf: [Base]`.
    pub RESPONSE_PROPERTY_ALL_OF_REMOVED = "response-property-all-of-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: an alternative was added to
    /// its `anyOf`.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// treaty differs from oasdiff here: a new alternative in a response widens what clients must
    /// handle, exactly as a `oneOf` alternative does (oasdiff reports it as information).
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `anyOf: [Card]` → `anyOf: [Card, Wallet]`.
    pub RESPONSE_PROPERTY_ANY_OF_ADDED = "response-property-any-of-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: an alternative was removed
    /// from its `anyOf`.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `anyOf: [Card, Wallet]` → `anyOf: [Card]`.
    pub RESPONSE_PROPERTY_ANY_OF_REMOVED = "response-property-any-of-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: it is no longer nullable.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `nullable: true` removed (3.0), or `type:
    /// [string, "null"]` → `type: string` (3.1).
    pub RESPONSE_PROPERTY_BECAME_NOT_NULLABLE = "response-property-became-not-nullable", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: it became nullable.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `nullable: true` added (3.0), or `type:
    /// string` → `type: [string, "null"]` (3.1).
    pub RESPONSE_PROPERTY_BECAME_NULLABLE = "response-property-became-nullable", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a response body property that is no longer required.
    ///
    /// ## Why is this bad?
    /// Clients rely on it being present; now it may be missing and code that reads it fails.
    ///
    /// ## Example
    /// `total` removed from `required` of `Order`.
    pub RESPONSE_PROPERTY_BECAME_OPTIONAL = "response-property-became-optional", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a response body property that became required.
    ///
    /// ## Why is this bad?
    /// It is not breaking: clients already handled it being present.
    ///
    /// ## Example
    /// `note` added to `required` of `Order`.
    pub RESPONSE_PROPERTY_BECAME_REQUIRED = "response-property-became-required", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `const` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `type: string` → `type: string, const: v1`.
    pub RESPONSE_PROPERTY_CONST_ADDED = "response-property-const-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `const` changed.
    ///
    /// ## Why is this bad?
    /// Clients were written for the old shape: values of the new one fail to deserialise or are
    /// misread. Keep the old form, or version the response.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `const: v1` → `const: v2`.
    pub RESPONSE_PROPERTY_CONST_CHANGED = "response-property-const-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `const` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `const: v1` removed.
    pub RESPONSE_PROPERTY_CONST_REMOVED = "response-property-const-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `contains` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `contains` added.
    pub RESPONSE_PROPERTY_CONTAINS_ADDED = "response-property-contains-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `contains` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `contains` removed.
    pub RESPONSE_PROPERTY_CONTAINS_REMOVED = "response-property-contains-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `contentEncoding`
    /// changed.
    ///
    /// ## Why is this bad?
    /// Clients were written for the old shape: values of the new one fail to deserialise or are
    /// misread. Keep the old form, or version the response.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `contentEncoding: base64` →
    /// `contentEncoding: base32`.
    pub RESPONSE_PROPERTY_CONTENT_ENCODING_CHANGED = "response-property-content-encoding-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `contentMediaType`
    /// changed.
    ///
    /// ## Why is this bad?
    /// Clients were written for the old shape: values of the new one fail to deserialise or are
    /// misread. Keep the old form, or version the response.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `contentMediaType: image/png` →
    /// `contentMediaType: image/jpeg`.
    pub RESPONSE_PROPERTY_CONTENT_MEDIA_TYPE_CHANGED = "response-property-content-media-type-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `contentSchema` was
    /// added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `contentSchema` added.
    pub RESPONSE_PROPERTY_CONTENT_SCHEMA_ADDED = "response-property-content-schema-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `contentSchema` was
    /// removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `contentSchema` removed.
    pub RESPONSE_PROPERTY_CONTENT_SCHEMA_REMOVED = "response-property-content-schema-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `default` was added.
    ///
    /// ## Why is this bad?
    /// A default is what the server assumes when the value is missing, which clients cannot see
    /// from their code; the change is worth a line in the release notes.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `default: 10` added.
    pub RESPONSE_PROPERTY_DEFAULT_VALUE_ADDED = "response-property-default-value-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `default` changed.
    ///
    /// ## Why is this bad?
    /// A default is what the server assumes when the value is missing, which clients cannot see
    /// from their code; the change is worth a line in the release notes.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `default: 10` → `default: 20`.
    pub RESPONSE_PROPERTY_DEFAULT_VALUE_CHANGED = "response-property-default-value-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `default` was removed.
    ///
    /// ## Why is this bad?
    /// A default is what the server assumes when the value is missing, which clients cannot see
    /// from their code; the change is worth a line in the release notes.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `default: 10` removed.
    pub RESPONSE_PROPERTY_DEFAULT_VALUE_REMOVED = "response-property-default-value-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `dependentRequired` entry
    /// was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `dependentRequired: {card: [billing]}`
    /// added.
    pub RESPONSE_PROPERTY_DEPENDENT_REQUIRED_ADDED = "response-property-dependent-required-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `dependentRequired` entry
    /// now requires other properties.
    ///
    /// ## Why is this bad?
    /// Clients were written for the old shape: values of the new one fail to deserialise or are
    /// misread. Keep the old form, or version the response.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `dependentRequired: {card: [billing]}` →
    /// `{card: [billing, zip]}`.
    pub RESPONSE_PROPERTY_DEPENDENT_REQUIRED_CHANGED = "response-property-dependent-required-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `dependentRequired` entry
    /// was removed or now requires fewer properties.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `dependentRequired: {card: [billing]}`
    /// removed.
    pub RESPONSE_PROPERTY_DEPENDENT_REQUIRED_REMOVED = "response-property-dependent-required-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `dependentSchemas entry`
    /// was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `dependentSchemas` added.
    pub RESPONSE_PROPERTY_DEPENDENT_SCHEMA_ADDED = "response-property-dependent-schema-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `dependentSchemas
    /// entry` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `dependentSchemas` removed.
    pub RESPONSE_PROPERTY_DEPENDENT_SCHEMA_REMOVED = "response-property-dependent-schema-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: it was marked `deprecated:
    /// true`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `deprecated: true` added.
    pub RESPONSE_PROPERTY_DEPRECATED = "response-property-deprecated", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a deprecated response property whose `x-sunset` or `x-deprecated-at` is not a
    /// `YYYY-MM-DD` date.
    ///
    /// ## Why is this bad?
    /// The removal policy cannot be checked against it.
    ///
    /// treaty differs from oasdiff here: an unreadable date breaks no client; it makes the removal
    /// policy unenforceable (oasdiff reports an error).
    ///
    /// ## Example
    /// `x-sunset: later`.
    pub RESPONSE_PROPERTY_DEPRECATED_SUNSET_INVALID = "response-property-deprecated-sunset-invalid", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a response property newly deprecated without an `x-sunset` or `x-deprecated-at` date
    /// while a deprecation period applies.
    ///
    /// ## Why is this bad?
    /// Consumers cannot tell how long they have.
    ///
    /// treaty differs from oasdiff here: deprecating breaks no client; a missing date only weakens
    /// the removal policy (oasdiff reports an error).
    ///
    /// ## Example
    /// `deprecated: true` added alone to a property.
    pub RESPONSE_PROPERTY_DEPRECATED_SUNSET_MISSING = "response-property-deprecated-sunset-missing", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: it was marked `deprecated:
    /// true` with an `x-sunset` date.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `deprecated: true` and `x-sunset:
    /// 2025-01-01` added.
    pub RESPONSE_PROPERTY_DEPRECATED_WITH_SUNSET = "response-property-deprecated-with-sunset", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `discriminator` was
    /// added.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `discriminator: {propertyName: kind}` added.
    pub RESPONSE_PROPERTY_DISCRIMINATOR_ADDED = "response-property-discriminator-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: an entry was added to its
    /// discriminator `mapping`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `mapping: {card: Card}` → `mapping: {card:
    /// Card, wallet: Wallet}`.
    pub RESPONSE_PROPERTY_DISCRIMINATOR_MAPPING_ADDED = "response-property-discriminator-mapping-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: an entry of its
    /// discriminator `mapping` points at another schema.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `mapping: {card: Card}` → `mapping: {card:
    /// CardV2}`.
    pub RESPONSE_PROPERTY_DISCRIMINATOR_MAPPING_CHANGED = "response-property-discriminator-mapping-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: an entry was removed from
    /// its discriminator `mapping`.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `mapping: {card: Card, wallet: Wallet}` →
    /// `mapping: {card: Card}`.
    pub RESPONSE_PROPERTY_DISCRIMINATOR_MAPPING_DELETED = "response-property-discriminator-mapping-deleted", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its discriminator's
    /// `propertyName` changed.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `propertyName: kind` → `propertyName: type`.
    pub RESPONSE_PROPERTY_DISCRIMINATOR_PROPERTY_NAME_CHANGED = "response-property-discriminator-property-name-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `discriminator` was
    /// removed.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `discriminator` removed.
    pub RESPONSE_PROPERTY_DISCRIMINATOR_REMOVED = "response-property-discriminator-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `else` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `else` added.
    pub RESPONSE_PROPERTY_ELSE_ADDED = "response-property-else-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `else` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `else` removed.
    pub RESPONSE_PROPERTY_ELSE_REMOVED = "response-property-else-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a value was added to its
    /// `enum`.
    ///
    /// ## Why is this bad?
    /// Clients that switch over the values they know meet one they do not; clients that pass the
    /// value through are fine, hence a warning (`response_enum_added` in the `breaking`
    /// configuration sets the severity; `x-extensible-enum` announces that values will be added and
    /// silences it).
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `enum: [a, b]` → `enum: [a, b, c]`.
    pub RESPONSE_PROPERTY_ENUM_VALUE_ADDED = "response-property-enum-value-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a value was removed from
    /// its `enum`.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `enum: [a, b, c]` → `enum: [a, b]`.
    pub RESPONSE_PROPERTY_ENUM_VALUE_REMOVED = "response-property-enum-value-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `exclusiveMaximum`
    /// increased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `exclusiveMaximum: 50` → `exclusiveMaximum:
    /// 100`.
    pub RESPONSE_PROPERTY_EXCLUSIVE_MAX_INCREASED = "response-property-exclusive-max-increased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `exclusiveMinimum`
    /// decreased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `exclusiveMinimum: 10` → `exclusiveMinimum:
    /// 0`.
    pub RESPONSE_PROPERTY_EXCLUSIVE_MIN_DECREASED = "response-property-exclusive-min-decreased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `if` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `if` added.
    pub RESPONSE_PROPERTY_IF_ADDED = "response-property-if-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `if` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `if` removed.
    pub RESPONSE_PROPERTY_IF_REMOVED = "response-property-if-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its list of types lost a
    /// type.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `type: [string, integer]` → `type:
    /// [string]`.
    pub RESPONSE_PROPERTY_LIST_OF_TYPES_NARROWED = "response-property-list-of-types-narrowed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its list of types gained a
    /// type.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `type: [string]` → `type: [string,
    /// integer]`.
    pub RESPONSE_PROPERTY_LIST_OF_TYPES_WIDENED = "response-property-list-of-types-widened", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `maxContains`
    /// decreased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `maxContains: 3` → `maxContains: 2`.
    pub RESPONSE_PROPERTY_MAX_CONTAINS_DECREASED = "response-property-max-contains-decreased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `maxContains`
    /// increased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `maxContains: 2` → `maxContains: 3`.
    pub RESPONSE_PROPERTY_MAX_CONTAINS_INCREASED = "response-property-max-contains-increased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `maximum` increased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `maximum: 50` → `maximum: 100`.
    pub RESPONSE_PROPERTY_MAX_INCREASED = "response-property-max-increased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `maxItems` increased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `maxItems: 5` → `maxItems: 10`.
    pub RESPONSE_PROPERTY_MAX_ITEMS_INCREASED = "response-property-max-items-increased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `maxLength` increased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `maxLength: 50` → `maxLength: 100`.
    pub RESPONSE_PROPERTY_MAX_LENGTH_INCREASED = "response-property-max-length-increased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `maxLength` was
    /// removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `maxLength: 100` removed.
    pub RESPONSE_PROPERTY_MAX_LENGTH_UNSET = "response-property-max-length-unset", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `maxProperties`
    /// increased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `maxProperties: 5` → `maxProperties: 10`.
    pub RESPONSE_PROPERTY_MAX_PROPERTIES_INCREASED = "response-property-max-properties-increased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `minContains`
    /// decreased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `minContains: 2` → `minContains: 1`.
    pub RESPONSE_PROPERTY_MIN_CONTAINS_DECREASED = "response-property-min-contains-decreased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `minContains`
    /// increased.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `minContains: 1` → `minContains: 2`.
    pub RESPONSE_PROPERTY_MIN_CONTAINS_INCREASED = "response-property-min-contains-increased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `minimum` decreased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `minimum: 10` → `minimum: 0`.
    pub RESPONSE_PROPERTY_MIN_DECREASED = "response-property-min-decreased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `minItems` decreased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `minItems: 1` → `minItems: 0`.
    pub RESPONSE_PROPERTY_MIN_ITEMS_DECREASED = "response-property-min-items-decreased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `minItems` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `minItems: 0` removed.
    pub RESPONSE_PROPERTY_MIN_ITEMS_UNSET = "response-property-min-items-unset", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `minLength` decreased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `minLength: 5` → `minLength: 1`.
    pub RESPONSE_PROPERTY_MIN_LENGTH_DECREASED = "response-property-min-length-decreased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `minProperties`
    /// decreased.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `minProperties: 1` → `minProperties: 0`.
    pub RESPONSE_PROPERTY_MIN_PROPERTIES_DECREASED = "response-property-min-properties-decreased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `multipleOf` changed so
    /// that the set of accepted numbers is no longer a superset (requests) or subset (responses) of
    /// the old one.
    ///
    /// ## Why is this bad?
    /// Clients were written for the old shape: values of the new one fail to deserialise or are
    /// misread. Keep the old form, or version the response.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `multipleOf: 5` → `multipleOf: 10`.
    pub RESPONSE_PROPERTY_MULTIPLE_OF_CHANGED = "response-property-multiple-of-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `not` subschema
    /// changed.
    ///
    /// ## Why is this bad?
    /// Clients were written for the old shape: values of the new one fail to deserialise or are
    /// misread. Keep the old form, or version the response.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `not: {const: a}` → `not: {const: b}`.
    pub RESPONSE_PROPERTY_NOT_CHANGED = "response-property-not-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `not` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `not` removed.
    pub RESPONSE_PROPERTY_NOT_REMOVED = "response-property-not-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: an alternative was added to
    /// its `oneOf`.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `oneOf: [Card]` → `oneOf: [Card, Wallet]`.
    pub RESPONSE_PROPERTY_ONE_OF_ADDED = "response-property-one-of-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: an alternative was removed
    /// from its `oneOf`.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `oneOf: [Card, Wallet]` → `oneOf: [Card]`.
    pub RESPONSE_PROPERTY_ONE_OF_REMOVED = "response-property-one-of-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `pattern` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `pattern: "^[a-z]+$"` added.
    pub RESPONSE_PROPERTY_PATTERN_ADDED = "response-property-pattern-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `pattern` changed
    /// (treaty cannot tell whether the new expression accepts more or less).
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// treaty differs from oasdiff here: a response may only narrow, and treaty cannot tell whether
    /// the new pattern is narrower (oasdiff reports it as information).
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `pattern: "^[a-z]+$"` → `pattern:
    /// "^[a-z0-9]+$"`.
    pub RESPONSE_PROPERTY_PATTERN_CHANGED = "response-property-pattern-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `patternProperties entry`
    /// was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `patternProperties` added.
    pub RESPONSE_PROPERTY_PATTERN_PROPERTY_ADDED = "response-property-pattern-property-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `patternProperties
    /// entry` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `patternProperties` removed.
    pub RESPONSE_PROPERTY_PATTERN_PROPERTY_REMOVED = "response-property-pattern-property-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `pattern` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// treaty differs from oasdiff here: a response may only narrow: without the pattern the
    /// provider may send values clients did not expect (oasdiff reports it as information).
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `pattern: "^[a-z]+$"` removed.
    pub RESPONSE_PROPERTY_PATTERN_REMOVED = "response-property-pattern-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Warning, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a position was added to its
    /// `prefixItems` (a tuple, read as closed).
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `prefixItems: [a]` → `prefixItems: [a, b]`.
    pub RESPONSE_PROPERTY_PREFIX_ITEMS_ADDED = "response-property-prefix-items-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a position was removed from
    /// its `prefixItems` (a tuple, read as closed).
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `prefixItems: [a, b]` → `prefixItems: [a]`.
    pub RESPONSE_PROPERTY_PREFIX_ITEMS_REMOVED = "response-property-prefix-items-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `propertyNames` was
    /// added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `propertyNames` added.
    pub RESPONSE_PROPERTY_PROPERTY_NAMES_ADDED = "response-property-property-names-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `propertyNames` was
    /// removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `propertyNames` removed.
    pub RESPONSE_PROPERTY_PROPERTY_NAMES_REMOVED = "response-property-property-names-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `deprecated: true` was
    /// removed.
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `deprecated: true` removed.
    pub RESPONSE_PROPERTY_REACTIVATED = "response-property-reactivated", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a response property whose `x-stability-level` went down.
    ///
    /// ## Why is this bad?
    /// Consumers relied on its stability promise.
    ///
    /// ## Example
    /// `x-stability-level: stable` → `beta`.
    pub RESPONSE_PROPERTY_STABILITY_DECREASED = "response-property-stability-decreased", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `x-stability-level`
    /// rose (draft → alpha → beta → stable).
    ///
    /// ## Why is this bad?
    /// It does not change which values are valid by itself (treaty compares what schemas accept,
    /// and reports property and constraint changes under their own rules); it is reported so
    /// reviewers see the restructuring.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `x-stability-level: beta` →
    /// `x-stability-level: stable`.
    pub RESPONSE_PROPERTY_STABILITY_INCREASED = "response-property-stability-increased", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a response property newly deprecated with an `x-sunset` less than `deprecation_days`
    /// away.
    ///
    /// ## Why is this bad?
    /// Consumers need the whole deprecation period to migrate.
    ///
    /// ## Example
    /// `x-sunset` a week away.
    pub RESPONSE_PROPERTY_SUNSET_DATE_TOO_SMALL = "response-property-sunset-date-too-small", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `then` was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `then` added.
    pub RESPONSE_PROPERTY_THEN_ADDED = "response-property-then-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `then` was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `then` removed.
    pub RESPONSE_PROPERTY_THEN_REMOVED = "response-property-then-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its type (or format)
    /// changed to one that neither includes nor is included in the old one.
    ///
    /// ## Why is this bad?
    /// Clients were written for the old shape: values of the new one fail to deserialise or are
    /// misread. Keep the old form, or version the response.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `type: string` → `type: integer`.
    pub RESPONSE_PROPERTY_TYPE_CHANGED = "response-property-type-changed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its type (or format)
    /// widened: the new one accepts every old value and more.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `type: integer` → `type: number`, or
    /// `format: int32` → `format: int64`.
    pub RESPONSE_PROPERTY_TYPE_GENERALIZED = "response-property-type-generalized", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its type (or format)
    /// narrowed: the new one accepts only some of the old values.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `type: number` → `type: integer`.
    pub RESPONSE_PROPERTY_TYPE_SPECIALIZED = "response-property-type-specialized", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `unevaluatedItems` was
    /// added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `unevaluatedItems` added.
    pub RESPONSE_PROPERTY_UNEVALUATED_ITEMS_ADDED = "response-property-unevaluated-items-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `unevaluatedItems` was
    /// removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `unevaluatedItems` removed.
    pub RESPONSE_PROPERTY_UNEVALUATED_ITEMS_REMOVED = "response-property-unevaluated-items-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: a `unevaluatedProperties`
    /// was added.
    ///
    /// ## Why is this bad?
    /// It is not breaking: everything the provider sends now was already allowed, so clients
    /// written for the old schema handle it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `unevaluatedProperties` added.
    pub RESPONSE_PROPERTY_UNEVALUATED_PROPERTIES_ADDED = "response-property-unevaluated-properties-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Patch
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: its `unevaluatedProperties`
    /// was removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `unevaluatedProperties` removed.
    pub RESPONSE_PROPERTY_UNEVALUATED_PROPERTIES_REMOVED = "response-property-unevaluated-properties-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a change to a property of a response body, at any depth: `uniqueItems: true` was
    /// removed.
    ///
    /// ## Why is this bad?
    /// Clients were written to handle what the old schema allowed and nothing more. The provider
    /// may now send values outside it, which strict clients reject and lenient ones mishandle. Keep
    /// the response as narrow as it was, or version it.
    ///
    /// ## Example
    /// On a property of a response body, at any depth: `uniqueItems: true` removed.
    pub RESPONSE_PROPERTY_UNIQUE_ITEMS_REMOVED = "response-property-unique-items-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a new required property in a response body.
    ///
    /// ## Why is this bad?
    /// It is not breaking: clients ignore properties they do not know (as they must, for responses
    /// to grow).
    ///
    /// ## Example
    /// a required `createdAt` added to `Order`.
    pub RESPONSE_REQUIRED_PROPERTY_ADDED = "response-required-property-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a required property removed from a response body (or made `writeOnly`, which takes
    /// it out of responses).
    ///
    /// ## Why is this bad?
    /// Clients read it and now find nothing: deserialisation into a type that requires it fails,
    /// and code that uses it breaks. Keep sending it, deprecate it first, or version the response.
    ///
    /// ## Example
    /// `total` removed from `Order`.
    pub RESPONSE_REQUIRED_PROPERTY_REMOVED = "response-required-property-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES", "SCHEMA"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a new success (2XX) response.
    ///
    /// ## Why is this bad?
    /// Clients that accept any 2XX keep working; clients that handle statuses one by one may not
    /// know it, so consider it for release notes.
    ///
    /// ## Example
    /// `202` added.
    pub RESPONSE_SUCCESS_STATUS_ADDED = "response-success-status-added", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a success (2XX) response removed from an operation.
    ///
    /// ## Why is this bad?
    /// Clients handle that status; now they get another one, or a body they do not expect.
    ///
    /// ## Example
    /// `201` removed, `200` kept.
    pub RESPONSE_SUCCESS_STATUS_REMOVED = "response-success-status-removed", formats: [Openapi],
    categories: ["OPENAPI", "RESPONSES"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a deprecated operation whose `x-sunset` was removed while it stays deprecated.
    ///
    /// ## Why is this bad?
    /// Consumers lose the announced date; the removal can no longer be checked against it.
    ///
    /// ## Example
    /// `x-sunset: 2025-06-30` removed, `deprecated: true` kept.
    pub SUNSET_DELETED = "sunset-deleted", formats: [Openapi],
    categories: ["OPENAPI", "LIFECYCLE"], default: true, severity: Error, bump: Major
}

breaking_rule! {
    /// ## What it does
    /// Reports a new webhook (OpenAPI 3.1 `webhooks`).
    ///
    /// ## Why is this bad?
    /// It breaks nothing: consumers that do not subscribe never see it.
    ///
    /// ## Example
    /// `webhooks: {orderShipped: ...}` added.
    pub WEBHOOK_ADDED = "webhook-added", formats: [Openapi],
    categories: ["OPENAPI", "PATHS"], default: true, severity: Info, bump: Minor
}

breaking_rule! {
    /// ## What it does
    /// Reports a webhook removed (OpenAPI 3.1 `webhooks`).
    ///
    /// ## Why is this bad?
    /// Consumers that receive it stop getting the events they built on.
    ///
    /// ## Example
    /// `webhooks.orderShipped` removed.
    pub WEBHOOK_REMOVED = "webhook-removed", formats: [Openapi],
    categories: ["OPENAPI", "PATHS"], default: true, severity: Error, bump: Major
}

/// Every OpenAPI rule, sorted by id.
pub static RULES: &[&BreakingRule] = &[
    &API_DEPRECATED_SUNSET_MISSING,
    &API_DEPRECATED_SUNSET_PARSE,
    &API_DESCRIPTION_CHANGED,
    &API_EXAMPLE_CHANGED,
    &API_INVALID_STABILITY_LEVEL,
    &API_OPERATION_ID_ADDED,
    &API_OPERATION_ID_REMOVED,
    &API_PATH_PARAM_RENAMED,
    &API_PATH_REMOVED_BEFORE_SUNSET,
    &API_PATH_REMOVED_WITH_DEPRECATION,
    &API_PATH_REMOVED_WITHOUT_DEPRECATION,
    &API_PATH_SUNSET_PARSE,
    &API_REMOVED_BEFORE_SUNSET,
    &API_REMOVED_WITH_DEPRECATION,
    &API_REMOVED_WITHOUT_DEPRECATION,
    &API_SCHEMA_REMOVED,
    &API_SECURITY_TIGHTENED,
    &API_STABILITY_DECREASED,
    &API_STABILITY_INCREASED,
    &API_SUNSET_DATE_CHANGED_TOO_SMALL,
    &API_SUNSET_DATE_TOO_SMALL,
    &ENDPOINT_ADDED,
    &ENDPOINT_DEPRECATED,
    &ENDPOINT_DEPRECATED_WITH_SUNSET,
    &ENDPOINT_REACTIVATED,
    &NEW_OPTIONAL_REQUEST_DEFAULT_PARAMETER_TO_EXISTING_PATH,
    &NEW_OPTIONAL_REQUEST_PARAMETER,
    &NEW_OPTIONAL_REQUEST_PROPERTY,
    &NEW_REQUEST_PATH_PARAMETER,
    &NEW_REQUIRED_REQUEST_DEFAULT_PARAMETER_TO_EXISTING_PATH,
    &NEW_REQUIRED_REQUEST_HEADER_PROPERTY,
    &NEW_REQUIRED_REQUEST_PARAMETER,
    &NEW_REQUIRED_REQUEST_PROPERTY,
    &NEW_REQUIRED_REQUEST_PROPERTY_WITH_DEFAULT,
    &OPTIONAL_RESPONSE_HEADER_REMOVED,
    &REQUEST_BODY_ADDED_OPTIONAL,
    &REQUEST_BODY_ADDED_REQUIRED,
    &REQUEST_BODY_ALL_OF_ADDED,
    &REQUEST_BODY_ALL_OF_REMOVED,
    &REQUEST_BODY_ANY_OF_ADDED,
    &REQUEST_BODY_ANY_OF_REMOVED,
    &REQUEST_BODY_BECAME_ENUM,
    &REQUEST_BODY_BECAME_NOT_NULLABLE,
    &REQUEST_BODY_BECAME_NULLABLE,
    &REQUEST_BODY_BECAME_OPTIONAL,
    &REQUEST_BODY_BECAME_REQUIRED,
    &REQUEST_BODY_CONST_ADDED,
    &REQUEST_BODY_CONST_CHANGED,
    &REQUEST_BODY_CONST_REMOVED,
    &REQUEST_BODY_CONTAINS_ADDED,
    &REQUEST_BODY_CONTAINS_REMOVED,
    &REQUEST_BODY_CONTENT_ENCODING_CHANGED,
    &REQUEST_BODY_CONTENT_MEDIA_TYPE_CHANGED,
    &REQUEST_BODY_CONTENT_SCHEMA_ADDED,
    &REQUEST_BODY_CONTENT_SCHEMA_REMOVED,
    &REQUEST_BODY_DEFAULT_VALUE_ADDED,
    &REQUEST_BODY_DEFAULT_VALUE_CHANGED,
    &REQUEST_BODY_DEFAULT_VALUE_REMOVED,
    &REQUEST_BODY_DEPENDENT_REQUIRED_ADDED,
    &REQUEST_BODY_DEPENDENT_REQUIRED_CHANGED,
    &REQUEST_BODY_DEPENDENT_REQUIRED_REMOVED,
    &REQUEST_BODY_DEPENDENT_SCHEMA_ADDED,
    &REQUEST_BODY_DEPENDENT_SCHEMA_REMOVED,
    &REQUEST_BODY_DISCRIMINATOR_ADDED,
    &REQUEST_BODY_DISCRIMINATOR_MAPPING_ADDED,
    &REQUEST_BODY_DISCRIMINATOR_MAPPING_CHANGED,
    &REQUEST_BODY_DISCRIMINATOR_MAPPING_DELETED,
    &REQUEST_BODY_DISCRIMINATOR_PROPERTY_NAME_CHANGED,
    &REQUEST_BODY_DISCRIMINATOR_REMOVED,
    &REQUEST_BODY_ELSE_ADDED,
    &REQUEST_BODY_ELSE_REMOVED,
    &REQUEST_BODY_ENUM_VALUE_REMOVED,
    &REQUEST_BODY_EXCLUSIVE_MAX_DECREASED,
    &REQUEST_BODY_EXCLUSIVE_MAX_INCREASED,
    &REQUEST_BODY_EXCLUSIVE_MAX_SET,
    &REQUEST_BODY_EXCLUSIVE_MIN_DECREASED,
    &REQUEST_BODY_EXCLUSIVE_MIN_INCREASED,
    &REQUEST_BODY_EXCLUSIVE_MIN_SET,
    &REQUEST_BODY_IF_ADDED,
    &REQUEST_BODY_IF_REMOVED,
    &REQUEST_BODY_LIST_OF_TYPES_NARROWED,
    &REQUEST_BODY_LIST_OF_TYPES_WIDENED,
    &REQUEST_BODY_MAX_CONTAINS_DECREASED,
    &REQUEST_BODY_MAX_CONTAINS_INCREASED,
    &REQUEST_BODY_MAX_DECREASED,
    &REQUEST_BODY_MAX_INCREASED,
    &REQUEST_BODY_MAX_LENGTH_DECREASED,
    &REQUEST_BODY_MAX_LENGTH_INCREASED,
    &REQUEST_BODY_MAX_LENGTH_SET,
    &REQUEST_BODY_MAX_SET,
    &REQUEST_BODY_MEDIA_TYPE_ADDED,
    &REQUEST_BODY_MEDIA_TYPE_REMOVED,
    &REQUEST_BODY_MEDIA_TYPE_SCHEMA_ADDED,
    &REQUEST_BODY_MEDIA_TYPE_SCHEMA_REMOVED,
    &REQUEST_BODY_MIN_CONTAINS_DECREASED,
    &REQUEST_BODY_MIN_CONTAINS_INCREASED,
    &REQUEST_BODY_MIN_DECREASED,
    &REQUEST_BODY_MIN_INCREASED,
    &REQUEST_BODY_MIN_ITEMS_INCREASED,
    &REQUEST_BODY_MIN_ITEMS_SET,
    &REQUEST_BODY_MIN_LENGTH_DECREASED,
    &REQUEST_BODY_MIN_LENGTH_INCREASED,
    &REQUEST_BODY_MIN_SET,
    &REQUEST_BODY_ONE_OF_ADDED,
    &REQUEST_BODY_ONE_OF_REMOVED,
    &REQUEST_BODY_PATTERN_PROPERTY_ADDED,
    &REQUEST_BODY_PATTERN_PROPERTY_REMOVED,
    &REQUEST_BODY_PREFIX_ITEMS_ADDED,
    &REQUEST_BODY_PREFIX_ITEMS_REMOVED,
    &REQUEST_BODY_PROPERTY_NAMES_ADDED,
    &REQUEST_BODY_PROPERTY_NAMES_REMOVED,
    &REQUEST_BODY_REMOVED,
    &REQUEST_BODY_THEN_ADDED,
    &REQUEST_BODY_THEN_REMOVED,
    &REQUEST_BODY_TYPE_CHANGED,
    &REQUEST_BODY_TYPE_GENERALIZED,
    &REQUEST_BODY_UNEVALUATED_ITEMS_ADDED,
    &REQUEST_BODY_UNEVALUATED_ITEMS_REMOVED,
    &REQUEST_BODY_UNEVALUATED_PROPERTIES_ADDED,
    &REQUEST_BODY_UNEVALUATED_PROPERTIES_REMOVED,
    &REQUEST_BODY_WRAPPED_IN_ONE_OF,
    &REQUEST_HEADER_PROPERTY_BECAME_ENUM,
    &REQUEST_HEADER_PROPERTY_BECAME_REQUIRED,
    &REQUEST_PARAMETER_BECAME_ENUM,
    &REQUEST_PARAMETER_BECAME_NOT_NULLABLE,
    &REQUEST_PARAMETER_BECAME_NULLABLE,
    &REQUEST_PARAMETER_BECAME_OPTIONAL,
    &REQUEST_PARAMETER_BECAME_REQUIRED,
    &REQUEST_PARAMETER_DEFAULT_VALUE_ADDED,
    &REQUEST_PARAMETER_DEFAULT_VALUE_CHANGED,
    &REQUEST_PARAMETER_DEFAULT_VALUE_REMOVED,
    &REQUEST_PARAMETER_DEPRECATED,
    &REQUEST_PARAMETER_DEPRECATED_SUNSET_MISSING,
    &REQUEST_PARAMETER_ENUM_VALUE_ADDED,
    &REQUEST_PARAMETER_ENUM_VALUE_REMOVED,
    &REQUEST_PARAMETER_EXCLUSIVE_MAX_DECREASED,
    &REQUEST_PARAMETER_EXCLUSIVE_MAX_INCREASED,
    &REQUEST_PARAMETER_EXCLUSIVE_MAX_SET,
    &REQUEST_PARAMETER_EXCLUSIVE_MIN_DECREASED,
    &REQUEST_PARAMETER_EXCLUSIVE_MIN_INCREASED,
    &REQUEST_PARAMETER_EXCLUSIVE_MIN_SET,
    &REQUEST_PARAMETER_EXPLODE_CHANGED,
    &REQUEST_PARAMETER_LIST_OF_TYPES_NARROWED,
    &REQUEST_PARAMETER_LIST_OF_TYPES_WIDENED,
    &REQUEST_PARAMETER_LOCATION_CHANGED,
    &REQUEST_PARAMETER_MAX_DECREASED,
    &REQUEST_PARAMETER_MAX_INCREASED,
    &REQUEST_PARAMETER_MAX_ITEMS_DECREASED,
    &REQUEST_PARAMETER_MAX_ITEMS_INCREASED,
    &REQUEST_PARAMETER_MAX_LENGTH_DECREASED,
    &REQUEST_PARAMETER_MAX_LENGTH_INCREASED,
    &REQUEST_PARAMETER_MAX_LENGTH_SET,
    &REQUEST_PARAMETER_MAX_SET,
    &REQUEST_PARAMETER_MIN_DECREASED,
    &REQUEST_PARAMETER_MIN_INCREASED,
    &REQUEST_PARAMETER_MIN_ITEMS_DECREASED,
    &REQUEST_PARAMETER_MIN_ITEMS_INCREASED,
    &REQUEST_PARAMETER_MIN_ITEMS_SET,
    &REQUEST_PARAMETER_MIN_LENGTH_DECREASED,
    &REQUEST_PARAMETER_MIN_LENGTH_INCREASED,
    &REQUEST_PARAMETER_MIN_SET,
    &REQUEST_PARAMETER_PATTERN_ADDED,
    &REQUEST_PARAMETER_PATTERN_CHANGED,
    &REQUEST_PARAMETER_PATTERN_REMOVED,
    &REQUEST_PARAMETER_PROPERTY_BECAME_NOT_NULLABLE,
    &REQUEST_PARAMETER_PROPERTY_BECAME_NULLABLE,
    &REQUEST_PARAMETER_PROPERTY_ENUM_VALUE_ADDED,
    &REQUEST_PARAMETER_PROPERTY_ENUM_VALUE_REMOVED,
    &REQUEST_PARAMETER_PROPERTY_LIST_OF_TYPES_NARROWED,
    &REQUEST_PARAMETER_PROPERTY_LIST_OF_TYPES_WIDENED,
    &REQUEST_PARAMETER_PROPERTY_TYPE_CHANGED,
    &REQUEST_PARAMETER_PROPERTY_TYPE_GENERALIZED,
    &REQUEST_PARAMETER_PROPERTY_TYPE_SPECIALIZED,
    &REQUEST_PARAMETER_REACTIVATED,
    &REQUEST_PARAMETER_REMOVED,
    &REQUEST_PARAMETER_REMOVED_BEFORE_SUNSET,
    &REQUEST_PARAMETER_REMOVED_WITH_DEPRECATION,
    &REQUEST_PARAMETER_STYLE_CHANGED,
    &REQUEST_PARAMETER_SUNSET_DATE_CHANGED_TOO_SMALL,
    &REQUEST_PARAMETER_SUNSET_DATE_TOO_SMALL,
    &REQUEST_PARAMETER_SUNSET_DELETED,
    &REQUEST_PARAMETER_SUNSET_PARSE,
    &REQUEST_PARAMETER_TYPE_CHANGED,
    &REQUEST_PARAMETER_TYPE_GENERALIZED,
    &REQUEST_PARAMETER_X_EXTENSIBLE_ENUM_VALUE_REMOVED,
    &REQUEST_PROPERTY_ADDITIONAL_PROPERTIES_NARROWED,
    &REQUEST_PROPERTY_ALL_OF_ADDED,
    &REQUEST_PROPERTY_ALL_OF_REMOVED,
    &REQUEST_PROPERTY_ANY_OF_ADDED,
    &REQUEST_PROPERTY_ANY_OF_REMOVED,
    &REQUEST_PROPERTY_BECAME_ENUM,
    &REQUEST_PROPERTY_BECAME_NOT_NULLABLE,
    &REQUEST_PROPERTY_BECAME_NULLABLE,
    &REQUEST_PROPERTY_BECAME_OPTIONAL,
    &REQUEST_PROPERTY_BECAME_REQUIRED,
    &REQUEST_PROPERTY_BECAME_REQUIRED_WITH_DEFAULT,
    &REQUEST_PROPERTY_CONST_ADDED,
    &REQUEST_PROPERTY_CONST_CHANGED,
    &REQUEST_PROPERTY_CONST_REMOVED,
    &REQUEST_PROPERTY_CONTAINS_ADDED,
    &REQUEST_PROPERTY_CONTAINS_REMOVED,
    &REQUEST_PROPERTY_CONTENT_ENCODING_CHANGED,
    &REQUEST_PROPERTY_CONTENT_MEDIA_TYPE_CHANGED,
    &REQUEST_PROPERTY_CONTENT_SCHEMA_ADDED,
    &REQUEST_PROPERTY_CONTENT_SCHEMA_REMOVED,
    &REQUEST_PROPERTY_DEFAULT_VALUE_ADDED,
    &REQUEST_PROPERTY_DEFAULT_VALUE_CHANGED,
    &REQUEST_PROPERTY_DEFAULT_VALUE_REMOVED,
    &REQUEST_PROPERTY_DEPENDENT_REQUIRED_ADDED,
    &REQUEST_PROPERTY_DEPENDENT_REQUIRED_CHANGED,
    &REQUEST_PROPERTY_DEPENDENT_REQUIRED_REMOVED,
    &REQUEST_PROPERTY_DEPENDENT_SCHEMA_ADDED,
    &REQUEST_PROPERTY_DEPENDENT_SCHEMA_REMOVED,
    &REQUEST_PROPERTY_DEPRECATED,
    &REQUEST_PROPERTY_DEPRECATED_SUNSET_INVALID,
    &REQUEST_PROPERTY_DEPRECATED_SUNSET_MISSING,
    &REQUEST_PROPERTY_DEPRECATED_WITH_SUNSET,
    &REQUEST_PROPERTY_DISCRIMINATOR_ADDED,
    &REQUEST_PROPERTY_DISCRIMINATOR_MAPPING_ADDED,
    &REQUEST_PROPERTY_DISCRIMINATOR_MAPPING_CHANGED,
    &REQUEST_PROPERTY_DISCRIMINATOR_MAPPING_DELETED,
    &REQUEST_PROPERTY_DISCRIMINATOR_PROPERTY_NAME_CHANGED,
    &REQUEST_PROPERTY_DISCRIMINATOR_REMOVED,
    &REQUEST_PROPERTY_ELSE_ADDED,
    &REQUEST_PROPERTY_ELSE_REMOVED,
    &REQUEST_PROPERTY_ENUM_VALUE_ADDED,
    &REQUEST_PROPERTY_ENUM_VALUE_REMOVED,
    &REQUEST_PROPERTY_EXCLUSIVE_MAX_DECREASED,
    &REQUEST_PROPERTY_EXCLUSIVE_MAX_INCREASED,
    &REQUEST_PROPERTY_EXCLUSIVE_MAX_SET,
    &REQUEST_PROPERTY_EXCLUSIVE_MIN_DECREASED,
    &REQUEST_PROPERTY_EXCLUSIVE_MIN_INCREASED,
    &REQUEST_PROPERTY_EXCLUSIVE_MIN_SET,
    &REQUEST_PROPERTY_IF_ADDED,
    &REQUEST_PROPERTY_IF_REMOVED,
    &REQUEST_PROPERTY_LIST_OF_TYPES_NARROWED,
    &REQUEST_PROPERTY_LIST_OF_TYPES_WIDENED,
    &REQUEST_PROPERTY_MAX_CONTAINS_DECREASED,
    &REQUEST_PROPERTY_MAX_CONTAINS_INCREASED,
    &REQUEST_PROPERTY_MAX_DECREASED,
    &REQUEST_PROPERTY_MAX_INCREASED,
    &REQUEST_PROPERTY_MAX_ITEMS_DECREASED,
    &REQUEST_PROPERTY_MAX_LENGTH_DECREASED,
    &REQUEST_PROPERTY_MAX_LENGTH_INCREASED,
    &REQUEST_PROPERTY_MAX_LENGTH_SET,
    &REQUEST_PROPERTY_MAX_PROPERTIES_DECREASED,
    &REQUEST_PROPERTY_MAX_SET,
    &REQUEST_PROPERTY_MIN_CONTAINS_DECREASED,
    &REQUEST_PROPERTY_MIN_CONTAINS_INCREASED,
    &REQUEST_PROPERTY_MIN_DECREASED,
    &REQUEST_PROPERTY_MIN_INCREASED,
    &REQUEST_PROPERTY_MIN_ITEMS_INCREASED,
    &REQUEST_PROPERTY_MIN_ITEMS_SET,
    &REQUEST_PROPERTY_MIN_LENGTH_DECREASED,
    &REQUEST_PROPERTY_MIN_LENGTH_INCREASED,
    &REQUEST_PROPERTY_MIN_PROPERTIES_INCREASED,
    &REQUEST_PROPERTY_MIN_SET,
    &REQUEST_PROPERTY_MULTIPLE_OF_CHANGED,
    &REQUEST_PROPERTY_NOT_ADDED,
    &REQUEST_PROPERTY_NOT_CHANGED,
    &REQUEST_PROPERTY_ONE_OF_ADDED,
    &REQUEST_PROPERTY_ONE_OF_REMOVED,
    &REQUEST_PROPERTY_PATTERN_ADDED,
    &REQUEST_PROPERTY_PATTERN_CHANGED,
    &REQUEST_PROPERTY_PATTERN_PROPERTY_ADDED,
    &REQUEST_PROPERTY_PATTERN_PROPERTY_REMOVED,
    &REQUEST_PROPERTY_PATTERN_REMOVED,
    &REQUEST_PROPERTY_PREFIX_ITEMS_ADDED,
    &REQUEST_PROPERTY_PREFIX_ITEMS_REMOVED,
    &REQUEST_PROPERTY_PROPERTY_NAMES_ADDED,
    &REQUEST_PROPERTY_PROPERTY_NAMES_REMOVED,
    &REQUEST_PROPERTY_REACTIVATED,
    &REQUEST_PROPERTY_REMOVED,
    &REQUEST_PROPERTY_STABILITY_DECREASED,
    &REQUEST_PROPERTY_STABILITY_INCREASED,
    &REQUEST_PROPERTY_SUNSET_DATE_TOO_SMALL,
    &REQUEST_PROPERTY_THEN_ADDED,
    &REQUEST_PROPERTY_THEN_REMOVED,
    &REQUEST_PROPERTY_TYPE_CHANGED,
    &REQUEST_PROPERTY_TYPE_GENERALIZED,
    &REQUEST_PROPERTY_UNEVALUATED_ITEMS_ADDED,
    &REQUEST_PROPERTY_UNEVALUATED_ITEMS_REMOVED,
    &REQUEST_PROPERTY_UNEVALUATED_PROPERTIES_ADDED,
    &REQUEST_PROPERTY_UNEVALUATED_PROPERTIES_REMOVED,
    &REQUEST_PROPERTY_UNIQUE_ITEMS_ADDED,
    &REQUEST_PROPERTY_X_EXTENSIBLE_ENUM_VALUE_REMOVED,
    &REQUIRED_RESPONSE_HEADER_REMOVED,
    &RESPONSE_BODY_ALL_OF_ADDED,
    &RESPONSE_BODY_ALL_OF_REMOVED,
    &RESPONSE_BODY_ANY_OF_ADDED,
    &RESPONSE_BODY_ANY_OF_REMOVED,
    &RESPONSE_BODY_BECAME_NOT_NULLABLE,
    &RESPONSE_BODY_BECAME_NULLABLE,
    &RESPONSE_BODY_CONST_ADDED,
    &RESPONSE_BODY_CONST_CHANGED,
    &RESPONSE_BODY_CONST_REMOVED,
    &RESPONSE_BODY_CONTAINS_ADDED,
    &RESPONSE_BODY_CONTAINS_REMOVED,
    &RESPONSE_BODY_CONTENT_ENCODING_CHANGED,
    &RESPONSE_BODY_CONTENT_MEDIA_TYPE_CHANGED,
    &RESPONSE_BODY_CONTENT_SCHEMA_ADDED,
    &RESPONSE_BODY_CONTENT_SCHEMA_REMOVED,
    &RESPONSE_BODY_DEFAULT_VALUE_ADDED,
    &RESPONSE_BODY_DEFAULT_VALUE_CHANGED,
    &RESPONSE_BODY_DEFAULT_VALUE_REMOVED,
    &RESPONSE_BODY_DEPENDENT_REQUIRED_ADDED,
    &RESPONSE_BODY_DEPENDENT_REQUIRED_CHANGED,
    &RESPONSE_BODY_DEPENDENT_REQUIRED_REMOVED,
    &RESPONSE_BODY_DEPENDENT_SCHEMA_ADDED,
    &RESPONSE_BODY_DEPENDENT_SCHEMA_REMOVED,
    &RESPONSE_BODY_DISCRIMINATOR_ADDED,
    &RESPONSE_BODY_DISCRIMINATOR_MAPPING_ADDED,
    &RESPONSE_BODY_DISCRIMINATOR_MAPPING_CHANGED,
    &RESPONSE_BODY_DISCRIMINATOR_MAPPING_DELETED,
    &RESPONSE_BODY_DISCRIMINATOR_PROPERTY_NAME_CHANGED,
    &RESPONSE_BODY_DISCRIMINATOR_REMOVED,
    &RESPONSE_BODY_ELSE_ADDED,
    &RESPONSE_BODY_ELSE_REMOVED,
    &RESPONSE_BODY_EXCLUSIVE_MAX_INCREASED,
    &RESPONSE_BODY_EXCLUSIVE_MIN_DECREASED,
    &RESPONSE_BODY_IF_ADDED,
    &RESPONSE_BODY_IF_REMOVED,
    &RESPONSE_BODY_LIST_OF_TYPES_NARROWED,
    &RESPONSE_BODY_LIST_OF_TYPES_WIDENED,
    &RESPONSE_BODY_MAX_CONTAINS_DECREASED,
    &RESPONSE_BODY_MAX_CONTAINS_INCREASED,
    &RESPONSE_BODY_MAX_INCREASED,
    &RESPONSE_BODY_MAX_LENGTH_INCREASED,
    &RESPONSE_BODY_MAX_LENGTH_UNSET,
    &RESPONSE_BODY_MEDIA_TYPE_SCHEMA_ADDED,
    &RESPONSE_BODY_MEDIA_TYPE_SCHEMA_REMOVED,
    &RESPONSE_BODY_MIN_CONTAINS_DECREASED,
    &RESPONSE_BODY_MIN_CONTAINS_INCREASED,
    &RESPONSE_BODY_MIN_DECREASED,
    &RESPONSE_BODY_MIN_ITEMS_DECREASED,
    &RESPONSE_BODY_MIN_ITEMS_UNSET,
    &RESPONSE_BODY_MIN_LENGTH_DECREASED,
    &RESPONSE_BODY_ONE_OF_ADDED,
    &RESPONSE_BODY_ONE_OF_REMOVED,
    &RESPONSE_BODY_PATTERN_PROPERTY_ADDED,
    &RESPONSE_BODY_PATTERN_PROPERTY_REMOVED,
    &RESPONSE_BODY_PREFIX_ITEMS_ADDED,
    &RESPONSE_BODY_PREFIX_ITEMS_REMOVED,
    &RESPONSE_BODY_PROPERTY_NAMES_ADDED,
    &RESPONSE_BODY_PROPERTY_NAMES_REMOVED,
    &RESPONSE_BODY_THEN_ADDED,
    &RESPONSE_BODY_THEN_REMOVED,
    &RESPONSE_BODY_TYPE_CHANGED,
    &RESPONSE_BODY_TYPE_GENERALIZED,
    &RESPONSE_BODY_TYPE_SPECIALIZED,
    &RESPONSE_BODY_UNEVALUATED_ITEMS_ADDED,
    &RESPONSE_BODY_UNEVALUATED_ITEMS_REMOVED,
    &RESPONSE_BODY_UNEVALUATED_PROPERTIES_ADDED,
    &RESPONSE_BODY_UNEVALUATED_PROPERTIES_REMOVED,
    &RESPONSE_BODY_WRAPPED_IN_ONE_OF,
    &RESPONSE_HEADER_ADDED,
    &RESPONSE_HEADER_BECAME_NOT_NULLABLE,
    &RESPONSE_HEADER_BECAME_NULLABLE,
    &RESPONSE_HEADER_BECAME_OPTIONAL,
    &RESPONSE_HEADER_TYPE_CHANGED,
    &RESPONSE_HEADER_TYPE_GENERALIZED,
    &RESPONSE_HEADER_TYPE_SPECIALIZED,
    &RESPONSE_MEDIA_TYPE_ADDED,
    &RESPONSE_MEDIA_TYPE_NAME_GENERALIZED,
    &RESPONSE_MEDIA_TYPE_NAME_SPECIALIZED,
    &RESPONSE_MEDIA_TYPE_REMOVED,
    &RESPONSE_NON_SUCCESS_STATUS_ADDED,
    &RESPONSE_NON_SUCCESS_STATUS_REMOVED,
    &RESPONSE_OPTIONAL_PROPERTY_ADDED,
    &RESPONSE_OPTIONAL_PROPERTY_REMOVED,
    &RESPONSE_PROPERTY_ADDITIONAL_PROPERTIES_WIDENED,
    &RESPONSE_PROPERTY_ALL_OF_ADDED,
    &RESPONSE_PROPERTY_ALL_OF_REMOVED,
    &RESPONSE_PROPERTY_ANY_OF_ADDED,
    &RESPONSE_PROPERTY_ANY_OF_REMOVED,
    &RESPONSE_PROPERTY_BECAME_NOT_NULLABLE,
    &RESPONSE_PROPERTY_BECAME_NULLABLE,
    &RESPONSE_PROPERTY_BECAME_OPTIONAL,
    &RESPONSE_PROPERTY_BECAME_REQUIRED,
    &RESPONSE_PROPERTY_CONST_ADDED,
    &RESPONSE_PROPERTY_CONST_CHANGED,
    &RESPONSE_PROPERTY_CONST_REMOVED,
    &RESPONSE_PROPERTY_CONTAINS_ADDED,
    &RESPONSE_PROPERTY_CONTAINS_REMOVED,
    &RESPONSE_PROPERTY_CONTENT_ENCODING_CHANGED,
    &RESPONSE_PROPERTY_CONTENT_MEDIA_TYPE_CHANGED,
    &RESPONSE_PROPERTY_CONTENT_SCHEMA_ADDED,
    &RESPONSE_PROPERTY_CONTENT_SCHEMA_REMOVED,
    &RESPONSE_PROPERTY_DEFAULT_VALUE_ADDED,
    &RESPONSE_PROPERTY_DEFAULT_VALUE_CHANGED,
    &RESPONSE_PROPERTY_DEFAULT_VALUE_REMOVED,
    &RESPONSE_PROPERTY_DEPENDENT_REQUIRED_ADDED,
    &RESPONSE_PROPERTY_DEPENDENT_REQUIRED_CHANGED,
    &RESPONSE_PROPERTY_DEPENDENT_REQUIRED_REMOVED,
    &RESPONSE_PROPERTY_DEPENDENT_SCHEMA_ADDED,
    &RESPONSE_PROPERTY_DEPENDENT_SCHEMA_REMOVED,
    &RESPONSE_PROPERTY_DEPRECATED,
    &RESPONSE_PROPERTY_DEPRECATED_SUNSET_INVALID,
    &RESPONSE_PROPERTY_DEPRECATED_SUNSET_MISSING,
    &RESPONSE_PROPERTY_DEPRECATED_WITH_SUNSET,
    &RESPONSE_PROPERTY_DISCRIMINATOR_ADDED,
    &RESPONSE_PROPERTY_DISCRIMINATOR_MAPPING_ADDED,
    &RESPONSE_PROPERTY_DISCRIMINATOR_MAPPING_CHANGED,
    &RESPONSE_PROPERTY_DISCRIMINATOR_MAPPING_DELETED,
    &RESPONSE_PROPERTY_DISCRIMINATOR_PROPERTY_NAME_CHANGED,
    &RESPONSE_PROPERTY_DISCRIMINATOR_REMOVED,
    &RESPONSE_PROPERTY_ELSE_ADDED,
    &RESPONSE_PROPERTY_ELSE_REMOVED,
    &RESPONSE_PROPERTY_ENUM_VALUE_ADDED,
    &RESPONSE_PROPERTY_ENUM_VALUE_REMOVED,
    &RESPONSE_PROPERTY_EXCLUSIVE_MAX_INCREASED,
    &RESPONSE_PROPERTY_EXCLUSIVE_MIN_DECREASED,
    &RESPONSE_PROPERTY_IF_ADDED,
    &RESPONSE_PROPERTY_IF_REMOVED,
    &RESPONSE_PROPERTY_LIST_OF_TYPES_NARROWED,
    &RESPONSE_PROPERTY_LIST_OF_TYPES_WIDENED,
    &RESPONSE_PROPERTY_MAX_CONTAINS_DECREASED,
    &RESPONSE_PROPERTY_MAX_CONTAINS_INCREASED,
    &RESPONSE_PROPERTY_MAX_INCREASED,
    &RESPONSE_PROPERTY_MAX_ITEMS_INCREASED,
    &RESPONSE_PROPERTY_MAX_LENGTH_INCREASED,
    &RESPONSE_PROPERTY_MAX_LENGTH_UNSET,
    &RESPONSE_PROPERTY_MAX_PROPERTIES_INCREASED,
    &RESPONSE_PROPERTY_MIN_CONTAINS_DECREASED,
    &RESPONSE_PROPERTY_MIN_CONTAINS_INCREASED,
    &RESPONSE_PROPERTY_MIN_DECREASED,
    &RESPONSE_PROPERTY_MIN_ITEMS_DECREASED,
    &RESPONSE_PROPERTY_MIN_ITEMS_UNSET,
    &RESPONSE_PROPERTY_MIN_LENGTH_DECREASED,
    &RESPONSE_PROPERTY_MIN_PROPERTIES_DECREASED,
    &RESPONSE_PROPERTY_MULTIPLE_OF_CHANGED,
    &RESPONSE_PROPERTY_NOT_CHANGED,
    &RESPONSE_PROPERTY_NOT_REMOVED,
    &RESPONSE_PROPERTY_ONE_OF_ADDED,
    &RESPONSE_PROPERTY_ONE_OF_REMOVED,
    &RESPONSE_PROPERTY_PATTERN_ADDED,
    &RESPONSE_PROPERTY_PATTERN_CHANGED,
    &RESPONSE_PROPERTY_PATTERN_PROPERTY_ADDED,
    &RESPONSE_PROPERTY_PATTERN_PROPERTY_REMOVED,
    &RESPONSE_PROPERTY_PATTERN_REMOVED,
    &RESPONSE_PROPERTY_PREFIX_ITEMS_ADDED,
    &RESPONSE_PROPERTY_PREFIX_ITEMS_REMOVED,
    &RESPONSE_PROPERTY_PROPERTY_NAMES_ADDED,
    &RESPONSE_PROPERTY_PROPERTY_NAMES_REMOVED,
    &RESPONSE_PROPERTY_REACTIVATED,
    &RESPONSE_PROPERTY_STABILITY_DECREASED,
    &RESPONSE_PROPERTY_STABILITY_INCREASED,
    &RESPONSE_PROPERTY_SUNSET_DATE_TOO_SMALL,
    &RESPONSE_PROPERTY_THEN_ADDED,
    &RESPONSE_PROPERTY_THEN_REMOVED,
    &RESPONSE_PROPERTY_TYPE_CHANGED,
    &RESPONSE_PROPERTY_TYPE_GENERALIZED,
    &RESPONSE_PROPERTY_TYPE_SPECIALIZED,
    &RESPONSE_PROPERTY_UNEVALUATED_ITEMS_ADDED,
    &RESPONSE_PROPERTY_UNEVALUATED_ITEMS_REMOVED,
    &RESPONSE_PROPERTY_UNEVALUATED_PROPERTIES_ADDED,
    &RESPONSE_PROPERTY_UNEVALUATED_PROPERTIES_REMOVED,
    &RESPONSE_PROPERTY_UNIQUE_ITEMS_REMOVED,
    &RESPONSE_REQUIRED_PROPERTY_ADDED,
    &RESPONSE_REQUIRED_PROPERTY_REMOVED,
    &RESPONSE_SUCCESS_STATUS_ADDED,
    &RESPONSE_SUCCESS_STATUS_REMOVED,
    &SUNSET_DELETED,
    &WEBHOOK_ADDED,
    &WEBHOOK_REMOVED,
];
