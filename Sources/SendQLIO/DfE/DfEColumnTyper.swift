import SendQLCore

/// Turns a text column of a published statistics file into a number column and its symbol column.
///
/// A column is numeric when every non-blank cell is a number or one of `symbols`: it becomes int when
/// every number is written as a whole number, else double. A symbol cell is null in the number column
/// and holds the symbol in the companion column, which is null everywhere else; a blank cell is null
/// in both. A column of numbers with a few texts that look like suppression markers the publisher
/// did not list (`[c]`, `N/A`, `*`: no digit, at most five characters, at most three of them) is
/// numeric too, the markers kept as symbols, and the outcome names the first cell of each so that the
/// loader can say so. Any other text, or a column with nothing in it at all, leaves the column as
/// text. Each distinct value is parsed once, through the column's dictionary.
struct DfEColumnTyper {
    /// The texts that stand for a missing number in this file.
    let symbols: Set<String>

    /// The most distinct unlisted markers a numeric column may hold.
    static let maximumUnlistedMarkers = 3
    /// The longest text read as an unlisted marker.
    static let maximumMarkerLength = 5

    /// A cell, by its row, and the text in it.
    struct Cell: Equatable {
        var row: Int
        var text: String
    }

    /// A number column and its symbol companion.
    struct Typed {
        var values: Column
        var symbols: Column
        /// The first cell of each marker read as a symbol although `symbols` does not list it.
        var unlistedMarkers: [Cell] = []
    }

    /// What the column became.
    enum Outcome {
        case numeric(Typed)
        /// Text; `firstOddCell` is the first cell that kept a column holding numbers from being numeric.
        case text(firstOddCell: Cell?)
    }

    /// One distinct cell text, classified.
    private enum Entry {
        case unused
        case int(Int64)
        case double(Double)
        case symbol(UInt32)
        case other
    }

    /// The typed columns, or nil when the column holds text (or no values at all).
    func typed(_ column: Column) -> Typed? {
        if case .numeric(let typed) = outcome(column) { return typed }
        return nil
    }

    /// What the column becomes, and why when a column of numbers stays text.
    func outcome(_ column: Column) -> Outcome {
        guard case .string(let codes, let dictionary) = column.storage else { return .text(firstOddCell: nil) }
        var entries = [Entry](repeating: .unused, count: dictionary.count)
        var used = [Bool](repeating: false, count: dictionary.count)
        for row in codes.indices where !column.isNull(row) { used[Int(codes[row])] = true }
        var symbolDictionary = StringDictionary()
        var sawNumber = false
        var allWhole = true
        var others: [Int] = []
        for code in entries.indices where used[code] {
            let text = dictionary[UInt32(code)]
            if symbols.contains(text) {
                entries[code] = .symbol(symbolDictionary.intern(text))
            } else if let number = Self.number(text) {
                entries[code] = number
                sawNumber = true
                if case .double = number { allWhole = false }
            } else {
                entries[code] = .other
                others.append(code)
            }
        }
        guard sawNumber else {
            return others.isEmpty && symbolDictionary.count > 0
                ? .numeric(
                    build(
                        codes: codes, validity: column.validity, entries: entries, allWhole: true,
                        symbolDictionary: symbolDictionary))
                : .text(firstOddCell: nil)
        }
        let markers =
            others.count <= Self.maximumUnlistedMarkers
            && others.allSatisfy { Self.looksLikeMarker(dictionary[UInt32($0)]) }
        guard others.isEmpty || markers else {
            return .text(
                firstOddCell: firstCells(of: Set(others), codes: codes, column: column, dictionary: dictionary).first)
        }
        for code in others { entries[code] = .symbol(symbolDictionary.intern(dictionary[UInt32(code)])) }
        var typed = build(
            codes: codes, validity: column.validity, entries: entries, allWhole: allWhole,
            symbolDictionary: symbolDictionary)
        typed.unlistedMarkers = firstCells(of: Set(others), codes: codes, column: column, dictionary: dictionary)
        return .numeric(typed)
    }

    /// The first row holding each of `wanted`, in row order.
    private func firstCells(
        of wanted: Set<Int>, codes: [UInt32], column: Column, dictionary: StringDictionary
    ) -> [Cell] {
        var remaining = wanted
        var cells: [Cell] = []
        for row in codes.indices where !remaining.isEmpty && !column.isNull(row) {
            let code = Int(codes[row])
            if remaining.remove(code) != nil { cells.append(Cell(row: row, text: dictionary[codes[row]])) }
        }
        return cells
    }

    /// `[c]`, `N/A`, `*`, `..`: short, and no digit in it.
    private static func looksLikeMarker(_ text: String) -> Bool {
        text.count <= maximumMarkerLength && !text.contains(where: \.isNumber)
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
            case .unused, .other: break
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
        let symbols =
            symbolDictionary.count == 0
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
