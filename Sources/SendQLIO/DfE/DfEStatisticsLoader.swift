import SendQLCore

/// Loads published DfE statistics (Explore Education Statistics CSV files) as tables: each CSV file
/// of a folder becomes the table `dfe_<file name without .csv>`.
///
/// A numeric column keeps its suppression and missing-value symbols apart from its numbers: the
/// symbol cells are null in the column and the symbol is in `<column>_symbol` (see `DfESymbol`).
/// Identifying columns (names, codes, breakdowns) stay text; `time_period` becomes an int with
/// `period_label` (`2019`, `2018/19`) and `year` beside it. The formatted SEND Tribunal appeal rate
/// table is read by `DfETribunalAppealRates`; any other CSV file that is not a tidy table (a header
/// naming every column) is an error, so that nothing in the folder is silently left out.
///
/// ```swift
/// let statistics = try DfEStatisticsLoader().load(directory: "datasets/dfe/ehcp-2025")
/// let timeliness = statistics["dfe_timeliness_20_week"]!.table
/// ```
public struct DfEStatisticsLoader: Sendable {
    /// Chunks parsed side by side within each file.
    public var parallelism: Int

    /// What every table name starts with, so published figures never clash with an area's own tables.
    public static let tablePrefix = "dfe_"

    public init(parallelism: Int = CSVReader.defaultParallelism) {
        self.parallelism = max(1, parallelism)
    }

    /// Every CSV file of `directory`, in file-name order. Throws a `Diagnostic` (or the CSV reader's
    /// `DiagnosticList`) when the folder cannot be read, holds no CSV file, or a file cannot be read.
    public func load(directory: String) throws -> DfEStatistics {
        guard FileSystem.isDirectory(directory) else {
            throw Diagnostic(.unreadable, "DfE statistics folder not found: \(directory)")
        }
        let names = FileSystem.names(in: directory)
        let csvNames = names.filter { $0.lowercased().hasSuffix(".csv") }
        guard !csvNames.isEmpty else {
            throw Diagnostic(.unreadable, "no CSV files in the DfE statistics folder \(directory)")
        }
        let tables = try csvNames.map { try load(path: Self.path(directory, $0)) }
        let ignored = names.filter { !$0.lowercased().hasSuffix(".csv") && FileSystem.isFile(Self.path(directory, $0)) }
        return DfEStatistics(folder: directory, tables: tables, ignoredFiles: ignored)
    }

    /// One file, named in messages by its path.
    public func load(path: String) throws -> DfETable {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path: path) } catch {
            throw Diagnostic(.unreadable, "cannot read \(path): \(error.reason)")
        }
        return try read(bytes: bytes, name: path)
    }

    /// A file held in memory; `name` is its path or display name (the table name comes from it).
    public func read(bytes: [UInt8], name: String) throws -> DfETable {
        let tableName = Self.tableName(forFile: name)
        guard let header = DfEHeader(bytes: bytes) else {
            throw Diagnostic(.emptyFile, "\(name) is empty: no header row naming the columns")
        }
        if header.hasEmptyName {
            if let parsed = try DfETribunalAppealRates.parse(bytes: bytes, file: name) {
                return DfETable(
                    name: tableName, file: name, layout: .tribunalAppealRates, table: parsed.table,
                    numericColumns: parsed.numericColumns, findings: parsed.findings)
            }
            let field = (header.names.firstIndex(of: "") ?? 0) + 1
            throw Diagnostic(
                .emptyColumnName, "\(name) is not a tidy data file: header field \(field) has no column name",
                notes: [
                    "sendql reads Explore Education Statistics data files (a header row naming every column) "
                        + "and the SEND Tribunal appeal rate table; move other files out of the folder"
                ])
        }
        let unique = header.uniqueNames
        let notes = zip(header.names, unique).filter { $0 != $1 }
            .map { "the column \($0.0) appears more than once; a later copy is \($0.1)" }
        // Every column is read as text, then typed here: symbols must not make a numeric column text.
        let formats = Dictionary(unique.map { ($0, ColumnFormat.string) }, uniquingKeysWith: { first, _ in first })
        let (csv, locator) = try CSVReader(mode: .strict, formats: formats, parallelism: parallelism)
            .readLocating(bytes: header.withUniqueNames(bytes), name: name)
        let symbols = DfESymbol.exploreEducationStatistics
        let typed = DfETableTyper(symbols: symbols).typed(csv.table)
        let findings = typed.oddCells.map { odd in
            let (message, notes) = DfEOddCellMessage.text(for: odd, symbols: symbols)
            let field = csv.table.schema.names.firstIndex(of: odd.column) ?? 0
            return locator.issue(
                row: odd.cell.row, field: field, code: .dfeOddCell, message: message, notes: notes,
                severity: .warning
            ).diagnostic
        }
        return DfETable(
            name: tableName, file: name, layout: .exploreEducationStatistics, table: typed.table,
            numericColumns: typed.numericColumns, notes: notes, findings: findings)
    }

    /// `dfe_timeliness_20_week` for `.../timeliness_20_week.csv`; characters a name cannot hold
    /// become `_` (`dfe_send_tribunal_appeal_rates_2014_2024`).
    public static func tableName(forFile path: String) -> String {
        var stem = Substring(path.split(separator: "/").last ?? Substring(path))
        if stem.lowercased().hasSuffix(".csv") { stem = stem.dropLast(4) }
        let name = stem.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }
        return tablePrefix + String(name)
    }

    private static func path(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
