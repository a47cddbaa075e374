/// A data row set aside in lenient mode, with everything wrong with it.
public struct Reject: Sendable, Equatable {
    /// The table the row belongs to (the file name without `.csv` for a lone CSV file).
    public var table: String
    /// The physical line on which the row starts.
    public var location: DataLocation
    /// The row as it appears in the file, without its line break; cut at `Reject.maximumTextLength`
    /// bytes (a runaway quoted field can swallow the rest of a file).
    public var text: String
    /// Every problem found in the row, in column order.
    public var issues: [DataIssue]

    /// The longest row text kept, in bytes.
    public static let maximumTextLength = 500

    /// A reject from its parts.
    public init(table: String, location: DataLocation, text: String, issues: [DataIssue]) {
        self.table = table
        self.location = location
        self.text = text
        self.issues = issues
    }
}
