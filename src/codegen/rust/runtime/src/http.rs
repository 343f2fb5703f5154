//! What every generated HTTP client shares: the answer type, headers, multipart bodies, and
//! parameters and bodies written as OpenAPI describes them.
//!
//! Parameter values are serialised through `serde_json::Value` and then written in the
//! parameter's style (OpenAPI 3.1 §4.8.12.4.1: simple, label, matrix, form, spaceDelimited,
//! pipeDelimited, deepObject), so any Rust type that serialises to JSON is handled the same way.
//! Names and values are percent-encoded (RFC 3986's unreserved characters are left alone);
//! header values are not.

use std::future::Future;
use std::pin::Pin;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;
use serde_json::Value;

use crate::mock::Responder;
use crate::Error;

/// The future an API method returns: boxed so the trait is object safe, `Send` so calls can be
/// spawned.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// An answer: its status, its headers and its body as the operation's response enum.
#[derive(Debug, Clone, PartialEq)]
pub struct Response<T> {
    /// The HTTP status.
    pub status: u16,
    /// The headers, in the order they came.
    pub headers: Headers,
    /// The body, as the operation's response enum.
    pub body: T,
}

impl<T> Response<T> {
    /// An answer with `status`, no headers and `body`.
    pub fn new(status: u16, body: T) -> Self {
        Response {
            status,
            headers: Headers::default(),
            body,
        }
    }

    /// The same answer with one more header.
    pub fn with_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.append(name, value);
        self
    }

    /// The first value of the header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name)
    }

    /// The body, without status and headers.
    pub fn into_body(self) -> T {
        self.body
    }
}

/// Headers of an answer, in the order they came; names lower-case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headers(Vec<(String, String)>);

impl Headers {
    /// The first value of `name` (case-insensitive).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `name` (case-insensitive), in order.
    pub fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every header as (name, value), in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// Adds a header.
    pub fn append(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.0
            .push((name.into().to_ascii_lowercase(), value.into()));
    }

    /// How many headers there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<N: Into<String>, V: Into<String>> FromIterator<(N, V)> for Headers {
    fn from_iter<I: IntoIterator<Item = (N, V)>>(iter: I) -> Self {
        let mut headers = Headers::default();
        for (n, v) in iter {
            headers.append(n, v);
        }
        headers
    }
}

/// Programmed answers of one operation of a generated HTTP mock.
pub type MockResponder<Req, Resp> = Responder<Req, Result<Response<Resp>, Error>>;

/// A `multipart/form-data` body: its parts, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Multipart {
    /// The parts.
    pub parts: Vec<Part>,
}

/// One part of a [`Multipart`] body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The form field's name.
    pub name: String,
    /// The file name, for file parts.
    pub file_name: Option<String>,
    /// The part's media type; none for plain text fields.
    pub content_type: Option<String>,
    /// The part's content.
    pub data: Vec<u8>,
}

impl Multipart {
    /// No parts yet.
    pub fn new() -> Self {
        Multipart::default()
    }

    /// Adds a text field.
    pub fn text(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.parts.push(Part {
            name: name.into(),
            file_name: None,
            content_type: None,
            data: value.into().into_bytes(),
        });
        self
    }

    /// Adds a file.
    pub fn file(
        mut self,
        name: impl Into<String>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        data: impl Into<Vec<u8>>,
    ) -> Self {
        self.parts.push(Part {
            name: name.into(),
            file_name: Some(file_name.into()),
            content_type: Some(content_type.into()),
            data: data.into(),
        });
        self
    }

    /// Adds a field holding `value` as JSON.
    pub fn json<T: Serialize + ?Sized>(
        mut self,
        name: impl Into<String>,
        value: &T,
    ) -> Result<Self, Error> {
        let name = name.into();
        let data = serde_json::to_vec(value)
            .map_err(|e| Error::Encode(format!("multipart field `{name}`: {e}")))?;
        self.parts.push(Part {
            name,
            file_name: None,
            content_type: Some("application/json".to_string()),
            data,
        });
        Ok(self)
    }
}

/// What percent-encoding leaves alone: RFC 3986's unreserved characters.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes a path segment, a query or form name or value, or a cookie value.
pub fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, UNRESERVED).to_string()
}

/// A value as JSON: parameter styles are defined on JSON's primitives, arrays and objects,
/// whatever Rust type holds the value.
fn to_json<T: Serialize + ?Sized>(name: &str, value: &T) -> Result<Value, Error> {
    serde_json::to_value(value)
        .map_err(|e| Error::Encode(format!("`{name}` cannot be serialised: {e}")))
}

