/// A SQL database a session's pipelines run in (`--database URL`): the pipeline is compiled for
/// the engine, run there, and its rows come back as a table, so everything after a query (the
/// renderers, `export`, `chart`, `expect`, the snapshot store) is the same as in memory.
///
/// A connection is used from one thread at a time (the session's), hence `@unchecked Sendable`
/// in the conforming classes.
public protocol Database: AnyObject, Sendable {
    /// The engine the SQL is written for.
    var target: SQLTarget { get }
    /// The schema the tables are in (nil: the connection's default).
    var schema: String? { get }
    /// The tables the database holds, with their columns in sendql's types.
    var tables: [String: Schema] { get }
    /// Where the data is, for messages and the REPL's banner, without any password.
    var displayName: String { get }
    /// Runs one SELECT and returns its rows as a table of `fields`; `isCancelled` is asked while
    /// the server works, and true cancels the statement on the server.
    func fetch(_ sql: String, fields: [Field], isCancelled: (@Sendable () -> Bool)?) throws(DatabaseFailure) -> Table
}

/// Why a database could not do what was asked, as the error's code, message and notes; the
/// session locates it at the statement that needed the database.
public struct DatabaseFailure: Error, Sendable, Equatable {
    public var code: DatabaseErrorCode
    public var message: String
    public var notes: [String]
    /// True when the statement stopped because it was cancelled (Ctrl-C).
    public var wasCancelled: Bool

    public init(_ code: DatabaseErrorCode, _ message: String, notes: [String] = [], wasCancelled: Bool = false) {
        self.code = code
        self.message = message
        self.notes = notes
        self.wasCancelled = wasCancelled
    }

    /// The failure as a diagnostic (located when a span is given).
    public func diagnostic(source: Source? = nil, span: Span? = nil) -> Diagnostic {
        Diagnostic(.error, code: code.rawValue, message: message, source: source, span: span, notes: notes)
    }
}
