import SendQLCore

/// `sendql compile --ddl`: the contract's tables as `CREATE TABLE` statements in an engine's types,
/// with the keys as primary keys and the references as foreign keys where the engine has them.
public enum ContractDDL {
    public static func render(_ dialect: SQLDialect, schema: String?) -> String {
        let q = dialect.quote
        let prefix = schema.map { dialect.qualifiedName($0) + "." } ?? ""
        var statements: [String] = []
        if let schema { statements.append("CREATE SCHEMA IF NOT EXISTS \(dialect.qualifiedName(schema));") }
        for table in CaseContract.tables {
            var lines = table.columns.map { column -> String in
                var line = "  \(q(column.name)) \(dialect.typeName(column.format.dataType))"
                if dialect.hasConstraints && column.isRequired { line += " NOT NULL" }
                return line
            }
            if dialect.hasConstraints {
                lines.append("  PRIMARY KEY (\(q(table.key)))")
                for column in table.references {
                    guard let target = column.references.flatMap(CaseContract.table(named:)) else { continue }
                    lines.append(
                        "  FOREIGN KEY (\(q(column.name))) REFERENCES \(prefix)\(q(target.name)) (\(q(target.key)))")
                }
            }
            statements.append(
                "-- \(SQLText.comment(table.summary))\nCREATE TABLE \(prefix)\(q(table.name)) (\n"
                    + lines.joined(separator: ",\n") + "\n);")
        }
        return statements.joined(separator: "\n\n") + "\n"
    }
}
