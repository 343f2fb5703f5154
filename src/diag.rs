//! Tool errors: inputs that cannot become a model.
//!
//! A [`LoadError`] is not a finding. It stops the command with exit code 2 and is rendered by
//! miette with the file, line, column and an excerpt of the source. Library code returns these;
//! it never prints and never panics on bad input.

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};

use crate::source::{SourceFile, SourceMap, Span};

/// One input problem with its location.
#[derive(Debug, Clone)]
pub struct LoadError {
    /// Stable machine-readable code, e.g. `treaty::openapi::unresolved-ref`.
    pub code: &'static str,
    pub message: String,
    /// Path shown when there is no source text (a missing file, an unreadable directory).
    pub path: Option<String>,
    source: Option<NamedSource<Arc<str>>>,
    span: Option<(usize, usize)>,
    pub label: Option<String>,
    pub help: Option<String>,
    pub related: Vec<LoadError>,
}

impl LoadError {
    /// An error about no particular file.
    pub fn new(code: &'static str, message: impl Into<String>) -> LoadError {
        LoadError {
            code,
            message: message.into(),
            path: None,
            source: None,
            span: None,
            label: None,
            help: None,
            related: Vec::new(),
        }
    }

    /// An error about a file as a whole (unreadable, empty, not a contract).
    pub fn in_file(
        code: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> LoadError {
        let path = path.into();
        let mut e = LoadError::new(code, message);
        e.path = Some(path);
        e
    }

    /// An error at a byte range of a file.
    pub fn at(
        code: &'static str,
        file: &SourceFile,
        start: usize,
        end: usize,
        message: impl Into<String>,
    ) -> LoadError {
        let mut e = LoadError::new(code, message);
        e.path = Some(file.display.clone());
        e.source = Some(
            NamedSource::new(file.display.clone(), file.text.clone())
                .with_language(language_of(&file.display)),
        );
        let len = file.text.len();
        let start = start.min(len);
        e.span = Some((start, end.clamp(start, len) - start));
        e
    }

    /// An error at a span of a file in a source map.
    pub fn at_span(
        code: &'static str,
        sources: &SourceMap,
        span: Span,
        message: impl Into<String>,
    ) -> LoadError {
        LoadError::at(
            code,
            sources.get(span.file),
            span.start as usize,
            span.end as usize,
            message,
        )
    }

    pub fn with_label(mut self, label: impl Into<String>) -> LoadError {
        self.label = Some(label.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> LoadError {
        self.help = Some(help.into());
        self
    }

    pub fn with_related(mut self, related: Vec<LoadError>) -> LoadError {
        self.related = related;
        self
    }

    /// `file:line:column: message`, for logs and one-line output.
    pub fn one_line(&self) -> String {
        match (&self.path, self.line_col()) {
            (Some(p), Some((l, c))) => format!("{p}:{l}:{c}: {}", self.message),
            (Some(p), None) => format!("{p}: {}", self.message),
            _ => self.message.clone(),
        }
    }

    /// 1-based line and column of the error, when it has a location.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        let (src, (start, _)) = (self.source.as_ref()?, self.span?);
        let text = src.inner();
        let before = &text[..start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let col = before
            .rsplit('\n')
            .next()
            .map(|l| l.chars().count())
            .unwrap_or(0)
            + 1;
        Some((line, col))
    }
}

fn language_of(path: &str) -> &'static str {
    if path.ends_with(".proto") {
        "protobuf"
    } else if path.ends_with(".json") {
        "json"
    } else {
        "yaml"
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // With a source excerpt, the renderer shows file, line and column itself.
        match (&self.path, &self.source) {
            (Some(p), None) => write!(f, "{p}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for LoadError {}

impl Diagnostic for LoadError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (start, len) = self.span?;
        let label = self.label.clone().or_else(|| Some("here".to_string()));
        Some(Box::new(std::iter::once(LabeledSpan::new(
            label, start, len,
        ))))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|e| e as &dyn Diagnostic)))
        }
    }
}

/// Several input problems found in one pass; the command reports all of them.
#[derive(Debug, Clone, Default)]
pub struct LoadErrors(pub Vec<LoadError>);

impl LoadErrors {
    pub fn push(&mut self, e: LoadError) {
        self.0.push(e);
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn into_result<T>(self, ok: T) -> Result<T, LoadErrors> {
        if self.0.is_empty() { Ok(ok) } else { Err(self) }
    }
}

impl From<LoadError> for LoadErrors {
    fn from(e: LoadError) -> Self {
        LoadErrors(vec![e])
    }
}

impl fmt::Display for LoadErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            f.write_str(&e.one_line())?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadErrors {}

/// How serious a finding is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
