import SendQLCore

/// One contract table during a load: its file, the rows that parsed, and the rows set aside so far.
///
/// Rows are never removed from `table` while checks run; they are marked in `removed`, so row
/// numbers, row starts and key indexes stay valid until `finish()`.
final class TableLoad {
    let contract: TableContract
    /// The file as messages name it.
    let path: String
    let mode: CSVReadMode
    private(set) var status: TableLoadSummary.Status = .absent
    private(set) var fatalIssues: [DataIssue] = []
    private(set) var file: CSVFile?
    /// The rows that parsed: the contract's columns in contract order, then the file's extra columns.
    private(set) var table: Table
    /// Where each row of `table` starts in the file.
    private(set) var rowStarts = RowStarts(fileSize: 0)
    /// Each column's header field in the file; optional columns missing from the file are not here.
    private(set) var headerFields: [String: Int] = [:]
    /// Per row of `table`: set aside by a key or reference check.
    private(set) var removed: [Bool] = []
    private(set) var rejects: [Reject] = []
    private(set) var rowsInFile = 0
    /// Per reference column checked: for each code of its dictionary, the target table's row, or -1.
    var referenceRows: [String: [Int32]] = [:]
    /// Keys of rows set aside, with their rows' locations, to explain references they leave dangling.
    private(set) var rejectedKeys: [String: DataLocation] = [:]
    /// Per checked reference column: for each code of its dictionary, the target table's row with
    /// that key, or -1 (filled by `ReferenceChecker`, read by `DateOrderChecker`).
    var resolvedReferences: [String: [Int32]] = [:]

    /// Reference columns read against their key column's dictionary (see `ColumnPart.lookup`).
    private(set) var codedAgainstKeys: Set<String> = []

    /// Where a table's rows come from: its CSV file in the data folder, or a file mapped from another
    /// format (an SEN2 return), or nothing because that other source could not be read.
    enum Origin {
        /// `<directory>/<table>.csv`, absent when there is no such file.
        case folder(String)
        /// Rows mapped from another source, named `path` in summaries.
        case mapped(CSVFile, path: String)
        /// The source failed; `issues` say why (empty when another table of the source reports them).
        case failed([DataIssue], path: String)
    }

    /// `keyLookups`: for reference columns, the indexed dictionary of the key column they refer to.
    init(
        contract: TableContract, origin: Origin, mode: CSVReadMode, parallelism: Int, maximumFieldBytes: Int,
        keyLookups: [String: StringDictionary] = [:], minimumChunkBytes: Int = ChunkPlan.minimumBytesPerChunk
    ) {
        self.contract = contract
        self.mode = mode
        table = Table.empty(contract.schema)
        let file: CSVFile
        switch origin {
        case .folder(let directory):
            path = Self.join(directory, contract.fileName)
            guard FileSystem.isFile(path) else { return }
            status = .failed
            do {
                file = try CSVFile.open(path: path, maximumFieldBytes: maximumFieldBytes)
            } catch {
                fatalIssues.append(error)
                return
            }
        case .mapped(let mapped, let name):
            path = name
            status = .failed
            file = mapped
        case .failed(let issues, let name):
            path = name
            status = .failed
            fatalIssues = issues
            return
        }
        self.file = file
        guard file.headerIssues.isEmpty else {
            fatalIssues = file.headerIssues
            return
        }
        let missing = contract.columns.filter { $0.isRequired && !file.columnNames.contains($0.name) }
        guard missing.isEmpty else {
            fatalIssues = missing.map { missingColumnIssue($0, in: file) }
            return
        }
        status = .loaded
        let parsed = file.parse(
            formats: file.columnNames.map { contract.column(named: $0)?.format },
            requiresValue: file.columnNames.map { contract.column(named: $0)?.isRequired ?? false },
            chunks: parallelism, stopAtFirstBadRow: false, keepRowStarts: true,
            lookups: file.columnNames.map { keyLookups[$0] }, minimumChunkBytes: minimumChunkBytes)
        codedAgainstKeys = Set(file.columnNames.filter { keyLookups[$0] != nil })
        // The text is only read again to report a problem; until then it need not stay resident.
        file.storage.releaseResidentPages()
        rowsInFile = parsed.rowsInFile
        rowStarts = parsed.rowStarts
        rejects = parsed.rejects.map { file.reject($0, table: contract.name) }
        for (index, name) in file.columnNames.enumerated() { headerFields[name] = index }
        table = arrange(parsed.table)
        removed = Array(repeating: false, count: table.rowCount)
        if let keyField = headerFields[contract.key] {
            for reject in parsed.rejects {
                if let key = file.fieldText(row: reject.recordStart, field: keyField), !key.isEmpty,
                    rejectedKeys[key] == nil
                {
                    rejectedKeys[key] = file.location(of: reject.recordStart)
                }
            }
        }
    }

