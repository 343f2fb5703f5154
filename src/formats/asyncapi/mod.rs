//! Loader placeholder.
use super::{ContractSpec, LoadCx};
use crate::diag::LoadErrors;
use crate::model::Contract;

pub fn load(_cx: &mut LoadCx, _spec: &ContractSpec) -> Result<Contract, LoadErrors> {
    Err(crate::diag::LoadError::new("treaty::unsupported", "not yet").into())
}
