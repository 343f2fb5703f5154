//! Lint rules about versions in treaty.yaml: each fixture makes exactly its rule fire.

use std::path::Path;

#[test]
fn each_manifest_rule_fires_exactly_on_its_fixture() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/lint/manifest");
    for rule in treaty::lint::manifest::RULES {
        let dir = base.join(rule.id);
        let ws = treaty::workspace::load_manifest(&dir.join("treaty.yaml"))
            .unwrap_or_else(|e| panic!("{}: {e}", rule.id));
        let findings = treaty::lint::run(&ws, &ws.lint);
        let got: Vec<String> = findings
            .iter()
            .map(|f| {
                let l = treaty::report::Location::of(&ws.sources, f.new.unwrap());
                format!("{} {}:{}:{}", f.rule, l.file, l.line, l.column)
            })
            .collect();
        let want: Vec<String> = std::fs::read_to_string(dir.join("expected.txt"))
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        assert_eq!(got, want, "{}", rule.id);
    }
}
