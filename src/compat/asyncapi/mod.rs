//! asyncapi breaking rules (placeholder until the rules land).

use super::{Emitter, PairCx, rule::BreakingRule};

pub static RULES: &[&BreakingRule] = &[];

pub fn diff(_cx: &PairCx, _em: &mut Emitter) {}
