extension Column {
    /// The parts' rows one after another, in one pass however many parts there are (a chain of
    /// `append`s merges each dictionary once rather than at every step). Strings keep the largest
    /// part's dictionary, whose codes stay as they are; other dictionaries' values join it as rows
    /// use them, each looked up once per dictionary.
    public static func concatenating(_ parts: [Column]) -> Column {
        precondition(!parts.isEmpty, "nothing to concatenate")
        let type = parts[0].type
        precondition(parts.allSatisfy { $0.type == type }, "cannot concatenate columns of different types")
        if parts.count == 1 { return parts[0] }
        let total = parts.reduce(0) { $0 + $1.count }
        var validity: Bitmap? = nil
        if parts.contains(where: { $0.validity != nil }) {
            var bits = Bitmap(count: total, value: true)
            var offset = 0
            for part in parts {
                if let own = part.validity { for i in 0..<part.count where !own[i] { bits.clear(offset + i) } }
                offset += part.count
            }
            validity = bits
        }
        func joined<T>(_ arrays: [[T]]) -> [T] {
            var out: [T] = []
            out.reserveCapacity(total)
            for array in arrays { out.append(contentsOf: array) }
            return out
        }
        switch type {
        case .int: return Column(.int(joined(parts.map(\.int64s))), validity: validity)
        case .duration: return Column(.duration(joined(parts.map(\.int64s))), validity: validity)
        case .double: return Column(.double(joined(parts.map(\.doubles))), validity: validity)
        case .bool: return Column(.bool(joined(parts.map(\.bools))), validity: validity)
        case .date: return Column(.date(joined(parts.map(\.dates))), validity: validity)
        case .string: return Column(concatenatedStrings(parts, total: total), validity: validity)
        }
    }

    private static func concatenatedStrings(_ parts: [Column], total: Int) -> Storage {
        let strings = parts.map(\.stringCodes)
        let base = strings.indices.max { strings[$0].dictionary.count < strings[$1].dictionary.count }!
        let baseDictionary = strings[base].dictionary
        var merged = baseDictionary
        // Per other dictionary met: its codes' codes in `merged` once a row has used them (.max: not yet).
        var remaps: [(dictionary: StringDictionary, codes: [UInt32])] = []
        var codes: [UInt32] = []
        codes.reserveCapacity(total)
        for (part, column) in zip(strings, parts) {
            if part.dictionary == baseDictionary {
                codes.append(contentsOf: part.codes)
                continue
            }
            let index =
                remaps.firstIndex { $0.dictionary == part.dictionary }
                ?? {
                    remaps.append((part.dictionary, [UInt32](repeating: .max, count: part.dictionary.count)))
                    return remaps.count - 1
                }()
            for (row, code) in part.codes.enumerated() {
                // Codes under nulls mean nothing and may be outside the dictionary.
                guard !column.isNull(row), Int(code) < part.dictionary.count else { codes.append(0); continue }
                var mapped = remaps[index].codes[Int(code)]
                if mapped == .max {
                    mapped = merged.intern(part.dictionary.values[Int(code)])
                    remaps[index].codes[Int(code)] = mapped
                }
                codes.append(mapped)
            }
        }
        return .string(codes: codes, dictionary: merged)
    }
}
