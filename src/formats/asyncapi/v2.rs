//! AsyncAPI 2.0 to 2.6: channels keyed by address, each with `publish` and/or `subscribe`.
//!
//! 2.x describes operations from the point of view of a *client* of the application: `publish`
//! says what others may publish to the application (so the application receives), `subscribe`
//! what others may subscribe to (so the application sends). The model, like 3.0, speaks from the
//! application's own side, so `publish` → [`Action::Receive`] and `subscribe` → [`Action::Send`].
//! An operation's `message` may be one message or `oneOf` several; the channel's messages are
//! those of its operations.

use super::{At, Loader};
use crate::model::{Action, Channel, ChannelOperation, ChannelParameter, Key};

impl Loader<'_, '_> {
    pub(super) fn load_v2(&mut self, root: &At) {
        if root.get("channels").is_none() {
            self.missing(root, "channels", "an AsyncAPI 2 document");
            return;
        }
        let Some(channels) = self.map_field(root, "channels") else {
            return;
        };
        for (address, _, at) in channels.entries() {
            self.channel_v2(&address, &at);
        }
    }

    fn channel_v2(&mut self, address: &str, at: &At) {
        let Some(item) = self.resolve(at) else { return };
        let what = format!("channel `{address}`");
        if !self.expect_map(&item, &what) {
            return;
        }
        let description = self.string(&item, "description");
        let parameters = self.parameters_v2(&item, &what);
        let (bindings, _) = self.bindings(item.child("bindings").as_ref());
        let index = self.contract.channels.len();
        self.contract.channels.push(Channel {
            key: Key::new(format!("channel:{address}")),
            id: address.to_string(),
            address: Some(address.to_string()),
            description,
            parameters,
            messages: Vec::new(),
            bindings,
            extensions: self.extensions(&item),
            span: item.element_span(),
            operations: Vec::new(),
        });
        for (verb, action) in [("publish", Action::Receive), ("subscribe", Action::Send)] {
            if let Some(op) = item.child(verb) {
                self.operation_v2(index, address, verb, action, &op);
            }
        }
    }

    /// 2.x parameters hold a `schema`; its `enum` and `default` are what 3.0 writes on the
    /// parameter itself, so both versions give the same [`ChannelParameter`].
    fn parameters_v2(&mut self, channel: &At, what: &str) -> Vec<ChannelParameter> {
        let mut out = Vec::new();
        let Some(map) = self.map_field(channel, "parameters") else {
            return out;
        };
        for (name, _, at) in map.entries() {
            let Some(p) = self.resolve(&at) else { continue };
            if !self.expect_map(&p, &format!("parameter `{name}` of {what}")) {
                continue;
            }
            let (mut enum_values, mut default) = (None, None);
            if let Some(schema_at) = p.child("schema")
                && let Some(id) =
                    self.schema(&schema_at, crate::formats::jsonschema::Dialect::AsyncApi)
            {
                let arena = &self.contract.schemas;
                let schema = arena.get(arena.resolve(id));
                enum_values = schema.enum_values.clone();
                default = schema.default.clone();
            }
            let location = self.string(&p, "location");
            out.push(ChannelParameter {
                name,
                enum_values,
                default,
                location,
                span: at.element_span(),
            });
        }
        out
    }

    fn operation_v2(&mut self, channel: usize, address: &str, verb: &str, action: Action, at: &At) {
        let Some(op) = self.resolve(at) else { return };
        let what = format!("the `{verb}` operation of channel `{address}`");
        if !self.expect_map(&op, &what) {
            return;
        }
        let view = self.apply_traits(&op, &what);
        let (id, id_span) = match view.node("operationId") {
            Some(n) if n.as_str().is_some() => {
                (n.as_str().unwrap_or_default().to_string(), Some(n.span))
            }
            Some(n) => {
                let n = n.clone();
                self.wrong_type(&n, "`operationId`", "a string");
                (format!("{address} {verb}"), None)
            }
            None => (format!("{address} {verb}"), None),
        };
        let mut messages = Vec::new();
        if let Some(m) = view.get("message").cloned()
            && let Some(target) = self.resolve(&m)
        {
            match target.child("oneOf") {
                Some(list) if list.node().is_seq() => {
                    for (i, item) in list.items().iter().enumerate() {
                        if let Some(index) = self.message(item, &format!("{id}#{i}"))
                            && !messages.contains(&index)
                        {
                            messages.push(index);
                        }
                    }
                }
                Some(list) => {
                    let n = list.node().clone();
                    self.wrong_type(&n, "`oneOf` of a message", "a list of messages");
                }
                None => messages.extend(self.message(&m, &id)),
            }
        }
        if let Some(security) = view.get("security").cloned() {
            self.security_requirements(&security);
        }
        let (bindings, _) = self.bindings(view.get("bindings"));
        let ch = &mut self.contract.channels[channel];
        for &m in &messages {
            if !ch.messages.contains(&m) {
                ch.messages.push(m);
            }
        }
        ch.operations.push(ChannelOperation {
            key: Key::new(format!("op:{id}")),
            id,
            id_span,
            action,
            messages,
            reply: None,
            bindings,
            extensions: view.extensions(),
            summary: view.str("summary").map(str::to_string),
            span: op.element_span(),
        });
    }
}
