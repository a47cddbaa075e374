#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SendQLCore

/// Reads one CSV file into a table: RFC 4180 quoting, LF or CRLF, a UTF-8 byte order mark skipped,
/// a header row naming the columns; typed values parsed straight from the bytes.
///
/// Columns named in `formats` are read with that format; the others get a format inferred from every
/// value in the file (see `TypeInference`). An empty field, quoted or not, is null.
///
/// ```swift
/// let people = try CSVReader().read(path: "people.csv").table            // strict, inferred
/// let lenient = try CSVReader(mode: .lenient, formats: ["score": .int(range: 1...5)])
///     .read(path: "feedback.csv")                                          // rejects kept aside
/// ```
public struct CSVReader: Sendable {
    /// Strict (throw at the first bad row) or lenient (set bad rows aside).
    public var mode: CSVReadMode
    /// Declared formats by column name; columns not named here are inferred.
    public var formats: [String: ColumnFormat]
    /// How many chunks a large file is parsed in side by side (1 = one thread).
    public var parallelism: Int
    /// The longest field read, in bytes; a longer one is a problem with its row (E0717), so a quote
    /// left open or a file that is not CSV gives a clear error rather than an enormous value.
    public var maximumFieldBytes = CSVReader.defaultMaximumFieldBytes
    /// 64 MiB: far more than any real field, far less than the memory of the machines sendql runs on.
    public static let builtInMaximumFieldBytes = 64 << 20
    /// The maximum every reader starts with: `$SENDQL_MAX_FIELD_BYTES` when that is a whole number
    /// above 0 (so the command line and every loader obey it), else `builtInMaximumFieldBytes`.
    public static let defaultMaximumFieldBytes: Int = {
        guard let text = getenv("SENDQL_MAX_FIELD_BYTES").map({ String(cString: $0) }),
            let value = Int(text), value > 0
        else { return builtInMaximumFieldBytes }
        return value
    }()
    /// The smallest share of a file worth a thread of its own (tests lower it to split small files).
    var minimumChunkBytes = ChunkPlan.minimumBytesPerChunk

    /// The machine's processor count, at most 8.
    public static var defaultParallelism: Int {
        max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
    }

    /// A reader; by default strict, inferring every column, using the machine's cores.
    public init(
        mode: CSVReadMode = .strict, formats: [String: ColumnFormat] = [:],
        parallelism: Int = CSVReader.defaultParallelism
    ) {
        self.mode = mode
        self.formats = formats
        self.parallelism = max(1, parallelism)
    }

    /// Reads the file at `path`. Throws a `Diagnostic` when the file cannot be read or its header is
    /// unusable (a `DiagnosticList` when the header has several problems), and in strict mode at the
    /// first bad row (the first problem of that row).
    public func read(path: String) throws -> CSVTable {
        let file: CSVFile
        do { file = try CSVFile.open(path: path, maximumFieldBytes: maximumFieldBytes) } catch {
            throw error.diagnostic
        }
        return try read(file, keepRowStarts: false).table
    }

    /// Reads CSV text held in memory; `name` is how messages name it.
    public func read(bytes: [UInt8], name: String) throws -> CSVTable {
        try read(CSVFile(name: name, bytes: bytes, maximumFieldBytes: maximumFieldBytes), keepRowStarts: false).table
    }

    func read(_ file: CSVFile, keepRowStarts: Bool) throws -> (table: CSVTable, rowStarts: RowStarts) {
        if file.headerIssues.count == 1 { throw file.headerIssues[0].diagnostic }
        if !file.headerIssues.isEmpty { throw DiagnosticList(file.headerIssues.map(\.diagnostic)) }
        let parsed = file.parse(
            formats: file.columnNames.map { formats[$0] }, chunks: parallelism,
            stopAtFirstBadRow: mode == .strict, keepRowStarts: keepRowStarts, minimumChunkBytes: minimumChunkBytes)
        if mode == .strict, let first = parsed.rejects.first {
            throw file.issue(first.problems[0]).diagnostic
        }
        let tableName = Self.tableName(of: file.name)
        let table = CSVTable(
            file: file.name, table: parsed.table,
            rejects: parsed.rejects.map { file.reject($0, table: tableName) },
            rowsInFile: parsed.rowsInFile, formats: parsed.formats)
        return (table, parsed.rowStarts)
    }

    /// `requests` for `data/requests.csv`.
    static func tableName(of path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        return last.hasSuffix(".csv") ? String(last.dropLast(4)) : last
    }
}
