/// Renders diagnostics for people, in the style of rustc and PRQL:
///
/// ```
/// error[E0201]: expected an expression, found ')'
///  --> script.sendql:3:14
///   |
/// 3 | | where days < )
///   |              ^ expected an expression
///   = help: ...
/// ```
///
/// The whole span is underlined on its first line (a span running over several lines is cut at the
/// end of its first). Notes follow as `= note: ...` / `= help: ...`. Fix-its are data for tools (see
/// `DiagnosticJSON`); the parser always states them in a help note too. A diagnostic without a
/// source prints as `error[E0701]: message` with its notes.
public struct DiagnosticRenderer: Sendable {
    /// ANSI colours, for terminals only; tests and files get plain text.
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    /// Several diagnostics, separated by blank lines.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    /// One diagnostic, ending with a line break.
    public func render(_ diagnostic: Diagnostic) -> String {
        let severityStyle = style(for: diagnostic.severity)
        let code = diagnostic.code.isEmpty ? "" : "[\(diagnostic.code)]"
        var lines = [
            paint(diagnostic.severity.rawValue + code, severityStyle) + paint(": " + diagnostic.message, Style.bold)
        ]

        var gutterWidth = 1
        if let source = diagnostic.source {
            if let span = diagnostic.span {
                let (lineNumber, _) = source.location(of: span.start)
                gutterWidth = String(lineNumber).count
                let blank = String(repeating: " ", count: gutterWidth)
                lines.append(blank + paint("--> ", Style.gutter) + (diagnostic.locationText ?? source.name))
                lines.append(blank + paint(" |", Style.gutter))
                let (text, underline) = snippet(source: source, span: span)
                lines.append(paint(String(lineNumber) + " |", Style.gutter) + (text.isEmpty ? "" : " " + text))
                let label = diagnostic.label.map { " " + $0 } ?? ""
                lines.append(blank + paint(" |", Style.gutter) + " " + underline.padding + paint(underline.marks + label, severityStyle))
            } else {
                lines.append(String(repeating: " ", count: gutterWidth) + paint("--> ", Style.gutter) + source.name)
            }
        }
        for note in diagnostic.notes {
            lines.append(String(repeating: " ", count: gutterWidth) + paint(" = ", Style.gutter) + labelled(note))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The source line of the span's start with tabs expanded, and the spaces and carets that
    /// underline the span beneath it.
    func snippet(source: Source, span: Span) -> (text: String, underline: (padding: String, marks: String)) {
        let (lineNumber, startColumn) = source.location(of: span.start)
        let lineText = source.line(lineNumber)
        let scalars = Array(lineText.unicodeScalars)
        let (endLine, endColumnOnLine) = source.location(of: span.end)
        // A span reaching past its first line is cut at the end of that line.
        let endColumn = endLine == lineNumber ? endColumnOnLine : scalars.count + 1

        var displayed = ""
        var displayColumns: [Int] = []  // display column at which each scalar starts
        for scalar in scalars {
            displayColumns.append(displayed.unicodeScalars.count)
            if scalar == "\t" {
                displayed += "    "
            } else {
                displayed.unicodeScalars.append(scalar)
            }
        }
        let lineEnd = displayed.unicodeScalars.count
        // Columns past the last character (a span at the end of the line) continue one per column.
        func displayColumn(_ column: Int) -> Int {
            column - 1 < displayColumns.count ? displayColumns[column - 1] : lineEnd + (column - 1 - displayColumns.count)
        }
        let start = displayColumn(startColumn)
        let end = displayColumn(max(endColumn, startColumn))
        return (displayed, (String(repeating: " ", count: start), String(repeating: "^", count: max(1, end - start))))
    }

    /// A note with its kind coloured; a note without `note:`/`help:` is shown as a note.
    func labelled(_ note: String) -> String {
        for kind in ["help:", "note:", "warning:"] where note.hasPrefix(kind) {
            return paint(kind, Style.bold) + note.dropFirst(kind.count)
        }
        return paint("note:", Style.bold) + " " + note
    }

    // MARK: Colour

    enum Style {
        static let bold = "\u{1B}[1m"
        static let gutter = "\u{1B}[1;34m"
        static let error = "\u{1B}[1;31m"
        static let warning = "\u{1B}[1;33m"
        static let note = "\u{1B}[1;36m"
        static let reset = "\u{1B}[0m"
    }

    func style(for severity: Severity) -> String {
        switch severity {
        case .error: return Style.error
        case .warning: return Style.warning
        case .note: return Style.note
        }
    }

    func paint(_ text: String, _ style: String) -> String {
        colour && !text.isEmpty ? style + text + Style.reset : text
    }
}
