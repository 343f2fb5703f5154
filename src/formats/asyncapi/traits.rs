//! Message and operation traits, merged into the object that lists them.
//!
//! Both versions merge with JSON Merge Patch (RFC 7386), in the order the traits are listed, but
//! they disagree on who wins:
//!
//! - **3.0**: "A property on a trait MUST NOT override the same property on the target object."
//!   The traits are merged first and the object last, so the object's own fields win.
//! - **2.x**: "Traits MUST be merged into the message object using the JSON Merge Patch
//!   algorithm in the same order they are defined here." The object is the merge target and each
//!   trait a patch applied onto it, so a trait's field wins (this is also what the reference
//!   parser does for 2.x documents).
//!
//! Mappings merge key by key, all the way down, so a trait's header schema and the message's own
//! header schema combine. A field taken whole from one source keeps its real location (its
//! `$ref`s resolve relative to its own file and its schema is shared with every other user);
//! only a field that really combines several sources becomes a synthetic node, placed at the
//! object's own pointer.

use indexmap::IndexMap;

use super::{At, Loader, Version};
use crate::formats::tree::{self, Entry, Node, NodeKind};

/// An object with its traits applied: field name → where its (merged) value is.
pub(crate) struct View {
    fields: IndexMap<String, At>,
}

impl View {
    pub fn get(&self, key: &str) -> Option<&At> {
        self.fields.get(key)
    }

    pub fn node(&self, key: &str) -> Option<&Node> {
        self.fields.get(key).map(At::node)
    }

    pub fn str(&self, key: &str) -> Option<&str> {
        self.node(key).and_then(Node::as_str)
    }

    /// `x-*` fields as JSON, in order.
    pub fn extensions(&self) -> IndexMap<String, serde_json::Value> {
        self.fields
            .iter()
            .filter(|(k, _)| k.starts_with("x-"))
            .map(|(k, at)| (k.clone(), at.node().to_json()))
            .collect()
    }
}

impl Loader<'_, '_> {
    /// Applies the `traits` of the (resolved) object `base`.
    pub(super) fn apply_traits(&mut self, base: &At, what: &str) -> View {
        let mut traits = Vec::new();
        if let Some(list) = self.seq_field(base, "traits") {
            for item in list.items() {
                let Some(t) = self.resolve(&item) else {
                    continue;
                };
                if self.expect_map(&t, &format!("a trait of {what}")) {
                    traits.push(t);
                }
            }
        }
        let mut sources: Vec<&At> = Vec::with_capacity(traits.len() + 1);
        match self.version {
            Version::V3 => {
                sources.extend(traits.iter());
                sources.push(base);
            }
            Version::V2 => {
                sources.push(base);
                sources.extend(traits.iter());
            }
        }
        let mut fields: IndexMap<String, At> = IndexMap::new();
        for source in sources {
            let is_base = std::ptr::eq(source, base);
            for (key, _, value) in source.entries() {
                if key == "traits" {
                    continue;
                }
                if value.node().is_null() {
                    // Merge patch: null removes the field.
                    fields.shift_remove(&key);
                    continue;
                }
                let merged = match fields.get(&key) {
                    Some(prev) if prev.node().is_map() && value.node().is_map() => {
                        let mut node = merge_patch(prev.node(), value.node());
                        if is_base {
                            node.span = value.node().span;
                        }
                        let pointer =
                            format!("{}/{}", base.pointer, tree::escape_pointer_token(&key));
                        At::synthetic(base.file, pointer, node)
                    }
                    _ => value,
                };
                fields.insert(key, merged);
            }
        }
        View { fields }
    }
}

/// RFC 7386: applies `patch` onto `target`. Keys keep the target's order; new keys follow.
pub(crate) fn merge_patch(target: &Node, patch: &Node) -> Node {
    let (NodeKind::Map(old), NodeKind::Map(new)) = (&target.kind, &patch.kind) else {
        return patch.clone();
    };
    let mut entries: Vec<Entry> = old.clone();
    for e in new {
        let existing = entries.iter().position(|o| o.key == e.key);
        match (existing, e.value.is_null()) {
            (Some(i), true) => {
                entries.remove(i);
            }
            (None, true) => {}
            (Some(i), false) => {
                let merged = merge_patch(&entries[i].value, &e.value);
                entries[i].value = merged;
            }
            (None, false) => entries.push(e.clone()),
        }
    }
    Node {
        span: target.span,
        kind: NodeKind::Map(entries),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileId, SourceFile};
    use std::sync::Arc;

    fn parse(text: &str) -> Node {
        let f = SourceFile::new("a.yaml".into(), "a.yaml".into(), Arc::from(text));
        tree::parse(&f, FileId(0)).unwrap()
    }

    #[test]
    fn merge_patch_follows_rfc_7386() {
        let target = parse("a: 1\nb: {c: 1, d: 2}\ne: [1]\n");
        let patch = parse("b: {c: 9, d: null}\ne: [2]\nf: x\n");
        let merged = merge_patch(&target, &patch);
        assert_eq!(
            merged.to_json(),
            serde_json::json!({"a": 1, "b": {"c": 9}, "e": [2], "f": "x"})
        );
    }
}
