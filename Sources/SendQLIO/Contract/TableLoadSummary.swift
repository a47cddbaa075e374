/// How one contract table loaded: its file and its row counts.
public struct TableLoadSummary: Sendable, Equatable {
    /// Whether the file was read.
    public enum Status: String, Sendable, Equatable {
        /// The file was read; some rows may have been set aside.
        case loaded
        /// There is no file: the table is empty.
        case absent
        /// The file could not be used at all (unreadable, no header, a required column missing).
        case failed
    }

    /// The contract table.
    public var table: String
    /// The file as messages name it.
    public var file: String
    /// Loaded, absent or failed.
    public var status: Status
    /// Data rows in the file (0 when absent or failed).
    public var rowsInFile: Int
    /// Rows with no problem: `rowsInFile - rejected`.
    public var loaded: Int
    /// Rows with a problem (set aside in lenient mode; errors in strict mode).
    public var rejected: Int

    /// A summary from its parts.
    public init(table: String, file: String, status: Status, rowsInFile: Int, loaded: Int, rejected: Int) {
        self.table = table
        self.file = file
        self.status = status
        self.rowsInFile = rowsInFile
        self.loaded = loaded
        self.rejected = rejected
    }
}