/// A primitive as text; an array or object (nested in another) as JSON.
fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The pieces a style joins: an array's items; an object's names and values (`name=value`
/// pairs when exploded); else the value itself. Each is escaped.
fn items(value: &Value, explode: bool, escape: fn(&str) -> String) -> Vec<String> {
    match value {
        Value::Null => Vec::new(),
        Value::Array(items) => items.iter().map(|v| escape(&scalar(v))).collect(),
        Value::Object(map) if explode => map
            .iter()
            .map(|(k, v)| format!("{}={}", escape(k), escape(&scalar(v))))
            .collect(),
        Value::Object(map) => map
            .iter()
            .flat_map(|(k, v)| [escape(k), escape(&scalar(v))])
            .collect(),
        other => vec![escape(&scalar(other))],
    }
}

/// A path parameter in the `simple`, `label` or `matrix` style.
pub fn path_param<T: Serialize + ?Sized>(
    name: &str,
    value: &T,
    style: &str,
    explode: bool,
) -> Result<String, Error> {
    let value = to_json(name, value)?;
    let items = items(&value, explode, encode);
    Ok(match style {
        "label" => format!(".{}", items.join(if explode { "." } else { "," })),
        "matrix" => match &value {
            Value::Array(_) if explode => items
                .iter()
                .map(|item| format!(";{}={item}", encode(name)))
                .collect(),
            Value::Object(_) if explode => items.iter().map(|item| format!(";{item}")).collect(),
            _ => format!(";{}={}", encode(name), items.join(",")),
        },
        _ => items.join(","),
    })
}

/// A query parameter in the `form`, `spaceDelimited`, `pipeDelimited` or `deepObject` style,
/// appended to `query` as `name=value` pieces; nothing for `None`.
pub fn query_param<T: Serialize + ?Sized>(
    query: &mut Vec<String>,
    name: &str,
    value: &T,
    style: &str,
    explode: bool,
) -> Result<(), Error> {
    let value = to_json(name, value)?;
    let key = encode(name);
    match &value {
        Value::Null => {}
        Value::Object(map) if style == "deepObject" => {
            for (k, v) in map {
                query.push(format!("{key}%5B{}%5D={}", encode(k), encode(&scalar(v))));
            }
        }
        Value::Object(_) if explode => query.extend(items(&value, true, encode)),
        Value::Array(_) if explode => {
            for item in items(&value, true, encode) {
                query.push(format!("{key}={item}"));
            }
        }
        _ => {
            let separator = match style {
                "spaceDelimited" => "%20",
                "pipeDelimited" => "%7C",
                _ => ",",
            };
            let items = items(&value, false, encode);
            query.push(format!("{key}={}", items.join(separator)));
        }
    }
    Ok(())
}

/// A header parameter in the `simple` style, appended to `headers`; nothing for `None`.
pub fn header_param<T: Serialize + ?Sized>(
    headers: &mut Vec<(String, String)>,
    name: &str,
    value: &T,
    explode: bool,
) -> Result<(), Error> {
    let value = to_json(name, value)?;
    if !value.is_null() {
        let text = items(&value, explode, str::to_owned).join(",");
        headers.push((name.to_string(), text));
    }
    Ok(())
}

/// A cookie parameter in the `form` style, appended to `cookies` as `name=value` pieces;
/// nothing for `None`.
pub fn cookie_param<T: Serialize + ?Sized>(
    cookies: &mut Vec<String>,
    name: &str,
    value: &T,
    explode: bool,
) -> Result<(), Error> {
    let value = to_json(name, value)?;
    match &value {
        Value::Null => {}
        Value::Array(_) if explode => {
            for item in items(&value, true, encode) {
                cookies.push(format!("{name}={item}"));
            }
        }
        Value::Object(_) if explode => cookies.extend(items(&value, true, encode)),
        _ => cookies.push(format!("{name}={}", items(&value, false, encode).join(","))),
    }
    Ok(())
}

/// A JSON body: its content type and bytes.
pub fn json_body<T: Serialize + ?Sized>(
    content_type: &str,
    body: &T,
) -> Result<(String, Vec<u8>), Error> {
    let data = serde_json::to_vec(body)
        .map_err(|e| Error::Encode(format!("the body cannot be serialised: {e}")))?;
    Ok((content_type.to_string(), data))
}

/// An `application/x-www-form-urlencoded` body: the object's properties as fields, arrays as
/// repeated fields, nested objects as JSON.
pub fn form_body<T: Serialize + ?Sized>(
    content_type: &str,
    body: &T,
) -> Result<(String, Vec<u8>), Error> {
    let Value::Object(fields) = to_json("body", body)? else {
        return Err(Error::Encode("a form body must be an object".to_string()));
    };
    let mut pairs = Vec::new();
    for (name, value) in &fields {
        match value {
            Value::Null => {}
            Value::Array(items) => {
                for item in items {
                    pairs.push(format!("{}={}", encode(name), encode(&scalar(item))));
                }
            }
            other => pairs.push(format!("{}={}", encode(name), encode(&scalar(other)))),
        }
    }
    Ok((content_type.to_string(), pairs.join("&").into_bytes()))
}
