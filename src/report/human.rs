//! Human output.
