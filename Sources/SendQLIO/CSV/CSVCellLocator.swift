import SendQLCore

/// Says where a cell of a table read by `CSVReader` sits in its file, for a note about a value that
/// read cleanly but deserves a word (a DfE cell read against the publisher's guidance).
struct CSVCellLocator {
    fileprivate let file: CSVFile
    fileprivate let rowStarts: RowStarts

    /// A located diagnostic pointing at the cell of `row` (0-based, as in the table) and header
    /// field `field` (0-based).
    func issue(
        row: Int, field: Int, code: DataErrorCode, message: String, notes: [String] = [],
        severity: Severity
    ) -> DataIssue {
        file.fieldIssue(
            row: rowStarts[row], field: field, code: code, message: message, notes: notes,
            severity: severity)
    }
}

extension CSVReader {
    /// Reads CSV text held in memory, as `read(bytes:name:)` does, keeping where each row starts.
    func readLocating(bytes: [UInt8], name: String) throws -> (table: CSVTable, locator: CSVCellLocator) {
        let file = CSVFile(name: name, bytes: bytes, maximumFieldBytes: maximumFieldBytes)
        let (table, rowStarts) = try read(file, keepRowStarts: true)
        return (table, CSVCellLocator(file: file, rowStarts: rowStarts))
    }
}
