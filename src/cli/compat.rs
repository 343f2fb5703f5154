//! `treaty compat`: schema-registry compatibility of schema files, oldest first.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::Outcome;
use treaty::registry::{self, CompatOptions, CompatResult, Language, Mode, Policy};
use treaty::report::Location;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// No check.
    None,
    /// The newest schema reads data written with the one before it.
    Backward,
    /// The schema before the newest reads data written with the newest.
    Forward,
    /// Backward and forward.
    Full,
    /// Backward, against every earlier schema.
    BackwardTransitive,
    /// Forward, against every earlier schema.
    ForwardTransitive,
    /// Full, against every earlier schema.
    FullTransitive,
}

impl From<ModeArg> for Mode {
    fn from(m: ModeArg) -> Mode {
        match m {
            ModeArg::None => Mode::None,
            ModeArg::Backward => Mode::Backward,
            ModeArg::Forward => Mode::Forward,
            ModeArg::Full => Mode::Full,
            ModeArg::BackwardTransitive => Mode::BackwardTransitive,
            ModeArg::ForwardTransitive => Mode::ForwardTransitive,
            ModeArg::FullTransitive => Mode::FullTransitive,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PolicyArg {
    /// Open content models may not gain properties; closed ones may not lose them.
    Strict,
    /// Optional properties and properties with a default may be added to open content models,
    /// and properties removed from closed ones.
    Lenient,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TypeArg {
    Json,
    Protobuf,
    Avro,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CompatFormat {
    Human,
    Json,
}

#[derive(Args, Debug)]
pub struct CompatArgs {
    /// Schema files, oldest first: the last one is checked against the earlier ones.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The compatibility mode (as a schema registry names it).
    #[arg(long, value_enum, default_value_t = ModeArg::Backward)]
    pub mode: ModeArg,
    /// How JSON Schema content models are read.
    #[arg(long, value_enum, default_value_t = PolicyArg::Strict)]
    pub policy: PolicyArg,
    /// The schema language (default: by extension, .proto, .avsc, anything else JSON Schema).
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub schema_type: Option<TypeArg>,
    /// For protobuf: the message to compare (by default every message, paired by full name).
    #[arg(long, value_name = "NAME")]
    pub message: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CompatFormat::Human)]
    pub format: CompatFormat,
}

pub fn run(args: CompatArgs) -> Outcome {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mode: Mode = args.mode.into();
    let options = CompatOptions {
        mode,
        policy: match args.policy {
            PolicyArg::Strict => Policy::Strict,
            PolicyArg::Lenient => Policy::Lenient,
        },
        language: args.schema_type.map(|t| match t {
            TypeArg::Json => Language::Json,
            TypeArg::Protobuf => Language::Protobuf,
            TypeArg::Avro => Language::Avro,
        }),
        message: args.message.clone(),
    };
    let result = match registry::check_files(&args.files, &cwd, &options) {
        Ok(r) => r,
        Err(e) => return Outcome::Error(e),
    };
    match args.format {
        CompatFormat::Human => super::print(&human(&result)),
        CompatFormat::Json => super::print(&json(&result, &options)),
    }
    if result.incompatible.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Failed
    }
}

fn human(r: &CompatResult) -> String {
    if r.incompatible.is_empty() {
        return "compatible\n".to_string();
    }
    let mut out = String::new();
    for i in &r.incompatible {
        let (n, o) = (
            Location::of(&r.sources, i.new),
            Location::of(&r.sources, i.old),
        );
        out.push_str(&format!(
            "{}:{}:{}: incompatible ({}): {} {}\n  against {}:{}:{}\n",
            n.file, n.line, n.column, i.check, i.kind, i.message, o.file, o.line, o.column
        ));
    }
    out.push_str(&format!("{} incompatibilities\n", r.incompatible.len()));
    out
}

fn json(r: &CompatResult, o: &CompatOptions) -> String {
    let loc = |span| {
        let l = Location::of(&r.sources, span);
        serde_json::json!({"file": l.file, "line": l.line, "column": l.column})
    };
    let items: Vec<serde_json::Value> = r
        .incompatible
        .iter()
        .map(|i| {
            serde_json::json!({
                "type": i.kind,
                "check": i.check,
                "message": i.message,
                "new": loc(i.new),
                "old": loc(i.old),
            })
        })
        .collect();
    let files: Vec<String> = r
        .files
        .iter()
        .map(|f| r.sources.get(*f).display.clone())
        .collect();
    let doc = serde_json::json!({
        "compatible": r.incompatible.is_empty(),
        "mode": o.mode.as_str(),
        "policy": match o.policy { Policy::Strict => "strict", Policy::Lenient => "lenient" },
        "files": files,
        "incompatibilities": items,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
