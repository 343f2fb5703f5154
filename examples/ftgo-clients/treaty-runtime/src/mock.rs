//! Support for the generated HTTP and gRPC mocks: record what was called, answer as programmed.
//!
//! A generated mock of a service implements the same trait as its generated client, so code under
//! test can be given either. Each mock method does two things, both with the pieces here:
//!
//! * it records the call in a [`Recorder`] (operation name and request as JSON), so a test can
//!   assert what its code sent: `recorder.calls_to("createOrder")`;
//! * it answers from a [`Responder`] for that operation, which the test has programmed with
//!   `when(|req| ...).then(resp)` rules (first match wins) and an optional default.
//!
//! Requests are recorded as `serde_json::Value` so that assertions compare with `json!` literals
//! and print readably, whatever the request type.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use serde::Serialize;

use crate::Error;

/// One call made to a mock.
#[derive(Debug, Clone, PartialEq)]
pub struct CallRecord {
    /// The operation called, as the contract names it (`getOrder`, `OrderService/GetOrder`).
    pub operation: String,
    /// The request, as JSON.
    pub request: serde_json::Value,
}

/// The calls made to a mock, in order. Cloning gives another handle to the same record, so a
/// test can keep one while the mock keeps another.
#[derive(Debug, Clone, Default)]
pub struct Recorder {
    calls: Arc<Mutex<Vec<CallRecord>>>,
}

impl Recorder {
    /// An empty record.
    pub fn new() -> Self {
        Recorder::default()
    }

    /// Records a call to `operation` with `request`.
    pub fn record<R: Serialize + ?Sized>(&self, operation: &str, request: &R) -> Result<(), Error> {
        let request = serde_json::to_value(request).map_err(|e| {
            Error::Encode(format!(
                "request to `{operation}` cannot be recorded as JSON: {e}"
            ))
        })?;
        self.lock().push(CallRecord {
            operation: operation.to_string(),
            request,
        });
        Ok(())
    }

    /// Every call so far, in order.
    pub fn calls(&self) -> Vec<CallRecord> {
        self.lock().clone()
    }

    /// The requests of the calls to `operation`, in order.
    pub fn calls_to(&self, operation: &str) -> Vec<serde_json::Value> {
        self.lock()
            .iter()
            .filter(|call| call.operation == operation)
            .map(|call| call.request.clone())
            .collect()
    }

    /// Forgets every call.
    pub fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> MutexGuard<'_, Vec<CallRecord>> {
        // Pushing a finished record either happened or did not.
        self.calls.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

type Matcher<Req> = Box<dyn Fn(&Req) -> bool + Send + Sync>;
type Answer<Req, Resp> = Box<dyn Fn(&Req) -> Resp + Send + Sync>;

/// Programmed responses of one operation of a mock.
///
/// ```
/// use treaty_runtime::mock::Responder;
///
/// let mut get_order: Responder<u64, Result<&str, u16>> = Responder::new("getOrder");
/// get_order
///     .when(|id| *id == 1)
///     .then(Ok("pizza"))
///     .when(|id| *id > 1000)
///     .then(Err(404))
///     .otherwise(Ok("curry"));
/// assert_eq!(get_order.respond(&1).unwrap(), Ok("pizza"));
/// assert_eq!(get_order.respond(&2000).unwrap(), Err(404));
/// assert_eq!(get_order.respond(&7).unwrap(), Ok("curry"));
/// ```
pub struct Responder<Req, Resp> {
    operation: String,
    rules: Vec<(Matcher<Req>, Answer<Req, Resp>)>,
    default: Option<Answer<Req, Resp>>,
}

impl<Req, Resp> std::fmt::Debug for Responder<Req, Resp> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Responder")
            .field("operation", &self.operation)
            .field("rules", &self.rules.len())
            .field("default", &self.default.is_some())
            .finish()
    }
}

impl<Req: 'static, Resp: 'static> Responder<Req, Resp> {
    /// No programmed responses yet for `operation`.
    pub fn new(operation: impl Into<String>) -> Self {
        Responder {
            operation: operation.into(),
            rules: Vec::new(),
            default: None,
        }
    }

    /// The operation this answers for.
    pub fn operation(&self) -> &str {
        &self.operation
    }

    /// Starts a rule for the requests that `matches`; finish it with [`When::then`] or
    /// [`When::then_with`]. Rules are tried in the order they were added.
    pub fn when(
        &mut self,
        matches: impl Fn(&Req) -> bool + Send + Sync + 'static,
    ) -> When<'_, Req, Resp> {
        When {
            responder: self,
            matches: Box::new(matches),
        }
    }

    /// Answers `resp` when no rule matches.
    pub fn otherwise(&mut self, resp: Resp) -> &mut Self
    where
        Resp: Clone + Send + Sync,
    {
        self.otherwise_with(move |_| resp.clone())
    }

    /// Answers with `answer(request)` when no rule matches.
    pub fn otherwise_with(
        &mut self,
        answer: impl Fn(&Req) -> Resp + Send + Sync + 'static,
    ) -> &mut Self {
        self.default = Some(Box::new(answer));
        self
    }

    /// Forgets every rule and the default.
    pub fn reset(&mut self) {
        self.rules.clear();
        self.default = None;
    }

    /// The answer of the first rule that matches `request`, else the default. Fails with
    /// [`Error::Unmatched`] when neither exists.
    pub fn respond(&self, request: &Req) -> Result<Resp, Error> {
        self.rules
            .iter()
            .find(|(matches, _)| matches(request))
            .map(|(_, answer)| answer)
            .or(self.default.as_ref())
            .map(|answer| answer(request))
            .ok_or_else(|| Error::Unmatched {
                operation: self.operation.clone(),
            })
    }
}

/// A rule of a [`Responder`] waiting for its answer.
#[must_use = "a rule takes effect only once `then` or `then_with` gives its answer"]
pub struct When<'a, Req, Resp> {
    responder: &'a mut Responder<Req, Resp>,
    matches: Matcher<Req>,
}

impl<'a, Req: 'static, Resp: 'static> When<'a, Req, Resp> {
    /// Answers `resp` to the matching requests.
    pub fn then(self, resp: Resp) -> &'a mut Responder<Req, Resp>
    where
        Resp: Clone + Send + Sync,
    {
        self.then_with(move |_| resp.clone())
    }

    /// Answers `answer(request)` to the matching requests.
    pub fn then_with(
        self,
        answer: impl Fn(&Req) -> Resp + Send + Sync + 'static,
    ) -> &'a mut Responder<Req, Resp> {
        self.responder.rules.push((self.matches, Box::new(answer)));
        self.responder
    }
}

impl<Req, Resp> std::fmt::Debug for When<'_, Req, Resp> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("When")
            .field("operation", &self.responder.operation)
            .finish_non_exhaustive()
    }
}
