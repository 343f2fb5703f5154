//! Partial-failure handling for a service proxy.
//!
//! In a distributed system a service that calls another must expect it to be slow, overloaded or
//! down. *Microservices Patterns* (3.3.2, "Handling partial failure using the Circuit breaker
//! pattern") prescribes that a proxy for a remote service protect its caller in three ways, and
//! then decide how to recover:
//!
//! 1. **Network timeouts**: never wait for an answer indefinitely ([`Policy::timeout`], through
//!    `tokio::time::timeout`).
//! 2. **Limiting the number of outstanding requests** (a bulkhead): once `max_outstanding` calls
//!    to the service are in flight, further calls fail at once with [`Error::Rejected`]. They do
//!    not queue: a queue in front of an overloaded service only adds latency to requests that are
//!    likely to time out anyway, and it holds the caller's own resources (threads, connections,
//!    memory) hostage to the slow service, which is how failures cascade. Failing fast lets the
//!    caller's fallback answer instead.
//! 3. **A circuit breaker** ([`CircuitBreaker`]): after too many failures, stop calling for a
//!    while and fail at once with [`Error::CircuitOpen`].
//!
//! Recovery is the [`Fallback`]: return the error (the default), a default value, or the last
//! value that the same call returned successfully. A fallback replaces only errors that say the
//! service is unavailable ([`Error::allows_fallback`]): a 4xx answer or a body that breaks the
//! contract is returned as it is, since a stale value would hide a real bug.
//!
//! [`Resilient`] applies all of it to a call, in the order bulkhead → breaker → timeout →
//! fallback. The bulkhead comes first so that a flood of calls is turned away before it can use
//! up the half-open breaker's trial slots; the timeout is inside the breaker so that timeouts
//! count as failures. Generated clients hold one `Resilient` per remote service and route every
//! operation through it.

mod breaker;

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::sync::Semaphore;

pub use breaker::{BreakerConfig, BreakerState, CircuitBreaker, Permit};

use crate::Error;

/// How calls to one remote service are protected.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// Longest wait for one call's answer.
    pub timeout: Duration,
    /// Most calls in flight at once; further calls fail with [`Error::Rejected`].
    pub max_outstanding: usize,
    /// When the circuit breaker opens and for how long.
    pub breaker: BreakerConfig,
    /// Most values kept for [`Fallback::Cached`], by call key; the least recently stored is
    /// dropped first. 0 keeps none.
    pub fallback_cache_capacity: usize,
}

impl Default for Policy {
    /// 5 s timeout, 64 calls outstanding, the [default breaker](BreakerConfig::default), 1024
    /// cached fallback values.
    fn default() -> Self {
        Policy {
            timeout: Duration::from_secs(5),
            max_outstanding: 64,
            breaker: BreakerConfig::default(),
            fallback_cache_capacity: 1024,
        }
    }
}

/// What a call returns when the service is unavailable.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Fallback<T> {
    /// Return the error.
    #[default]
    Error,
    /// Return this value instead.
    Value(T),
    /// Return the last value that a successful call with the same key returned; without one,
    /// fail with [`Error::Fallback`].
    Cached,
}

/// Calls to one remote service, protected by a [`Policy`]. See the [module docs](self).
///
/// ```
/// use treaty_runtime::resilience::{Fallback, Policy, Resilient};
/// use treaty_runtime::Error;
///
/// # async fn example() -> Result<(), Error> {
/// let orders = Resilient::new(Policy::default());
/// let total: u64 = orders
///     .call_with("getOrderTotal/42", &Fallback::Cached, || async { Ok(1250) })
///     .await?;
/// # let _ = total;
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct Resilient {
    policy: Policy,
    bulkhead: Semaphore,
    breaker: CircuitBreaker,
    cache: Mutex<Cache>,
}

impl Resilient {
    /// Protection as `policy` says. A `max_outstanding` beyond what a semaphore can count is
    /// lowered to [`Semaphore::MAX_PERMITS`].
    pub fn new(policy: Policy) -> Self {
        Resilient {
            bulkhead: Semaphore::new(policy.max_outstanding.min(Semaphore::MAX_PERMITS)),
            breaker: CircuitBreaker::new(policy.breaker.clone()),
            cache: Mutex::new(Cache::new(policy.fallback_cache_capacity)),
            policy,
        }
    }

