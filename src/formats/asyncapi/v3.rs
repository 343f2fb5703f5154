//! AsyncAPI 3.0: channels by id, and top-level operations that point at them.
//!
//! Channels are built first (each with its own message map); operations then find their channel
//! through the `$ref` they hold. An operation whose `messages` is absent handles every message of
//! its channel, and a reply without `messages` every message of its reply channel, as the
//! reference parser reads them. A reference to a channel outside the root `channels` (which the
//! specification allows for operations under `components`) builds that channel too.

use super::{At, Loader, code};
use crate::model::{Action, Channel, ChannelOperation, ChannelParameter, Key, Reply};
use crate::source::Span;

impl Loader<'_, '_> {
    pub(super) fn load_v3(&mut self, root: &At) {
        if let Some(channels) = self.map_field(root, "channels") {
            for (id, _, at) in channels.entries() {
                self.channel_v3(&id, &at);
            }
        }
        if let Some(operations) = self.map_field(root, "operations") {
            for (id, key_span, at) in operations.entries() {
                self.operation_v3(&id, key_span, &at);
            }
        }
    }

    /// The channel written at `at` (a Channel Object or a `$ref` to one), built on first use.
    fn channel_v3(&mut self, id: &str, at: &At) -> Option<usize> {
        let entry = self.location(at);
        if let Some(i) = self.channels_by_location.get(&entry) {
            return Some(*i);
        }
        let target = self.resolve(at)?;
        let target_location = self.location(&target);
        if let Some(&i) = self.channels_by_location.get(&target_location) {
            self.channels_by_location.insert(entry, i);
            return Some(i);
        }
        let what = format!("channel `{id}`");
        if !self.expect_map(&target, &what) {
            return None;
        }
        let address = match target.get("address") {
            None => None,
            Some(n) if n.is_null() => None,
            Some(n) => match n.as_str() {
                Some(s) => Some(s.to_string()),
                None => {
                    let n = n.clone();
                    self.wrong_type(&n, &format!("the address of {what}"), "a string or null");
                    None
                }
            },
        };
        let description = self.string(&target, "description");
        let parameters = self.parameters_v3(&target, &what);
        let mut messages = Vec::new();
        if let Some(map) = self.map_field(&target, "messages") {
            for (message_id, _, m) in map.entries() {
                if let Some(i) = self.message(&m, &message_id)
                    && !messages.contains(&i)
                {
                    messages.push(i);
                }
            }
        }
        let (bindings, _) = self.bindings(target.child("bindings").as_ref());
        let key = match &address {
            Some(a) => format!("channel:{a}"),
            None => format!("channel-id:{id}"),
        };
        let channel = Channel {
            key: Key::new(key),
            id: id.to_string(),
            address,
            description,
            parameters,
            messages,
            bindings,
            extensions: self.extensions(&target),
            span: target.element_span(),
            operations: Vec::new(),
        };
        let index = self.contract.channels.len();
        self.contract.channels.push(channel);
        self.channels_by_location.insert(entry, index);
        self.channels_by_location.insert(target_location, index);
        Some(index)
    }

