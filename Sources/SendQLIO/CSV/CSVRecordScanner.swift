#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where one field's text lies in the file.
struct FieldSpan {
    /// First byte of the content (after the opening quote when quoted).
    var start: Int
    /// One past the content's last byte (before the closing quote when quoted).
    var end: Int
    var isQuoted: Bool
    /// The content holds doubled quotes that must be undone before use.
    var hasEscapedQuotes: Bool

    /// Where the field begins in the file: its opening quote when quoted.
    var tokenStart: Int { isQuoted ? start - 1 : start }
}

/// The first structural problem of a record: its kind and the byte it was found at.
struct RecordProblem {
    var code: DataErrorCode
    var offset: Int
    /// The length of the field, for a field that is too long.
    var fieldLength = 0
}

/// Splits RFC 4180 text into records and fields, one record at a time, reusing its buffers.
///
/// Quoted fields may hold separators, doubled quotes and line breaks; a record ends at LF or CRLF
/// outside quotes, or at the end of the file. Blank lines (nothing between two line breaks) are not
/// records. A record with a structural problem is still delimited, so a lenient reader can set it
/// aside and carry on from the next record.
struct CSVRecordScanner {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    /// Fields longer than this many bytes are a problem (`fieldTooLong`).
    private let maximumFieldBytes: Int
    /// The next byte to scan: the start of the next record (or of blank lines before it).
    private(set) var position: Int

    /// The current record's fields (at most `storedFieldLimit` of them), valid until the next record.
    var fields: UnsafeBufferPointer<FieldSpan> {
        UnsafeBufferPointer(start: fieldStore.spans, count: min(fieldCount, storedFieldLimit))
    }
    private var fieldStore: FieldSpanStore
    /// How many fields the current record has, stored or not.
    private(set) var fieldCount = 0
    /// The most fields kept per record: a reader that knows the header's width needs no more than
    /// one past it, and a line of a million commas then costs no memory.
    private let storedFieldLimit: Int
    /// The current record's first byte.
    private(set) var recordStart = 0
    /// One past the current record's last byte, excluding its line break.
    private(set) var recordEnd = 0
    /// The first structural problem of the current record, if any.
    private(set) var problem: RecordProblem?

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// A scanner over `bytes`, starting at `position` (which must be a record start).
    init(
        _ bytes: UnsafeBufferPointer<UInt8>, position: Int, maximumFieldBytes: Int = .max, storedFieldLimit: Int = .max
    ) {
        // An empty buffer still needs a pointer; position == count then ends scanning at once.
        base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        count = bytes.count
        self.maximumFieldBytes = maximumFieldBytes
        self.storedFieldLimit = storedFieldLimit
        self.position = position
        fieldStore = FieldSpanStore(capacity: min(32, max(storedFieldLimit, 1)))
    }

    /// Reads the next record starting before `limit`; false when there is none.
    mutating func nextRecord(startingBefore limit: Int) -> Bool {
        skipBlankLines()
        guard position < limit, position < count else { return false }
        fieldCount = 0
        problem = nil
        recordStart = position
        var index = position
        while true {
            if index < count, base[index] == Self.quote {
                index = scanQuotedField(from: index)
            } else {
                index = scanUnquotedField(from: index)
            }
            // index is now at the separator, the line break or the end of the file.
            if index >= count {
                recordEnd = count
                position = count
                return true
            }
            let byte = base[index]
            if byte == Self.comma {
                index += 1
                continue
            }
            recordEnd = index
            position = byte == Self.carriageReturn ? index + 2 : index + 1
            return true
        }
    }

    /// Skips lines with nothing on them.
    mutating func skipBlankLines() {
        while position < count {
            if base[position] == Self.newline {
                position += 1
            } else if base[position] == Self.carriageReturn, position + 1 < count, base[position + 1] == Self.newline {
                position += 2
            } else {
                return
            }
        }
    }

    /// True when `index` starts a line break (LF, or CR followed by LF).
    @inline(__always) private func isLineBreak(_ index: Int) -> Bool {
        let byte = base[index]
        return byte == Self.newline
            || (byte == Self.carriageReturn && index + 1 < count && base[index + 1] == Self.newline)
    }

