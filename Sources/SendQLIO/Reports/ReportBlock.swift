import SendQLCore

/// One part of a report.
public enum ReportBlock: Sendable, Equatable {
    /// A section heading; levels 1 to 6 (the report's title is level 1 already, so sections usually start at 2).
    case heading(level: Int, text: String)
    /// A paragraph of plain text (no markup: every character is shown as written).
    case paragraph(String)
    /// A table, with an optional caption.
    case table(Table, caption: String?)
    /// A figure: an image file (an SVG chart) named relative to the report, its alternative text
    /// and an optional caption.
    case figure(path: String, alt: String, caption: String?)
    /// A new page when printed.
    case pageBreak
}
