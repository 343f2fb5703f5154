//! Accepted findings: known changes a team has decided to let through the gate, each with a
//! reason and, optionally, a date after which the decision must be made again.
//!
//! ```text
//! findings ─┬─ matched by a live entry ──▶ accepted (listed, not gated)
//!           ├─ matched by an expired entry ──▶ kept, plus an `accepted-expired` warning
//!           └─ unmatched ──▶ kept
//!                               │
//!                               ▼
//!            verdicts judged again over the findings that are kept
//! ```
//!
//! The file (named by `accepted:` in treaty.yaml, or `treaty check --accepted FILE`) is YAML:
//!
//! ```yaml
//! accepted:
//!   - rule: FIELD_NO_DELETE
//!     contract: order/proto
//!     file: contracts/order/proto/ftgo/order/v1/order_service.proto
//!     message: "field `state` (2) of message `Order` was deleted: ..."
//!     reason: the only consumer is our own back office, migrated in the same release
//!     expires: 2025-09-30        # optional; honoured through that day
//! ```
//!
//! An entry matches a finding on rule, contract, file (the new revision's, else the old one's)
//! and message (whitespace-normalised). Line numbers are left out on purpose: an unrelated edit
//! above the element shifts every line below it, and an acceptance that silently stopped matching
//! would fail a gate nobody touched. The message names the element and what happened to it (its
//! name, number, type), which is what an acceptance is about; if the same element changes in
//! another way, the message differs and the new change is judged afresh. Findings carry no
//! separate element key that every rule fills in, so the message is the most precise stable
//! identity available. `file` may be left out to match in any file of the contract.
//!
//! Accepting a finding removes it before the verdict: a break accepted in a minor release no
//! longer demands a major version, so the version-policy findings are judged again over what is
//! left.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::verdict::{self, is_policy_rule};
use super::{CheckOptions, CheckResult, registry};
use crate::breaking_rule;
use crate::diag::{LoadError, LoadErrors};
use crate::formats::LoadCx;
use crate::formats::tree::{self, Node};
use crate::report::{Finding, json};
use crate::source::{SourceMap, Span};
use crate::workspace::{Manifest, Workspace};

breaking_rule! {
    /// ## What it does
    /// Reports an accepted finding whose acceptance has expired (its `expires` date has passed):
    /// the finding counts again.
    ///
    /// ## Why is this bad?
    /// An acceptance with a date is a promise to fix or reconsider the change by then. Once the
    /// date has passed, the finding fails the gate as if it had never been accepted, and this
    /// warning says why it came back.
    ///
    /// ## Example
    /// `expires: 2025-03-31` on an accepted `FIELD_NO_DELETE`, checked on 2025-04-01. Fix the
    /// change, or renew the entry with a new date and a reason that still holds.
    pub ACCEPTED_EXPIRED = "accepted-expired", formats: [Proto, Openapi, Asyncapi],
    categories: ["POLICY"], default: true, severity: Warning, bump: None
}

/// A calendar date (`YYYY-MM-DD`), enough to compare expiry dates without a date library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day against the month (leap years included).
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        ((1..=12).contains(&date.month)
            && (1..=days_in_month(date.year, date.month)).contains(&date.day))
        .then_some(date)
    }

    /// Today in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days((secs / 86_400) as i64)
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One entry of an accepted-findings file.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub rule: String,
    pub contract: String,
    /// The file the finding is in; `None` matches any file of the contract.
    pub file: Option<String>,
    pub message: String,
    pub reason: String,
    /// The last day the acceptance holds.
    pub expires: Option<Date>,
    /// Where the entry is written, for findings about the entry itself.
    pub span: Option<Span>,
}

impl Entry {
    /// True when the entry describes the finding (see the module documentation for why these
    /// fields and not the line).
    pub fn matches(&self, f: &Finding, old: &SourceMap, new: &SourceMap) -> bool {
        self.rule == f.rule
            && self.contract == f.contract
            && self
                .file
                .as_ref()
                .is_none_or(|file| finding_file(f, old, new).as_deref() == Some(file.as_str()))
            && normalise(&self.message) == normalise(&f.message)
    }