    /// The policy this was made with.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The circuit breaker, for inspection.
    pub fn breaker(&self) -> &CircuitBreaker {
        &self.breaker
    }

    /// How many calls are in flight now.
    pub fn outstanding(&self) -> usize {
        self.policy
            .max_outstanding
            .min(Semaphore::MAX_PERMITS)
            .saturating_sub(self.bulkhead.available_permits())
    }

    /// Runs `f` under bulkhead, breaker and timeout, returning the error as it is when the call
    /// fails (the same as [`call_with`](Self::call_with) and [`Fallback::Error`]). `key` names
    /// the call: the operation and the identity of the request, such as `getOrder/42`.
    ///
    /// `f` is not called at all when the bulkhead is full or the breaker open.
    pub async fn call<T, F, Fut>(&self, key: &str, f: F) -> Result<T, Error>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, Error>>,
    {
        let _ = key;
        self.guarded(f).await
    }

    /// Runs `f` under bulkhead, breaker and timeout, and answers with `fallback` when the
    /// service is unavailable. With [`Fallback::Cached`], each success is remembered under `key`.
    pub async fn call_with<T, F, Fut>(
        &self,
        key: &str,
        fallback: &Fallback<T>,
        f: F,
    ) -> Result<T, Error>
    where
        T: Clone + Send + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, Error>>,
    {
        let result = self.guarded(f).await;
        match (result, fallback) {
            (Ok(value), Fallback::Cached) => {
                self.cache().put(key, value.clone());
                Ok(value)
            }
            (Ok(value), _) => Ok(value),
            (Err(e), _) if !e.allows_fallback() => Err(e),
            (Err(e), Fallback::Error) => Err(e),
            (Err(_), Fallback::Value(value)) => Ok(value.clone()),
            (Err(e), Fallback::Cached) => match self.cache().get::<T>(key) {
                Some(value) => Ok(value),
                None => Err(Error::Fallback {
                    key: key.to_string(),
                    source: Box::new(e),
                }),
            },
        }
    }

    async fn guarded<T, F, Fut>(&self, f: F) -> Result<T, Error>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, Error>>,
    {
        // Held until the call ends, however it ends (including cancellation).
        let _slot = self.bulkhead.try_acquire().map_err(|_| Error::Rejected {
            max_outstanding: self.policy.max_outstanding,
        })?;
        let permit = self.breaker.try_acquire()?;
        let result = match tokio::time::timeout(self.policy.timeout, f()).await {
            Ok(result) => result,
            Err(_elapsed) => Err(Error::Timeout(self.policy.timeout)),
        };
        permit.record(&result);
        result
    }

    fn cache(&self) -> MutexGuard<'_, Cache> {
        // Every cache operation completes or leaves the map as it was.
        self.cache.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Default for Resilient {
    fn default() -> Self {
        Resilient::new(Policy::default())
    }
}

/// Last successful values by call key, of whatever type each call returns.
#[derive(Debug)]
struct Cache {
    capacity: usize,
    /// Incremented on every store; an entry's stamp tells how recently it was stored.
    clock: u64,
    entries: HashMap<String, Entry>,
}

#[derive(Debug)]
struct Entry {
    stamp: u64,
    value: Box<dyn Any + Send>,
}

impl Cache {
    fn new(capacity: usize) -> Self {
        Cache {
            capacity,
            clock: 0,
            entries: HashMap::new(),
        }
    }

    /// The value under `key`, if there is one of type `T`.
    fn get<T: Clone + 'static>(&self, key: &str) -> Option<T> {
        self.entries.get(key)?.value.downcast_ref::<T>().cloned()
    }

    fn put<T: Send + 'static>(&mut self, key: &str, value: T) {
        if self.capacity == 0 {
            return;
        }
        if !self.entries.contains_key(key) && self.entries.len() >= self.capacity {
            let oldest = self
                .entries
                .iter()
                .min_by_key(|(_, entry)| entry.stamp)
                .map(|(key, _)| key.clone());
            if let Some(oldest) = oldest {
                self.entries.remove(&oldest);
            }
        }
        self.clock += 1;
        self.entries.insert(
            key.to_string(),
            Entry {
                stamp: self.clock,
                value: Box::new(value),
            },
        );
    }
}
