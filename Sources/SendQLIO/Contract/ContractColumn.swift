/// One column of a contract table: its name, whether the file must have it, how its text is read, and
/// what it refers to.
public struct ContractColumn: Sendable, Hashable {
    /// Whether a column must be present (with a value in every row) or may be absent or empty.
    public enum Requirement: String, Sendable, Hashable {
        /// The header must name it and every row must have a value.
        case required
        /// It may be missing from the header (it is then all null) and any value may be empty.
        case optional
    }

    /// The header name.
    public var name: String
    /// Required or optional.
    public var requirement: Requirement
    /// How values are read and stored.
    public var format: ColumnFormat
    /// The table whose key this column holds, when it is a reference (`plans.person_id` → `people`).
    public var references: String?
    /// What the column means, for documentation.
    public var meaning: String

    /// A column of a contract table.
    public init(
        _ name: String, _ requirement: Requirement, _ format: ColumnFormat, references: String? = nil,
        meaning: String = ""
    ) {
        self.name = name
        self.requirement = requirement
        self.format = format
        self.references = references
        self.meaning = meaning
    }

    /// True for a required column.
    public var isRequired: Bool { requirement == .required }
}
