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
        if leftKeys.count == 1, case .string(let leftCodes, let leftDictionary) = leftKeys[0].storage,
            case .string(let rightCodes, let rightDictionary) = rightKeys[0].storage
        {
            return try stringKeys(
                leftCodes, leftDictionary, leftKeys[0].validity, rightCodes, rightDictionary,
                rightKeys[0].validity, keepUnmatchedLeft: keepUnmatchedLeft, rowLimit: rowLimit)
        }
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

        return try pairs(
            leftCount: leftCount, keepUnmatchedLeft: keepUnmatchedLeft, rowLimit: rowLimit,
            starts: starts, bucketRows: bucketRows
        ) { l in isNull(l) ? -1 : Int(encoding.codes[l]) }
    }

    /// One string key: the right side's dictionary is mapped onto the left's once (nothing when the
    /// two columns share a dictionary, as a loaded reference and its key do), then rows pair by code.
    private static func stringKeys(
        _ leftCodes: [UInt32], _ leftDictionary: StringDictionary, _ leftValidity: Bitmap?,
        _ rightCodes: [UInt32], _ rightDictionary: StringDictionary, _ rightValidity: Bitmap?,
        keepUnmatchedLeft: Bool, rowLimit: Int
    ) throws(JoinTooLarge) -> JoinIndices {
        let cardinality = leftDictionary.count
        let map: [Int32]? = rightDictionary == leftDictionary ? nil : rightDictionary.codes(in: leftDictionary)
        @inline(__always) func rightCode(_ r: Int) -> Int {
            if let rightValidity, !rightValidity[r] { return -1 }
            let code = Int(rightCodes[r])
            guard let map else { return code < cardinality ? code : -1 }
            return code < map.count ? Int(map[code]) : -1
        }
        var starts = [Int32](repeating: 0, count: cardinality + 1)
        for r in 0..<rightCodes.count {
            let code = rightCode(r)
            if code >= 0 { starts[code + 1] += 1 }
        }
        for c in 0..<cardinality { starts[c + 1] += starts[c] }
        var fill = starts
        var bucketRows = [Int32](repeating: 0, count: Int(starts[cardinality]))
        for r in 0..<rightCodes.count {
            let code = rightCode(r)
            if code >= 0 {
                bucketRows[Int(fill[code])] = Int32(r)
                fill[code] += 1
            }
        }
        return try pairs(
            leftCount: leftCodes.count, keepUnmatchedLeft: keepUnmatchedLeft, rowLimit: rowLimit,
            starts: starts, bucketRows: bucketRows
        ) { l in
            if let leftValidity, !leftValidity[l] { return -1 }
            let code = Int(leftCodes[l])
            return code < cardinality ? code : -1
        }
    }

    /// The output pairs, given the right rows bucketed by code and each left row's code (-1: none).
    private static func pairs(
        leftCount: Int, keepUnmatchedLeft: Bool, rowLimit: Int, starts: [Int32], bucketRows: [Int32],
        leftCode: (Int) -> Int
    ) throws(JoinTooLarge) -> JoinIndices {
        var total = 0
        for l in 0..<leftCount {
            let code = leftCode(l)
            let matches = code < 0 ? 0 : Int(starts[code + 1] - starts[code])
            total += matches == 0 && keepUnmatchedLeft ? 1 : matches
        }
        if total > rowLimit { throw JoinTooLarge(rows: total, limit: rowLimit) }

        var result = JoinIndices(left: [], right: [])
        result.left.reserveCapacity(total)
        result.right.reserveCapacity(total)
        for l in 0..<leftCount {
            let code = leftCode(l)
            let from = code < 0 ? 0 : Int(starts[code]), to = code < 0 ? 0 : Int(starts[code + 1])
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
