import SendQLCore

/// Finds the row holding a key value among a table's kept rows, by the key column's dictionary code.
struct KeyIndex {
    private let dictionary: StringDictionary
    /// Dictionary code -> row, or -1 when no kept row holds it.
    private let rowOfCode: [Int32]

    /// Indexes `column` (a string key column) over the rows not marked removed.
    init(column: Column, removed: [Bool]) {
        guard case .string(let codes, let dictionary) = column.storage else {
            preconditionFailure("a key column is a string column")
        }
        keyDictionary = dictionary
        var prepared = dictionary
        prepared.prepareLookups()
        self.dictionary = prepared
        var rowOfCode = [Int32](repeating: -1, count: dictionary.count)
        for row in codes.indices where !removed[row] && !column.isNull(row) && rowOfCode[Int(codes[row])] < 0 {
            rowOfCode[Int(codes[row])] = Int32(row)
        }
        self.rowOfCode = rowOfCode
    }

    /// The key column's dictionary with its lookup index, for reading references against.
    var lookupDictionary: StringDictionary { dictionary }

    /// The key column's dictionary as loaded (without the lookup index this keeps for itself).
    let keyDictionary: StringDictionary

    /// For each code of a referencing column's dictionary, the kept row holding that key, or -1.
    func rows(for references: StringDictionary) -> [Int32] {
        rows(forKeyCodes: keyCodes(for: references))
    }

    /// For each code of a referencing column's dictionary, the code of the same key in the key
    /// column's dictionary, or -1.
    ///
    /// One pass over both dictionaries, so checking a column of millions of references costs a hash
    /// per distinct value rather than a lookup per row.
    func keyCodes(for references: StringDictionary) -> [Int32] {
        // Two halves side by side: the lookups are independent and bound by memory latency.
        let count = references.count, half = count >= 1 << 16 ? count / 2 : count
        return ParallelMap.map(half < count ? 2 : 1) { part in
            references.codes(in: dictionary, forCodes: part == 0 ? 0..<half : half..<count)
        }.flatMap { $0 }
    }

    /// The kept row for each key code (-1: none, or no key).
    func rows(forKeyCodes codes: [Int32]) -> [Int32] {
        codes.map { $0 < 0 ? -1 : rowOfCode[Int($0)] }
    }

    /// The kept row of every key code, by the key dictionary's codes.
    var rowsByKeyCode: [Int32] { rowOfCode }
}
