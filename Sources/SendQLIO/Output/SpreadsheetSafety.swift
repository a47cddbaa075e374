/// Whether CSV text cells are made safe to open in a spreadsheet (CSV or "formula" injection).
///
/// A spreadsheet reads a cell starting with `=`, `+`, `-` or `@` as a formula, and some read one
/// starting with a tab or a carriage return the same way, so a text value such as
/// `=HYPERLINK("http://…")` taken from case records could run when a board member opens the export.
/// With `.neutraliseFormulas` such a cell gets a leading `'` (OWASP's advice), which spreadsheets
/// show as text. The rule applies only to text: cells of string columns and the header. Numbers,
/// dates and booleans are never changed, and a text cell that is a plain decimal number (`-3.5`,
/// `-12`, `-1e-3`: what a suppressed count column holds) is left alone too, since a spreadsheet reads
/// it as that number and runs nothing.
public enum SpreadsheetSafety: String, Sendable, CaseIterable {
    /// Cells are written as they are.
    case off
    /// Text cells that a spreadsheet would run as a formula get a leading `'`.
    case neutraliseFormulas

    /// `text` as it should be written in a text cell.
    public func apply(_ text: String) -> String {
        guard self == .neutraliseFormulas, let first = text.utf8.first else { return text }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return Self.isPlainNumber(text) ? text : "'" + text
        default:
            return text
        }
    }

    /// True for `-?digits[.digits][e[+-]digits]`: a number a spreadsheet reads as a number.
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        guard digits() > 0 else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
