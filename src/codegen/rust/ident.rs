//! Rust identifiers from contract names.
//!
//! Contract names are written for other languages and for people: `order-id`, `2fa`, `type`,
//! `Bestellung für`, `Self`. Every name goes through one of the functions here, which give a
//! valid identifier in the expected case, the same for the same input on every run:
//!
//! * words are split at case changes, digits and anything that is not a letter or a digit, and
//!   joined in the target case (heck);
//! * a character outside ASCII becomes `u` and its code point in hex (`ü` → `u00fc`), so
//!   identifiers stay ASCII (no confusable-identifier lints) and distinct names stay distinct;
//! * a name that starts with a digit gets a prefix (`_2fa`, `V2fa`);
//! * keywords become raw identifiers (`r#type`), and the keywords that cannot be raw get a
//!   suffix (`self_`, `super_`, `crate_`, `SelfType`);
//! * nothing at all (an empty or all-punctuation name) becomes `value` / `Value`.
//!
//! Names that collide after conversion (`orderId` and `order_id`) are made unique by a
//! [`Scope`], which numbers the later ones in the order they are declared (`order_id_2`).

use std::collections::HashSet;

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

const STRICT: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "gen", "macro",
    "override", "priv", "try", "typeof", "unsized", "virtual", "yield", "union",
];

/// Keywords that cannot be written as raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Replaces each non-ASCII character by `u` + its code point, and each other character that is
/// neither an ASCII letter nor digit by a word break, so heck sees clean ASCII words.
fn ascii_words(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c.is_ascii() {
            out.push(' ');
        } else {
            out.push_str(&format!(" u{:04x} ", c as u32));
        }
    }
    out
}

fn finish(mut s: String, digit_prefix: &str, empty: &str) -> String {
    if s.is_empty() {
        s = empty.to_string();
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert_str(0, digit_prefix);
    }
    if s == "Self" {
        // `Self_` would break camel case once a suffix is appended (`Self_Request`).
        s.push_str("Type");
    } else if NOT_RAW.contains(&s.as_str()) {
        s.push('_');
    }
    s
}

/// `snake_case`, for fields, functions, modules and parameters.
pub fn snake(name: &str) -> String {
    finish(ascii_words(name).to_snake_case(), "_", "value")
}

/// `UpperCamelCase`, for types, traits and enum variants.
pub fn camel(name: &str) -> String {
    finish(ascii_words(name).to_upper_camel_case(), "V", "Value")
}

/// `SHOUTY_SNAKE_CASE`, for constants.
pub fn shouty(name: &str) -> String {
    finish(ascii_words(name).to_shouty_snake_case(), "_", "VALUE")
}

/// An identifier token for `s` (one of the above), raw when it is a keyword.
pub fn ident(s: &str) -> Ident {
    if STRICT.contains(&s) && !NOT_RAW.contains(&s) {
        Ident::new_raw(s, Span::call_site())
    } else {
        Ident::new(s, Span::call_site())
    }
}

/// The identifiers declared in one namespace (a module's types, a struct's fields, an enum's
/// variants, a trait's methods), made unique in declaration order.
#[derive(Clone, Debug, Default)]
pub struct Scope {
    taken: HashSet<String>,
}

impl Scope {
    pub fn new() -> Scope {
        Scope::default()
    }

    /// A scope where `reserved` are already taken (names the generated code itself declares).
    pub fn with_reserved(reserved: &[&str]) -> Scope {
        Scope {
            taken: reserved.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// `base` if it is free, else `base_2`, `base_3`, … (`Base2`, `Base3` for camel-case names).
    pub fn unique(&mut self, base: String) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        let camel = base.starts_with(|c: char| c.is_ascii_uppercase()) && !base.contains('_');
        for n in 2.. {
            let candidate = if camel {
                format!("{base}{n}")
            } else {
                format!("{base}_{n}")
            };
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
        unreachable!("an unbounded counter always finds a free name")
    }

    /// Marks `name` taken; false when it already was.
    pub fn reserve(&mut self, name: &str) -> bool {
        self.taken.insert(name.to_string())
    }

    pub fn contains(&self, name: &str) -> bool {
        self.taken.contains(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_identifiers() {
        assert_eq!(snake("orderId"), "order_id");
        assert_eq!(snake("order-id"), "order_id");
        assert_eq!(snake("type"), "type");
        assert_eq!(ident(&snake("type")).to_string(), "r#type");
        assert_eq!(snake("self"), "self_");
        assert_eq!(camel("self"), "SelfType");
        assert_eq!(snake("2fa"), "_2fa");
        assert_eq!(camel("2fa"), "V2fa");
        assert_eq!(snake(""), "value");
        assert_eq!(snake("--"), "value");
        assert_eq!(camel("für"), "FU00fcR");
        assert_ne!(camel("für"), camel("fur"));
        assert_eq!(camel("order created event"), "OrderCreatedEvent");
        assert_eq!(shouty("order.created"), "ORDER_CREATED");
    }

    #[test]
    fn collisions_are_numbered_in_order() {
        let mut s = Scope::new();
        assert_eq!(s.unique(snake("orderId")), "order_id");
        assert_eq!(s.unique(snake("order_id")), "order_id_2");
        assert_eq!(s.unique(snake("ORDER-ID")), "order_id_3");
        let mut t = Scope::new();
        assert_eq!(t.unique(camel("order")), "Order");
        assert_eq!(t.unique(camel("ORDER")), "Order2");
    }
}
