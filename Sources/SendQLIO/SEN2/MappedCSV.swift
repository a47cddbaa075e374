import SendQLCore

/// A contract table's rows, mapped from another format (an SEN2 return) into CSV text, with where
/// every field came from.
///
/// The CSV text is what the contract loader validates, by the same rules as a table's own CSV file;
/// `FieldOrigins` points each problem it finds back to the element or cell that held the value.
struct MappedCSV {
    private(set) var bytes: [UInt8] = []
    private(set) var origins = FieldOrigins()
    private var fieldsInRow = 0
    let columns: [String]

    /// A table with a header row naming `columns`.
    init(columns: [String]) {
        self.columns = columns
        for (index, name) in columns.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(name)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Adds one row: a value (nil for an empty field) and its origin per column.
    mutating func appendRow(_ fields: [(String?, FieldOrigin)]) {
        precondition(fields.count == columns.count, "a mapped row has one field per column")
        for (index, (value, origin)) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            origins.append(start: bytes.count, origin: origin)
            if let value { append(value) }
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Rows added so far.
    var rowCount: Int { origins.rowCount(columns: columns.count) }

    /// The text as a CSV file whose problems are located at the values' origins.
    func file(name: String) -> CSVFile {
        let file = CSVFile(name: name, bytes: bytes)
        file.origins = origins
        return file
    }

    /// Appends a field, quoted when it holds a separator, a quote or a line break.
    private mutating func append(_ text: String) {
        let utf8 = Array(text.utf8)
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            bytes += utf8
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// For a mapped CSV text: where each field starts, and the origin of its value.
struct FieldOrigins: @unchecked Sendable {
    private var starts: [Int] = []
    private var origins: [FieldOrigin] = []

    mutating func append(start: Int, origin: FieldOrigin) {
        starts.append(start)
        origins.append(origin)
    }

    func rowCount(columns: Int) -> Int { columns == 0 ? 0 : starts.count / columns }

    /// The origin of the field that holds byte `offset` of the mapped text (nil in the header).
    func origin(at offset: Int) -> FieldOrigin? {
        var low = 0, high = starts.count - 1
        guard high >= 0, starts[0] <= offset else { return nil }
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return origins[low]
    }

    /// A located problem at the origin of the field holding `offset`, naming where the value was read.
    func issue(_ problem: PendingProblem, column: String?, severity: Severity) -> DataIssue? {
        guard let origin = origin(at: problem.offset) else { return nil }
        var notes = problem.notes
        let table = column.map { "the contract's \($0), " } ?? ""
        notes.insert("\(table)read from \(origin.path)", at: 0)
        let diagnostic = Diagnostic(
            problem.code, problem.message, severity: severity, source: origin.file.source,
            span: Span(origin.offset, origin.offset + origin.length), notes: notes)
        return DataIssue(location: origin.location, diagnostic: diagnostic)
    }
}
