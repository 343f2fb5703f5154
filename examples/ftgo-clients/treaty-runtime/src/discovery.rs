//! Where a service is: the base URL a generated client sends its requests to.
//!
//! Services move: they are redeployed, scaled, given new addresses by the platform. A generated
//! client therefore does not keep a URL; it keeps a [`Resolver`] and asks it on **every call**, so
//! a service that moved is found on the next request without rebuilding the client. This is
//! client-side discovery reduced to its interface (*Microservices Patterns* 3.2.4): the resolver
//! may read configuration, the environment, or a registry client the application owns
//! ([`FromFn`]).
//!
//! Every resolver checks that what it found looks like a base URL (`scheme://rest`, no
//! whitespace) and reports [`Error::Discovery`] naming where the value came from otherwise, so a
//! missing or mistyped setting fails the call with a clear message instead of a confusing
//! transport error.

use std::sync::Arc;

use crate::Error;

/// Finds the base URL of a service, each time it is asked.
pub trait Resolver: Send + Sync {
    /// The base URL, such as `http://order-service:8080` or `https://api.example.com/orders/`.
    fn resolve(&self) -> Result<String, Error>;

    /// The URL of `path` under the base URL, with exactly one `/` between them.
    fn url(&self, path: &str) -> Result<String, Error> {
        let base = self.resolve()?;
        Ok(format!(
            "{}/{}",
            base.trim_end_matches('/'),
            path.trim_start_matches('/')
        ))
    }
}

/// Always the same URL: for tests, or a platform that gives the service a stable name (a
/// Kubernetes service, a load balancer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Static(pub String);

impl Resolver for Static {
    fn resolve(&self) -> Result<String, Error> {
        checked(&self.0, || "the static service URL".to_string())
    }
}

/// The URL in an environment variable, read on every call; `default` when the variable is unset
/// or empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FromEnv {
    /// The variable's name, such as `ORDER_SERVICE_URL`.
    pub var: String,
    /// The URL to use when the variable is unset or empty.
    pub default: Option<String>,
}

impl FromEnv {
    /// Reads `var`, with no default.
    pub fn new(var: impl Into<String>) -> Self {
        FromEnv {
            var: var.into(),
            default: None,
        }
    }

    /// Reads `var`, falling back to `default`.
    pub fn or(var: impl Into<String>, default: impl Into<String>) -> Self {
        FromEnv {
            var: var.into(),
            default: Some(default.into()),
        }
    }
}

impl Resolver for FromEnv {
    fn resolve(&self) -> Result<String, Error> {
        match std::env::var(&self.var) {
            Ok(value) if !value.is_empty() => checked(&value, || {
                format!("the environment variable `{}`", self.var)
            }),
            Err(std::env::VarError::NotUnicode(_)) => Err(Error::Discovery(format!(
                "the environment variable `{}` is not valid UTF-8",
                self.var
            ))),
            _ => match &self.default {
                Some(default) => checked(default, || {
                    format!(
                        "the default for the unset environment variable `{}`",
                        self.var
                    )
                }),
                None => Err(Error::Discovery(format!(
                    "the environment variable `{}` is not set and has no default",
                    self.var
                ))),
            },
        }
    }
}

/// The URL computed by a function: a registry lookup, a load-balancing choice, a value the
/// application changes at run time.
#[derive(Clone)]
pub struct FromFn(pub Arc<dyn Fn() -> Result<String, Error> + Send + Sync>);

impl FromFn {
    /// Wraps `f`.
    pub fn new(f: impl Fn() -> Result<String, Error> + Send + Sync + 'static) -> Self {
        FromFn(Arc::new(f))
    }
}

impl std::fmt::Debug for FromFn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FromFn(..)")
    }
}

impl Resolver for FromFn {
    fn resolve(&self) -> Result<String, Error> {
        let url = (self.0)()?;
        checked(&url, || "the resolver function".to_string())
    }
}

impl<R: Resolver + ?Sized> Resolver for Arc<R> {
    fn resolve(&self) -> Result<String, Error> {
        (**self).resolve()
    }
}

impl<R: Resolver + ?Sized> Resolver for Box<R> {
    fn resolve(&self) -> Result<String, Error> {
        (**self).resolve()
    }
}

/// `url` if it looks like a base URL: a scheme (a letter, then letters, digits, `+`, `-`, `.`),
/// `://`, something after it, and no whitespace. `source` says where it came from, for the error.
fn checked(url: &str, source: impl FnOnce() -> String) -> Result<String, Error> {
    let problem = if url.is_empty() {
        Some("it is empty")
    } else if url.chars().any(char::is_whitespace) {
        Some("it contains whitespace")
    } else {
        match url.split_once("://") {
            Some((scheme, rest)) if valid_scheme(scheme) && !rest.is_empty() => None,
            _ => Some("expected scheme://host, such as http://order-service:8080"),
        }
    };
    match problem {
        None => Ok(url.to_string()),
        Some(problem) => Err(Error::Discovery(format!(
            "{} gave `{url}`, which is not a base URL: {problem}",
            source()
        ))),
    }
}

fn valid_scheme(scheme: &str) -> bool {
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}
