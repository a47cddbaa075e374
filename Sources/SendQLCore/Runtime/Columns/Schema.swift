/// A named, typed column slot.
public struct Field: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var type: DataType

    public init(_ name: String, _ type: DataType) {
        self.name = name
        self.type = type
    }

    public var description: String { "\(name): \(type)" }
}

/// The ordered fields of a table.
public struct Schema: Sendable, Hashable, CustomStringConvertible {
    public var fields: [Field]

    public init(_ fields: [Field]) { self.fields = fields }

    public var names: [String] { fields.map(\.name) }

    /// Position of the field called `name`, or nil.
    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }

    public func field(named name: String) -> Field? { index(of: name).map { fields[$0] } }

    public var description: String { fields.map(\.description).joined(separator: ", ") }
}
