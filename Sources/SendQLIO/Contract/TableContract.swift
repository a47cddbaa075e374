import SendQLCore

/// What one table of the case-level data contract holds: its file, its columns and its key.
public struct TableContract: Sendable, Hashable {
    /// The table's name; its file is `<name>.csv`.
    public var name: String
    /// One line saying what a row is.
    public var summary: String
    /// The key column: unique within the table, never empty.
    public var key: String
    /// The columns, in contract order.
    public var columns: [ContractColumn]

    /// A table contract; the key must be one of its required columns.
    public init(name: String, summary: String, key: String, columns: [ContractColumn]) {
        precondition(
            columns.contains { $0.name == key && $0.isRequired }, "the key of \(name) must be a required column")
        self.name = name
        self.summary = summary
        self.key = key
        self.columns = columns
    }

    /// `requests.csv`.
    public var fileName: String { name + ".csv" }

    /// The contract's columns with their stored types, in contract order.
    public var schema: Schema { Schema(columns.map { Field($0.name, $0.format.dataType) }) }

    /// The column called `name`, or nil.
    public func column(named name: String) -> ContractColumn? { columns.first { $0.name == name } }

    /// The columns that refer to other tables.
    public var references: [ContractColumn] { columns.filter { $0.references != nil } }
}
