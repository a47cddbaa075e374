import SendQLCore

/// Parses the records of one chunk of a file into column parts, setting bad rows aside.
///
/// A row is checked whole before any of it is stored: structure first (quotes, bad bytes, field
/// count), then every typed value; only a row with no problem is appended, so a rejected row leaves
/// nothing behind (not even a dictionary entry). Strings cannot fail once the row's bytes are known to
/// be valid UTF-8, so they are interned last.
struct ChunkParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let formats: [ColumnFormat]
    /// Per column: an empty field is a problem rather than a null (a contract's required columns).
    let requiresValue: [Bool]
    /// Offsets of NUL and invalid UTF-8 bytes in the whole file, ascending.
    let badBytes: [Int]
    /// Fields longer than this many bytes are problems (E0717).
    let maximumFieldBytes: Int
    /// Stop after the first bad row (strict reading).
    let stopAtFirstBadRow: Bool
    /// Record where each loaded row starts (the contract loader locates keys and references by it).
    let keepRowStarts: Bool
    /// The file's storage, so pages already parsed can be released as parsing goes on (nil: keep).
    var storage: ByteStorage? = nil
    /// Per column: the key dictionary a reference column is coded against (nil: interned).
    var lookups: [StringDictionary?] = []

    /// What parsing one chunk produced.
    final class Result {
        var parts: [ColumnPart]
        var rejects: [PendingReject] = []
        var rowStarts = RowStarts(fileSize: 0)
        /// Data rows seen, loaded or not.
        var rowsSeen = 0
        /// The first record start at or after the chunk's end (or the end of the file).
        var endPosition = 0
        var stoppedEarly = false

        init(parts: [ColumnPart]) { self.parts = parts }
    }

    /// Parses the records that start in `[start, limit)`; `start` must be a record start.
    func parse(from start: Int, before limit: Int, expectedRows: Int) -> Result {
        let width = formats.count
        let result = Result(
            parts: formats.indices.map { column in
                ColumnPart(
                    format: formats[column], capacity: expectedRows,
                    lookup: column < lookups.count ? lookups[column] : nil)
            })
        var scanner = CSVRecordScanner(
            bytes, position: start, maximumFieldBytes: maximumFieldBytes, storedFieldLimit: width + 1)
        // Fields are read through the text's base rather than the scanner, which would be copied.
        let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        var badCursor = Self.firstIndex(in: badBytes, atOrAfter: start)
        var values = [UInt64](repeating: 0, count: width)
        var nulls = [Bool](repeating: false, count: width)
        var scratch: [UInt8] = []
        var problems: [PendingProblem] = []
        // Local and by value: appends mutate in place; handed back to `result` at the end.
        var parts = result.parts
        result.parts = []
        let isString = formats.map { $0 == .string }
        let describer = RecordProblemDescriber(bytes: bytes, maximumFieldBytes: maximumFieldBytes)
        // Columns whose values are parsed (and can fail) before the row is stored.
        let checkedColumns = formats.indices.filter { formats[$0] != .string || requiresValue[$0] }

        var rowsSeen = 0
        var rowStarts = RowStarts(fileSize: bytes.count, capacity: keepRowStarts ? expectedRows : 0)
        var released = start
        while scanner.nextRecord(startingBefore: limit) {
            rowsSeen += 1
            if let storage, scanner.position - released >= 1 << 24 {
                storage.releaseResidentPages(in: released..<scanner.recordStart)
                released = scanner.recordStart
            }
            problems.removeAll(keepingCapacity: true)
            var badByte: Int?
            while badCursor < badBytes.count, badBytes[badCursor] < scanner.position {
                if badByte == nil { badByte = badBytes[badCursor] }
                badCursor += 1
            }
            if let problem = scanner.problem {
                problems.append(describer.structural(problem))
            }
            if let badByte {
                problems.append(describer.badByte(at: badByte))
                problems.sort { $0.offset < $1.offset }
            }
            if problems.isEmpty, scanner.fieldCount != width {
                problems.append(describer.fieldCount(scanner, expected: width))
            }
            let fields = scanner.fields
            if problems.isEmpty {
                for column in checkedColumns {
                    let field = fields[column]
                    if field.start == field.end {
                        if requiresValue[column] {
                            problems.append(
                                PendingProblem(
                                    code: .missingValue, offset: field.tokenStart,
                                    length: field.isQuoted ? 2 : 0,
                                    message: "expected \(formats[column].expectation), found an empty field",
                                    notes: ["every row needs a value in this column"], column: column))
                        }
                        nulls[column] = true
                        continue
                    }
                    nulls[column] = false
                    if case .string = formats[column] { continue }
                    let parsed = CSVRecordScanner.withContent(of: field, in: base, scratch: &scratch) { content in
                        parseValue(content, format: formats[column], tokenStart: field.tokenStart, field: field)
                    }
                    switch parsed {
                    case .success(let bits): values[column] = bits
                    case .failure(var problem):
                        problem.column = column
                        problems.append(problem)
                    }
                }
            }
            if !problems.isEmpty {
                result.rejects.append(
                    PendingReject(
                        recordStart: scanner.recordStart, recordEnd: scanner.recordEnd, problems: problems))
                if stopAtFirstBadRow {
                    result.stoppedEarly = true
                    break
                }
                continue
            }
            if keepRowStarts { rowStarts.append(scanner.recordStart) }
            // Through a buffer pointer: no uniqueness check of the parts array for every value.
            parts.withUnsafeMutableBufferPointer { parts in
                for column in 0..<width {
                    let field = fields[column]
                    if isString[column] {
                        if field.start == field.end {
                            parts[column].appendNull()
                        } else {
                            CSVRecordScanner.withContent(of: field, in: base, scratch: &scratch) {
                                parts[column].append(stringBytes: $0)
                            }
                        }
                    } else if nulls[column] {
                        parts[column].appendNull()
                    } else {
                        parts[column].append(parsed: values[column])
                    }
                }
            }
        }
        result.parts = parts
        result.rowsSeen = rowsSeen
        result.rowStarts = rowStarts
        scanner.skipBlankLines()
        result.endPosition = scanner.position
        return result
    }

    /// A value's 64 bits, or the problem with it.
    private enum ParsedValue {
        case success(UInt64)
        case failure(PendingProblem)
    }

    @inline(__always)
    private func parseValue(
        _ content: UnsafeBufferPointer<UInt8>, format: ColumnFormat, tokenStart: Int, field: FieldSpan
    ) -> ParsedValue {
        switch format {
        case .int(let range):
            if let value = FieldParsers.parseInt(content) {
                if let range, !range.contains(value) {
                    return .failure(badValue(.outOfRange, format, content, tokenStart, field))
                }
                return .success(UInt64(bitPattern: value))
            }
        case .double:
            if let value = FieldParsers.parseDouble(content) { return .success(value.bitPattern) }
        case .bool:
            if let value = FieldParsers.parseBool(content) { return .success(value ? 1 : 0) }
        case .date:
            if let value = FieldParsers.parseDate(content) { return .success(UInt64(bitPattern: Int64(value))) }
        case .code(let list):
            if let index = list.index(matching: content) { return .success(UInt64(index)) }
            return .failure(badValue(.notInCodeList, format, content, tokenStart, field))
        case .string:
            preconditionFailure("strings never fail and are not parsed ahead")
        }
        return .failure(badValue(.badValue, format, content, tokenStart, field))
    }

    private func badValue(
        _ code: DataErrorCode, _ format: ColumnFormat, _ content: UnsafeBufferPointer<UInt8>,
        _ tokenStart: Int, _ field: FieldSpan
    ) -> PendingProblem {
        var notes: [String] = []
        switch format {
        case .date:
            notes.append(
                FieldParsers.explainDate(content).map { "\($0)" }
                    ?? "dates are written YYYY-MM-DD or DD/MM/YYYY")
        case .bool:
            notes.append("booleans are written true/false, yes/no, y/n or 1/0, in any case")
        case .int where FieldParsers.isWholeNumber(content):
            notes.append(FieldParsers.tooLargeNote)
        default:
            break
        }
        let tokenEnd = field.isQuoted ? field.end + 1 : field.end
        return PendingProblem(
            code: code, offset: tokenStart, length: tokenEnd - tokenStart,
            message: "expected \(format.expectation), found \(FoundText.quoted(content))", notes: notes)
    }

    /// The index of the first offset at or after `start` in an ascending list.
    static func firstIndex(in offsets: [Int], atOrAfter start: Int) -> Int {
        var low = 0, high = offsets.count
        while low < high {
            let mid = (low + high) / 2
            if offsets[mid] < start { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
