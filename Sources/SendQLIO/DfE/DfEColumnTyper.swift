import SendQLCore

/// Turns a text column of a published statistics file into a number column and its symbol column.
///
/// A column is numeric when every non-blank cell is a number or one of `symbols`: it becomes int when
/// every number is written as a whole number, else double. A symbol cell is null in the number column
/// and holds the symbol in the companion column, which is null everywhere else; a blank cell is null
/// in both. A column with any other text, or with nothing in it at all, stays text. Each distinct
/// value is parsed once, through the column's dictionary.
struct DfEColumnTyper {
    /// The texts that stand for a missing number in this file.
    let symbols: Set<String>

    /// A number column and its symbol companion.
    struct Typed {
        var values: Column
        var symbols: Column
    }

    /// One distinct cell text, classified.
    private enum Entry {
        case unused
        case int(Int64)
        case double(Double)
        case symbol(UInt32)
    }

    /// The typed columns, or nil when the column holds text (or no values at all).
    func typed(_ column: Column) -> Typed? {
        guard case .string(let codes, let dictionary) = column.storage else { return nil }
        var entries = [Entry](repeating: .unused, count: dictionary.count)
        var used = [Bool](repeating: false, count: dictionary.count)
        for row in codes.indices where !column.isNull(row) { used[Int(codes[row])] = true }
        var symbolDictionary = StringDictionary()
        var sawValue = false
        var allWhole = true
        for code in entries.indices where used[code] {
            sawValue = true
            let text = dictionary[UInt32(code)]
            if symbols.contains(text) {
                entries[code] = .symbol(symbolDictionary.intern(text))
            } else if let number = Self.number(text) {
                entries[code] = number
                if case .double = number { allWhole = false }
            } else {
                return nil
            }
        }
        guard sawValue else { return nil }
        return build(codes: codes, validity: column.validity, entries: entries, allWhole: allWhole,
                     symbolDictionary: symbolDictionary)
    }

    private func build(
        codes: [UInt32], validity: Bitmap?, entries: [Entry], allWhole: Bool, symbolDictionary: StringDictionary
    ) -> Typed {
        let count = codes.count
        var present = Bitmap(count: count, value: false)
        var isSymbol = Bitmap(count: count, value: false)
        var ints = allWhole ? [Int64](repeating: 0, count: count) : []
        var doubles = allWhole ? [] : [Double](repeating: 0, count: count)
        var symbolCodes = [UInt32](repeating: 0, count: count)
        for row in 0..<count where validity?[row] ?? true {
            switch entries[Int(codes[row])] {
            case .unused: break
            case .int(let value):
                present.set(row)
                if allWhole { ints[row] = value } else { doubles[row] = Double(value) }
            case .double(let value):
                present.set(row)
                doubles[row] = value
            case .symbol(let code):
                isSymbol.set(row)
                symbolCodes[row] = code
            }
        }
        let values = Column(allWhole ? .int(ints) : .double(doubles), validity: present)
        let symbols = symbolDictionary.count == 0
            ? Column.nulls(.string, count: count)
            : Column(.string(codes: symbolCodes, dictionary: symbolDictionary), validity: isSymbol)
        return Typed(values: values, symbols: symbols)
    }

    /// An int or a double, as the CSV reader's inference reads them; nil for anything else, including
    /// a whole number with a leading zero (`007` is an identifier).
    private static func number(_ text: String) -> Entry? {
        var text = text
        return text.withUTF8 { bytes -> Entry? in
            if FieldParsers.hasLeadingZero(bytes) { return nil }
            if let value = FieldParsers.parseInt(bytes) { return .int(value) }
            if let value = FieldParsers.parseDouble(bytes) { return .double(value) }
            return nil
        }
    }
}
