/// How bad a diagnostic is.
public enum Severity: String, Sendable, Hashable {
    case error, warning, note
}

/// A suggested replacement of the text under a span.
public struct FixIt: Sendable, Hashable {
    public var span: Span
    public var replacement: String

    public init(span: Span, replacement: String) {
        self.span = span
        self.replacement = replacement
    }
}

/// One problem found in a script or a data file, as data; rendered in one place.
public struct Diagnostic: Sendable, Hashable, Error {
    public var severity: Severity
    /// Stable code, explained in docs/errors.md (e.g. `E0101`).
    public var code: String
    public var message: String
    public var source: Source?
    public var span: Span?
    /// Extra lines shown after the snippet ("note: ...", "help: did you mean ...").
    public var notes: [String]
    public var fixIts: [FixIt]
    /// A few words printed beside the underline ("expected an expression"); nil prints none.
    public var label: String?

    public init(
        _ severity: Severity = .error, code: String, message: String,
        source: Source? = nil, span: Span? = nil, notes: [String] = [], fixIts: [FixIt] = [],
        label: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.source = source
        self.span = span
        self.notes = notes
        self.fixIts = fixIts
        self.label = label
    }

    /// `file:line:column` of the span's start, or the source name alone.
    public var locationText: String? {
        guard let source else { return nil }
        guard let span else { return source.name }
        let (line, column) = source.location(of: span.start)
        return "\(source.name):\(line):\(column)"
    }
}

/// Several diagnostics thrown together (a parse that recovered, a load with many bad values).
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
