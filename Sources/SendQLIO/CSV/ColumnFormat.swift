import SendQLCore

/// How the text of one CSV column is read into values: a type and, for some, a constraint.
public enum ColumnFormat: Sendable, Hashable, CustomStringConvertible {
    /// A whole number, optionally limited to a range (a survey score 1-5).
    case int(range: ClosedRange<Int64>?)
    /// A decimal number (`1.5`, `-2`, `3e4`).
    case double
    /// `true/false`, `1/0`, `yes/no`, `y/n` in any case.
    case bool
    /// `YYYY-MM-DD` or `DD/MM/YYYY` (day and month may have one digit).
    case date
    /// Any text, dictionary-encoded.
    case string
    /// One of a fixed list of codes, matched case-insensitively and stored in the list's spelling.
    case code(CodeList)

    /// A whole number with no range.
    public static let int = ColumnFormat.int(range: nil)

    /// The column type the values are stored as.
    public var dataType: DataType {
        switch self {
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        case .date: return .date
        case .string, .code: return .string
        }
    }

    /// How messages name what was expected: `date`, `int from 1 to 5`, `one of Y, N, A, W, H`.
    public var expectation: String {
        switch self {
        case .int(let range?): return "int from \(range.lowerBound) to \(range.upperBound)"
        case .int(nil): return "int"
        case .double: return "number"
        case .bool: return "bool"
        case .date: return "date"
        case .string: return "text"
        case .code(let list): return "one of \(list.listText)"
        }
    }

    /// How documentation names the format: `int 1-5`, `code`, `date`.
    public var description: String {
        switch self {
        case .int(let range?): return "int \(range.lowerBound)-\(range.upperBound)"
        case .int(nil): return "int"
        case .double: return "double"
        case .bool: return "bool"
        case .date: return "date"
        case .string: return "string"
        case .code: return "code"
        }
    }
}
