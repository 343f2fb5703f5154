//! Pairing the elements of two revisions once, so that rules judge pairs.
//!
//! - **Channels** pair by address (what producers and consumers actually meet on), then by
//!   channel id (a 3.0 channel whose address changed, or whose address is `null`), then by an
//!   operation id they share (a 2.x channel, keyed by its address, whose address changed). What
//!   is left over was removed or added.
//! - **Operations** of a channel pair by id, then by action: a 2.x operation without
//!   `operationId` and its 3.0 migration with a made-up id are the same operation.
//! - **Messages** pair by name (`Message::key`): 2.x `messageId`s and 3.0 message keys may
//!   differ, names do not.

use indexmap::IndexMap;

use super::Dirs;
use crate::model::{Action, Channel, Contract, Direction, Key};

/// A test that two channels of the two revisions are the same channel.
type SameChannel = dyn Fn(&Channel, &Channel) -> bool;

/// Pairs of channel indices (old, new), in new-document order, then the removed ones.
pub(super) fn channels(old: &Contract, new: &Contract) -> Vec<(Option<usize>, Option<usize>)> {
    let mut old_of_new: Vec<Option<usize>> = vec![None; new.channels.len()];
    let mut taken = vec![false; old.channels.len()];
    let passes: [&SameChannel; 3] = [
        &|o, n| o.address.is_some() && o.address == n.address,
        &|o, n| o.id == n.id,
        &|o, n| {
            o.operations
                .iter()
                .any(|oo| n.operations.iter().any(|no| oo.id == no.id))
        },
    ];
    for pass in passes {
        for (ni, n) in new.channels.iter().enumerate() {
            if old_of_new[ni].is_some() {
                continue;
            }
            if let Some(oi) =
                (0..old.channels.len()).find(|&oi| !taken[oi] && pass(&old.channels[oi], n))
            {
                taken[oi] = true;
                old_of_new[ni] = Some(oi);
            }
        }
    }
    let mut out: Vec<(Option<usize>, Option<usize>)> = old_of_new
        .iter()
        .enumerate()
        .map(|(ni, o)| (*o, Some(ni)))
        .collect();
    out.extend(
        (0..old.channels.len())
            .filter(|&oi| !taken[oi])
            .map(|oi| (Some(oi), None)),
    );
    out
}

/// Pairs of operation indices (old, new) of a channel pair, in new order, then the removed ones.
pub(super) fn operations(old: &Channel, new: &Channel) -> Vec<(Option<usize>, Option<usize>)> {
    let mut old_of_new: Vec<Option<usize>> = vec![None; new.operations.len()];
    let mut taken = vec![false; old.operations.len()];
    for by_action in [false, true] {
        for (ni, n) in new.operations.iter().enumerate() {
            if old_of_new[ni].is_some() {
                continue;
            }
            let found = (0..old.operations.len()).find(|&oi| {
                let o = &old.operations[oi];
                !taken[oi]
                    && if by_action {
                        o.action == n.action
                    } else {
                        o.id == n.id
                    }
            });
            if let Some(oi) = found {
                taken[oi] = true;
                old_of_new[ni] = Some(oi);
            }
        }
    }
    let mut out: Vec<(Option<usize>, Option<usize>)> = old_of_new
        .iter()
        .enumerate()
        .map(|(ni, o)| (*o, Some(ni)))
        .collect();
    out.extend(
        (0..old.operations.len())
            .filter(|&oi| !taken[oi])
            .map(|oi| (Some(oi), None)),
    );
    out
}

/// Message indices by key, in list order.
pub(super) fn by_key<'c>(c: &'c Contract, indices: &[usize]) -> IndexMap<&'c Key, usize> {
    indices
        .iter()
        .filter_map(|&i| c.messages.get(i).map(|m| (&m.key, i)))
        .collect()
}

/// Who writes each message of a contract, from the operations that use it: a `send` operation's
/// messages are sent, a `receive` operation's received; a reply goes the other way. A message
/// no operation uses is judged both ways.
pub(super) fn directions(c: &Contract) -> IndexMap<&Key, Dirs> {
    let mut out: IndexMap<&Key, Dirs> = IndexMap::new();
    for ch in &c.channels {
        for op in &ch.operations {
            let dir = op.action.direction();
            for &m in &op.messages {
                if let Some(msg) = c.messages.get(m) {
                    out.entry(&msg.key).or_default().add(dir);
                }
            }
            if let Some(reply) = &op.reply {
                let back = match op.action {
                    Action::Send => Direction::ConsumerWrites,
                    Action::Receive => Direction::ProviderWrites,
                };
                for &m in &reply.messages {
                    if let Some(msg) = c.messages.get(m) {
                        out.entry(&msg.key).or_default().add(back);
                    }
                }
            }
        }
    }
    for m in &c.messages {
        out.entry(&m.key).or_insert_with(Dirs::both);
    }
    out
}
