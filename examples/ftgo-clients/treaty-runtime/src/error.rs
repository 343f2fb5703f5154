//! The one error type of the runtime.
//!
//! Every generated client method, message handler and mock returns `Result<_, Error>`, so the
//! application matches on a single enum whichever contract (HTTP, gRPC, messaging) the call went
//! through. The variants split along the line that matters for partial-failure handling:
//!
//! * failures of the remote side or the network ([`Error::Timeout`], [`Error::Transport`], a 5xx or
//!   429 [`Error::Status`]) count against the circuit breaker and may be replaced by a fallback;
//! * refusals by this side's own protection ([`Error::Rejected`], [`Error::CircuitOpen`]) may be
//!   replaced by a fallback but say nothing new about the remote service;
//! * everything else (a 4xx answer, a body that does not match the contract, a missing
//!   configuration value) is a bug or a business outcome that no retry, breaker or cached value
//!   should hide.
//!
//! [`Error::counts_as_failure`] and [`Error::allows_fallback`] encode that split once, for
//! [`crate::resilience`].

use std::time::Duration;

/// What went wrong in a call, a message exchange or a mock.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The remote side did not answer within the allowed time.
    #[error("no answer within {0:?}")]
    Timeout(Duration),
    /// The bulkhead was full: this many calls to the service were already outstanding.
    #[error("rejected: {max_outstanding} calls to the service are already outstanding")]
    Rejected {
        /// The bulkhead's capacity.
        max_outstanding: usize,
    },
    /// The circuit breaker is open: the service failed too often recently and is given time to
    /// recover before it is called again.
    #[error("circuit breaker open: the service failed too often and is not called until it has had time to recover")]
    CircuitOpen,
    /// The request could not be delivered or the answer could not be read (connection refused,
    /// reset, broker unavailable, subscription closed).
    #[error("transport: {0}")]
    Transport(String),
    /// The service answered with an error status.
    #[error("status {code}: {body}")]
    Status {
        /// The HTTP status code (or the gRPC code mapped onto one).
        code: u16,
        /// The body of the answer, as text.
        body: String,
    },
    /// An answer or message did not match the contract's shape.
    #[error("decode: {0}")]
    Decode(String),
    /// A value could not be turned into a request or message body.
    #[error("encode: {0}")]
    Encode(String),
    /// A message was refused because it breaks the contract of its channel.
    #[error("message rejected by the contract of channel `{channel}`: {violation}")]
    Invalid {
        /// The channel the message was sent to.
        channel: String,
        /// What the validator found wrong.
        violation: String,
    },
    /// The location of a service could not be resolved.
    #[error("discovery: {0}")]
    Discovery(String),
    /// A mock was called with a request that none of its programmed responses matches, and it has
    /// no default.
    #[error("mock for `{operation}` has no response matching the request and no default")]
    Unmatched {
        /// The operation the mock stands for.
        operation: String,
    },
    /// The call failed and its fallback had nothing to return instead (no cached value yet).
    #[error("call `{key}` failed and its fallback has no cached value: {source}")]
    Fallback {
        /// The key the fallback looked up.
        key: String,
        /// Why the call failed.
        #[source]
        source: Box<Error>,
    },
}

impl Error {
    /// Whether this error says the remote service is unhealthy, so the circuit breaker counts it.
    ///
    /// Timeouts, transport errors, 5xx answers and 429 (too many requests) count; 4xx answers,
    /// decode errors and local refusals do not: the service answered, or was never asked.
    pub fn counts_as_failure(&self) -> bool {
        match self {
            Error::Timeout(_) | Error::Transport(_) => true,
            Error::Status { code, .. } => *code >= 500 || *code == 429,
            _ => false,
        }
    }

    /// Whether a fallback may stand in for this error: the failures that
    /// [`counts_as_failure`](Self::counts_as_failure) names, plus the local refusals
    /// ([`Error::Rejected`], [`Error::CircuitOpen`]). A fallback never hides a 4xx answer or a
    /// contract mismatch.
    pub fn allows_fallback(&self) -> bool {
        self.counts_as_failure() || matches!(self, Error::Rejected { .. } | Error::CircuitOpen)
    }
}
