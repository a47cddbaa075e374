import CLibpq
import Foundation
import SendQLCore

/// One libpq connection. Statements are sent without blocking and the socket is polled, so a
/// cancellation check runs while the server works (Ctrl-C cancels the statement there) and a
/// connection that drops is noticed instead of waited on.
final class PostgresConnection: @unchecked Sendable {
    // Used from one thread at a time (the session's).
    private let connection: OpaquePointer
    /// The connection string without its password, for messages.
    let displayName: String

    /// Connects; `connectTimeout` applies unless the connection string sets its own.
    init(_ connectionString: String, connectTimeout: Int = 10) throws(DatabaseFailure) {
        displayName = ConnectionString.redacted(connectionString)
        // Earlier keywords are defaults the expanded connection string (`dbname`) overrides.
        let keywords = ["connect_timeout", "application_name", "dbname"]
        let values = [String(connectTimeout), "sendql", connectionString]
        let made = Self.withCStrings(keywords) { keys in
            Self.withCStrings(values) { vals in PQconnectdbParams(keys, vals, 1) }
        }
        guard let made else { throw DatabaseFailure(.cannotConnect, "cannot connect: out of memory") }
        connection = made
        guard PQstatus(connection) == CONNECTION_OK else {
            // deinit finishes the connection: every property is set, so it runs after this throw too.
            let reason = Self.message(PQerrorMessage(connection))
            throw Self.connectFailure(reason, displayName: displayName)
        }
        // Dates as ISO text and doubles exact, whatever the server's defaults.
        try execute(
            "SET DateStyle = ISO; SET extra_float_digits = 3; SET client_encoding = 'UTF8'; SET client_min_messages = WARNING"
        )
        // A client that goes away (a killed cron job) has its statement stopped within a second,
        // not when the server next writes to it; servers before PostgreSQL 14 lack the setting.
        try? execute("SET client_connection_check_interval = 1000")
    }

    deinit { PQfinish(connection) }

    /// Runs statements that return no rows (or whose rows are not wanted).
    func execute(_ sql: String, isCancelled: (@Sendable () -> Bool)? = nil) throws(DatabaseFailure) {
        for result in try send(sql, isCancelled: isCancelled) { PQclear(result) }
    }

    /// Runs one query and hands its result to `read`, which must not keep it.
    func query<T>(
        _ sql: String, isCancelled: (@Sendable () -> Bool)? = nil, _ read: (PostgresResult) throws(DatabaseFailure) -> T
    ) throws(DatabaseFailure) -> T {
        let results = try send(sql, isCancelled: isCancelled)
        defer { results.forEach { PQclear($0) } }
        guard let last = results.last else { throw DatabaseFailure(.statementRejected, "the server returned nothing") }
        return try read(PostgresResult(last))
    }

    /// `COPY table (columns) FROM STDIN` in CSV with a header, the bytes written by `write`.
    func copy(into table: String, _ write: (any ByteSink) throws -> Void) throws(DatabaseFailure) {
        let started = PQexec(connection, "COPY \(table) FROM STDIN WITH (FORMAT csv, HEADER true)")
        defer { PQclear(started) }
        guard PQresultStatus(started) == PGRES_COPY_IN else { throw failure(started) }
        let sink = CopySink(connection: connection)
        var writeError: String? = nil
        do { try write(sink) } catch { writeError = sink.problem ?? "\(error)" }
        guard PQputCopyEnd(connection, writeError) == 1 else { throw failure(nil) }
        var last: DatabaseFailure? = nil
        while let result = PQgetResult(connection) {
            if PQresultStatus(result) != PGRES_COMMAND_OK { last = failure(result) }
            PQclear(result)
        }
        if let last { throw last }
        if let writeError { throw DatabaseFailure(.pushFailed, "the rows could not be sent: \(writeError)") }
    }

    /// Sends `sql` and collects every result, polling so cancellation and a lost connection are seen.
    private func send(_ sql: String, isCancelled: (@Sendable () -> Bool)?) throws(DatabaseFailure) -> [OpaquePointer] {
        guard PQsendQuery(connection, sql) == 1 else { throw failure(nil) }
        var cancelled = false
        var results: [OpaquePointer] = []
        var problem: DatabaseFailure? = nil
        while true {
            while PQisBusy(connection) == 1 {
                if !cancelled, isCancelled?() == true {
                    cancelled = true
                    cancel()
                }
                var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
                _ = poll(&descriptor, 1, 100)
                guard PQconsumeInput(connection) == 1 else {
                    results.forEach { PQclear($0) }
                    throw failure(nil)
                }
            }
            guard let result = PQgetResult(connection) else { break }
            let status = PQresultStatus(result)
            if status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE || status == PGRES_NONFATAL_ERROR {
                if problem == nil { problem = failure(result, cancelled: cancelled) }
                PQclear(result)
            } else {
                results.append(result)
            }
        }
        if let problem {
            results.forEach { PQclear($0) }
            throw problem
        }
        return results
    }

