//! The FTGO workspace: every service has its contracts, and the contracts agree with each other
//! across services (command channels, event channels, saga replies). Also checks that
//! fixtures/ftgo/expected.yaml covers every step and contract of the history.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use treaty::model::{Action, ContractKind};
use treaty::workspace::{self, Workspace};

/// The services of FTGO (the GraphQL gateway is out of scope: GraphQL is not one of treaty's formats).
const SERVICES: &[&str] = &[
    "order",
    "kitchen",
    "consumer",
    "restaurant",
    "accounting",
    "delivery",
    "order-history",
    "api-gateway",
];
/// Services that take part in messaging.
const MESSAGING: &[&str] = &[
    "order",
    "kitchen",
    "consumer",
    "restaurant",
    "accounting",
    "delivery",
    "order-history",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(dir: &Path) -> Workspace {
    match workspace::load_manifest(&dir.join("treaty.yaml")) {
        Ok(ws) => ws,
        Err(e) => panic!("{e}"),
    }
}

fn ext<'a>(map: &'a indexmap::IndexMap<String, serde_json::Value>, key: &str) -> Option<&'a str> {
    map.get(key).and_then(|v| v.as_str())
}

#[test]
fn every_service_has_its_contracts() {
    let ws = load(&root());
    for s in SERVICES {
        let kinds: BTreeSet<ContractKind> = ws
            .contracts
            .iter()
            .filter(|c| c.service.as_deref() == Some(s))
            .map(|c| c.kind)
            .collect();
        assert!(
            kinds.contains(&ContractKind::Openapi),
            "{s} has no OpenAPI contract"
        );
        if MESSAGING.contains(s) {
            assert!(
                kinds.contains(&ContractKind::Asyncapi),
                "{s} has no AsyncAPI contract"
            );
        }
    }
    let order_rpcs: Vec<_> = ws
        .contracts
        .iter()
        .filter(|c| c.kind == ContractKind::Proto && c.service.as_deref() == Some("order"))
        .flat_map(|c| c.operations.iter())
        .filter_map(|o| match &o.kind {
            treaty::model::OperationKind::Rpc { method, .. } => Some(method.clone()),
            _ => None,
        })
        .collect();
    for m in ["CreateOrder", "CancelOrder", "ReviseOrder"] {
        assert!(
            order_rpcs.iter().any(|r| r == m),
            "OrderService lacks {m}: {order_rpcs:?}"
        );
    }
}

/// (service, channel address, action) for every operation in the workspace, with the channel kind.
fn channel_uses(ws: &Workspace) -> Vec<(String, String, Action, Option<String>)> {
    let mut out = Vec::new();
    for c in ws
        .contracts
        .iter()
        .filter(|c| c.kind == ContractKind::Asyncapi)
    {
        for ch in &c.channels {
            let address = ch.address.clone().unwrap_or_else(|| ch.id.clone());
            for op in &ch.operations {
                out.push((
                    c.service.clone().unwrap_or_default(),
                    address.clone(),
                    op.action,
                    ext(&ch.extensions, "x-channel-kind").map(str::to_string),
                ));
            }
        }
    }
    out
}

#[test]
fn command_channels_have_one_receiver_and_event_channels_a_publisher() {
    let ws = load(&root());
    let uses = channel_uses(&ws);
    assert!(!uses.is_empty());
    let mut receivers: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut senders: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut kinds: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (service, address, action, kind) in &uses {
        match action {
            Action::Receive => receivers.entry(address).or_default().insert(service),
            Action::Send => senders.entry(address).or_default().insert(service),
        };
        if let Some(k) = kind {
            kinds.entry(address).or_default().insert(k);
        }
    }
    for (address, k) in &kinds {
        assert_eq!(
            k.len(),
            1,
            "{address} is declared with different kinds: {k:?}"
        );
    }
    let command_channels = [
        "orderService",
        "kitchenService",
        "consumerService",
        "accountingService",
    ];
    for ch in command_channels {
        assert_eq!(
            kinds.get(ch).map(|k| k.iter().next().copied()),
            Some(Some("point-to-point")),
            "{ch}"
        );
        let r = receivers.get(ch).cloned().unwrap_or_default();
        assert_eq!(
            r.len(),
            1,
            "command channel {ch} must have exactly one receiving service, has {r:?}"
        );
    }
    for (address, k) in &kinds {
        if k.contains("publish-subscribe") {
            assert!(
                senders.get(address).is_some_and(|s| !s.is_empty()),
                "event channel {address} has no publisher"
            );
        }
        if k.contains("point-to-point") && !address.ends_with("-reply") {
            assert_eq!(
                receivers.get(address).map(|r| r.len()),
                Some(1),
                "{address}: receivers {:?}",
                receivers.get(address)
            );
        }
    }
    for (events, publisher) in [
        (
            "net.chrisrichardson.ftgo.orderservice.domain.Order",
            "order",
        ),
        (
            "net.chrisrichardson.ftgo.kitchenservice.domain.Ticket",
            "kitchen",
        ),
        (
            "net.chrisrichardson.ftgo.restaurantservice.domain.Restaurant",
            "restaurant",
        ),
        (
            "net.chrisrichardson.ftgo.consumerservice.domain.Consumer",
            "consumer",
        ),
    ] {
        assert_eq!(
            senders.get(events).cloned().unwrap_or_default(),
            BTreeSet::from([publisher]),
            "publisher of {events}"
        );
    }
}

