#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SendQLCore

/// The history of KPI snapshots in one SQLite file: each scheduled run appends the KPI pack it
/// computed, with the as-of date, the run time and the hashes of the script and data behind it.
///
/// Each `append` is one transaction (`BEGIN IMMEDIATE` ... `COMMIT`): a run killed midway leaves
/// no trace, and runs that overlap wait for each other (up to 10 seconds) rather than fail. The
/// file is in WAL mode, so reading the history never waits for a writer. The file is marked with
/// an application id and a schema version (`PRAGMA user_version`); anything else is refused.
public final class SnapshotStore {
    /// The store's file.
    public let path: String
    /// The schema version this code writes and reads.
    public static let schemaVersion: Int64 = 1
    /// `PRAGMA application_id` of a sendql store: "SQSN" in ASCII.
    public static let applicationID: Int64 = 0x5351_534E
    /// The KPI pack columns a snapshot holds, in order.
    public static let rowColumns = ["kpi", "breakdown", "period", "numerator", "denominator", "value"]
    /// The columns of `history()`.
    public static let historySchema = Schema([
        Field("snapshot", .string), Field("run_at", .string), Field("as_of", .date), Field("script_hash", .string),
        Field("data_hash", .string), Field("kpi", .string), Field("breakdown", .string), Field("period", .string),
        Field("numerator", .int), Field("denominator", .int), Field("value", .double),
    ])
    /// The columns of `runs()`.
    public static let runsSchema = Schema([
        Field("snapshot", .string), Field("run_at", .string), Field("as_of", .date), Field("script_hash", .string),
        Field("data_hash", .string), Field("rows", .int),
    ])

    private let connection: SQLiteConnection

