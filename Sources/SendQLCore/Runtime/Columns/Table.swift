/// An in-memory table: a schema and one column per field, all of the same length.
public struct Table: Sendable, Equatable {
    public private(set) var schema: Schema
    public private(set) var columns: [Column]
    public let rowCount: Int

    public init(schema: Schema, columns: [Column], rowCount: Int? = nil) {
        precondition(schema.fields.count == columns.count, "schema and columns differ in width")
        for (field, column) in zip(schema.fields, columns) {
            precondition(field.type == column.type, "column \(field.name) is \(column.type), schema says \(field.type)")
        }
        let count = rowCount ?? columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == count }, "columns differ in length")
        self.schema = schema
        self.columns = columns
        self.rowCount = count
    }

    /// A table some of whose columns may be pruned (empty; see `ColumnUsage`). Only the executor
    /// makes these, for frames between steps; results never hold a pruned column.
    init(pruned schema: Schema, columns: [Column], rowCount: Int) {
        precondition(schema.fields.count == columns.count, "schema and columns differ in width")
        precondition(columns.allSatisfy { $0.count == rowCount || $0.count == 0 }, "columns differ in length")
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
    }

    /// A table with the given named columns (types taken from the columns).
    public init(_ named: [(String, Column)]) {
        self.init(schema: Schema(named.map { Field($0.0, $0.1.type) }), columns: named.map(\.1))
    }

    /// An empty table with this schema.
    public static func empty(_ schema: Schema) -> Table {
        Table(schema: schema, columns: schema.fields.map { Column.nulls($0.type, count: 0) }, rowCount: 0)
    }

    public var columnCount: Int { columns.count }

    public func column(named name: String) -> Column? { schema.index(of: name).map { columns[$0] } }

    /// Adds a column, or replaces the one with the same name in place.
    public mutating func setColumn(_ name: String, _ column: Column) {
        precondition(column.count == rowCount, "column \(name) has \(column.count) rows, table has \(rowCount)")
        if let index = schema.index(of: name) {
            schema.fields[index].type = column.type
            columns[index] = column
        } else {
            schema.fields.append(Field(name, column.type))
            columns.append(column)
        }
    }

    /// Boxed rows (slow; for rendering and tests).
    public var rows: [[Value]] {
        (0..<rowCount).map { row in columns.map { $0[row] } }
    }
}
