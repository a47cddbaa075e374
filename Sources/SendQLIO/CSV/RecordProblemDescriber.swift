/// Words the structural problems of a record: broken quoting, bad bytes, a wrong number of fields.
struct RecordProblemDescriber {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The reader's limit, for the message about a field that passes it.
    var maximumFieldBytes = CSVReader.defaultMaximumFieldBytes

    func structural(_ problem: RecordProblem) -> PendingProblem {
        switch problem.code {
        case .unterminatedQuote:
            return PendingProblem(
                code: .unterminatedQuote, offset: problem.offset, length: 1,
                message: "unterminated quoted field: no closing '\"' before the end of the file",
                notes: ["a '\"' inside a quoted field must be doubled (\"\")"])
        case .quoteInUnquotedField:
            return PendingProblem(
                code: .quoteInUnquotedField, offset: problem.offset, length: 1,
                message: "'\"' inside an unquoted field",
                notes: ["a field holding '\"' must be quoted whole, with each '\"' in it doubled"])
        case .fieldTooLong:
            return PendingProblem(
                code: .fieldTooLong, offset: problem.offset, length: 1,
                message:
                    "field of \(problem.fieldLength) bytes is longer than the maximum of \(maximumFieldBytes) bytes",
                notes: [
                    "a field this long is usually a quote left open far above, or not a CSV file at all",
                    "to read longer fields, set SENDQL_MAX_FIELD_BYTES to a number of bytes (docs/reliability.md)",
                ])
        default:
            var end = problem.offset
            while end < bytes.count, bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: "\n"),
                bytes[end] != UInt8(ascii: "\r")
            { end += 1 }
            let found = UnsafeBufferPointer(rebasing: bytes[problem.offset..<end])
            return PendingProblem(
                code: .textAfterClosingQuote, offset: problem.offset, length: end - problem.offset,
                message: "expected ',' or a line break after a closing quote, found \(FoundText.quoted(found))")
        }
    }

    func badByte(at offset: Int) -> PendingProblem {
        if bytes[offset] == 0 {
            return PendingProblem(
                code: .nulByte, offset: offset, length: 1, message: "NUL byte in the data",
                notes: ["a text export never holds NUL bytes: is this a binary file?"])
        }
        let hex = String(bytes[offset], radix: 16, uppercase: true)
        return PendingProblem(
            code: .invalidUTF8, offset: offset, length: 1,
            message: "invalid UTF-8 byte 0x\(hex.count == 1 ? "0" + hex : hex)",
            notes: ["save the file as UTF-8 (spreadsheets call it \"CSV UTF-8\")"])
    }

    func fieldCount(_ scanner: CSVRecordScanner, expected: Int) -> PendingProblem {
        let found = scanner.fieldCount
        let message = "expected \(expected) \(expected == 1 ? "field" : "fields"), found \(found)"
        if found > expected {
            let extra = scanner.fields[expected]
            // At least the character there, unless the extra field is empty at the very end of the file.
            let length = min(max(1, scanner.recordEnd - extra.tokenStart), bytes.count - extra.tokenStart)
            return PendingProblem(code: .fieldCount, offset: extra.tokenStart, length: length, message: message)
        }
        return PendingProblem(code: .fieldCount, offset: scanner.recordEnd, length: 0, message: message)
    }
}
