extension Column {
    /// Row i of the result is row i of `sources[choice[i]]`, or null where the choice is negative or
    /// that row is null: what `if`/`case` and `??` compute, typed buffer by typed buffer rather than a
    /// boxed value per row. Every source must be of `type`. Strings are coded into one dictionary
    /// (the sources' own when they share one), interning only the values some row takes.
    static func picking(_ choice: [Int32], from sources: [Column], type: DataType) -> Column {
        precondition(sources.allSatisfy { $0.type == type }, "picking needs sources of one type")
        let rows = choice.count
        var validity = Bitmap(count: rows, value: true)
        var nulls = 0
        for row in 0..<rows {
            let source = Int(choice[row])
            if source < 0 || sources[source].isNull(row) {
                validity.clear(row)
                nulls += 1
            }
        }
        func gather<T>(_ arrays: [[T]], zero: T) -> [T] {
            var out = [T](repeating: zero, count: rows)
            for row in 0..<rows {
                let source = Int(choice[row])
                if source >= 0 { out[row] = arrays[source][row] }
            }
            return out
        }
        let storage: Storage
        switch type {
        case .int: storage = .int(gather(sources.map(\.int64s), zero: 0))
        case .duration: storage = .duration(gather(sources.map(\.int64s), zero: 0))
        case .double: storage = .double(gather(sources.map(\.doubles), zero: 0))
        case .bool: storage = .bool(gather(sources.map(\.bools), zero: false))
        case .date: storage = .date(gather(sources.map(\.dates), zero: 0))
        case .string: storage = pickStrings(choice, from: sources.map(\.stringCodes), validity: validity)
        }
        return Column(storage, validity: nulls == 0 ? nil : validity)
    }

    private static func pickStrings(
        _ choice: [Int32], from sources: [(codes: [UInt32], dictionary: StringDictionary)], validity: Bitmap
    ) -> Storage {
        let rows = choice.count
        var out = [UInt32](repeating: 0, count: rows)
        guard let base = sources.indices.max(by: { sources[$0].dictionary.count < sources[$1].dictionary.count }) else {
            return .string(codes: out, dictionary: StringDictionary())
        }
        // The largest dictionary is kept (`if c then subject_id else null` keeps subject_id's); sources
        // sharing it keep their codes, the others' values join it as rows use them.
        let baseDictionary = sources[base].dictionary
        let sharesBase = sources.map { $0.dictionary == baseDictionary }
        var merged = baseDictionary
        // Per source, each of its codes' code in `merged` once some row has used it (.max: not yet).
        var remaps = sources.indices.map {
            sharesBase[$0] ? [] : [UInt32](repeating: .max, count: sources[$0].dictionary.count)
        }
        for row in 0..<rows where validity[row] {
            let source = Int(choice[row])
            let code = sources[source].codes[row]
            if sharesBase[source] {
                out[row] = code
                continue
            }
            var mapped = remaps[source][Int(code)]
            if mapped == .max {
                mapped = merged.intern(sources[source].dictionary.values[Int(code)])
                remaps[source][Int(code)] = mapped
            }
            out[row] = mapped
        }
        return .string(codes: out, dictionary: merged)
    }
}
