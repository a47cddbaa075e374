import SendQLCore

/// One CSV file in memory: its bytes, its header, and the means to say where things are in it.
///
/// Opening reads the file, skips a UTF-8 byte order mark, finds every NUL and invalid UTF-8 byte, and
/// reads the header row. Lines, columns and the `Source` that diagnostics point into are worked out
/// only when a problem is reported, once per file. Not thread-safe: one reader owns it.
final class CSVFile {
    /// The file as messages name it (the path the user gave, or a display name).
    let name: String
    /// The file's bytes (mapped from the file where possible).
    let storage: ByteStorage
    var bytes: UnsafeBufferPointer<UInt8> { storage.buffer }
    /// Where the text starts: 3 after a byte order mark, else 0. Lines and spans count from here.
    let textStart: Int
    /// NUL and invalid UTF-8 byte offsets, ascending.
    let badBytes: [Int]
    /// Fields longer than this many bytes are problems (E0717), not values.
    let maximumFieldBytes: Int
    /// The header's column names, in file order (empty when the header is unusable).
    private(set) var columnNames: [String] = []
    /// Where each header field starts.
    private(set) var columnOffsets: [Int] = []
    /// Where the first data record starts.
    private(set) var dataStart = 0
    /// Problems that make the file unreadable as a table (no header, a broken or duplicated header).
    private(set) var headerIssues: [DataIssue] = []
    /// The most header problems reported one by one; the last says how many more there are.
    static let maximumHeaderIssues = 20

    private var cachedSource: Source?
    /// For a table mapped from another format (an SEN2 return): where each field's value came from,
    /// so problems are located there rather than in this text.
    var origins: FieldOrigins?

    /// Reads the file at `path`, naming it `name` in messages.
    static func open(
        path: String, name: String? = nil, maximumFieldBytes: Int = CSVReader.defaultMaximumFieldBytes
    ) throws(DataIssue) -> CSVFile {
        let displayName = name ?? path
        do {
            return CSVFile(
                name: displayName, storage: try ByteStorage.contents(ofPath: path), maximumFieldBytes: maximumFieldBytes
            )
        } catch {
            throw DataIssue(
                location: DataLocation(file: displayName),
                diagnostic: Diagnostic(.unreadable, "cannot read \(displayName): \(error.reason)"))
        }
    }

    convenience init(name: String, bytes: [UInt8], maximumFieldBytes: Int = CSVReader.defaultMaximumFieldBytes) {
        self.init(name: name, storage: ByteStorage(copying: bytes), maximumFieldBytes: maximumFieldBytes)
    }

    init(name: String, storage: ByteStorage, maximumFieldBytes: Int = CSVReader.defaultMaximumFieldBytes) {
        self.name = name
        self.storage = storage
        self.maximumFieldBytes = maximumFieldBytes
        let bytes = storage.buffer
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        textStart = hasByteOrderMark ? 3 : 0
        badBytes = BadByteScanner.badByteOffsets(in: bytes, from: hasByteOrderMark ? 3 : 0) {
            storage.releaseResidentPages(in: $0)
        }
        // Parsing reads the pages again shortly; meanwhile they need not all be resident at once.
        storage.releaseResidentPages()
        readHeader()
    }

