/// A problem found while parsing, before its line and column are worked out.
///
/// Parsing records byte offsets only; the line index and the file's `Source` are built once, after
/// parsing, and only when there is something to report.
struct PendingProblem {
    var code: DataErrorCode
    /// Where the culprit starts (a field's first byte, its opening quote when quoted).
    var offset: Int
    /// How many bytes the culprit spans (at least one is underlined).
    var length: Int
    var message: String
    var notes: [String] = []
    /// The header column of the culprit, for a problem with one value.
    var column: Int?
}

/// A data row that failed, with its problems in column order.
struct PendingReject {
    var recordStart: Int
    /// One past the row's last byte, excluding its line break.
    var recordEnd: Int
    var problems: [PendingProblem]
}