    /// The contract's columns in contract order (all-null where the file lacks an optional one), then
    /// the file's extra columns in file order.
    private func arrange(_ parsed: Table) -> Table {
        var named: [(String, Column)] = contract.columns.map { column in
            (
                column.name,
                parsed.column(named: column.name) ?? Column.nulls(column.format.dataType, count: parsed.rowCount)
            )
        }
        for (field, column) in zip(parsed.schema.fields, parsed.columns) where contract.column(named: field.name) == nil
        {
            named.append((field.name, column))
        }
        return Table(
            schema: Schema(named.map { Field($0.0, $0.1.type) }), columns: named.map(\.1), rowCount: parsed.rowCount)
    }

    private func missingColumnIssue(_ column: ContractColumn, in file: CSVFile) -> DataIssue {
        var notes: [String] = []
        if let suggestion = NameSuggestion.closest(to: column.name, among: file.columnNames) {
            notes.append("is \(FoundText.quoted(suggestion)) meant to be \(FoundText.quoted(column.name))?")
        }
        let found = file.columnNames.isEmpty ? "no columns" : file.columnNames.joined(separator: ", ")
        return file.headerIssue(
            code: .missingColumn,
            message: "missing required column \(FoundText.quoted(column.name)) (the header has \(found))",
            notes: notes)
    }

    /// Replaces a column of `table` by one with the same values (a re-coded reference column).
    func replaceColumn(named name: String, with column: Column) {
        table.setColumn(name, column)
    }

    // MARK: Setting rows aside

    /// Sets row `row` of `table` aside for `issue`, remembering its key.
    func remove(row: Int, for issue: DataIssue) {
        guard let file else { return }
        removed[row] = true
        let start = rowStarts[row]
        let location = file.location(of: start)
        rejects.append(
            Reject(
                table: contract.name, location: location,
                text: file.rowText(from: start, to: file.rowEnd(row: start)), issues: [issue]))
        if case .string(let codes, let dictionary)? = table.column(named: contract.key)?.storage {
            let key = dictionary[codes[row]]
            if rejectedKeys[key] == nil { rejectedKeys[key] = location }
        }
    }

    /// A located problem with one cell of a row of `table`.
    func issue(
        row: Int, column: String, code: DataErrorCode, message: String, notes: [String] = [],
        severity: Severity = .error
    ) -> DataIssue? {
        guard let file, let field = headerFields[column] else { return nil }
        return file.fieldIssue(
            row: rowStarts[row], field: field, code: code, message: message, notes: notes,
            severity: severity)
    }

    /// The location of a row of `table`.
    func location(ofRow row: Int) -> DataLocation? {
        file.map { $0.location(of: rowStarts[row]) }
    }

    /// The key value of a row of `table`.
    func key(ofRow row: Int) -> String {
        guard case .string(let codes, let dictionary)? = table.column(named: contract.key)?.storage else { return "" }
        return dictionary[codes[row]]
    }

    /// The name of the file the rows came from (`people.csv`, or the SEN2 return's), for messages.
    var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// The kept rows' table, and the summary of the load.
    func finish() -> (table: Table, summary: TableLoadSummary) {
        rejects.sort { $0.location < $1.location }
        let keptRows = removed.indices.filter { !removed[$0] }
        let kept = keptRows.count == table.rowCount ? table : RowSelection.keeping(keptRows, of: table)
        let summary = TableLoadSummary(
            table: contract.name, file: path, status: status, rowsInFile: rowsInFile,
            loaded: status == .loaded ? kept.rowCount : 0, rejected: rejects.count)
        return (status == .loaded ? kept : Table.empty(contract.schema), summary)
    }

    /// `dir/name`, without doubling a slash.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
