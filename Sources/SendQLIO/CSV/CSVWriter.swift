import SendQLCore

/// Writes RFC 4180 CSV: fields separated by commas, a field quoted when it holds a comma, a double
/// quote, CR or LF (with quotes doubled inside), rows ended by LF.
///
/// Fields are formatted straight into a byte buffer (integers, ISO dates and zero-padded
/// identifiers without making a `String`), which is handed to the sink whenever it fills, so
/// millions of rows cost little more than the bytes themselves. Call `finish()` (or `flush()`)
/// at the end: bytes still buffered are not in the sink until then.
public final class CSVWriter {
    /// Where the bytes go.
    public let sink: any ByteSink
    /// Rows ended with `endRow()` so far, the header included.
    public private(set) var rowsWritten = 0
    /// Bytes produced so far, whether or not they have reached the sink.
    public var bytesWritten: Int { bytesFlushed + count }

    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var bytesFlushed = 0
    private var atRowStart = true
    /// Flush once the buffer is this full, at the end of a row, so rows never straddle two writes
    /// unless one row is larger than the buffer.
    private let flushThreshold: Int
    /// Held here so the hot path does not pay for the static's lazy initialisation check.
    private let isoDates = ISODateTable.bytes

    /// A writer with a buffer of `bufferCapacity` bytes (grown when a single row needs more).
    public init(sink: any ByteSink, bufferCapacity: Int = 1 << 20) {
        self.sink = sink
        capacity = max(bufferCapacity, 16)
        flushThreshold = capacity * 3 / 4
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// Writes one row of column names.
    public func writeHeader(_ columns: [String]) throws {
        for column in columns { writeField(column) }
        try endRow()
    }

    /// Ends the current row with LF, flushing to the sink when the buffer is mostly full.
    public func endRow() throws {
        reserve(1)
        buffer[count] = UInt8(ascii: "\n")
        count += 1
        atRowStart = true
        rowsWritten += 1
        if count >= flushThreshold { try flush() }
    }

    /// Hands every buffered byte to the sink.
    public func flush() throws {
        guard count > 0 else { return }
        try sink.write(UnsafeRawBufferPointer(start: buffer, count: count))
        bytesFlushed += count
        count = 0
    }

    /// Flushes; a row left unfinished is a programming error.
    public func finish() throws {
        precondition(atRowStart, "CSVWriter.finish() in the middle of a row")
        try flush()
    }

    // MARK: Fields

    /// A text field, quoted when it needs to be.
    public func writeField(_ text: String) {
        let handled: Void? = text.utf8.withContiguousStorageIfAvailable { writeText($0) }
        if handled == nil { Array(text.utf8).withUnsafeBufferPointer { writeText($0) } }
    }

    /// A text field from a literal (codes, constant strings), quoted when it needs to be.
    public func writeField(_ text: StaticString) {
        text.withUTF8Buffer { writeText($0) }
    }

    /// A decimal integer.
    public func writeField(_ value: Int) {
        startField()
        reserve(20)
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // scratch space for up to 24 digits
        let length = withUnsafeMutableBytes(of: &digits) { scratch -> Int in
            var position = scratch.count
            repeat {
                position -= 1
                scratch[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                position -= 1
                scratch[position] = UInt8(ascii: "-")
            }
            let length = scratch.count - position
            (buffer + count).update(
                from: scratch.baseAddress!.assumingMemoryBound(to: UInt8.self) + position, count: length)
            return length
        }
        count += length
    }

    /// `true` or `false`.
    public func writeField(_ value: Bool) {
        writeField(value ? "true" : "false" as StaticString)
    }

    /// An ISO date `YYYY-MM-DD` from a day number (days since 1970-01-01).
    public func writeDate(_ day: Int32) {
        guard day >= ISODateTable.firstDay && day <= ISODateTable.lastDay else {
            return writeField(CivilDate(dayNumber: day).iso)
        }
        startField()
        reserve(10)
        isoDates.withUnsafeBufferPointer { table in
            (buffer + count).update(from: table.baseAddress! + Int(day - ISODateTable.firstDay) * 10, count: 10)
        }
        count += 10
    }

    /// An identifier such as `REQ-000042`: the prefix, then the number zero-padded to at least
    /// `digits` digits, so that identifiers sort in number order up to that width.
    public func writeIdentifier(prefix: StaticString, number: Int, digits: Int) {
        precondition(number >= 0, "identifiers are numbered from zero up")
        startField()
        var width = 1
        var limit = 10
        while number >= limit && width < 19 { width += 1; limit = limit &* 10 }
        width = max(width, digits)
        reserve(prefix.utf8CodeUnitCount + width)
        (buffer + count).update(from: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        count += prefix.utf8CodeUnitCount
        writeDigits(number, width: width)
    }

    /// An empty field, which the data contract reads as null.
    public func writeNull() {
        startField()
    }

    /// A text field, or an empty one for nil.
    public func writeField(_ text: String?) {
        if let text { writeField(text) } else { writeNull() }
    }

    /// A decimal integer, or an empty field for nil.
    public func writeField(_ value: Int?) {
        if let value { writeField(value) } else { writeNull() }
    }

    /// `true`/`false`, or an empty field for nil.
    public func writeField(_ value: Bool?) {
        if let value { writeField(value) } else { writeNull() }
    }

    /// An ISO date, or an empty field for nil.
    public func writeDate(_ day: Int32?) {
        if let day { writeDate(day) } else { writeNull() }
    }

    // MARK: Bytes

    private func startField() {
        if atRowStart {
            atRowStart = false
        } else {
            reserve(1)
            buffer[count] = UInt8(ascii: ",")
            count += 1
        }
    }

    private func writeText(_ text: UnsafeBufferPointer<UInt8>) {
        startField()
        let needsQuotes = text.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        }
        guard needsQuotes else {
            reserve(text.count)
            if let base = text.baseAddress { (buffer + count).update(from: base, count: text.count) }
            count += text.count
            return
        }
        // Worst case: every byte a quote, doubled, plus the two enclosing quotes.
        reserve(text.count * 2 + 2)
        buffer[count] = UInt8(ascii: "\"")
        count += 1
        for byte in text {
            buffer[count] = byte
            count += 1
            if byte == UInt8(ascii: "\"") {
                buffer[count] = byte
                count += 1
            }
        }
        buffer[count] = UInt8(ascii: "\"")
        count += 1
    }

    /// Writes a non-negative number in exactly `width` digits (the caller reserved the space).
    private func writeDigits(_ value: Int, width: Int) {
        var remaining = value
        var position = count + width
        while position > count {
            position -= 1
            buffer[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        count += width
    }

    /// Makes room for `extra` more bytes in the buffer, growing it when one row outgrows it.
    @inline(__always)
    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        grow(toFit: extra)
    }

    private func grow(toFit extra: Int) {
        let newCapacity = max(capacity * 2, count + extra)
        let newBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBuffer.update(from: buffer, count: count)
        buffer.deallocate()
        buffer = newBuffer
        capacity = newCapacity
    }
}
