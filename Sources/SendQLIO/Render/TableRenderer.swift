import SendQLCore

/// Renders a table as aligned text: a header, a rule, right-aligned numbers, `null` for missing.
public struct TableRenderer: Sendable {
    public var nullText: String

    public init(nullText: String = "null") { self.nullText = nullText }

    public func render(_ table: Table) -> String {
        let headers = table.schema.names
        var cells: [[String]] = []
        cells.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            cells.append(table.columns.map { text(of: $0[row]) })
        }
        var widths = headers.map { $0.count }
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        let rightAligned = table.schema.fields.map { $0.type.isNumeric || $0.type == .duration }
        func line(_ values: [String]) -> String {
            values.enumerated().map { i, value in
                let pad = String(repeating: " ", count: widths[i] - value.count)
                return rightAligned[i] ? pad + value : value + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += cells.map(line)
        out.append("(\(table.rowCount) \(table.rowCount == 1 ? "row" : "rows"))")
        return out.joined(separator: "\n") + "\n"
    }

    /// The display text of one value.
    public func text(of value: Value) -> String {
        switch value {
        case .null: return nullText
        case .double(let v): return formatDouble(v)
        case .duration(let d): return String(d)
        default: return value.description
        }
    }
}

/// Shortest round-trip text for a double, without a trailing `.0` noise for whole numbers kept.
func formatDouble(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    return String(value)
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
