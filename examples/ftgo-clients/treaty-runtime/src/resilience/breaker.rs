//! The circuit breaker: stop calling a service that keeps failing, and try it again later.
//!
//! *Microservices Patterns* (3.3.2) puts it this way: once the error rate of a service passes a
//! threshold, further attempts fail at once for a timeout period, after which a few trial calls
//! decide whether the service is back. That is three states:
//!
//! ```text
//!            failure rate ≥ threshold over the window           open_for elapsed
//!   Closed ───────────────────────────────────────────▶ Open ─────────────────▶ HalfOpen
//!     ▲        (once at least minimum_calls were seen)      ▲                      │  │
//!     │                                                     └─── a trial fails ────┘  │
//!     └──────────────────── half_open_max_calls trials succeed ───────────────────────┘
//! ```
//!
//! * **Closed**: every call is admitted; the outcomes of the last `window` calls are kept (a
//!   sliding count window) and the breaker opens when at least `minimum_calls` of them are known
//!   and the share of failures reaches `failure_rate_threshold`.
//! * **Open**: every call fails at once with [`Error::CircuitOpen`] until `open_for` has passed.
//! * **HalfOpen**: up to `half_open_max_calls` trial calls are admitted, others fail with
//!   [`Error::CircuitOpen`]. A failing trial opens the breaker again for another `open_for`; once
//!   all trials have succeeded the breaker closes with an empty window.
//!
//! The caller asks for a [`Permit`] before the call and reports the outcome through it. A permit
//! dropped without an outcome (the caller's future was cancelled) gives its half-open trial slot
//! back, so a cancelled trial cannot leave the breaker half-open for ever. Outcomes reported
//! through a permit taken before the last state change are ignored: a slow call started while the
//! breaker was closed must not close it again after it opened.
//!
//! Time is `tokio::time::Instant`, so tests drive cool-downs with tokio's paused clock.

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::time::Instant;

use crate::Error;

/// When a [`CircuitBreaker`] opens, and for how long.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakerConfig {
    /// Share of failed calls in the window (0.0 to 1.0) at or above which the breaker opens.
    pub failure_rate_threshold: f64,
    /// Fewest calls in the window before the failure rate is judged at all (at least 1, at most
    /// `window`).
    pub minimum_calls: u32,
    /// How many of the most recent calls the failure rate is computed over (at least 1).
    pub window: u32,
    /// How long the breaker stays open before it lets trial calls through.
    pub open_for: Duration,
    /// How many trial calls the half-open breaker admits, all of which must succeed for it to
    /// close (at least 1).
    pub half_open_max_calls: u32,
}

impl Default for BreakerConfig {
    /// Opens at 50 % failures over the last 20 calls once 10 are known, stays open 30 s, then
    /// tries one call.
    fn default() -> Self {
        BreakerConfig {
            failure_rate_threshold: 0.5,
            minimum_calls: 10,
            window: 20,
            open_for: Duration::from_secs(30),
            half_open_max_calls: 1,
        }
    }
}

/// The state of a [`CircuitBreaker`], as seen from outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakerState {
    /// Calls go through; outcomes are counted.
    Closed,
    /// Calls fail at once.
    Open,
    /// A limited number of trial calls go through.
    HalfOpen,
}

#[derive(Debug)]
enum State {
    Closed {
        /// `true` for a failure, most recent last.
        outcomes: VecDeque<bool>,
        failures: u32,
    },
    Open {
        until: Instant,
    },
    HalfOpen {
        in_flight: u32,
        succeeded: u32,
    },
}

#[derive(Debug)]
struct Inner {
    state: State,
    /// Bumped on every state change; permits from an older generation report nothing.
    generation: u64,
}

/// A circuit breaker over a sliding count window. See the [module docs](self).
#[derive(Debug)]
pub struct CircuitBreaker {
    threshold: f64,
    minimum_calls: u32,
    window: u32,
    open_for: Duration,
    half_open_max_calls: u32,
    inner: Mutex<Inner>,
}

impl CircuitBreaker {
    /// A closed breaker. Out-of-range settings are brought into range rather than refused: a
    /// window of 0 counts as 1, `minimum_calls` is kept between 1 and the window, and
    /// `half_open_max_calls` is at least 1. A threshold above 1.0 (or NaN) never opens the breaker.
    pub fn new(config: BreakerConfig) -> Self {
        let window = config.window.max(1);
        CircuitBreaker {
            threshold: config.failure_rate_threshold,
            minimum_calls: config.minimum_calls.clamp(1, window),
            window,
            open_for: config.open_for,
            half_open_max_calls: config.half_open_max_calls.max(1),
            inner: Mutex::new(Inner {
                state: closed(),
                generation: 0,
            }),
        }
    }

    /// The current state. An open breaker whose cool-down has passed reports (and becomes)
    /// half-open.
    pub fn state(&self) -> BreakerState {
        let mut inner = self.lock();
        self.expire(&mut inner);
        match inner.state {
            State::Closed { .. } => BreakerState::Closed,
            State::Open { .. } => BreakerState::Open,
            State::HalfOpen { .. } => BreakerState::HalfOpen,
        }
    }

