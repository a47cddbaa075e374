import SendQLCore

/// The tables of one folder of published statistics, and what was made of each file in it.
public struct DfEStatistics: Sendable {
    /// The folder as given.
    public var folder: String
    /// One table per CSV file, in file-name order.
    public var tables: [DfETable]
    /// Files in the folder that are not CSV files and were not read (`data-guidance.txt`).
    public var ignoredFiles: [String]

    public init(folder: String, tables: [DfETable], ignoredFiles: [String]) {
        self.folder = folder
        self.tables = tables
        self.ignoredFiles = ignoredFiles
    }

    /// The tables by the names scripts use.
    public var tablesByName: [String: Table] {
        Dictionary(tables.map { ($0.name, $0.table) }, uniquingKeysWith: { first, _ in first })
    }

    /// The table a script calls `name`, or nil.
    public subscript(name: String) -> DfETable? { tables.first { $0.name == name } }

    /// One line per file: the table it became (rows and columns), or why it was not read.
    public var report: String {
        var lines = tables.map { table in
            let layout = table.layout == .tribunalAppealRates ? ", read from a formatted table" : ""
            let notes = table.notes.map { "; " + $0 }.joined()
            return "\(table.name): \(table.table.rowCount) rows, \(table.table.columnCount) columns "
                + "from \(table.file)\(layout)\(notes)"
        }
        lines += ignoredFiles.map { "\($0): not a CSV file, not read" }
        return lines.map { $0 + "\n" }.joined()
    }
}