    private func readHeader() {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVRecordScanner(buffer, position: textStart, maximumFieldBytes: maximumFieldBytes)
            guard scanner.nextRecord(startingBefore: buffer.count) else {
                headerIssues.append(
                    issue(
                        PendingProblem(
                            code: .emptyFile, offset: textStart, length: 0,
                            message: "empty file: no header row naming the columns")))
                return
            }
            dataStart = scanner.position
            let describer = RecordProblemDescriber(bytes: buffer, maximumFieldBytes: maximumFieldBytes)
            if let badByte = badBytes.first, badByte < scanner.position {
                headerIssues.append(issue(describer.badByte(at: badByte)))
                return
            }
            if let problem = scanner.problem {
                headerIssues.append(issue(describer.structural(problem)))
                return
            }
            var scratch: [UInt8] = []
            var firstOffsetOfName: [String: Int] = [:]
            var unreported = 0
            func report(_ problem: PendingProblem) {
                // A line of commas would otherwise give a message per field.
                if headerIssues.count < Self.maximumHeaderIssues {
                    headerIssues.append(issue(problem))
                } else {
                    unreported += 1
                }
            }
            for (index, field) in scanner.fields.enumerated() {
                let name = scanner.withContent(of: field, scratch: &scratch) { String(decoding: $0, as: UTF8.self) }
                let tokenEnd = field.isQuoted ? field.end + 1 : field.end
                if name.isEmpty {
                    report(
                        PendingProblem(
                            code: .emptyColumnName, offset: field.tokenStart, length: tokenEnd - field.tokenStart,
                            message: "header field \(index + 1) has no column name"))
                } else if let first = firstOffsetOfName[name] {
                    report(
                        PendingProblem(
                            code: .duplicateColumn, offset: field.tokenStart, length: tokenEnd - field.tokenStart,
                            message: "duplicate column name \(FoundText.quoted(name)) (also header field \(first + 1))")
                    )
                } else {
                    firstOffsetOfName[name] = index
                }
                columnNames.append(name)
                columnOffsets.append(field.tokenStart)
            }
            if unreported > 0 {
                headerIssues[headerIssues.count - 1].diagnostic.notes.append(
                    "and \(unreported) more \(unreported == 1 ? "problem" : "problems") with the header's column names")
            }
            if !headerIssues.isEmpty {
                columnNames = []
                columnOffsets = []
            }
        }
    }

    // MARK: Locations

    /// The 1-based line and character column of a byte offset, as the file's `Source` counts them
    /// (every bad byte shows there as one '?'), so that a location and its diagnostic always agree.
    func location(of offset: Int) -> DataLocation {
        if let origin = origins?.origin(at: offset) { return origin.location }
        let (line, column) = source.location(of: min(max(offset, textStart), bytes.count) - textStart)
        return DataLocation(file: name, line: line, column: column)
    }

    /// The file's text as a `Source` for diagnostics, built on first use. Bad bytes show as `?` so
    /// that byte offsets (and so spans) stay exact.
    var source: Source {
        if let cachedSource { return cachedSource }
        var text = Array(bytes[textStart...])
        for offset in badBytes { text[offset - textStart] = UInt8(ascii: "?") }
        let source = Source(name: name, text: String(decoding: text, as: UTF8.self))
        cachedSource = source
        return source
    }

    /// A located diagnostic for a problem found while parsing.
    func issue(_ problem: PendingProblem, severity: Severity = .error) -> DataIssue {
        if let origins {
            let column = problem.column.flatMap { $0 < columnNames.count ? columnNames[$0] : nil }
            if let issue = origins.issue(problem, column: column, severity: severity) { return issue }
        }
        let start = problem.offset - textStart
        var notes = problem.notes
        if let column = problem.column, column < columnNames.count {
            notes.insert("in column \(columnNames[column])", at: 0)
        }
        let diagnostic = Diagnostic(
            problem.code, problem.message, severity: severity, source: source,
            span: Span(start, start + problem.length), notes: notes)
        return DataIssue(location: location(of: problem.offset), diagnostic: diagnostic)
    }

    // MARK: Rows

    /// A row's text as it appears in the file, cut at `Reject.maximumTextLength` bytes.
    func rowText(from start: Int, to end: Int) -> String {
        var cut = end
        // A runaway quoted field ends at the end of the file, usually after a line break.
        while cut > start, bytes[cut - 1] == UInt8(ascii: "\n") || bytes[cut - 1] == UInt8(ascii: "\r") { cut -= 1 }
        let isCut = cut - start > Reject.maximumTextLength
        if isCut {
            cut = start + Reject.maximumTextLength
            // Never cut a character in two.
            while cut > start, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        }
        var text = Array(bytes[start..<cut])
        let firstBad = ChunkParser.firstIndex(in: badBytes, atOrAfter: start)
        for offset in badBytes[firstBad...].prefix(while: { $0 < cut }) { text[offset - start] = UInt8(ascii: "?") }
        return String(decoding: text, as: UTF8.self) + (isCut ? "…" : "")
    }

    /// Where field `index` of the row starting at `rowStart` lies: its first byte (the opening quote
    /// when quoted) and its length including quotes.
    func fieldToken(row rowStart: Int, field index: Int) -> (offset: Int, length: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVRecordScanner(buffer, position: rowStart)
            guard scanner.nextRecord(startingBefore: buffer.count), index < scanner.fields.count else {
                return (rowStart, 0)
            }
            let field = scanner.fields[index]
            let tokenEnd = field.isQuoted ? field.end + 1 : field.end
            return (field.tokenStart, tokenEnd - field.tokenStart)
        }
    }

    /// Where the row starting at `rowStart` ends, excluding its line break.
    func rowEnd(row rowStart: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVRecordScanner(buffer, position: rowStart)
            return scanner.nextRecord(startingBefore: buffer.count) ? scanner.recordEnd : rowStart
        }
    }
}

extension CSVFile {
    /// The text of field `index` of the row starting at `rowStart`, quotes undone; nil when the row
    /// has fewer fields.
    func fieldText(row rowStart: Int, field index: Int) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVRecordScanner(buffer, position: rowStart)
            guard scanner.nextRecord(startingBefore: buffer.count), index < scanner.fields.count else { return nil }
            var scratch: [UInt8] = []
            return scanner.withContent(of: scanner.fields[index], scratch: &scratch) {
                String(decoding: $0, as: UTF8.self)
            }
        }
    }

    /// A located problem with one field of a loaded row.
    func fieldIssue(
        row rowStart: Int, field index: Int, code: DataErrorCode, message: String, notes: [String] = [],
        severity: Severity = .error
    ) -> DataIssue {
        let token = fieldToken(row: rowStart, field: index)
        return issue(
            PendingProblem(
                code: code, offset: token.offset, length: token.length, message: message, notes: notes, column: index),
            severity: severity)
    }

    /// A located problem with the header row as a whole.
    func headerIssue(code: DataErrorCode, message: String, notes: [String] = []) -> DataIssue {
        issue(PendingProblem(code: code, offset: textStart, length: 0, message: message, notes: notes))
    }
}
