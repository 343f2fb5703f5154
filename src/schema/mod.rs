//! JSON Schema over the shared model: validation of instances (examples, messages), and later the
//! direction-aware compatibility engine shared by OpenAPI and AsyncAPI.

pub mod compat;
pub mod validate;