    fn parameters_v3(&mut self, channel: &At, what: &str) -> Vec<ChannelParameter> {
        let mut out = Vec::new();
        let Some(map) = self.map_field(channel, "parameters") else {
            return out;
        };
        for (name, _, at) in map.entries() {
            let Some(p) = self.resolve(&at) else { continue };
            if !self.expect_map(&p, &format!("parameter `{name}` of {what}")) {
                continue;
            }
            let enum_values = match p.get("enum") {
                None => None,
                Some(n) if n.is_seq() => Some(n.items().iter().map(|i| i.to_json()).collect()),
                Some(n) => {
                    let n = n.clone();
                    self.wrong_type(&n, &format!("`enum` of parameter `{name}`"), "a list");
                    None
                }
            };
            let default = p.get("default").map(|n| n.to_json());
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

    /// The channel an operation or reply `$ref`s.
    fn channel_ref(&mut self, at: &At) -> Option<usize> {
        let hops = match self.deref_chain(at) {
            Ok(h) => h,
            Err(e) => {
                self.push(e);
                return None;
            }
        };
        for hop in &hops {
            if let Some(&i) = self.channels_by_location.get(&self.location(hop)) {
                return Some(i);
            }
        }
        match hops.first() {
            Some(first) => {
                let id = first.last_token();
                self.channel_v3(&id, first)
            }
            None => {
                let e = self
                    .error(
                        code::BAD_REFERENCE,
                        at.span(),
                        "`channel` must be a `$ref` to a channel (e.g. `$ref: '#/channels/orders'`)",
                    )
                    .with_label("not a reference");
                self.push(e);
                None
            }
        }
    }

    fn operation_v3(&mut self, id: &str, key_span: Span, at: &At) {
        let Some(op) = self.resolve(at) else { return };
        let what = format!("operation `{id}`");
        if !self.expect_map(&op, &what) {
            return;
        }
        let view = self.apply_traits(&op, &what);
        let action = match view.node("action") {
            None => {
                self.missing(&op, "action", &what);
                return;
            }
            Some(n) => match n.as_str() {
                Some("send") => Action::Send,
                Some("receive") => Action::Receive,
                _ => {
                    let shown = n
                        .as_str()
                        .map(|s| format!("`{s}`"))
                        .unwrap_or_else(|| n.type_name().to_string());
                    let e = self
                        .error(
                            code::INVALID_ACTION,
                            n.span,
                            format!("the action of {what} must be `send` or `receive`; found {shown}"),
                        )
                        .with_label("unknown action")
                        .with_help("`send`: the application sends to the channel; `receive`: it receives from it");
                    self.push(e);
                    return;
                }
            },
        };
        let Some(channel_at) = view.get("channel").cloned() else {
            self.missing(&op, "channel", &what);
            return;
        };
        let Some(channel) = self.channel_ref(&channel_at) else {
            return;
        };
        let messages = match view.get("messages").cloned() {
            None => self.contract.channels[channel].messages.clone(),
            Some(list) => self.message_refs(&list, &what),
        };
        let reply = match view.get("reply").cloned() {
            None => None,
            Some(r) => self.reply_v3(&r, &what),
        };
        if let Some(security) = view.get("security").cloned() {
            self.security_requirements(&security);
        }
        let (bindings, _) = self.bindings(view.get("bindings"));
        let operation = ChannelOperation {
            key: Key::new(format!("op:{id}")),
            id: id.to_string(),
            id_span: Some(key_span),
            action,
            messages,
            reply,
            bindings,
            extensions: view.extensions(),
            summary: view.str("summary").map(str::to_string),
            span: op.element_span(),
        };
        self.contract.channels[channel].operations.push(operation);
    }

    /// A list of message `$ref`s (operation or reply `messages`).
    fn message_refs(&mut self, list: &At, what: &str) -> Vec<usize> {
        if !list.node().is_seq() {
            let n = list.node().clone();
            self.wrong_type(&n, &format!("`messages` of {what}"), "a list of `$ref`s");
            return Vec::new();
        }
        let mut out = Vec::new();
        for item in list.items() {
            if let Some(i) = self.message(&item, "")
                && !out.contains(&i)
            {
                out.push(i);
            }
        }
        out
    }

    fn reply_v3(&mut self, at: &At, what: &str) -> Option<Reply> {
        let reply = self.resolve(at)?;
        let what = format!("the reply of {what}");
        if !self.expect_map(&reply, &what) {
            return None;
        }
        let mut address_location = None;
        if let Some(a) = reply.child("address")
            && let Some(address) = self.resolve(&a)
            && self.expect_map(&address, &format!("the address of {what}"))
        {
            address_location = self.string(&address, "location");
            if address_location.is_none() && address.get("location").is_none() {
                self.missing(&address, "location", &format!("the address of {what}"));
            }
        }
        let channel = match reply.child("channel") {
            None => None,
            Some(c) => self.channel_ref(&c),
        };
        let messages = match (reply.child("messages"), channel) {
            (Some(list), _) => self.message_refs(&list, &what),
            (None, Some(c)) => self.contract.channels[c].messages.clone(),
            (None, None) => Vec::new(),
        };
        let (channel_id, channel_address) = match channel {
            Some(c) => {
                let ch = &self.contract.channels[c];
                (Some(ch.id.clone()), ch.address.clone())
            }
            None => (None, None),
        };
        Some(Reply {
            channel: channel_id,
            channel_address,
            address_location,
            messages,
            span: reply.element_span(),
        })
    }
}
