import SendQLCore

/// Joins the parts of one column, parsed chunk by chunk, into a single `Column`.
///
/// The result is the same as parsing the file in one piece: string dictionaries list values in order
/// of first appearance in the file; a code column's dictionary holds the codes that occur, in code
/// list order.
enum ColumnAssembler {
    static func assemble(_ parts: consuming [ColumnPart]) -> Column {
        var parts = consume parts
        precondition(!parts.isEmpty, "a column has at least one part")
        let format = parts[0].format
        let total = parts.reduce(0) { $0 + $1.count }
        let storage: Column.Storage
        // The parts own the memory their values are read from.
        defer { withExtendedLifetime(parts) {} }
        switch format {
        case .int: storage = .int(concatenated(parts.map(\.ints), total))
        case .double: storage = .double(concatenated(parts.map(\.doubles), total))
        case .bool: storage = .bool(concatenated(parts.map(\.bools), total))
        case .date: storage = .date(concatenated(parts.map(\.dates), total))
        case .string: storage = assembleStrings(&parts, total)
        case .code(let list): storage = assembleCodes(parts, list, total)
        }
        return Column(storage, validity: validity(parts, total))
    }

    private static func concatenated<Element>(_ buffers: [UnsafeBufferPointer<Element>], _ total: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: total) { result, initialized in
            for buffer in buffers {
                _ = UnsafeMutableBufferPointer(rebasing: result[initialized...]).initialize(fromContentsOf: buffer)
                initialized += buffer.count
            }
        }
    }

    /// Re-codes later parts' strings against the values before them, in first-appearance order.
    ///
    /// A later part's distinct values are looked up in each earlier part's interner (no interner
    /// grows, no string is hashed twice); the ones found nowhere are new and take the next codes.
    ///
    /// A reference column coded against its key column's dictionary (`ColumnPart.lookup`) keeps that
    /// dictionary, shared, with any values not found in it (dangling references) after its entries.
    private static func assembleStrings(_ parts: inout [ColumnPart], _ total: Int) -> Column.Storage {
        let lookup = parts[0].lookup
        let base = lookup?.count ?? 0
        if let lookup, parts.allSatisfy({ $0.interner.count == 0 }) {
            return .string(codes: concatenated(parts.map(\.codes), total), dictionary: StringDictionary(lookup.values))
        }
        // Parts each ascending, and each after the one before: all distinct, so the values follow on.
        var ascending = parts.allSatisfy(\.interner.isAscending)
        var previousLast: String?
        for part in parts where ascending && part.interner.count > 0 {
            if let previousLast,
                !ByteStringInterner.withBytes(
                    of: previousLast,
                    { x in
                        ByteStringInterner.withBytes(of: part.interner.first!) { y in ByteStringInterner.less(x, y) }
                    })
            {
                ascending = false
            }
            previousLast = part.interner.last
        }
        if ascending {
            var values: [String] = []
            values.reserveCapacity(base + parts.reduce(0) { $0 + $1.interner.count })
            if let lookup { values.append(contentsOf: lookup.values) }
            var codes: [UInt32] = []
            codes.reserveCapacity(total)
            for part in parts {
                let offset = UInt32(values.count - base), own = part.interner.count
                values.append(contentsOf: part.interner.values)
                // Codes past the interner's (none but under a null) read 0.
                codes.append(
                    contentsOf: part.codes.map { code in
                        Int(code) < base ? code : Int(code) - base < own ? code + offset : 0
                    })
            }
            return .string(codes: codes, dictionary: StringDictionary(values))
        }
        // Earlier parts are looked up: they need their tables.
        for index in parts.indices { parts[index].buildInternerTable() }
        // Per part: its interner's codes in the merged numbering (part 0's are its own).
        var merged: [[Int32]] = [(0..<Int32(parts[0].interner.count)).map { $0 }]
        var distinct = parts[0].interner.count
        for (index, part) in parts.enumerated().dropFirst() {
            var recode = [Int32](repeating: -1, count: part.interner.count)
            for earlier in 0..<index {
                let found = parts[earlier].interner.codes(of: part.interner)
                for code in recode.indices where recode[code] < 0 && found[code] >= 0 {
                    recode[code] = merged[earlier][Int(found[code])]
                }
            }
            for code in recode.indices where recode[code] < 0 {
                recode[code] = Int32(distinct)
                distinct += 1
            }
            merged.append(recode)
        }
        // The lookup tables are done with: give them back before the merged arrays are made.
        for index in parts.indices { parts[index].dropInternerIndex() }
        // Sized exactly: a column of millions of identifiers should not keep doubling slack.
        var values: [String] = []
        values.reserveCapacity(base + distinct)
        if let lookup { values.append(contentsOf: lookup.values) }
        var codes: [UInt32] = []
        codes.reserveCapacity(total)
        for (part, recode) in zip(parts, merged) {
            for (code, value) in part.interner.values.enumerated() where recode[code] == Int32(values.count - base) {
                values.append(value)
            }
            codes.append(
                contentsOf: part.codes.map { code in
                    if Int(code) < base { return code }
                    // Past the interner's codes (only under a null, in a part with no value): 0.
                    return Int(code) - base < recode.count ? UInt32(base) + UInt32(recode[Int(code) - base]) : 0
                })
        }
        return .string(codes: codes, dictionary: StringDictionary(values))
    }

    /// Keeps only the codes that occur, so the dictionary lists exactly the column's distinct values.
    private static func assembleCodes(_ parts: [ColumnPart], _ list: CodeList, _ total: Int) -> Column.Storage {
        var used = [Bool](repeating: false, count: list.values.count)
        for part in parts {
            for row in 0..<part.count where !part.isNull(row) { used[Int(part.codes[row])] = true }
        }
        var recode = [UInt32](repeating: 0, count: list.values.count)
        var values: [String] = []
        for (index, value) in list.values.enumerated() where used[index] {
            recode[index] = UInt32(values.count)
            values.append(value)
        }
        var codes: [UInt32] = []
        codes.reserveCapacity(total)
        for part in parts {
            for row in 0..<part.count {
                codes.append(part.isNull(row) ? 0 : recode[Int(part.codes[row])])
            }
        }
        return .string(codes: codes, dictionary: StringDictionary(values))
    }

    private static func validity(_ parts: [ColumnPart], _ total: Int) -> Bitmap? {
        guard parts.contains(where: { $0.nullCount > 0 }) else { return nil }
        var bitmap = Bitmap(count: total, value: true)
        var base = 0
        for part in parts {
            for (wordIndex, word) in part.nullWords.enumerated() {
                var remaining = word
                while remaining != 0 {
                    bitmap.clear(base + wordIndex * 64 + remaining.trailingZeroBitCount)
                    remaining &= remaining - 1
                }
            }
            base += part.count
        }
        return bitmap
    }
}

extension ColumnPart {
    @inline(__always) func isNull(_ row: Int) -> Bool {
        nullWords[row >> 6] & (1 << UInt64(row & 63)) != 0
    }
}
