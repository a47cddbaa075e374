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
                lines.append(
                    blank + paint(" |", Style.gutter) + " " + underline.padding
                        + paint(underline.marks + label, severityStyle))
            } else {
                lines.append(String(repeating: " ", count: gutterWidth) + paint("--> ", Style.gutter) + source.name)
            }
        }
        for note in diagnostic.notes {
            lines.append(String(repeating: " ", count: gutterWidth) + paint(" = ", Style.gutter) + labelled(note))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Lines longer than this many characters are shown only around the span, cut with "…".
    static let longLine = 200
    /// How many characters of a long line are shown before the span, and after it.
    static let context = 60
    /// How much of a long span a long line shows.
    static let longestUnderline = 80

    /// The source line of the span's start with tabs expanded, and the spaces and carets that
    /// underline the span beneath it. A long line (a generated script, a CSV header) is cut to a
    /// window around the span, marked with "…", so that a message stays readable and takes the same
    /// time to make however long the line.
    func snippet(source: Source, span: Span) -> (text: String, underline: (padding: String, marks: String)) {
        let utf8 = source.text.utf8
        let (lineNumber, startColumn) = source.location(of: span.start)
        let lineStart = source.lineStarts[lineNumber - 1]
        var lineEnd = lineNumber < source.lineStarts.count ? source.lineStarts[lineNumber] - 1 : utf8.count
        if lineEnd > lineStart, byte(utf8, lineEnd - 1) == UInt8(ascii: "\r") { lineEnd -= 1 }
        let lineLength = source.location(of: lineEnd).column - 1
        let (endLine, endColumnOnLine) = source.location(of: span.end)
        // A span reaching past its first line is cut at the end of that line.
        var endColumn = max(endLine == lineNumber ? endColumnOnLine : lineLength + 1, startColumn)

        // The characters shown, [first, last) counted from 0: the whole line, or a window of a long one.
        var first = 0, last = lineLength
        if lineLength > Self.longLine {
            let underlineEnd = min(endColumn - 1, startColumn - 1 + Self.longestUnderline)
            first = max(0, startColumn - 1 - Self.context)
            last = min(lineLength, max(underlineEnd, startColumn) + Self.context)
            endColumn = underlineEnd + 1
        }
        // Walk from the span's start to the window's ends, a character (a UTF-8 lead byte) at a time.
        let anchor = min(max(span.start, lineStart), lineEnd)
        let anchorIndex = min(startColumn - 1, lineLength)
        var low = anchor, before = anchorIndex - first
        while before > 0, low > lineStart {
            low -= 1
            if byte(utf8, low) & 0xC0 != 0x80 { before -= 1 }
        }
        var high = anchor, after = last - anchorIndex
        while after > 0, high < lineEnd {
            high += 1
            while high < lineEnd, byte(utf8, high) & 0xC0 == 0x80 { high += 1 }
            after -= 1
        }
        let from = utf8.index(utf8.startIndex, offsetBy: low), to = utf8.index(utf8.startIndex, offsetBy: high)
        var scalars = Array(String(decoding: utf8[from..<to], as: UTF8.self).unicodeScalars)
        // Columns move left by the characters left out, less the "…" standing in for them.
        var shift = first
        if first > 0 {
            scalars.insert("…", at: 0)
            shift -= 1
        }
        if last < lineLength { scalars.append("…") }

        var displayed = String.UnicodeScalarView()
        var displayColumns: [Int] = []  // display column at which each scalar starts
        displayColumns.reserveCapacity(scalars.count)
        var width = 0
        for scalar in scalars {
            displayColumns.append(width)
            if scalar == "\t" {
                displayed.append(contentsOf: "    ".unicodeScalars)
                width += 4
            } else {
                displayed.append(scalar)
                width += 1
            }
        }
        // Columns past the last character (a span at the end of the line) continue one per column.
        func displayColumn(_ column: Int) -> Int {
            column - 1 < displayColumns.count ? displayColumns[column - 1] : width + (column - 1 - displayColumns.count)
        }
        let start = displayColumn(startColumn - shift)
        let end = displayColumn(max(endColumn, startColumn) - shift)
        return (
            String(displayed),
            (String(repeating: " ", count: start), String(repeating: "^", count: max(1, end - start)))
        )
    }

    private func byte(_ utf8: String.UTF8View, _ offset: Int) -> UInt8 {
        utf8[utf8.index(utf8.startIndex, offsetBy: offset)]
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
