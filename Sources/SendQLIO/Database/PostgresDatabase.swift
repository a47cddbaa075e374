import SendQLCore

/// A PostgreSQL database a session runs in: its tables read from `information_schema` at
/// connection, every pipeline compiled for PostgreSQL and its rows read back into columns.
public final class PostgresDatabase: Database, @unchecked Sendable {
    // Used from one thread at a time (the session's).
    let connection: PostgresConnection
    public let target = SQLTarget.postgres
    public let schema: String?
    public private(set) var tables: [String: Schema] = [:]
    /// Tables left out because a column has a type sendql has no equivalent for.
    public private(set) var skippedTables: [String: String] = [:]
    public var displayName: String {
        connection.displayName + (schema.map { " (schema \($0))" } ?? "")
    }

    /// Connects and reads the schema's tables; every contract table must be there with its columns.
    /// `statementTimeout` (seconds, 0 for none) bounds each statement.
    public init(
        _ connectionString: String, schema: String? = nil, statementTimeout: Int = 0, connectTimeout: Int = 10
    ) throws(DatabaseFailure) {
        connection = try PostgresConnection(connectionString, connectTimeout: connectTimeout)
        self.schema = schema
        try connection.execute("SET statement_timeout = \(statementTimeout * 1000)")
        try readTables()
        try checkContract()
    }

    public func fetch(
        _ sql: String, fields: [Field], isCancelled: (@Sendable () -> Bool)?
    ) throws(DatabaseFailure)
        -> Table
    {
        try connection.query(sql, isCancelled: isCancelled) { result throws(DatabaseFailure) in
            try PostgresTableReader.table(result, fields: fields)
        }
    }

    /// The schema named, else the connection's current schema, as an SQL expression.
    var schemaExpression: String { schema.map { SQLDialect.postgres.literal($0) } ?? "current_schema()" }

    private func readTables() throws(DatabaseFailure) {
        let sql = """
            SELECT c.table_name, c.column_name, c.data_type
            FROM information_schema.columns c
            WHERE c.table_schema = \(schemaExpression)
            ORDER BY c.table_name, c.ordinal_position
            """
        let rows = try connection.query(sql) { result in
            (0..<result.rowCount).map { (result.text($0, 0), result.text($0, 1), result.text($0, 2)) }
        }
        var fields: [String: [Field]] = [:]
        var order: [String] = []
        for (table, column, type) in rows {
            if fields[table] == nil { order.append(table) }
            guard let dataType = Self.dataType(type) else {
                skippedTables[table] = "column \(column) is of type \(type)"
                continue
            }
            fields[table, default: []].append(Field(column, dataType))
        }
        for table in order where skippedTables[table] == nil { tables[table] = Schema(fields[table] ?? []) }
    }

    /// Every contract table, with every contract column in a type that reads as the contract's.
    private func checkContract() throws(DatabaseFailure) {
        let help = "help: `sendql push --data DIR --database URL` writes every contract table"
        for contract in CaseContract.tables {
            guard let found = tables[contract.name] else {
                let reason = skippedTables[contract.name].map { " (\($0), which sendql cannot read)" } ?? ""
                throw DatabaseFailure(
                    .missingTable, "\(displayName) has no table `\(contract.name)`\(reason)", notes: [help])
            }
            for field in contract.schema.fields {
                guard let column = found.field(named: field.name) else {
                    throw DatabaseFailure(
                        .columnMismatch, "table `\(contract.name)` has no column `\(field.name)`", notes: [help])
                }
                guard column.type == field.type else {
                    throw DatabaseFailure(
                        .columnMismatch,
                        "column `\(contract.name).\(field.name)` is \(column.type), the contract says \(field.type)",
                        notes: [help])
                }
            }
            // Columns beyond the contract's are not read: the contract's tables mean the same everywhere.
            tables[contract.name] = contract.schema
        }
    }

    /// sendql's type for a PostgreSQL column type; nil for one it has no equivalent for.
    static func dataType(_ name: String) -> DataType? {
        switch name {
        case "bigint", "integer", "smallint": return .int
        case "double precision", "real", "numeric": return .double
        case "text", "character varying", "character", "name": return .string
        case "date": return .date
        case "boolean": return .bool
        default: return nil
        }
    }
}