    @inline(__always) private mutating func record(_ code: DataErrorCode, at offset: Int) {
        if problem == nil { problem = RecordProblem(code: code, offset: offset) }
    }

    /// Scans an unquoted field from `start`; returns the index of the byte that ends it.
    private mutating func scanUnquotedField(from start: Int) -> Int {
        var index = start
        while index < count {
            // Eight bytes at a time past plain text: bytes from '-' (0x2D) to 0x7F need no look.
            // A byte below 0x2D borrows into its own high bit, a byte from 0x80 has it set; the
            // lowest flagged byte is the first that needs a look (borrows only run upwards).
            if index + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let flagged = ((word &- 0x2D2D_2D2D_2D2D_2D2D) | word) & 0x8080_8080_8080_8080
                if flagged == 0 { index += 8; continue }
                index += flagged.trailingZeroBitCount >> 3
            }
            let byte = base[index]
            // One comparison rejects most text bytes: every delimiter is below '-' (0x2D).
            if byte > Self.comma { index += 1; continue }
            if byte == Self.comma { break }
            if byte == Self.newline { break }
            if byte == Self.carriageReturn, index + 1 < count, base[index + 1] == Self.newline { break }
            if byte == Self.quote { record(.quoteInUnquotedField, at: index) }
            index += 1
        }
        store(FieldSpan(start: start, end: index, isQuoted: false, hasEscapedQuotes: false))
        return index
    }

    /// Keeps a field (while under the limit), and records one longer than the maximum.
    @inline(__always) private mutating func store(_ field: FieldSpan) {
        if fieldCount < storedFieldLimit {
            if fieldCount == fieldStore.capacity { fieldStore = fieldStore.grown(keeping: fieldCount) }
            fieldStore.spans[fieldCount] = field
        }
        fieldCount += 1
        if field.end - field.start > maximumFieldBytes, problem == nil {
            problem = RecordProblem(code: .fieldTooLong, offset: field.tokenStart, fieldLength: field.end - field.start)
        }
    }

    /// Scans a quoted field whose opening quote is at `opening`; returns the index of the byte after
    /// it (and after any stray text up to the next separator).
    private mutating func scanQuotedField(from opening: Int) -> Int {
        var index = opening + 1
        var escaped = false
        while true {
            guard index < count,
                let found = memchr(base + index, Int32(Self.quote), count - index)
            else {
                // No closing quote: the field runs to the end of the file.
                record(.unterminatedQuote, at: opening)
                store(FieldSpan(start: opening + 1, end: count, isQuoted: true, hasEscapedQuotes: escaped))
                return count
            }
            let quoteIndex = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            if quoteIndex + 1 < count, base[quoteIndex + 1] == Self.quote {
                escaped = true
                index = quoteIndex + 2
                continue
            }
            store(FieldSpan(start: opening + 1, end: quoteIndex, isQuoted: true, hasEscapedQuotes: escaped))
            index = quoteIndex + 1
            break
        }
        // After the closing quote only a separator or a line break may follow.
        if index < count, base[index] != Self.comma, !isLineBreak(index) {
            record(.textAfterClosingQuote, at: index)
            while index < count, base[index] != Self.comma, !isLineBreak(index) { index += 1 }
        }
        return index
    }

    /// The field's content with doubled quotes undone, written into `buffer` when it needs rewriting.
    /// Calls `body` with the bytes to read.
    func withContent<Result>(
        of field: FieldSpan, scratch buffer: inout [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        Self.withContent(of: field, in: base, scratch: &buffer, body)
    }

    /// `withContent` for a field of the text at `base`, for callers that should not copy the scanner.
    @inline(__always)
    static func withContent<Result>(
        of field: FieldSpan, in base: UnsafePointer<UInt8>, scratch buffer: inout [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        if !field.hasEscapedQuotes {
            return body(UnsafeBufferPointer(start: base + field.start, count: field.end - field.start))
        }
        buffer.removeAll(keepingCapacity: true)
        var index = field.start
        while index < field.end {
            let byte = base[index]
            buffer.append(byte)
            // A doubled quote stands for one.
            index += byte == quote ? 2 : 1
        }
        return buffer.withUnsafeBufferPointer(body)
    }
}
