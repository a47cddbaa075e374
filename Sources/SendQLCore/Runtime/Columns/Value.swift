/// One cell, boxed. Used at the edges (literals, rendering, tests), never on the hot path.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case null
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case date(Int32)
    case duration(Int64)
    case string(String)

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    public var description: String {
        switch self {
        case .null: return "null"
        case .int(let v): return String(v)
        case .double(let v): return String(v)
        case .bool(let v): return v ? "true" : "false"
        case .date(let d): return CivilDate(dayNumber: d).iso
        case .duration(let d): return "\(d) days"
        case .string(let s): return s
        }
    }
}
