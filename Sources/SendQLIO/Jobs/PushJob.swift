import Foundation
import SendQLCore

/// `sendql push`: an area's data, loaded and checked by the data-contract loader, written into a
/// PostgreSQL schema in one transaction that replaces the contract's tables there, so a reader
/// never sees half a push and a push that fails changes nothing.
public enum PushJob {
    public struct Request: Sendable {
        public var dataFolder: String?
        public var database: DatabaseOptions
        /// Set bad rows aside (and list them) instead of refusing the data.
        public var lenient: Bool

        public init(dataFolder: String?, database: DatabaseOptions, lenient: Bool) {
            self.dataFolder = dataFolder
            self.database = database
            self.lenient = lenient
        }
    }

    public static func run(_ request: Request, options: ScriptOptions) -> JobOutput {
        guard let folder = DataFolder.resolve(request.dataFolder) else {
            return JobOutput(
                stderr: "sendql: no data folder: give --data DIR or set SENDQL_DATA\n", status: .dataError)
        }
        let loaded = CaseDataLoader(mode: request.lenient ? .lenient : .strict).inspect(directory: folder)
        var output = JobOutput()
        if !loaded.isLoadable || !loaded.rejects.isEmpty || loaded.summaries.isEmpty {
            output.stderr =
                loaded.summaries.isEmpty
                ? loaded.fatalIssues.map { "error: \($0.message)\n" }.joined()
                : DataQualityReport(loaded).render()
        }
        guard let data = loaded.caseData else {
            output.stderr += "error: nothing was pushed: the data in \(folder) is not loadable\n"
            output.status = .dataError
            return output
        }
        if let problem = request.database.validate() {
            output.stderr += ScriptJob.render([problem], options: options)
            output.status = .usage
            return output
        }
        do {
            let connection = try PostgresConnection(
                request.database.connectionString, connectTimeout: request.database.connectTimeout)
            let rows = try push(data, schema: request.database.schema, through: connection)
            let place = request.database.schema.map { "schema \($0) of " } ?? ""
            output.stdout =
                "pushed \(CaseContract.tables.count) tables (\(rows) rows) from \(folder) to \(place)"
                + "\(connection.displayName)\n"
        } catch {
            var problem = error
            problem.notes.append("note: nothing was pushed: the tables in the database are as they were")
            output.stderr += ScriptJob.render([problem.diagnostic()], options: options)
            output.status = error.code.exitStatus
        }
        return output
    }

    /// Replaces the contract's tables in one transaction; returns the rows written.
    static func push(
        _ data: CaseData, schema: String?, through connection: PostgresConnection
    ) throws(DatabaseFailure)
        -> Int
    {
        let dialect = SQLDialect.postgres
        let prefix = schema.map { dialect.qualifiedName($0) + "." } ?? ""
        // Referencing tables first, so each drop finds nothing of the contract's depending on it;
        // anything else depending on one (a view, say) makes the push fail rather than vanish.
        let drops = CaseContract.tables.reversed().map { "DROP TABLE IF EXISTS \(prefix)\(dialect.quote($0.name));" }
        let (tables, keys) = ContractDDL.loadInTwoParts(dialect, schema: schema)
        try connection.execute("BEGIN")
        do {
            try connection.execute(drops.joined(separator: "\n") + "\n" + tables)
            var rows = 0
            for contract in CaseContract.tables {
                let table = data.table(contract.name) ?? Table.empty(contract.schema)
                let columns = contract.schema.names.map(dialect.quote).joined(separator: ", ")
                try connection.copy(into: "\(prefix)\(dialect.quote(contract.name)) (\(columns))") { sink in
                    try TableCSVExporter.write(table, to: sink, safety: .off)
                }
                rows += table.rowCount
            }
            // The keys are added once the rows are in: one check of each, not one per row.
            try connection.execute(keys)
            try connection.execute("COMMIT")
            return rows
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }
}
