/// One key of a sort.
public struct SortColumn: Sendable {
    public var column: Column
    public var descending: Bool

    public init(_ column: Column, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}

public enum SortPermutation {
    /// The row order that sorts by `keys` in turn; stable; nulls last in either direction.
    public static func compute(_ keys: [SortColumn], rowCount: Int) -> [Int32] {
        let ranked = keys.map(rankKey)
        var order = (0..<Int32(rowCount)).map { $0 }
        order.sort { a, b in
            for key in ranked {
                let x = key.ranks[Int(a)], y = key.ranks[Int(b)]
                if x == y { continue }
                // Nulls carry Int64.max / .nan-free ranks: they stay last whatever the direction.
                if x == RankedKey.nullRank { return false }
                if y == RankedKey.nullRank { return true }
                return key.descending ? x > y : x < y
            }
            return a < b
        }
        return order
    }

    /// Every value as an Int64 with the same order, so the comparator does integer compares only.
    private static func rankKey(_ key: SortColumn) -> RankedKey {
        let column = key.column
        var ranks = [Int64](repeating: 0, count: column.count)
        switch column.storage {
        case .int(let v), .duration(let v):
            for i in v.indices { ranks[i] = v[i] == .max ? .max - 1 : v[i] }
        case .date(let v):
            for i in v.indices { ranks[i] = Int64(v[i]) }
        case .bool(let v):
            for i in v.indices { ranks[i] = v[i] ? 1 : 0 }
        case .double(let v):
            // Order-preserving rank of each distinct double (NaN sorts after every number).
            let distinct = Array(Set(v.map { $0 == 0 ? 0 : $0 })).sorted { a, b in
                if a.isNaN { return false }
                if b.isNaN { return true }
                return a < b
            }
            var rankOf: [Double: Int64] = [:]
            var nanRank: Int64 = 0
            for (r, value) in distinct.enumerated() {
                if value.isNaN { nanRank = Int64(r) } else { rankOf[value] = Int64(r) }
            }
            for i in v.indices { ranks[i] = v[i].isNaN ? nanRank : rankOf[v[i] == 0 ? 0 : v[i]]! }
        case .string(let codes, let dictionary):
            // Rank the dictionary once, then each row is its code's rank.
            let sorted = dictionary.values.indices.sorted { dictionary.values[$0] < dictionary.values[$1] }
            var rankOfCode = [Int64](repeating: 0, count: dictionary.count)
            for (r, code) in sorted.enumerated() { rankOfCode[code] = Int64(r) }
            for i in codes.indices { ranks[i] = rankOfCode[Int(codes[i])] }
        }
        if column.validity != nil {
            for i in ranks.indices where column.isNull(i) { ranks[i] = RankedKey.nullRank }
        }
        return RankedKey(ranks: ranks, descending: key.descending)
    }
}

private struct RankedKey {
    static let nullRank = Int64.max
    var ranks: [Int64]
    var descending: Bool
}
