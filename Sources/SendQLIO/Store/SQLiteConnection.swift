import CSQLite
import SendQLCore

/// A thin owner of one SQLite connection: statements, binding, stepping, errors as `Diagnostic`s.
final class SQLiteConnection {
    let path: String
    private(set) var handle: OpaquePointer?

    /// Opens (creating when missing) the database at `path`, waiting up to `busyTimeout` ms for locks.
    init(path: String, busyTimeout: Int32) throws(Diagnostic) {
        self.path = path
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        handle = db
        guard code == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            handle = nil
            throw Diagnostic(.storeFailed, "cannot open the snapshot store \(path): \(message)")
        }
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeout)
    }

    deinit { sqlite3_close_v2(handle) }

    /// The last error's text.
    var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }

    /// The primary result code of the last error (extended codes masked off).
    var errorCode: Int32 { sqlite3_errcode(handle) & 0xff }

    /// Runs SQL with no results (several statements allowed).
    func execute(_ sql: String) throws(Diagnostic) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw failure(doing: sql) }
    }

    /// A prepared statement.
    func prepare(_ sql: String) throws(Diagnostic) -> SQLiteStatement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw failure(doing: sql)
        }
        return SQLiteStatement(statement, connection: self)
    }

    /// The first column of the first row of a query, as an integer.
    func integer(_ sql: String) throws(Diagnostic) -> Int64 {
        let statement = try prepare(sql)
        guard try statement.step() else { throw Diagnostic(.storeFailed, "\(sql) returned no row") }
        return statement.int(0) ?? 0
    }

    /// Every row's first column of a query, as text.
    func texts(_ sql: String) throws(Diagnostic) -> [String] {
        let statement = try prepare(sql)
        var out: [String] = []
        while try statement.step() { out.append(statement.text(0) ?? "") }
        return out
    }

    /// A diagnostic for the last error, naming what was being done.
    func failure(doing what: String) -> Diagnostic {
        let firstWords = what.split(separator: " ").prefix(2).joined(separator: " ")
        switch errorCode {
        case SQLITE_NOTADB:
            return Diagnostic(
                .notAStore, "\(path) is not a sendql snapshot store: it is not an SQLite database",
                notes: ["help: name a new file for the store, or the store an earlier run made"])
        case SQLITE_BUSY, SQLITE_LOCKED:
            return Diagnostic(
                .storeFailed, "the snapshot store \(path) is busy: another run held it for more than 10 seconds",
                notes: ["help: run again when the other run has finished"])
        default:
            return Diagnostic(.storeFailed, "snapshot store \(path): \(errorMessage) (during \(firstWords))")
        }
    }
}

/// A prepared statement of a `SQLiteConnection`.
final class SQLiteStatement {
    private let statement: OpaquePointer
    private let connection: SQLiteConnection

    init(_ statement: OpaquePointer, connection: SQLiteConnection) {
        self.statement = statement
        self.connection = connection
    }

    deinit { sqlite3_finalize(statement) }

    /// SQLite's "copy the bytes now" destructor.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ text: String?) {
        guard let text else { sqlite3_bind_null(statement, index); return }
        sqlite3_bind_text(statement, index, text, -1, Self.transient)
    }

    func bind(_ index: Int32, _ value: Int64?) {
        guard let value else { sqlite3_bind_null(statement, index); return }
        sqlite3_bind_int64(statement, index, value)
    }

    func bind(_ index: Int32, _ value: Double?) {
        guard let value else { sqlite3_bind_null(statement, index); return }
        sqlite3_bind_double(statement, index, value)
    }

    /// Advances to the next row: true when there is one, false when done.
    func step() throws(Diagnostic) -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.failure(doing: String(cString: sqlite3_sql(statement)))
        }
    }

    /// Runs a statement that returns no rows, then resets it for another use.
    func run() throws(Diagnostic) {
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        while try step() {}
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func int(_ column: Int32) -> Int64? { isNull(column) ? nil : sqlite3_column_int64(statement, column) }

    func double(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite3_column_double(statement, column) }

    func text(_ column: Int32) -> String? {
        guard !isNull(column), let bytes = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: bytes)
    }
}
