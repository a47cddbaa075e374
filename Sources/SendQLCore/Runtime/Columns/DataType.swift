/// The physical type of a column.
public enum DataType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 64-bit signed integer.
    case int
    /// 64-bit IEEE floating point.
    case double
    /// true / false.
    case bool
    /// A calendar date stored as days since 1970-01-01.
    case date
    /// A length of time in whole days (what `date - date` gives and `6 weeks` means).
    case duration
    /// Text, dictionary-encoded.
    case string

    public var description: String { rawValue }

    /// True for the types arithmetic and `sum`/`avg` accept.
    public var isNumeric: Bool { self == .int || self == .double }
}
