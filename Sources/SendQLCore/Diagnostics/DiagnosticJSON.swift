/// Diagnostics as JSON for tools (`--error-format json`).
///
/// Each object has, in this order: `severity`, `code`, `message`, `file`, `line`, `column`,
/// `end_line`, `end_column`, `label`, `notes`, `fixits`. Lines and columns are 1-based; columns count
/// Unicode scalars; `end_column` is the column just after the span (exclusive). Fields that do not
/// apply (no source, no span, no label) are `null`. Each fix-it is
/// `{"line", "column", "end_line", "end_column", "replacement"}`.
public enum DiagnosticJSON {
    /// One diagnostic as a one-line JSON object.
    public static func object(_ diagnostic: Diagnostic) -> String {
        var fields: [(String, String)] = [
            ("severity", string(diagnostic.severity.rawValue)),
            ("code", string(diagnostic.code)),
            ("message", string(diagnostic.message)),
            ("file", diagnostic.source.map { string($0.name) } ?? "null"),
        ]
        if let source = diagnostic.source, let span = diagnostic.span {
            fields += position(of: span, in: source)
        } else {
            fields += [("line", "null"), ("column", "null"), ("end_line", "null"), ("end_column", "null")]
        }
        fields.append(("label", diagnostic.label.map(string) ?? "null"))
        fields.append(("notes", "[" + diagnostic.notes.map(string).joined(separator: ",") + "]"))
        let fixIts = diagnostic.fixIts.map { fixIt -> String in
            var parts: [(String, String)] = []
            if let source = diagnostic.source { parts += position(of: fixIt.span, in: source) }
            parts.append(("replacement", string(fixIt.replacement)))
            return objectText(parts)
        }
        fields.append(("fixits", "[" + fixIts.joined(separator: ",") + "]"))
        return objectText(fields)
    }

    /// A JSON array of diagnostics, one object per line.
    public static func array(_ diagnostics: [Diagnostic]) -> String {
        if diagnostics.isEmpty { return "[]\n" }
        return "[\n" + diagnostics.map { "  " + object($0) }.joined(separator: ",\n") + "\n]\n"
    }

    /// JSON Lines: one object per line, each line ending with a line break.
    public static func lines(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { object($0) + "\n" }.joined()
    }

    static func position(of span: Span, in source: Source) -> [(String, String)] {
        let (line, column) = source.location(of: span.start)
        let (endLine, endColumn) = source.location(of: span.end)
        return [
            ("line", String(line)), ("column", String(column)), ("end_line", String(endLine)),
            ("end_column", String(endColumn)),
        ]
    }

    static func objectText(_ fields: [(String, String)]) -> String {
        "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259).
    public static func string(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case "\u{08}": escaped += "\\b"
            case "\u{0C}": escaped += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped + "\""
    }
}