    /// Asks to make one call. Fails with [`Error::CircuitOpen`] while the breaker is open, or
    /// half-open with all trial slots taken.
    pub fn try_acquire(&self) -> Result<Permit<'_>, Error> {
        let mut inner = self.lock();
        self.expire(&mut inner);
        let max_trials = self.half_open_max_calls;
        match &mut inner.state {
            State::Closed { .. } => {}
            State::Open { .. } => return Err(Error::CircuitOpen),
            State::HalfOpen {
                in_flight,
                succeeded,
            } => {
                if in_flight.saturating_add(*succeeded) >= max_trials {
                    return Err(Error::CircuitOpen);
                }
                *in_flight += 1;
            }
        }
        Ok(Permit {
            breaker: self,
            generation: inner.generation,
            done: false,
        })
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // The state is only ever changed in small steps that leave it consistent, so a panic in
        // another thread while holding the lock does not make it unusable.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn expire(&self, inner: &mut Inner) {
        if let State::Open { until } = inner.state {
            if Instant::now() >= until {
                transition(
                    inner,
                    State::HalfOpen {
                        in_flight: 0,
                        succeeded: 0,
                    },
                );
            }
        }
    }

    fn open(&self, inner: &mut Inner) {
        let until = Instant::now()
            .checked_add(self.open_for)
            .unwrap_or_else(far_future);
        transition(inner, State::Open { until });
    }

    fn report(&self, generation: u64, outcome: Outcome) {
        let mut inner = self.lock();
        if inner.generation != generation {
            return;
        }
        match (&mut inner.state, outcome) {
            (State::Closed { .. }, Outcome::Abandoned) => {}
            (State::Closed { outcomes, failures }, Outcome::Success | Outcome::Failure) => {
                let failed = outcome == Outcome::Failure;
                outcomes.push_back(failed);
                if failed {
                    *failures += 1;
                }
                while outcomes.len() > self.window as usize {
                    if outcomes.pop_front() == Some(true) {
                        *failures -= 1;
                    }
                }
                let calls = outcomes.len() as u32;
                if calls >= self.minimum_calls
                    && f64::from(*failures) / f64::from(calls) >= self.threshold
                {
                    self.open(&mut inner);
                }
            }
            (State::HalfOpen { in_flight, .. }, Outcome::Abandoned) => {
                *in_flight = in_flight.saturating_sub(1);
            }
            (
                State::HalfOpen {
                    in_flight,
                    succeeded,
                },
                Outcome::Success,
            ) => {
                *in_flight = in_flight.saturating_sub(1);
                *succeeded += 1;
                if *succeeded >= self.half_open_max_calls {
                    transition(&mut inner, closed());
                }
            }
            (State::HalfOpen { .. }, Outcome::Failure) => self.open(&mut inner),
            (State::Open { .. }, _) => {}
        }
    }
}

impl Default for CircuitBreaker {
    fn default() -> Self {
        CircuitBreaker::new(BreakerConfig::default())
    }
}

fn closed() -> State {
    State::Closed {
        outcomes: VecDeque::new(),
        failures: 0,
    }
}

fn transition(inner: &mut Inner, state: State) {
    inner.state = state;
    inner.generation = inner.generation.wrapping_add(1);
}

/// An `open_for` too large to add to now: about thirty years, which is "until restarted".
fn far_future() -> Instant {
    let now = Instant::now();
    now.checked_add(Duration::from_secs(30 * 365 * 24 * 3600))
        .unwrap_or(now)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Success,
    Failure,
    Abandoned,
}

/// Leave to make one call through a [`CircuitBreaker`]; report how it went with
/// [`success`](Permit::success), [`failure`](Permit::failure) or [`record`](Permit::record).
/// Dropping it without reporting means the call was abandoned.
#[derive(Debug)]
#[must_use = "report the outcome of the call through the permit"]
pub struct Permit<'a> {
    breaker: &'a CircuitBreaker,
    generation: u64,
    done: bool,
}

impl Permit<'_> {
    /// The call succeeded (or the service answered, even with an error it is not blamed for).
    pub fn success(mut self) {
        self.finish(Outcome::Success);
    }

    /// The call failed in a way that counts against the service.
    pub fn failure(mut self) {
        self.finish(Outcome::Failure);
    }

    /// Reports a call's result: an error that [counts as a failure](Error::counts_as_failure) is
    /// a failure, anything else a success.
    pub fn record<T>(self, result: &Result<T, Error>) {
        match result {
            Err(e) if e.counts_as_failure() => self.failure(),
            _ => self.success(),
        }
    }

    fn finish(&mut self, outcome: Outcome) {
        self.done = true;
        self.breaker.report(self.generation, outcome);
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        if !self.done {
            self.finish(Outcome::Abandoned);
        }
    }
}
