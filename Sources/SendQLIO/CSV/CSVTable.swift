import SendQLCore

/// What reading one CSV file gave: the table of good rows and the rows set aside.
public struct CSVTable: Sendable {
    /// The file as messages name it.
    public var file: String
    /// The rows that read cleanly, in file order.
    public var table: Table
    /// Rows set aside (lenient reading only; strict reading throws instead).
    public var rejects: [Reject]
    /// Data rows in the file (blank lines are not rows): always `table.rowCount + rejects.count`.
    public var rowsInFile: Int
    /// The format each column was read with, declared or inferred, in column order.
    public var formats: [ColumnFormat]

    /// A result as the reader builds it.
    public init(file: String, table: Table, rejects: [Reject], rowsInFile: Int, formats: [ColumnFormat]) {
        self.file = file
        self.table = table
        self.rejects = rejects
        self.rowsInFile = rowsInFile
        self.formats = formats
    }
}
