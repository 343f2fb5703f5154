//! Placeholder, replaced by the http generator.

use super::{CrateCx, Module};
use crate::codegen::GenError;
use crate::model::Contract;

pub fn generate(_cx: &mut CrateCx, _contract: &Contract) -> Result<Option<Module>, GenError> {
    Ok(None)
}
