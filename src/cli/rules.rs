//! `treaty rules [ID]`: the rule list, or one rule's documentation (its doc comment).

use clap::Args;

use super::{Format, Outcome};
use treaty::diag::LoadError;
use treaty::lint::registry;

#[derive(Args, Debug)]
pub struct RulesArgs {
    /// A rule id: print its documentation.
    pub id: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

pub fn run(args: RulesArgs) -> Outcome {
    let all = registry::all();
    if let Some(id) = args.id {
        let Some(rule) = registry::find(&id) else {
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
        };
        match args.format {
            Format::Json => super::print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&rule_json(rule)).unwrap_or_default()
            )),
            Format::Human => {
                let mut s = format!(
                    "{}\n\nformats: {}\ncategories: {}\ndefault: {}\nseverity: {}\n\n",
                    rule.id,
                    rule.formats.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(", "),
                    if rule.categories.is_empty() { "-".to_string() } else { rule.categories.join(", ") },
                    if rule.default { "on" } else { "off" },
                    rule.severity,
                );
                s.push_str(&undent(rule.doc));
                super::print(&s);
            }
        }
        return Outcome::Clean;
    }
    match args.format {
        Format::Json => {
            let list: Vec<_> = all.iter().map(|r| rule_json(r)).collect();
            super::print(&format!("{}\n", serde_json::to_string_pretty(&list).unwrap_or_default()));
        }
        Format::Human => {
            let width = all.iter().map(|r| r.id.len()).max().unwrap_or(10);
            let mut s = String::new();
            for r in all {
                s.push_str(&format!(
                    "{:width$}  {:8}  {:7}  {:3}  {}\n",
                    r.id,
                    r.formats.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(","),
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

fn rule_json(r: &treaty::lint::LintRule) -> serde_json::Value {
    serde_json::json!({
        "id": r.id,
        "kind": "lint",
        "formats": r.formats.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
        "categories": r.categories,
        "default": r.default,
        "severity": r.severity.as_str(),
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
