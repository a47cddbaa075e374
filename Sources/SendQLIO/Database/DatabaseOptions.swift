import SendQLCore

/// `--database URL [--schema NAME] [--statement-timeout SECONDS]`: where a session's pipelines run.
public struct DatabaseOptions: Sendable {
    /// A libpq connection string: `postgresql://user@host:port/db?sslmode=...` or `host=... dbname=...`.
    public var connectionString: String
    public var schema: String?
    /// Seconds a statement may run before the server stops it; 0 for no limit.
    public var statementTimeout: Int
    /// Seconds to wait for the server when connecting (unless the connection string sets `connect_timeout`).
    public var connectTimeout: Int

    public init(connectionString: String, schema: String? = nil, statementTimeout: Int = 0, connectTimeout: Int = 10) {
        self.connectionString = connectionString
        self.schema = schema
        self.statementTimeout = statementTimeout
        self.connectTimeout = connectTimeout
    }

    /// The connection string with any password hidden.
    public var displayName: String { ConnectionString.redacted(connectionString) }

    /// Connects and reads the database's tables.
    public func connect() -> Result<PostgresDatabase, Diagnostic> {
        if let problem = validate() { return .failure(problem) }
        do {
            return .success(
                try PostgresDatabase(
                    connectionString, schema: schema, statementTimeout: statementTimeout,
                    connectTimeout: connectTimeout))
        } catch {
            return .failure(error.diagnostic())
        }
    }

    /// E0901 for a connection string that names another engine, or an option out of range.
    func validate() -> Diagnostic? {
        let text = connectionString
        let isURI = text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
        // An empty string leaves everything to PGHOST, PGDATABASE and the rest.
        let isKeywords = !text.contains("://") && (text.contains("=") || text.isEmpty)
        guard isURI || isKeywords else {
            return DatabaseFailure(
                .badConnectionString, "--database \(displayName): not a PostgreSQL connection string",
                notes: [
                    "help: write postgresql://user@host:port/dbname (or libpq's `host=... dbname=...`)",
                    "note: for DuckDB and Spark, `sendql compile --target duckdb|spark` writes the SQL to run there",
                ]
            ).diagnostic()
        }
        guard statementTimeout >= 0, connectTimeout > 0 else {
            return DatabaseFailure(
                .badConnectionString,
                "--statement-timeout must be 0 or more seconds, and the connect timeout more than 0"
            ).diagnostic()
        }
        return nil
    }
}
