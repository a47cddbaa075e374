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
        self.dictionary = dictionary
        var rowOfCode = [Int32](repeating: -1, count: dictionary.count)
        for row in codes.indices where !removed[row] && !column.isNull(row) && rowOfCode[Int(codes[row])] < 0 {
            rowOfCode[Int(codes[row])] = Int32(row)
        }
        self.rowOfCode = rowOfCode
    }

    /// The kept row whose key is `key`, or nil.
    func row(of key: String) -> Int? {
        guard let code = dictionary.code(of: key) else { return nil }
        let row = rowOfCode[Int(code)]
        return row < 0 ? nil : Int(row)
    }

    /// For each value of a referring column's dictionary, the kept row holding it as key, or -1.
    /// One lookup per distinct value, so a column of a million references costs a few thousand.
    func rows(for values: StringDictionary) -> [Int32] {
        values.values.map { value in
            guard let code = dictionary.code(of: value) else { return -1 }
            return rowOfCode[Int(code)]
        }
    }
}
