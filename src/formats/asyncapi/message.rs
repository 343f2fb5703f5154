//! Messages, their schemas, and the parts shared by channels and operations (bindings).
//!
//! A message is built once per resolved location: a component message used by three channels
//! and two operations is one [`Message`], and they all hold its index. Traits are applied before
//! any field is read. The payload is a JSON Schema unless a `schemaFormat` names another
//! language: in 2.x the message's own `schemaFormat`, in 3.0 a Multi Format Schema Object
//! (`{schemaFormat, schema}`) written as the payload or behind its `$ref`.

use indexmap::IndexMap;
use serde_json::Value;

use super::traits::View;
use super::{At, Loader, Version};
use crate::formats::jsonschema::Dialect;
use crate::formats::tree::{self, NodeKind};
use crate::model::{Key, Message, MessageExample, Payload, SchemaId};

/// The schema dialect a `schemaFormat` names, or `None` for a language that is not JSON Schema
/// (Avro, protobuf, RAML, or anything unknown), whose schema is kept raw.
pub(crate) fn classify_format(format: &str) -> Option<Dialect> {
    let lower = format.to_ascii_lowercase();
    let mut parts = lower.split(';').map(str::trim);
    let media = parts.next().unwrap_or("");
    let version = parts
        .find_map(|p| p.strip_prefix("version="))
        .unwrap_or("")
        .trim_matches('"');
    match media {
        "application/vnd.aai.asyncapi"
        | "application/vnd.aai.asyncapi+json"
        | "application/vnd.aai.asyncapi+yaml"
        | "application/schema+json"
        | "application/schema+yaml" => Some(Dialect::AsyncApi),
        "application/vnd.oai.openapi"
        | "application/vnd.oai.openapi+json"
        | "application/vnd.oai.openapi+yaml" => {
            if version.starts_with("3.1") {
                Some(Dialect::OpenApi31)
            } else {
                Some(Dialect::OpenApi30)
            }
        }
        _ => None,
    }
}

/// What a payload or header schema turned out to be.
enum Schema {
    Json(SchemaId),
    Other { format: String, schema: Value },
    Failed,
}

impl Loader<'_, '_> {
    /// The index of the message at `at` (a Message Object or a `$ref` to one), building it on
    /// first use. `fallback_id` names a message that has no better id (a 2.x inline message
    /// without `messageId`).
    pub(super) fn message(&mut self, at: &At, fallback_id: &str) -> Option<usize> {
        let target = self.resolve(at)?;
        let location = self.location(&target);
        if let Some(i) = self.messages_by_location.get(&location) {
            return Some(*i);
        }
        if !self.expect_map(&target, "a message") {
            return None;
        }
        let view = self.apply_traits(&target, "a message");
        let id = self.message_id(&target, &view, fallback_id);
        let what = format!("message `{id}`");
        for field in [
            "name",
            "title",
            "summary",
            "description",
            "contentType",
            "messageId",
            "schemaFormat",
        ] {
            if let Some(n) = view.node(field)
                && !matches!(n.kind, NodeKind::Str(_))
            {
                let n = n.clone();
                self.wrong_type(&n, &format!("`{field}` of {what}"), "a string");
            }
        }
        let message_format = match self.version {
            Version::V2 => view.str("schemaFormat").map(str::to_string),
            Version::V3 => None,
        };
        let headers = match view.get("headers").cloned() {
            None => None,
            Some(h) => match self.typed_schema(&h, None) {
                Schema::Json(id) => Some(id),
                // A header schema in another language has no place in the model; the headers
                // are then unknown rather than wrong.
                Schema::Other { .. } | Schema::Failed => None,
            },
        };
        let payload = match view.get("payload").cloned() {
            None => Payload::None,
            Some(p) => match self.typed_schema(&p, message_format) {
                Schema::Json(id) => Payload::Schema(id),
                Schema::Other { format, schema } => Payload::Other {
                    schema_format: format,
                    schema,
                },
                Schema::Failed => Payload::None,
            },
        };
        let (bindings, kafka) = self.bindings(view.get("bindings"));
        // The Kafka key is a schema too; it follows the payload's language (an Avro payload has
        // an Avro key), so it is built only next to a JSON Schema payload.
        let key_schema = match (kafka.and_then(|k| k.child("key")), &payload) {
            (Some(key), Payload::Schema(_) | Payload::None) => self.schema(&key, Dialect::AsyncApi),
            _ => None,
        };
        let correlation_id = self.correlation_id(&view, &what);
        let examples = self.examples(&view, &what);
        let name = view.str("name").map(str::to_string);
        let message = Message {
            key: Key::new(format!("message:{}", name.as_deref().unwrap_or(&id))),
            id,
            name,
            title: view.str("title").map(str::to_string),
            summary: view.str("summary").map(str::to_string),
            description: view.str("description").map(str::to_string),
            content_type: view
                .str("contentType")
                .map(str::to_string)
                .or_else(|| self.default_content_type.clone()),
            headers,
            payload,
            key_schema,
            correlation_id,
            bindings,
            extensions: view.extensions(),
            examples,
            span: target.element_span(),
        };
        let index = self.contract.messages.len();
        self.contract.messages.push(message);
        self.messages_by_location.insert(location, index);
        Some(index)
    }

