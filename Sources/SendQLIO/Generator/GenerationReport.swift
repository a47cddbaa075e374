/// What the generator wrote: one entry per table, in the data contract's order.
public struct GenerationReport: Sendable, Hashable {
    /// One written table.
    public struct TableSummary: Sendable, Hashable {
        /// Which table.
        public var table: GeneratedTable
        /// Data rows, not counting the header.
        public var rows: Int
        /// Size of the file in bytes.
        public var bytes: Int
    }

    /// The directory the files were written to.
    public var directory: String
    /// Every table, in the data contract's order.
    public var tables: [TableSummary]

    /// Bytes over all files.
    public var totalBytes: Int { tables.reduce(0) { $0 + $1.bytes } }
    /// Data rows over all tables.
    public var totalRows: Int { tables.reduce(0) { $0 + $1.rows } }
}
