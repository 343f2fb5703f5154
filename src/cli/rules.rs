//! `treaty rules [ID]`: the rule list, or one rule's documentation (its doc comment).

use clap::Args;

use super::Outcome;
use treaty::compat;
use treaty::diag::{LoadError, Severity};
use treaty::lint::registry;
use treaty::model::ContractKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    /// A rule id: print its documentation.
    pub id: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// A lint or breaking rule, seen through what both have.
struct Rule {
    kind: &'static str,
    id: &'static str,
    formats: &'static [ContractKind],
    categories: &'static [&'static str],
    default: bool,
    severity: Severity,
    bump: Option<&'static str>,
    doc: &'static str,
}

fn all_rules() -> Vec<Rule> {
    let mut v: Vec<Rule> = registry::all()
        .iter()
        .map(|r| Rule {
            kind: "lint",
            id: r.id,
            formats: r.formats,
            categories: r.categories,
            default: r.default,
            severity: r.severity,
            bump: None,
            doc: r.doc,
        })
        .collect();
    v.extend(compat::registry::all().iter().map(|r| Rule {
        kind: "breaking",
        id: r.id,
        formats: r.formats,
        categories: r.categories,
        default: r.default,
        severity: r.severity,
        bump: Some(r.bump.as_str()),
        doc: r.doc,
    }));
    v
}

pub fn run(args: RulesArgs) -> Outcome {
    let all = all_rules();
    if let Some(id) = args.id {
        let found: Vec<&Rule> = all.iter().filter(|r| r.id == id).collect();
        if found.is_empty() {
            let close: Vec<&str> = all
                .iter()
                .map(|r| r.id)
                .filter(|r| r.contains(&id.to_uppercase()) || r.contains(&id.to_lowercase()))
                .take(5)
                .collect();
            let mut e = LoadError::new("treaty::rules::unknown", format!("no rule `{id}`"));
            if !close.is_empty() {
                e = e.with_help(format!("did you mean {}?", close.join(", ")));
            }
            return Outcome::Error(e.into());
        }
        match args.format {
            Format::Json => {
                let list: Vec<_> = found.iter().map(|r| rule_json(r)).collect();
                super::print(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&list).unwrap_or_default()
                ));
            }
            Format::Human => {
                let mut s = String::new();
                for rule in found {
                    s.push_str(&format!(
                        "{} ({} rule)\n\nformats: {}\ncategories: {}\ndefault: {}\nseverity: {}\n",
                        rule.id,
                        rule.kind,
                        formats(rule),
                        if rule.categories.is_empty() {
                            "-".to_string()
                        } else {
                            rule.categories.join(", ")
                        },
                        if rule.default { "on" } else { "off" },
                        rule.severity,
                    ));
                    if let Some(b) = rule.bump {
                        s.push_str(&format!("required bump: {b}\n"));
                    }
                    s.push('\n');
                    s.push_str(&undent(rule.doc));
                    s.push('\n');
                }
                super::print(s.trim_end_matches('\n'));
                super::print("\n");
            }
        }
        return Outcome::Clean;
    }
    match args.format {
        Format::Json => {
            let list: Vec<_> = all.iter().map(rule_json).collect();
            super::print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&list).unwrap_or_default()
            ));
        }
        Format::Human => {
            let width = all.iter().map(|r| r.id.len()).max().unwrap_or(10);
            let mut s = String::new();
            for r in &all {
                s.push_str(&format!(
                    "{:width$}  {:8}  {:23}  {:7}  {:3}  {}\n",
                    r.id,
                    r.kind,
                    formats(r),
                    r.severity.as_str(),
                    if r.default { "on" } else { "off" },
                    r.categories.join(","),
                ));
            }
            super::print(&s);
        }
    }
    Outcome::Clean
}

fn formats(r: &Rule) -> String {
    r.formats
        .iter()
        .map(|f| f.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn rule_json(r: &Rule) -> serde_json::Value {
    serde_json::json!({
        "id": r.id,
        "kind": r.kind,
        "formats": r.formats.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
        "categories": r.categories,
        "default": r.default,
        "severity": r.severity.as_str(),
        "bump": r.bump,
        "doc": undent(r.doc),
    })
}

/// Doc comments arrive with one leading space per line.
fn undent(doc: &str) -> String {
    doc.lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
        .trim_end()
        .to_string()
        + "\n"
}