    /// A message's id: its 2.x `messageId`, else its name under `components.messages` or under
    /// a 3.0 channel's `messages`, else what the caller offers, else the key it is written under.
    fn message_id(&self, target: &At, view: &View, fallback: &str) -> String {
        if let Some(id) = view.str("messageId") {
            return id.to_string();
        }
        let tokens: Vec<String> = target
            .pointer
            .split('/')
            .skip(1)
            .map(tree::unescape_pointer_token)
            .collect();
        match tokens.as_slice() {
            [c, m, name] if c == "components" && m == "messages" => return name.clone(),
            [c, _, m, name]
                if c == "channels" && m == "messages" && self.version == Version::V3 =>
            {
                return name.clone();
            }
            _ => {}
        }
        if !fallback.is_empty() {
            return fallback.to_string();
        }
        target.last_token()
    }

    /// Builds a payload or header schema. `format` is the 2.x message-level `schemaFormat`; in
    /// 3.0 the format comes from a Multi Format Schema Object at `at` or behind its `$ref`s.
    fn typed_schema(&mut self, at: &At, format: Option<String>) -> Schema {
        let (format, target) = match self.version {
            Version::V2 => (format, at.clone()),
            Version::V3 => {
                let hops = match self.deref_chain(at) {
                    Ok(h) => h,
                    Err(e) => {
                        self.push(e);
                        return Schema::Failed;
                    }
                };
                let end = hops.last().cloned().unwrap_or_else(|| at.clone());
                match end.get("schemaFormat") {
                    None => (None, at.clone()),
                    Some(f) => {
                        let Some(f) = f.as_str().map(str::to_string) else {
                            let n = f.clone();
                            self.wrong_type(&n, "`schemaFormat`", "a string");
                            return Schema::Failed;
                        };
                        let Some(schema) = end.child("schema") else {
                            self.missing(&end, "schema", "a Multi Format Schema Object");
                            return Schema::Failed;
                        };
                        (Some(f), schema)
                    }
                }
            }
        };
        let dialect = match &format {
            None => Some(Dialect::AsyncApi),
            Some(f) => classify_format(f),
        };
        match (dialect, format) {
            (Some(d), _) => match self.schema(&target, d) {
                Some(id) => Schema::Json(id),
                None => Schema::Failed,
            },
            (None, Some(format)) => {
                let location = self.location(&target);
                self.other_payloads.insert(location);
                let Some(resolved) = self.resolve(&target) else {
                    return Schema::Failed;
                };
                let location = self.location(&resolved);
                self.other_payloads.insert(location);
                Schema::Other {
                    format,
                    schema: resolved.node().to_json(),
                }
            }
            (None, None) => Schema::Failed,
        }
    }

    /// A bindings object (or its `$ref`) as JSON by protocol, with the Kafka binding's location
    /// (its `key` is a schema).
    pub(super) fn bindings(&mut self, at: Option<&At>) -> (IndexMap<String, Value>, Option<At>) {
        let mut out = IndexMap::new();
        let mut kafka = None;
        let Some(at) = at else { return (out, kafka) };
        let Some(bindings) = self.resolve(at) else {
            return (out, kafka);
        };
        if !self.expect_map(&bindings, "`bindings`") {
            return (out, kafka);
        }
        for (protocol, _, b) in bindings.entries() {
            let Some(b) = self.resolve(&b) else { continue };
            out.insert(protocol.clone(), b.node().to_json());
            if protocol == "kafka" && b.node().is_map() {
                kafka = Some(b);
            }
        }
        (out, kafka)
    }

    /// The correlation id's runtime expression (`location`), through a `$ref` to
    /// `components.correlationIds`.
    fn correlation_id(&mut self, view: &View, what: &str) -> Option<String> {
        let at = view.get("correlationId")?.clone();
        let target = self.resolve(&at)?;
        if !self.expect_map(&target, &format!("the correlation id of {what}")) {
            return None;
        }
        let location = self.string(&target, "location");
        if location.is_none() && target.get("location").is_none() {
            self.missing(
                &target,
                "location",
                &format!("the correlation id of {what}"),
            );
        }
        location
    }

    fn examples(&mut self, view: &View, what: &str) -> Vec<MessageExample> {
        let Some(list) = view.get("examples").cloned() else {
            return Vec::new();
        };
        if !list.node().is_seq() {
            let n = list.node().clone();
            self.wrong_type(&n, &format!("`examples` of {what}"), "a list");
            return Vec::new();
        }
        let mut out = Vec::new();
        for item in list.items() {
            if !self.expect_map(&item, &format!("an example of {what}")) {
                continue;
            }
            let name = self.string(&item, "name");
            out.push(MessageExample {
                name,
                headers: item.get("headers").map(|n| n.to_json()),
                payload: item.get("payload").map(|n| n.to_json()),
                span: item.span(),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_classified() {
        assert_eq!(
            classify_format("application/vnd.aai.asyncapi+json;version=3.0.0"),
            Some(Dialect::AsyncApi)
        );
        assert_eq!(
            classify_format("application/schema+json;version=draft-07"),
            Some(Dialect::AsyncApi)
        );
        assert_eq!(
            classify_format("application/vnd.oai.openapi;version=3.0.0"),
            Some(Dialect::OpenApi30)
        );
        assert_eq!(
            classify_format("application/vnd.apache.avro;version=1.9.0"),
            None
        );
        assert_eq!(
            classify_format("application/vnd.google.protobuf;version=3"),
            None
        );
        assert_eq!(classify_format("application/raml+yaml;version=1.0"), None);
    }
}
