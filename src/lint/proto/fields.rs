//! Field rules: what a field may be declared as (here, never `required`). Naming and comments
//! of fields live with the other naming and comment rules.

use prost_types::field_descriptor_proto::Label;

use super::{Element, Reporter, own_files, walk};
use crate::lint::{LintCx, Sink};
use crate::model::Contract;

crate::lint_rule! {
    /// ## What it does
    /// Checks that no field is `required` (proto2).
    ///
    /// ## Why is this bad?
    /// A required field can never be removed or made optional: every reader rejects messages
    /// without it, including old readers of new messages. proto3 dropped `required` for that
    /// reason; validate presence in the application instead.
    ///
    /// ## Example
    /// ```proto
    /// syntax = "proto2";
    /// message Order {
    ///   required string id = 1; // should be optional
    /// }
    /// ```
    pub FIELD_NOT_REQUIRED = "FIELD_NOT_REQUIRED", formats: [Proto],
    categories: ["BASIC", "DEFAULT", "STANDARD"], default: true, severity: Error,
    check: Contract(field_not_required)
}

fn field_not_required(cx: &LintCx, contract: &Contract, sink: &mut Sink) {
    let mut r = Reporter::new(cx, contract, sink, &FIELD_NOT_REQUIRED);
    for f in own_files(cx, contract) {
        walk(f.fd, &mut |el, path| {
            let field = match el {
                Element::Field(x, _) | Element::Extension(x) => x,
                _ => return,
            };
            if field.label() == Label::Required {
                r.report(
                    f.span(&[path, &[1]].concat()),
                    format!("Field named {:?} should not be required.", field.name()),
                );
            }
        });
    }
}
