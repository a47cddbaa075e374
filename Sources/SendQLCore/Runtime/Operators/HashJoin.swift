/// The row pairs a join produces: `left[i]` joins `right[i]`; -1 on the right is an unmatched left row.
public struct JoinIndices: Sendable, Equatable {
    public var left: [Int32]
    public var right: [Int32]
}

/// A join would produce more rows than allowed.
public struct JoinTooLarge: Error, Sendable {
    public var rows: Int
    public var limit: Int
}

public enum HashJoin {
    /// Pairs the rows whose keys are equal (a null key never matches), keeping left order, and for each
    /// left row its matches in right order. Throws before materialising when the output would pass `rowLimit`.
    public static func compute(
        leftKeys: [Column], rightKeys: [Column], keepUnmatchedLeft: Bool, rowLimit: Int = .max
    ) throws(JoinTooLarge) -> JoinIndices {
        precondition(leftKeys.count == rightKeys.count && !leftKeys.isEmpty, "join keys must pair up")
        let leftCount = leftKeys[0].count, rightCount = rightKeys[0].count
        // Encode both sides in one code space by encoding the concatenated key columns.
        let combined = zip(leftKeys, rightKeys).map { $0.appending($1) }
        let encoding = KeyEncoder.encode(combined)
        let isNull: (Int) -> Bool = { encoding.nullRows?[$0] ?? false }

        // Bucket the right rows by code (counting sort: offsets then fill), skipping null keys.
        var starts = [Int32](repeating: 0, count: encoding.cardinality + 1)
        for r in 0..<rightCount where !isNull(leftCount + r) {
            starts[Int(encoding.codes[leftCount + r]) + 1] += 1
        }
        for c in 0..<encoding.cardinality { starts[c + 1] += starts[c] }
        var fill = starts
        var bucketRows = [Int32](repeating: 0, count: Int(starts[encoding.cardinality]))
        for r in 0..<rightCount where !isNull(leftCount + r) {
            let code = Int(encoding.codes[leftCount + r])
            bucketRows[Int(fill[code])] = Int32(r)
            fill[code] += 1
        }

        var total = 0
        for l in 0..<leftCount {
            let matches = isNull(l) ? 0 : Int(starts[Int(encoding.codes[l]) + 1] - starts[Int(encoding.codes[l])])
            total += matches == 0 && keepUnmatchedLeft ? 1 : matches
        }
        if total > rowLimit { throw JoinTooLarge(rows: total, limit: rowLimit) }

        var result = JoinIndices(left: [], right: [])
        result.left.reserveCapacity(total)
        result.right.reserveCapacity(total)
        for l in 0..<leftCount {
            let code = Int(encoding.codes[l])
            let from = isNull(l) ? 0 : Int(starts[code]), to = isNull(l) ? 0 : Int(starts[code + 1])
            if from == to {
                if keepUnmatchedLeft {
                    result.left.append(Int32(l))
                    result.right.append(-1)
                }
                continue
            }
            for k in from..<to {
                result.left.append(Int32(l))
                result.right.append(bucketRows[k])
            }
        }
        return result
    }
}
