import Foundation

/// The throw-away PostgreSQL cluster `scripts/test` starts (`scripts/postgres`): its connection
/// string is in `SENDQL_TEST_POSTGRES`. Each test works in a schema of its own, so tests can run
/// side by side.
public enum TestDatabase {
    /// The cluster's connection string, or nil when the tests run without one.
    public static var url: String? {
        ProcessInfo.processInfo.environment["SENDQL_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Runs SQL through `psql` (stopping at the first error) and returns its unaligned output.
    @discardableResult
    public static func psql(_ sql: String) throws -> String {
        guard let url else { throw Failure(message: "SENDQL_TEST_POSTGRES is not set: run scripts/test") }
        let result = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/psql"),
            [url, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])
        guard result.status == 0 else { throw Failure(message: "psql: \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The number of rows of each contract table in `schema`, in name order.
    public static func rowCounts(schema: String) throws -> [String: Int] {
        let output = try psql(
            """
            SELECT table_name FROM information_schema.tables WHERE table_schema = '\(schema)' ORDER BY 1
            """)
        var counts: [String: Int] = [:]
        for table in output.split(separator: "\n") {
            counts[String(table)] = Int(try psql("SELECT count(*) FROM \"\(schema)\".\"\(table)\""))
        }
        return counts
    }

    /// Removes a schema and everything in it.
    public static func drop(schema: String) throws { try psql("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE") }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