#[test]
fn every_commands_reply_types_appear_on_its_reply_channel() {
    let ws = load(&root());
    // Message names on each channel address, across every contract of the workspace.
    let mut on_channel: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for c in ws
        .contracts
        .iter()
        .filter(|c| c.kind == ContractKind::Asyncapi)
    {
        for ch in &c.channels {
            let address = ch.address.clone().unwrap_or_else(|| ch.id.clone());
            for &m in &ch.messages {
                let msg = &c.messages[m];
                on_channel
                    .entry(address.clone())
                    .or_default()
                    .insert(msg.name.clone().unwrap_or_else(|| msg.id.clone()));
            }
        }
    }
    let mut replies_checked = 0;
    for c in ws
        .contracts
        .iter()
        .filter(|c| c.kind == ContractKind::Asyncapi)
    {
        for ch in &c.channels {
            for op in &ch.operations {
                let Some(reply) = &op.reply else { continue };
                let Some(address) = reply
                    .channel_address
                    .clone()
                    .or_else(|| reply.channel.clone())
                else {
                    continue;
                };
                let names = on_channel.get(&address).cloned().unwrap_or_default();
                for &m in &reply.messages {
                    let msg = &c.messages[m];
                    let name = msg.name.clone().unwrap_or_else(|| msg.id.clone());
                    assert!(
                        names.contains(&name),
                        "{}: reply `{name}` of `{}` is not a message of reply channel {address}",
                        c.name,
                        op.id
                    );
                    replies_checked += 1;
                }
            }
        }
    }
    assert!(
        replies_checked >= 10,
        "only {replies_checked} reply types found"
    );
    for saga in ["CreateOrderSaga", "CancelOrderSaga", "ReviseOrderSaga"] {
        assert!(
            on_channel
                .keys()
                .any(|a| a.ends_with(&format!("{saga}-reply"))),
            "no reply channel for {saga}"
        );
    }
}

#[test]
fn expected_yaml_covers_every_step_and_contract() {
    use treaty::compat::verdict::bump_between;
    use treaty::report::Bump;
    let root = root();
    let text = std::fs::read_to_string(root.join("fixtures/ftgo/expected.yaml")).unwrap();
    let doc: yaml_serde::Value = yaml_serde::from_str(&text).unwrap();
    let revisions: Vec<String> = doc["revisions"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert!(
        revisions.len() >= 4,
        "at least three earlier revisions and the current one"
    );
    assert_eq!(revisions.last().map(String::as_str), Some("current"));
    let dir_of = |r: &str| {
        if r == "current" {
            root.clone()
        } else {
            root.join("fixtures/ftgo").join(r)
        }
    };
    let steps = doc["steps"].as_sequence().unwrap();
    assert_eq!(steps.len(), revisions.len() - 1);
    for (i, step) in steps.iter().enumerate() {
        assert_eq!(step["from"].as_str(), Some(revisions[i].as_str()));
        assert_eq!(step["to"].as_str(), Some(revisions[i + 1].as_str()));
        let old = load(&dir_of(&revisions[i]));
        let new = load(&dir_of(&revisions[i + 1]));
        let names: BTreeSet<String> = old
            .contracts
            .iter()
            .chain(new.contracts.iter())
            .map(|c| c.name.clone())
            .collect();
        let listed: BTreeSet<String> = step["contracts"]
            .as_mapping()
            .unwrap()
            .keys()
            .map(|k| k.as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            listed,
            names,
            "step {} → {} must list every contract",
            revisions[i],
            revisions[i + 1]
        );
        for (name, c) in step["contracts"].as_mapping().unwrap() {
            let name = name.as_str().unwrap();
            let bump = match c["required_bump"].as_str().unwrap() {
                "major" => Bump::Major,
                "minor" => Bump::Minor,
                "patch" => Bump::Patch,
                "none" => Bump::None,
                other => panic!("{name}: unknown bump {other}"),
            };
            let declared = |side: &Workspace, key: &str| {
                let v = c[key].as_str().map(str::to_string);
                let actual = side
                    .contract(name)
                    .and_then(|x| x.version.as_ref())
                    .map(|v| v.text.clone());
                assert_eq!(
                    v, actual,
                    "{name}: {key} in expected.yaml differs from the revision"
                );
                v
            };
            let (ov, nv) = (declared(&old, "old_version"), declared(&new, "new_version"));
            let changes = c["changes"].as_sequence().map(|s| s.len()).unwrap_or(0);
            assert_eq!(
                bump == Bump::None,
                changes == 0,
                "{name}: a bump goes with changes"
            );
            if let (Some(ov), Some(nv)) = (ov, nv) {
                let (o, n) = (
                    semver::Version::parse(&ov).unwrap(),
                    semver::Version::parse(&nv).unwrap(),
                );
                let given = bump_between(&o, &n);
                let needed = treaty::compat::verdict::effective_required(bump, &o);
                let ok = given.is_some_and(|g| g >= needed);
                assert_eq!(
                    c["version_ok"].as_bool(),
                    Some(ok),
                    "{name} {ov} → {nv} for a {bump:?} change"
                );
            }
        }
    }
}
