//! Direction-aware JSON Schema compatibility (placeholder until the engine lands).