    /// True when the acceptance no longer holds on `today`.
    pub fn expired(&self, today: Date) -> bool {
        self.expires.is_some_and(|d| d < today)
    }
}

/// An accepted-findings file, read.
#[derive(Clone, Debug, Default)]
pub struct Acceptance {
    pub path: PathBuf,
    pub entries: Vec<Entry>,
}

/// A finding taken out of the gate, with the entry's reason.
#[derive(Clone, Debug)]
pub struct AcceptedFinding {
    pub finding: Finding,
    pub reason: String,
    pub expires: Option<Date>,
}

/// An accepted finding in JSON output: the finding's stable shape plus the acceptance.
#[derive(Serialize)]
pub struct JsonAccepted {
    #[serde(flatten)]
    pub finding: json::JsonFinding,
    pub reason: String,
    pub expires: Option<Date>,
}

impl AcceptedFinding {
    pub fn to_json(&self, old: &SourceMap, new: &SourceMap) -> JsonAccepted {
        JsonAccepted {
            finding: json::finding(&self.finding, old, new),
            reason: self.reason.clone(),
            expires: self.expires,
        }
    }
}

/// The file named by `accepted:` in the workspace's treaty.yaml, relative to the manifest.
pub fn manifest_file(ws: &Workspace) -> Option<PathBuf> {
    let id = ws.manifest?;
    let file = ws.sources.get(id);
    let named = Manifest::parse(file).ok()?.accepted?;
    let dir = file
        .path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| ws.root.clone());
    Some(dir.join(named))
}