    /// Asks the server to stop the running statement.
    private func cancel() {
        guard let handle = PQgetCancel(connection) else { return }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(handle, &buffer, Int32(buffer.count))
        PQfreeCancel(handle)
    }

    /// What went wrong, from a failed result's SQLSTATE (or the connection, without one).
    private func failure(_ result: OpaquePointer?, cancelled: Bool = false) -> DatabaseFailure {
        let state = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) }
        let text = result.map { Self.message(PQresultErrorMessage($0)) } ?? ""
        let reason = text.isEmpty ? Self.message(PQerrorMessage(connection)) : text
        let detail = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "D"))) }.map {
            "note: " + String(cString: $0)
        }
        let hint = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "H"))) }.map {
            "help: " + String(cString: $0)
        }
        let notes = [detail, hint].compactMap { $0 }
        if PQstatus(connection) != CONNECTION_OK || state?.hasPrefix("08") == true || state == "57P01" {
            return DatabaseFailure(
                .connectionLost, "the connection to \(displayName) was lost: \(reason)",
                notes: ["note: nothing was changed by the statement that was running"])
        }
        switch state {
        case "57014" where cancelled:
            return DatabaseFailure(.statementRejected, "cancelled", wasCancelled: true)
        case "57014":
            return DatabaseFailure(
                .statementTimeout, "the statement ran past its time limit: \(reason)",
                notes: ["help: give it longer with --statement-timeout SECONDS (0 for no limit)"])
        case "42P01", "3F000":
            return DatabaseFailure(.missingTable, reason, notes: notes)
        case "42703":
            return DatabaseFailure(.columnMismatch, reason, notes: notes)
        case let state? where state.hasPrefix("28") || state == "42501":
            return DatabaseFailure(.loginRefused, reason, notes: notes)
        default:
            return DatabaseFailure(.statementRejected, "the server rejected the statement: \(reason)", notes: notes)
        }
    }

    private static func connectFailure(_ reason: String, displayName: String) -> DatabaseFailure {
        let refused = [
            "authentication failed", "no password supplied", "pg_hba.conf", "does not exist", "permission denied",
        ]
        if refused.contains(where: reason.contains) {
            return DatabaseFailure(
                .loginRefused, "\(displayName) refused the login: \(reason)",
                notes: [
                    "help: the user and password come from the connection string, PGUSER and PGPASSWORD, or ~/.pgpass"
                ])
        }
        return DatabaseFailure(
            .cannotConnect, "cannot connect to \(displayName): \(reason)",
            notes: ["help: check the host, port and that the server is running; PGHOST and PGPORT apply too"])
    }

    /// libpq's message on one line, without its trailing newline.
    static func message(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "" }
        return String(cString: text).split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }.joined(separator: "; ")
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies = strings.map { strdup($0) } + [nil]
        defer { copies.forEach { free($0) } }
        return copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

/// Bytes written into a running `COPY ... FROM STDIN`.
private final class CopySink: ByteSink {
    let connection: OpaquePointer
    var problem: String?

    init(connection: OpaquePointer) { self.connection = connection }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        let sent = bytes.withMemoryRebound(to: CChar.self) {
            PQputCopyData(connection, $0.baseAddress, Int32($0.count))
        }
        if sent != 1 {
            problem = PostgresConnection.message(PQerrorMessage(connection))
            throw DatabaseFailure(.connectionLost, problem ?? "")
        }
    }
}

/// A query's rows as libpq holds them, read cell by cell.
struct PostgresResult {
    let result: OpaquePointer
    init(_ result: OpaquePointer) { self.result = result }

    var rowCount: Int { Int(PQntuples(result)) }
    var columnCount: Int { Int(PQnfields(result)) }
    func columnName(_ column: Int) -> String { String(cString: PQfname(result, Int32(column))) }
    func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(result, Int32(row), Int32(column)) == 1 }
    /// The cell's text as bytes, valid while the result lives.
    func bytes(_ row: Int, _ column: Int) -> UnsafeBufferPointer<UInt8> {
        let pointer = PQgetvalue(result, Int32(row), Int32(column))!
        let count = Int(PQgetlength(result, Int32(row), Int32(column)))
        return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: count)
    }
    func text(_ row: Int, _ column: Int) -> String { String(decoding: bytes(row, column), as: UTF8.self) }
}
