/// The header row of a published statistics file, read before the file is parsed as a table.
///
/// Published files sometimes name a column twice (`annual_reviews.csv` has two
/// `review_meeting_prior_24` columns with the same values); the CSV reader rightly refuses such a
/// header, so the later copies are renamed `<name>_2`, `<name>_3`, ... and the header row rewritten.
struct DfEHeader {
    /// The column names as the file writes them.
    let names: [String]
    /// Where the header's text starts (after a byte order mark) and where its record ends (before the line break).
    private let start: Int
    private let end: Int

    /// The header of `bytes`, or nil when the file has no first record.
    init?(bytes: [UInt8]) {
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let textStart = hasByteOrderMark ? 3 : 0
        var names: [String] = []
        var end = 0
        let found = bytes.withUnsafeBufferPointer { buffer -> Bool in
            var scanner = CSVRecordScanner(buffer, position: textStart)
            guard scanner.nextRecord(startingBefore: buffer.count) else { return false }
            var scratch: [UInt8] = []
            for field in scanner.fields {
                names.append(scanner.withContent(of: field, scratch: &scratch) { String(decoding: $0, as: UTF8.self) })
            }
            end = scanner.recordEnd
            return true
        }
        guard found else { return nil }
        self.names = names
        self.start = textStart
        self.end = end
    }

    /// True when some column has no name: not a tidy table.
    var hasEmptyName: Bool { names.contains("") }

    /// The names with repeats renamed `<name>_2`, `<name>_3`, ... (skipping names already taken).
    var uniqueNames: [String] {
        var taken = Set(names)
        var seen: Set<String> = []
        return names.map { name in
            guard !seen.insert(name).inserted else { return name }
            var suffix = 2
            while taken.contains("\(name)_\(suffix)") { suffix += 1 }
            let renamed = "\(name)_\(suffix)"
            taken.insert(renamed)
            return renamed
        }
    }

    /// The file with its header row rewritten to `uniqueNames`, or the file itself when no name repeats.
    func withUniqueNames(_ bytes: [UInt8]) -> [UInt8] {
        let unique = uniqueNames
        guard unique != names else { return bytes }
        let header = unique.map(Self.quotedIfNeeded).joined(separator: ",")
        return Array(bytes[..<start]) + Array(header.utf8) + Array(bytes[end...])
    }

    /// A header field as CSV writes it: quoted when it holds a separator, a quote or a line break.
    private static func quotedIfNeeded(_ name: String) -> String {
        guard name.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return name
        }
        var quoted = "\""
        for character in name {
            if character == "\"" { quoted.append("\"") }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