fn normalise(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The file a finding is reported in, as shown to users: the new revision's, else the old one's.
pub fn finding_file(f: &Finding, old: &SourceMap, new: &SourceMap) -> Option<String> {
    match (f.new, f.old) {
        (Some(n), _) => Some(new.get(n.file).display.clone()),
        (None, Some(o)) => Some(old.get(o.file).display.clone()),
        (None, None) => None,
    }
}

/// Reads an accepted-findings file into the workspace's sources (so findings and errors about it
/// are located) and returns its entries.
pub fn load(path: &Path, ws: &mut Workspace) -> Result<Acceptance, LoadErrors> {
    let root = ws.root.clone();
    let mut cx = LoadCx::new(&mut ws.sources, &root);
    let id = cx.read(path).map_err(|mut e| {
        e.code = "treaty::accepted::unreadable";
        e.with_help("the accepted-findings file is named by `accepted:` in treaty.yaml or by --accepted; `treaty check --write-accepted FILE` writes one")
    })?;
    let file = ws.sources.get(id).clone();
    let mut out = Acceptance {
        path: path.to_path_buf(),
        entries: Vec::new(),
    };
    if file.text.trim().is_empty() {
        return Ok(out);
    }
    let doc = tree::parse(&file, id)?;
    let bad = |span: Span, message: String| -> LoadErrors {
        LoadError::at_span("treaty::accepted::invalid", &ws.sources, span, message)
            .with_help("each entry needs `rule`, `contract`, `message` and `reason`; `file` and `expires: YYYY-MM-DD` are optional")
            .into()
    };
    let list = match doc.get("accepted") {
        Some(l) if l.is_seq() => l,
        Some(l) if l.is_null() => return Ok(out),
        Some(l) => return Err(bad(l.span, "`accepted` must be a list of entries".into())),
        None => {
            return Err(bad(
                doc.span,
                "expected a mapping with an `accepted:` list".into(),
            ));
        }
    };
    let mut errors = LoadErrors::default();
    for item in list.items() {
        match entry(item, &file) {
            Ok(e) => out.entries.push(e),
            Err((span, message)) => errors.0.extend(bad(span, message).0),
        }
    }
    errors.into_result(out)
}

fn entry(item: &Node, file: &crate::source::SourceFile) -> Result<Entry, (Span, String)> {
    if !item.is_map() {
        return Err((item.span, "an entry must be a mapping".into()));
    }
    for e in item.entries() {
        if !["rule", "contract", "file", "message", "reason", "expires"].contains(&e.key.as_str()) {
            return Err((
                e.key_span,
                format!("unknown key `{}` in an accepted entry", e.key),
            ));
        }
    }
    let text = |key: &str| {
        item.get(key)
            .and_then(|n| n.scalar_text(file))
            .map(|t| t.into_owned())
    };
    let required = |key: &str| {
        text(key)
            .filter(|t| !t.trim().is_empty())
            .ok_or((item.span, format!("the entry has no `{key}`")))
    };
    let expires = match item.get("expires") {
        None => None,
        Some(n) if n.is_null() => None,
        Some(n) => Some(n.scalar_text(file).and_then(|t| Date::parse(&t)).ok_or((
            n.span,
            "`expires` must be a date in the form YYYY-MM-DD".to_string(),
        ))?),
    };
    Ok(Entry {
        rule: required("rule")?,
        contract: required("contract")?,
        file: text("file").filter(|f| !f.is_empty()),
        message: required("message")?,
        reason: required("reason")?,
        expires,
        span: Some(item.span),
    })
}

/// Rules whose findings the verdict step emits (and so emits again when verdicts are re-judged).
fn from_verdict(id: &str) -> bool {
    is_policy_rule(id) || id == registry::VERSION_NOT_SEMVER.id
}

/// Applies the acceptances to a comparison's result: findings matched by a live entry leave the
/// result (and are returned), expired entries that still match add an `accepted-expired`
/// finding, and the verdicts are judged again over what is left.
pub fn apply(
    result: &mut CheckResult,
    old: &Workspace,
    new: &Workspace,
    options: &CheckOptions,
    acceptance: &Acceptance,
    today: Date,
) -> Vec<AcceptedFinding> {
    let live_match = |f: &Finding| {
        acceptance
            .entries
            .iter()
            .find(|e| !e.expired(today) && e.matches(f, &old.sources, &new.sources))
    };
    let mut accepted = Vec::new();
    for f in &result.findings {
        if let Some(e) = live_match(f) {
            accepted.push(AcceptedFinding {
                finding: f.clone(),
                reason: e.reason.clone(),
                expires: e.expires,
            });
        }
    }
    let mut expired: Vec<Finding> = Vec::new();
    if options
        .config
        .is_selected(&ACCEPTED_EXPIRED, registry::all())
    {
        for e in acceptance.entries.iter().filter(|e| e.expired(today)) {
            if !result
                .findings
                .iter()
                .any(|f| e.matches(f, &old.sources, &new.sources))
            {
                // An expired entry for a change this comparison does not contain is stale, not urgent.
                continue;
            }
            let mut args = BTreeMap::new();
            args.insert("label", "expired".to_string());
            expired.push(Finding {
                rule: ACCEPTED_EXPIRED.id,
                severity: options.config.severity_of(&ACCEPTED_EXPIRED),
                contract: e.contract.clone(),
                message: format!(
                    "the acceptance of `{}` in `{}` expired after {} ({}), so the finding counts again: fix the change, or renew the entry with a new date",
                    e.rule,
                    e.contract,
                    e.expires.map(|d| d.to_string()).unwrap_or_default(),
                    e.reason
                ),
                old: None,
                new: e.span,
                bump: Some(options.config.bump_of(&ACCEPTED_EXPIRED)),
                args,
            });
        }
    }
    if !accepted.is_empty() {
        rejudge(result, old, new, options, |f| live_match(f).is_none());
    }
    result.findings.extend(expired);
    crate::report::sort_findings(&mut result.findings, &old.sources, &new.sources);
    accepted
}

/// Judges every contract's verdict again over the findings `keep` keeps.
fn rejudge(
    result: &mut CheckResult,
    old: &Workspace,
    new: &Workspace,
    options: &CheckOptions,
    keep: impl Fn(&Finding) -> bool,
) {
    let all = std::mem::take(&mut result.findings);
    let (mut changes, _): (Vec<Finding>, Vec<Finding>) = all
        .into_iter()
        .filter(|f| keep(f))
        .partition(|f| !from_verdict(f.rule));
    let mut findings = Vec::new();
    let mut verdicts = Vec::new();
    for (o, n) in super::pair_contracts(old, new) {
        let Some(name) = n.or(o).map(|c| c.name.clone()) else {
            continue;
        };
        let (mine, rest): (Vec<Finding>, Vec<Finding>) =
            changes.into_iter().partition(|f| f.contract == name);
        changes = rest;
        let mut policy = Vec::new();
        if let Some(v) = verdict::judge(o, n, old, new, &mine, options, &mut policy) {
            verdicts.push(v);
        }
        findings.extend(mine);
        findings.extend(policy.into_iter().filter(|f| keep(f)));
    }
    // Findings about no contract of either side (none today) stay as they were.
    findings.extend(changes);
    verdicts.sort_by(|a, b| a.contract.cmp(&b.contract));
    result.services = verdict::by_service(&verdicts, old, new);
    result.verdicts = verdicts;
    result.findings = findings;
}

/// Entries accepting `findings`, keeping the reason and date of entries of `previous` that
/// still match (so rewriting the file does not lose what people wrote); duplicates are merged.
pub fn entries_for(
    findings: &[&Finding],
    previous: Option<&Acceptance>,
    old: &SourceMap,
    new: &SourceMap,
) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for f in findings {
        let kept = previous.and_then(|p| p.entries.iter().find(|e| e.matches(f, old, new)));
        let entry = Entry {
            rule: f.rule.to_string(),
            contract: f.contract.clone(),
            file: finding_file(f, old, new),
            message: f.message.clone(),
            reason: kept.map(|e| e.reason.clone()).unwrap_or_else(|| {
                "present when treaty was adopted; say why it is acceptable".into()
            }),
            expires: kept.and_then(|e| e.expires),
            // The file is about to be rewritten: positions in the previous text would mislead.
            span: None,
        };
        let duplicate = entries.iter().any(|e| {
            e.rule == entry.rule
                && e.contract == entry.contract
                && e.file == entry.file
                && e.message == entry.message
        });
        if !duplicate {
            entries.push(entry);
        }
    }
    entries
}

