import SendQLCore

/// How report tables show their cells: empty for null, ISO dates, doubles to a fixed number of
/// decimals; numbers (and text columns of numbers and the suppression marker, as publication
/// leaves them) right-aligned.
public struct ReportCellFormat: Sendable, Equatable {
    /// Decimals shown for doubles (and numbers with a fraction in a text column of numbers).
    public var decimals: Int
    /// The suppression marker a text column of numbers may hold.
    public var suppressionMarker: String

    public init(decimals: Int = 1, suppressionMarker: String = "c") {
        self.decimals = decimals
        self.suppressionMarker = suppressionMarker
    }

    /// True when the column is shown right-aligned.
    public func isNumeric(_ column: Column) -> Bool {
        switch column.type {
        case .int, .double, .duration: return true
        case .bool, .date: return false
        case .string:
            var sawNumber = false
            for row in 0..<column.count where !column.isNull(row) {
                guard case .string(let text) = column[row] else { return false }
                if text == suppressionMarker || text.isEmpty { continue }
                guard SpreadsheetSafety.isPlainNumber(text) else { return false }
                sawNumber = true
            }
            return sawNumber
        }
    }

    /// The text of one cell; `numericText` says the column is a text column of numbers.
    public func text(_ value: Value, numericText: Bool = false) -> String {
        switch value {
        case .null: return ""
        case .double(let v): return v.isFinite ? SVGText.fixed(v, decimals: decimals) : ResultRenderer.plainText(value)
        case .string(let text) where numericText && text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }):
            guard SpreadsheetSafety.isPlainNumber(text), let v = Double(text) else { return text }
            return SVGText.fixed(v, decimals: decimals)
        default: return ResultRenderer.plainText(value)
        }
    }
}
