/// Reads a script parameter given as text on the command line.
enum ParameterParser {
    static func parse(_ text: String, as type: DataType) -> Value? {
        switch type {
        case .int: return Int64(text).map(Value.int)
        case .double: return Double(text).map(Value.double)
        case .bool:
            switch text.lowercased() {
            case "true", "yes", "y", "1": return .bool(true)
            case "false", "no", "n", "0": return .bool(false)
            default: return nil
            }
        case .date: return CivilDate(iso: text).map { .date($0.dayNumber) }
        case .duration: return Int64(text).map(Value.duration)
        case .string: return .string(text)
        }
    }
}
