import SendQLCore

/// Renders a report as Markdown (GitHub-flavoured tables; pandoc reads it too): the title as `#`,
/// text with every character that Markdown would read as markup escaped, tables with numbers
/// right-aligned and their caption after them as `Table: caption` (pandoc's form), figures as
/// images with their caption in italics below, a page break as an empty `<div>` that breaks the
/// page when printed. Deterministic bytes, ending in one line break.
public struct MarkdownReportRenderer: Sendable {
    public var format: ReportCellFormat

    public init(format: ReportCellFormat = ReportCellFormat()) {
        self.format = format
    }

    /// The Markdown text of `document`.
    public func render(_ document: ReportDocument) -> String {
        var parts = ["# " + Self.escapeLine(oneLine(document.title))]
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                parts.append(
                    String(repeating: "#", count: min(max(level, 1), 6)) + " " + Self.escapeLine(oneLine(text)))
            case .paragraph(let text):
                parts.append(
                    text.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { Self.escapeLine(String($0)) }.joined(separator: "\n"))
            case .table(let table, let caption):
                parts.append(renderTable(table, caption: caption))
            case .figure(let path, let alt, let caption):
                var figure = "![\(Self.escapeInline(oneLine(alt)))](\(ReportPath.encode(path)))"
                if let caption, !caption.isEmpty {
                    figure += "\n\n*\(Self.escapeInline(oneLine(caption).trimmingCharactersAndSpaces()))*"
                }
                parts.append(figure)
            case .pageBreak:
                parts.append("<div style=\"page-break-after: always;\"></div>")
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    func renderTable(_ table: Table, caption: String?) -> String {
        let numeric = table.columns.map(format.isNumeric)
        func cell(_ text: String) -> String { Self.escapeInline(oneLine(text)) }
        var lines = ["| " + table.schema.names.map(cell).joined(separator: " | ") + " |"]
        lines.append("|" + numeric.map { $0 ? " ---: " : " --- " }.joined(separator: "|") + "|")
        for row in 0..<table.rowCount {
            let cells = table.columns.enumerated().map { index, column in
                cell(format.text(column[row], numericText: numeric[index] && column.type == .string))
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        var out = lines.joined(separator: "\n")
        if table.rowCount == 0 { out += "\n\n(no rows)" }
        if let caption, !caption.isEmpty { out += "\n\nTable: " + Self.escapeInline(oneLine(caption)) }
        return out
    }

    private func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }

    /// Escapes the characters Markdown reads as markup anywhere in a line.
    static func escapeInline(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "#":
                out.append("\\")
                out.append(character)
            default:
                out.append(character)
            }
        }
        return out
    }

    /// Escapes a whole line: inline markup, and what would start a list, quote, heading or rule.
    static func escapeLine(_ line: String) -> String {
        var escaped = escapeInline(line)
        let leading = escaped.prefix { $0 == " " }
        var rest = escaped.dropFirst(leading.count)
        if let first = rest.first, "-+=".contains(first) {
            escaped = leading + "\\" + rest
        } else {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(digits.count)
            if !digits.isEmpty, let mark = rest.first, mark == "." || mark == ")" {
                escaped = leading + digits + "\\" + rest
            }
        }
        return escaped
    }
}
