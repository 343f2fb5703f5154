//! Human output: each finding as a miette diagnostic with a source excerpt (and, for a change
//! between revisions, an excerpt of the old revision as a related diagnostic), then a summary.
//! Colour is used on a terminal only, and never when NO_COLOR is set.

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::Finding;
use crate::diag::{LoadErrors, Severity};
use crate::source::{Content, SourceMap, Span};

/// Whether to colour output.
pub fn use_colour(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn handler(colour: bool) -> GraphicalReportHandler {
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false)
}

/// The lines around a span, cut out of the file so that rendering thousands of findings does
/// not rescan whole files from their start (miette counts lines from the text it is given).
struct Window {
    name: String,
    text: String,
    /// 0-based line of the window's first line in the file.
    first_line: usize,
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self.text.as_str().read_span(span, before, after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// Lines of context shown around a span.
const CONTEXT: usize = 3;

/// Spans longer than this are shown by their first line.
const MAX_SPAN_LINES: u32 = 6;

/// One side's excerpt of a finding: where, and the lines around it when the file's text is there
/// (a protobuf image has positions at most, and no text).
struct Excerpt {
    title: String,
    source: Option<Window>,
    span: (usize, usize),
    label: String,
    severity: miette::Severity,
}

impl Excerpt {
    fn new(
        sources: &SourceMap,
        span: Span,
        title: String,
        label: String,
        severity: miette::Severity,
    ) -> Excerpt {
        let f = sources.get(span.file);
        let lc = f.line_col(span.start);
        let at = match f.content() {
            Content::Text => None,
            Content::Positions => Some(format!("{title} {}:{}:{}", f.display, lc.line, lc.column)),
            Content::NameOnly => Some(format!("{title} {}", f.display)),
        };
        if let Some(title) = at {
            return Excerpt {
                title: format!("{title} ({label})"),
                source: None,
                span: (0, 0),
                label,
                severity,
            };
        }
        // A span over a whole large element (a message, an operation) is shown by its first
        // line: the excerpt is there to say where, not to reprint the element.
        let span = if f.line_col(span.end).line > lc.line + MAX_SPAN_LINES {
            let (_, first_end) = f.lines_range(lc.line as usize - 1, lc.line as usize - 1);
            Span {
                end: (first_end as u32)
                    .max(span.start)
                    .saturating_sub(1)
                    .max(span.start),
                ..span
            }
        } else {
            span
        };
        let end_line = f.line_col(span.end).line as usize;
        let first = (lc.line as usize - 1).saturating_sub(CONTEXT);
        let (start, end) = f.lines_range(first, end_line - 1 + CONTEXT);
        let offset = (span.start as usize).clamp(start, end);
        Excerpt {
            title: format!("{title} {}:{}:{}", f.display, lc.line, lc.column),
            source: Some(Window {
                name: f.display.clone(),
                text: f.text[start..end].to_string(),
                first_line: first,
            }),
            span: (offset - start, span.len().min(end - offset)),
            label,
            severity,
        }
    }
}

impl fmt::Debug for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.title)
    }
}
impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.title)
    }
}
impl std::error::Error for Excerpt {}
impl Diagnostic for Excerpt {
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        Some(Box::new(std::iter::once(LabeledSpan::new(
            Some(self.label.clone()),
            self.span.0,
            self.span.1,
        ))))
    }
}

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    new: Option<Excerpt>,
    related: Vec<Excerpt>,
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}
impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}
impl std::error::Error for FindingDiagnostic<'_> {}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.finding.rule))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette_severity(self.finding.severity))
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.new
            .as_ref()?
            .source
            .as_ref()
            .map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let e = self.new.as_ref()?;
        e.source.as_ref()?;
        Some(Box::new(std::iter::once(LabeledSpan::new(
            Some(e.label.clone()),
            e.span.0,
            e.span.1,
        ))))
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.finding
            .args
            .get("help")
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|e| e as &dyn Diagnostic)))
        }
    }
}

/// Renders findings; `old` is the old revision's sources (empty for lint).
pub fn render_findings(
    findings: &[Finding],
    old: &SourceMap,
    new: &SourceMap,
    colour: bool,
) -> String {
    let handler = handler(colour);
    let mut out = String::new();
    for f in findings {
        let sev = miette_severity(f.severity);
        let new_ex = f.new.map(|s| {
            let label = f.args.get("label").cloned().unwrap_or_else(|| {
                if f.old.is_some() {
                    "now".into()
                } else {
                    "here".into()
                }
            });
            Excerpt::new(new, s, "new:".into(), label, sev)
        });
        let mut related = Vec::new();
        if let Some(s) = f.old {
            let label = f
                .args
                .get("old_label")
                .cloned()
                .unwrap_or_else(|| "before".into());
            related.push(Excerpt::new(
                old,
                s,
                "was:".into(),
                label,
                miette::Severity::Advice,
            ));
        }
        let d = FindingDiagnostic {
            finding: f,
            new: new_ex,
            related,
        };
        let _ = handler.render_report(&mut out, &d);
        out.push('\n');
    }
    out
}

/// A one-line count of findings by severity.
pub fn summary(findings: &[Finding], contracts: usize) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    format!(
        "{}, {}, {} in {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Info), "info"),
        plural(contracts, "contract")
    )
    .replace("infos", "info")
}

/// Renders tool errors (exit 2).
pub fn render_errors(errors: &LoadErrors, colour: bool) -> String {
    let handler = handler(colour);
    let mut out = String::new();
    for e in &errors.0 {
        let _ = handler.render_report(&mut out, e);
        out.push('\n');
    }
    out
}
