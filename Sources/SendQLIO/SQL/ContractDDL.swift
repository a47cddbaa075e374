import SendQLCore

/// `sendql compile --ddl`: the contract's tables as `CREATE TABLE` statements in an engine's types,
/// with the keys as primary keys and the references as foreign keys where the engine has them.
public enum ContractDDL {
    public static func render(_ dialect: SQLDialect, schema: String?) -> String {
        var statements: [String] = []
        if let schema { statements.append("CREATE SCHEMA IF NOT EXISTS \(dialect.qualifiedName(schema));") }
        for table in CaseContract.tables {
            statements.append(create(table, dialect, schema: schema, keys: dialect.hasConstraints))
        }
        return statements.joined(separator: "\n\n") + "\n"
    }

    /// The tables without their keys, then (`keys`) the `ALTER TABLE` statements that add them: a bulk
    /// load between the two checks every key once, instead of row by row (`sendql push`).
    public static func loadInTwoParts(_ dialect: SQLDialect, schema: String?) -> (tables: String, keys: String) {
        var tables: [String] = []
        if let schema { tables.append("CREATE SCHEMA IF NOT EXISTS \(dialect.qualifiedName(schema));") }
        tables += CaseContract.tables.map { create($0, dialect, schema: schema, keys: false) }
        let keys = CaseContract.tables.flatMap { table in
            constraints(table, dialect, schema: schema).map {
                "ALTER TABLE \(name(table, dialect, schema)) ADD \($0);"
            }
        }
        return (tables.joined(separator: "\n\n") + "\n", keys.joined(separator: "\n") + "\n")
    }

    private static func create(_ table: TableContract, _ dialect: SQLDialect, schema: String?, keys: Bool) -> String {
        var lines = table.columns.map { column -> String in
            var line = "  \(dialect.quote(column.name)) \(dialect.typeName(column.format.dataType))"
            if dialect.hasConstraints && column.isRequired { line += " NOT NULL" }
            return line
        }
        if keys { lines += constraints(table, dialect, schema: schema).map { "  " + $0 } }
        return "-- \(SQLText.comment(table.summary))\nCREATE TABLE \(name(table, dialect, schema)) (\n"
            + lines.joined(separator: ",\n") + "\n);"
    }

    /// The primary key, then a foreign key for each reference.
    private static func constraints(_ table: TableContract, _ dialect: SQLDialect, schema: String?) -> [String] {
        guard dialect.hasConstraints else { return [] }
        let q = dialect.quote
        var constraints = ["PRIMARY KEY (\(q(table.key)))"]
        for column in table.references {
            guard let target = column.references.flatMap(CaseContract.table(named:)) else { continue }
            constraints.append(
                "FOREIGN KEY (\(q(column.name))) REFERENCES \(name(target, dialect, schema)) (\(q(target.key)))")
        }
        return constraints
    }

    private static func name(_ table: TableContract, _ dialect: SQLDialect, _ schema: String?) -> String {
        (schema.map { dialect.qualifiedName($0) + "." } ?? "") + dialect.quote(table.name)
    }
}
