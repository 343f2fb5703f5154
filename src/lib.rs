//! treaty: API contracts (protobuf, OpenAPI, AsyncAPI) read into one located model, linted,
//! compared across revisions with a semantic-version verdict, and turned into Rust code.
//!
//! The flow, and the modules that carry it:
//!
//! ```text
//! files / revision ──workspace──▶ formats ──▶ model ──▶ lint ──▶ report
//! ```
//!
//! The library never prints; the `treaty` binary (`src/main.rs` and `cli/`) does.

// `LoadError` carries its source excerpt so that it renders on its own; errors end the command,
// so their size costs nothing on the paths that matter, and boxing them would only add noise.
#![allow(clippy::result_large_err)]

pub mod codegen;
pub mod compat;
pub mod diag;
pub mod formats;
pub mod lint;
pub mod model;
pub mod registry;
pub mod report;
pub mod schema;
pub mod source;
pub mod workspace;
