import SendQLCore

/// Renders a report as one standalone HTML5 page with a small embedded stylesheet made for print
/// (A4, tables and figures kept whole across pages, a page break where asked).
///
/// Tables have a `<caption>`, column headers with `scope="col"` and numbers right-aligned.
/// Figures are `<img src>` of the chart files beside the report, with the alternative text as
/// `alt` and the caption as `<figcaption>`: the page stays small, the same SVG serves the page,
/// the Markdown and anyone who wants the file, and the ids inside several charts cannot clash as
/// they could if the SVGs were pasted in. Every piece of text is escaped. Deterministic bytes.
public struct HTMLReportRenderer: Sendable {
    public var format: ReportCellFormat
    /// The `lang` of the page.
    public var language: String

    public init(format: ReportCellFormat = ReportCellFormat(), language: String = "en-GB") {
        self.format = format
        self.language = language
    }

    /// The stylesheet embedded in every page.
    public static let stylesheet = """
        body { font-family: sans-serif; color: #1a1a1a; line-height: 1.45; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin: 0 0 1rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; }
        h3, h4, h5, h6 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
        .table-wrap { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
        caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 0.4rem; }
        th, td { border-bottom: 1px solid #cccccc; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        th { border-bottom: 2px solid #1a1a1a; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .word { white-space: nowrap; }
        .empty { color: #4d4d4d; font-style: italic; }
        figure { margin: 1.5rem 0; }
        figure img { max-width: 100%; height: auto; }
        figcaption { font-size: 0.9rem; color: #4d4d4d; margin-top: 0.3rem; }
        .page-break { break-after: page; page-break-after: always; }
        @page { size: A4; margin: 18mm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; }
          table, figure { break-inside: avoid; page-break-inside: avoid; }
          h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
        }
        """

    /// The HTML page of `document`.
    public func render(_ document: ReportDocument) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(Self.escape(language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out +=
            "<title>\(Self.escape(document.title))</title>\n<style>\n\(Self.stylesheet)\n</style>\n</head>\n<body>\n<main>\n"
        out += "<h1>\(Self.escape(document.title))</h1>\n"
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                let tag = "h\(min(max(level, 1), 6))"
                out += "<\(tag)>\(Self.escape(text))</\(tag)>\n"
            case .paragraph(let text):
                out +=
                    "<p>"
                    + text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { Self.escape(String($0)) }.joined(separator: "<br>\n") + "</p>\n"
            case .table(let table, let caption):
                out += renderTable(table, caption: caption)
            case .figure(let path, let alt, let caption):
                out += "<figure>\n<img src=\"\(Self.escape(ReportPath.encode(path)))\" alt=\"\(Self.escape(alt))\">\n"
                if let caption, !caption.isEmpty { out += "<figcaption>\(Self.escape(caption))</figcaption>\n" }
                out += "</figure>\n"
            case .pageBreak:
                out += "<div class=\"page-break\"></div>\n"
            }
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    func renderTable(_ table: Table, caption: String?) -> String {
        let numeric = table.columns.map(format.isNumeric)
        func cls(_ index: Int) -> String { numeric[index] ? " class=\"num\"" : "" }
        // A table wider than the page scrolls inside its own box rather than widening the page.
        var out = "<div class=\"table-wrap\">\n<table>\n"
        if let caption, !caption.isEmpty { out += "<caption>\(Self.escape(caption))</caption>\n" }
        out += "<thead>\n<tr>"
        for (index, name) in table.schema.names.enumerated() {
            out += "<th scope=\"col\"\(cls(index))>\(Self.escape(name))</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        if table.rowCount == 0 {
            out += "<tr><td class=\"empty\" colspan=\"\(max(table.columnCount, 1))\">No rows</td></tr>\n"
        }
        for row in 0..<table.rowCount {
            out += "<tr>"
            for (index, column) in table.columns.enumerated() {
                let text = format.text(column[row], numericText: numeric[index] && column.type == .string)
                // A code, date or period is one word: never broken across lines ("2024-\n12").
                let word = !numeric[index] && !text.isEmpty && text.count <= 40 && !text.contains(" ")
                out += "<td\(word ? " class=\"word\"" : cls(index))>\(Self.escape(text))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"
        return out
    }

    /// Text escaped for element content and attribute values.
    static func escape(_ text: String) -> String { SVGText.escape(text) }
}