    /// Opens the store at `path`, creating it when the file is missing or empty.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws(Diagnostic) {
        self.path = path
        var status = stat()
        if stat(path, &status) == 0 {
            let kind = fileKind(status.st_mode)
            guard kind == .regular else {
                throw Diagnostic(.notAStore, "\(path) is \(kind.phrase), not a sendql snapshot store")
            }
        }
        connection = try SQLiteConnection(path: path, busyTimeout: busyTimeoutMilliseconds)
        try prepareSchema()
    }

    /// Checks the file is a store (or empty) before changing anything, then creates the schema.
    private func prepareSchema() throws(Diagnostic) {
        if try isCurrentStore() { return }
        // A new store: WAL mode (kept in the file) lets readers go on while a run appends.
        var attempts = 0
        while true {
            do throws(Diagnostic) {
                let mode = try connection.texts("PRAGMA journal_mode = WAL").first ?? ""
                guard mode.lowercased() == "wal" else {
                    throw Diagnostic(
                        .storeFailed, "snapshot store \(path): cannot switch to WAL mode (the journal mode is \(mode))")
                }
                break
            } catch {
                // Two runs creating the same new store race for this; the busy handler does not cover it.
                attempts += 1
                guard connection.errorCode == SQLITE_BUSY_CODE, attempts < 200 else { throw error }
                usleep(50_000)
            }
        }
        try connection.execute("BEGIN IMMEDIATE")
        do throws(Diagnostic) {
            // Another run may have created it while this one waited for the lock.
            if try !isCurrentStore() {
                try connection.execute(
                    """
                    PRAGMA application_id = \(Self.applicationID);
                    CREATE TABLE snapshot (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        run_at TEXT NOT NULL,
                        as_of TEXT NOT NULL,
                        script_hash TEXT NOT NULL,
                        data_hash TEXT NOT NULL,
                        row_count INTEGER NOT NULL
                    );
                    CREATE TABLE snapshot_row (
                        snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
                        seq INTEGER NOT NULL,
                        kpi TEXT,
                        breakdown TEXT,
                        period TEXT,
                        numerator INTEGER,
                        denominator INTEGER,
                        value REAL,
                        PRIMARY KEY (snapshot_id, seq)
                    ) WITHOUT ROWID;
                    PRAGMA user_version = \(Self.schemaVersion);
                    """)
            }
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// True when the file is a store of this version, false when it is empty; throws for anything else.
    private func isCurrentStore() throws(Diagnostic) -> Bool {
        // One statement, so one consistent read while another run may be creating the store.
        let marks = try connection.prepare(
            """
            SELECT (SELECT application_id FROM pragma_application_id()), (SELECT user_version FROM pragma_user_version()),
                   (SELECT count(*) FROM sqlite_master)
            """)
        guard try marks.step() else { throw Diagnostic(.storeFailed, "snapshot store \(path): cannot read its header") }
        let application = marks.int(0) ?? 0, version = marks.int(1) ?? 0, objects = marks.int(2) ?? 0
        if application == 0 && version == 0 && objects == 0 { return false }
        guard application == Self.applicationID else {
            throw Diagnostic(
                .notAStore, "\(path) is an SQLite database but not a sendql snapshot store",
                notes: ["help: name a new file for the store; sendql does not write into other databases"])
        }
        guard version <= Self.schemaVersion else {
            throw Diagnostic(
                .notAStore,
                "\(path) was written by a newer sendql (store version \(version); this one reads up to \(Self.schemaVersion))",
                notes: ["help: use the newer sendql, or a new store file"])
        }
        guard version == Self.schemaVersion else {
            throw Diagnostic(.notAStore, "\(path) is a damaged sendql snapshot store (store version \(version))")
        }
        return true
    }

    /// Appends one snapshot in one transaction; returns its id (1, 2, ... in append order).
    ///
    /// `rows` has exactly the KPI pack columns (`kpi`, `breakdown`, `period` as text; `period`
    /// may also be an int or a date; `numerator`, `denominator` int; `value` double or int).
    /// `asOf` is a day number (days since 1970-01-01); `runAt` is stored as given.
    @discardableResult
    public func append(
        name: String, asOf: Int32, scriptHash: String, dataHash: String, rows: Table,
        runAt: String
    ) throws(Diagnostic) -> Int64 {
        let columns = try Self.packColumns(rows)
        try connection.execute("BEGIN IMMEDIATE")
        do throws(Diagnostic) {
            let header = try connection.prepare(
                """
                INSERT INTO snapshot (name, run_at, as_of, script_hash, data_hash, row_count) VALUES (?, ?, ?, ?, ?, ?)
                """)
            header.bind(1, name)
            header.bind(2, runAt)
            header.bind(3, CivilDate(dayNumber: asOf).iso)
            header.bind(4, scriptHash)
            header.bind(5, dataHash)
            header.bind(6, Int64(rows.rowCount))
            try header.run()
            let id = try connection.integer("SELECT last_insert_rowid()")
            let insert = try connection.prepare("INSERT INTO snapshot_row VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            for row in 0..<rows.rowCount {
                insert.bind(1, id)
                insert.bind(2, Int64(row))
                insert.bind(3, columns.kpi.text(row))
                insert.bind(4, columns.breakdown.text(row))
                insert.bind(5, columns.period.text(row))
                insert.bind(6, columns.numerator.integer(row))
                insert.bind(7, columns.denominator.integer(row))
                insert.bind(8, columns.value.number(row))
                try insert.run()
            }
            try connection.execute("COMMIT")
            return id
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// Every row of every snapshot, in append order: `snapshot, run_at, as_of, script_hash,
    /// data_hash, kpi, breakdown, period, numerator, denominator, value`. A snapshot of no rows
    /// has no rows here (see `runs()`).
    public func history() throws(Diagnostic) -> Table {
        let query = try connection.prepare(
            """
            SELECT s.name, s.run_at, s.as_of, s.script_hash, s.data_hash,
                   r.kpi, r.breakdown, r.period, r.numerator, r.denominator, r.value
            FROM snapshot s JOIN snapshot_row r ON r.snapshot_id = s.id
            ORDER BY s.id, r.seq
            """)
        var builders = Self.historySchema.fields.map { ColumnBuilder(type: $0.type) }
        while try query.step() {
            for index in 0..<11 {
                let column = Int32(index)
                switch Self.historySchema.fields[index].type {
                case .date:
                    if let text = query.text(column), let date = CivilDate(iso: text) {
                        builders[index].append(date: date.dayNumber)
                    } else {
                        builders[index].appendNull()
                    }
                case .int: builders[index].append(query.int(column).map(Value.int) ?? .null)
                case .double: builders[index].append(query.double(column).map(Value.double) ?? .null)
                default: builders[index].append(query.text(column).map(Value.string) ?? .null)
                }
            }
        }
        return Table(schema: Self.historySchema, columns: builders.map { $0.finish() })
    }

    /// One row per snapshot, in append order: `snapshot, run_at, as_of, script_hash, data_hash, rows`.
    public func runs() throws(Diagnostic) -> Table {
        let query = try connection.prepare(
            "SELECT name, run_at, as_of, script_hash, data_hash, row_count FROM snapshot ORDER BY id")
        var builders = Self.runsSchema.fields.map { ColumnBuilder(type: $0.type) }
        while try query.step() {
            builders[0].append(string: query.text(0) ?? "")
            builders[1].append(string: query.text(1) ?? "")
            if let text = query.text(2), let date = CivilDate(iso: text) {
                builders[2].append(date: date.dayNumber)
            } else {
                builders[2].appendNull()
            }
            builders[3].append(string: query.text(3) ?? "")
            builders[4].append(string: query.text(4) ?? "")
            builders[5].append(int: query.int(5) ?? 0)
        }
        return Table(schema: Self.runsSchema, columns: builders.map { $0.finish() })
    }

    /// SQLite's `PRAGMA integrity_check` plus a check that every snapshot holds the rows it
    /// recorded: `["ok"]` for a sound store, else one line per problem.
    public func integrityCheck() throws(Diagnostic) -> [String] {
        var problems = try connection.texts("PRAGMA integrity_check").filter { $0 != "ok" }
        let query = try connection.prepare(
            """
            SELECT s.name, s.id, s.row_count, (SELECT count(*) FROM snapshot_row r WHERE r.snapshot_id = s.id)
            FROM snapshot s ORDER BY s.id
            """)
        while try query.step() {
            let recorded = query.int(2) ?? 0, found = query.int(3) ?? 0
            if recorded != found {
                problems.append(
                    "snapshot \(query.int(1) ?? 0) (\(query.text(0) ?? "")) records \(recorded) rows but holds \(found)"
                )
            }
        }
        let orphans = try connection.integer(
            "SELECT count(*) FROM snapshot_row WHERE snapshot_id NOT IN (SELECT id FROM snapshot)")
        if orphans > 0 { problems.append("\(orphans) rows belong to no snapshot") }
        return problems.isEmpty ? ["ok"] : problems
    }

    // MARK: Reading the pack's columns

    /// The six pack columns of `rows`, or why they do not fit.
    private static func packColumns(_ rows: Table) throws(Diagnostic) -> PackColumns {
        let names = rows.schema.names
        let missing = rowColumns.filter { !names.contains($0) }
        let extra = names.filter { !rowColumns.contains($0) }
        guard missing.isEmpty, extra.isEmpty else {
            var parts: [String] = []
            if !missing.isEmpty { parts.append("is missing \(missing.joined(separator: ", "))") }
            if !extra.isEmpty { parts.append("has extra columns \(extra.joined(separator: ", "))") }
            throw Diagnostic(
                .storeFailed, "a snapshot holds the KPI pack columns; this table \(parts.joined(separator: " and "))",
                notes: ["help: end the pipeline with `select kpi, breakdown, period, numerator, denominator, value`"])
        }
        func column(_ name: String, _ allowed: [DataType]) throws(Diagnostic) -> Column {
            let column = rows.column(named: name)!
            guard allowed.contains(column.type) || column.nullCount == column.count else {
                throw Diagnostic(
                    .storeFailed,
                    "snapshot column \(name) is \(column.type); it must be \(allowed.map(\.rawValue).joined(separator: " or "))"
                )
            }
            return column
        }
        return PackColumns(
            kpi: try column("kpi", [.string]), breakdown: try column("breakdown", [.string]),
            period: try column("period", [.string, .int, .date]),
            numerator: try column("numerator", [.int]), denominator: try column("denominator", [.int]),
            value: try column("value", [.double, .int]))
    }

    private struct PackColumns {
        var kpi, breakdown, period, numerator, denominator, value: Column
    }
}

/// `SQLITE_BUSY`, as an `Int32` for comparisons with masked error codes.
private let SQLITE_BUSY_CODE: Int32 = 5

extension Column {
    /// A cell as text for the store: nil for null, ISO for dates.
    fileprivate func text(_ row: Int) -> String? {
        if isNull(row) { return nil }
        switch storage {
        case .string(let codes, let dictionary): return dictionary[codes[row]]
        default: return ResultRenderer.plainText(self[row])
        }
    }

    /// A cell as an integer, nil for null (or a column of another type, which is all nulls).
    fileprivate func integer(_ row: Int) -> Int64? {
        guard !isNull(row), case .int(let values) = storage else { return nil }
        return values[row]
    }

    /// A cell as a double, nil for null.
    fileprivate func number(_ row: Int) -> Double? {
        guard !isNull(row) else { return nil }
        switch storage {
        case .double(let values): return values[row]
        case .int(let values): return Double(values[row])
        default: return nil
        }
    }
}
