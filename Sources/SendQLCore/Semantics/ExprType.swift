/// The type the checker gives an expression: a column type, or one of the literal-only kinds.
public enum ExprType: Sendable, Hashable, CustomStringConvertible {
    case value(DataType)
    /// The bare `null` literal, before its context gives it a type.
    case null
    /// A span of calendar months (`12 months`, `1 year`): only usable as `date ± months`.
    case months
    /// A span of working days (`20 working_days`): only usable as `date ± working_days`.
    case workingDays
    /// The type of an expression that already has an error: it unifies with anything, so one
    /// mistake is reported once rather than at every use.
    case error

    public static let int = ExprType.value(.int)
    public static let double = ExprType.value(.double)
    public static let bool = ExprType.value(.bool)
    public static let date = ExprType.value(.date)
    public static let duration = ExprType.value(.duration)
    public static let string = ExprType.value(.string)

    public var dataType: DataType? {
        if case .value(let type) = self { return type }
        return nil
    }

    public var isNumeric: Bool { dataType?.isNumeric ?? false }

    public var description: String {
        switch self {
        case .value(let type): return type.rawValue
        case .null: return "null"
        case .months: return "months"
        case .workingDays: return "working days"
        case .error: return "<error>"
        }
    }

    /// The type both can be read as (int widens to double, null takes the other's type), or nil.
    public static func unify(_ a: ExprType, _ b: ExprType) -> ExprType? {
        if a == b { return a }
        if a == .error || b == .error { return .error }
        if a == .null { return b }
        if b == .null { return a }
        if a.isNumeric && b.isNumeric { return .double }
        return nil
    }
}
