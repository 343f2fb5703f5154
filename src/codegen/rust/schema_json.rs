//! Placeholder: model schemas back to JSON Schema, for the mocks' validation.
