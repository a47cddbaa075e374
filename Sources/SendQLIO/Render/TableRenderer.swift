import Foundation
import SendQLCore

/// Renders a table as aligned text: a header, a rule, right-aligned numbers, `null` for missing.
public struct TableRenderer: Sendable {
    public var nullText: String
    /// Doubles show at most this many decimals (trailing zeros dropped); CSV and JSON keep full precision.
    public var decimals: Int

    public init(nullText: String = "null", decimals: Int = 3) {
        self.nullText = nullText
        self.decimals = decimals
    }

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
        case .double(let v): return formatDouble(v, maxDecimals: decimals)
        case .duration(let d): return String(d)
        default: return value.description
        }
    }
}

/// Text for a double: shortest round-trip form, or rounded to `maxDecimals` with trailing zeros dropped.
func formatDouble(_ value: Double, maxDecimals: Int? = nil) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    guard let maxDecimals else {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
    var text = String(format: "%.\(maxDecimals)f", value)
    if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
