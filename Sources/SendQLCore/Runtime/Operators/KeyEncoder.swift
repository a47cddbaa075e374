/// Dense integer codes for the rows of one or more key columns: rows with equal keys get equal
/// codes, numbered in order of first appearance. A null is a key value of its own.
public struct KeyEncoding: Sendable {
    /// The code of each row, in `0..<cardinality`.
    public var codes: [Int32]
    /// How many distinct keys there are.
    public var cardinality: Int
    /// The first row holding each code.
    public var firstRows: [Int32]
    /// Rows whose key has a null in any column (joins never match these).
    public var nullRows: Bitmap?
}

public enum KeyEncoder {
    /// Encodes the composite key formed by `columns` (all the same length, at least one).
    public static func encode(_ columns: [Column]) -> KeyEncoding {
        precondition(!columns.isEmpty, "a key needs at least one column")
        let rowCount = columns[0].count
        var (codes, cardinality) = rawCodes(columns[0])
        for column in columns.dropFirst() {
            let (next, nextCardinality) = rawCodes(column)
            (codes, cardinality) = combine(codes, cardinality, next, nextCardinality)
        }
        // Renumber by first appearance so output order is the input's order, and codes are dense.
        var renumber = [Int32](repeating: -1, count: cardinality)
        var firstRows: [Int32] = []
        for row in 0..<rowCount {
            let raw = Int(codes[row])
            if renumber[raw] < 0 {
                renumber[raw] = Int32(firstRows.count)
                firstRows.append(Int32(row))
            }
            codes[row] = renumber[raw]
        }
        var nullRows: Bitmap? = nil
        for column in columns where column.validity != nil {
            var bits = nullRows ?? Bitmap(count: rowCount, value: false)
            for row in 0..<rowCount where column.isNull(row) { bits.set(row) }
            nullRows = bits
        }
        return KeyEncoding(codes: codes, cardinality: firstRows.count, firstRows: firstRows, nullRows: nullRows)
    }

    /// Codes for one column, not yet dense: (codes, an upper bound of the codes).
    static func rawCodes(_ column: Column) -> ([Int32], Int) {
        let count = column.count
        switch column.storage {
        case .string(let values, let dictionary):
            let nullCode = Int32(dictionary.count)
            if column.validity == nil { return (values.map { Int32(bitPattern: $0) }, dictionary.count) }
            return (
                (0..<count).map { column.isNull($0) ? nullCode : Int32(bitPattern: values[$0]) }, dictionary.count + 1
            )
        case .bool(let values):
            return ((0..<count).map { column.isNull($0) ? 2 : (values[$0] ? 1 : 0) }, 3)
        case .int(let values), .duration(let values):
            return hashCodes(count: count, column: column) { values[$0] }
        case .date(let values):
            return hashCodes(count: count, column: column) { Int64(values[$0]) }
        case .double(let values):
            return hashCodes(count: count, column: column) { row in
                let v = values[row]
                // -0.0 equals 0.0 and every NaN is one key.
                if v == 0 { return 0 }
                if v.isNaN { return Int64(bitPattern: Double.nan.bitPattern) }
                return Int64(bitPattern: v.bitPattern)
            }
        }
    }

    private static func hashCodes(count: Int, column: Column, key: (Int) -> Int64) -> ([Int32], Int) {
        var map = IntHashMap(capacity: min(count, 1 << 16))
        var codes = [Int32](repeating: -1, count: count)
        var sawNull = false
        for row in 0..<count {
            if column.isNull(row) { sawNull = true; continue }
            codes[row] = map.id(for: key(row))
        }
        guard sawNull else { return (codes, map.count) }
        let nullCode = Int32(map.count)
        for row in 0..<count where codes[row] < 0 { codes[row] = nullCode }
        return (codes, map.count + 1)
    }

    /// The pair (a, b) as one code.
    static func combine(_ a: [Int32], _ cardA: Int, _ b: [Int32], _ cardB: Int) -> ([Int32], Int) {
        let product = cardA * cardB
        var result = [Int32](repeating: 0, count: a.count)
        if product <= 1 << 22 {
            var table = [Int32](repeating: -1, count: max(product, 1))
            var next: Int32 = 0
            for row in 0..<a.count {
                let slot = Int(a[row]) * cardB + Int(b[row])
                if table[slot] < 0 { table[slot] = next; next += 1 }
                result[row] = table[slot]
            }
            return (result, Int(next))
        }
        var map = IntHashMap(capacity: min(a.count, 1 << 16))
        for row in 0..<a.count {
            result[row] = map.id(for: Int64(a[row]) * Int64(cardB) + Int64(b[row]))
        }
        return (result, map.count)
    }
}