/// The text of an accepted-findings file.
pub fn render(entries: &[Entry]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        accepted: Vec<OutEntry<'a>>,
    }
    #[derive(Serialize)]
    struct OutEntry<'a> {
        rule: &'a str,
        contract: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        file: Option<&'a str>,
        message: &'a str,
        reason: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        expires: Option<Date>,
    }
    let out = Out {
        accepted: entries
            .iter()
            .map(|e| OutEntry {
                rule: &e.rule,
                contract: &e.contract,
                file: e.file.as_deref(),
                message: &e.message,
                reason: &e.reason,
                expires: e.expires,
            })
            .collect(),
    };
    let body = yaml_serde::to_string(&out).unwrap_or_default();
    format!(
        "# Findings `treaty check` lets through: each matches on rule, contract, file and message.\n\
         # Give each a reason; `expires: YYYY-MM-DD` makes the finding count again after that day.\n{body}"
    )
}

/// Writes an accepted-findings file atomically.
pub fn write(path: &Path, text: &str) -> Result<(), LoadError> {
    crate::workspace::version_edit::write_atomic(path, text.as_bytes()).map_err(|e| {
        LoadError::in_file(
            "treaty::accepted::write",
            path.display().to_string(),
            format!("cannot write the accepted-findings file: {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_order() {
        assert_eq!(
            Date::parse("2024-02-29"),
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2024-13-01"), None);
        assert_eq!(Date::parse("24-01-01"), None);
        assert!(Date::parse("2024-01-31").unwrap() < Date::parse("2024-02-01").unwrap());
    }

    #[test]
    fn days_since_the_epoch_become_dates() {
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(11_016).to_string(), "2000-02-29");
        assert_eq!(Date::from_days(19_723).to_string(), "2024-01-01");
        assert_eq!(Date::from_days(20_089).to_string(), "2025-01-01");
    }

    #[test]
    fn an_entry_holds_through_its_day() {
        let e = Entry {
            rule: "R".into(),
            contract: "c".into(),
            file: None,
            message: "m".into(),
            reason: "r".into(),
            expires: Date::parse("2025-06-30"),
            span: None,
        };
        assert!(!e.expired(Date::parse("2025-06-30").unwrap()));
        assert!(e.expired(Date::parse("2025-07-01").unwrap()));
    }
}
