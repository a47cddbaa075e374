import Foundation
import SendQLCore
import SendQLIO

/// Shows a result table on a terminal: aligned columns, numbers right-aligned, percentages with one
/// decimal place, nulls marked, long results cut to their head and tail, wide ones to the screen.
///
/// Files and the csv/json/markdown modes use `ResultRenderer` instead, which shows everything.
public struct ResultDisplay: Sendable {
    /// The terminal's width in columns; nil: no limit.
    public var width: Int?
    /// Dim nulls and a bold header (ANSI), for terminals without NO_COLOR.
    public var colour: Bool
    /// Rows shown from the start of a long result.
    public var headRows: Int
    /// Rows shown from the end of a long result.
    public var tailRows: Int

    /// A display `width` columns wide (nil: unlimited) showing `headRows` + `tailRows` of a long result.
    public init(width: Int?, colour: Bool, headRows: Int = 20, tailRows: Int = 20) {
        self.width = width
        self.colour = colour
        self.headRows = headRows
        self.tailRows = tailRows
    }

    /// Words in a column name that mark a percentage (split at `_`).
    static let percentageWords: Set<Substring> = ["pct", "percent", "percentage", "rate"]

    /// True for a double column shown as a percentage: one known to hold `pct()` values (`known`,
    /// from `PercentageLineage`), one with `_numerator` and `_denominator` columns beside it (as
    /// `pct()` makes), or one whose name has the word pct, percent, percentage or rate.
    public static func isPercentage(_ field: Field, in schema: Schema, known: Set<String> = []) -> Bool {
        guard field.type == .double else { return false }
        if known.contains(field.name) { return true }
        if schema.index(of: field.name + "_numerator") != nil && schema.index(of: field.name + "_denominator") != nil {
            return true
        }
        return field.name.lowercased().split(separator: "_").contains { percentageWords.contains($0) }
    }

    /// One cell as shown: its text, and whether it is a null (drawn differently).
    struct Cell {
        var text: String
        var isNull = false
    }

    /// The whole display, ending with a line break; `percentages` names columns known to hold `pct()` values.
    public func render(_ table: Table, percentages: Set<String> = []) -> String {
        let rows = shownRows(table.rowCount)
        let fields = table.schema.fields
        var columns: [[Cell?]] = []  // nil marks the gap between head and tail
        for (index, field) in fields.enumerated() {
            let format = formatter(for: field, in: table.schema, percentages: percentages)
            columns.append(rows.map { row in row.map { format(table.columns[index][$0]) } })
        }
        var widths = fields.enumerated().map { index, field in
            columns[index].reduce(field.name.count) { max($0, $1?.text.count ?? 1) }
        }
        let shown = fittingColumnCount(widths)
        if let width, shown == 1, widths[0] > width { widths[0] = max(1, width) }
        let rightAligned = fields.map { $0.type.isNumeric || $0.type == .duration }

        func line(_ cells: [Cell]) -> String {
            (0..<shown).map { i in
                let text = clipped(cells[i].text, to: widths[i])
                let pad = String(repeating: " ", count: widths[i] - text.count)
                let painted = cells[i].isNull && colour ? "\u{1B}[2m" + text + "\u{1B}[0m" : text
                return rightAligned[i] ? pad + painted : painted + pad
            }.joined(separator: "  ").trimmingTrailingBlanks()
        }
        var lines: [String] = []
        let header = line(fields.map { Cell(text: $0.name) })
        lines.append(colour ? "\u{1B}[1m" + header + "\u{1B}[0m" : header)
        lines.append((0..<shown).map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  "))
        for (position, row) in rows.enumerated() {
            lines.append(line(row == nil ? fields.map { _ in Cell(text: "…") } : columns.map { $0[position]! }))
        }
        lines.append(footer(table, shownRows: rows.compactMap { $0 }.count))
        if shown < fields.count {
            let hidden = fields[shown...].map(\.name)
            lines.append(
                "(\(hidden.count) more \(hidden.count == 1 ? "column" : "columns") not shown: \(hidden.joined(separator: ", ")))"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rows to show, with nil where the middle of a long result is left out.
    func shownRows(_ count: Int) -> [Int?] {
        guard count > headRows + tailRows else { return Array(0..<count) }
        return Array(0..<headRows) + [nil] + Array((count - tailRows)..<count)
    }

    /// How many columns, from the left, fit the width (at least one).
    func fittingColumnCount(_ widths: [Int]) -> Int {
        guard let width else { return widths.count }
        var used = 0
        for (index, columnWidth) in widths.enumerated() {
            used += columnWidth + (index == 0 ? 0 : 2)
            if used > width { return max(1, index) }
        }
        return widths.count
    }

    func clipped(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
    }

    func footer(_ table: Table, shownRows: Int) -> String {
        let count = table.rowCount
        let noun = count == 1 ? "row" : "rows"
        if shownRows == count { return "(\(Self.grouped(count)) \(noun))" }
        return "(\(Self.grouped(count)) \(noun); the first \(headRows) and last \(tailRows) shown)"
    }

    /// How each value of a column is shown.
    func formatter(for field: Field, in schema: Schema, percentages: Set<String>) -> (Value) -> Cell {
        let nullText = colour ? "null" : "∅"
        let plain = TableRenderer(decimals: 3)
        let percentage = Self.isPercentage(field, in: schema, known: percentages)
        return { value in
            switch value {
            case .null: return Cell(text: nullText, isNull: true)
            case .double(let number) where percentage && number.isFinite:
                return Cell(text: String(format: "%.1f", number))
            case .string(let text): return Cell(text: Self.oneLine(text))
            default: return Cell(text: plain.text(of: value))
            }
        }
    }

    /// Text with line breaks and tabs written out, so a cell never breaks the table's lines.
    static func oneLine(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" }) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t")
    }

    /// A count with thousands separators: 43,290.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (number < 0 ? "-" : "") + result
    }
}

extension String {
    func trimmingTrailingBlanks() -> String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
