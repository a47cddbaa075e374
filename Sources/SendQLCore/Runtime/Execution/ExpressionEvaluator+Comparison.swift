extension ExpressionEvaluator {
    /// `a op b` for two columns of one type (the checker widened numbers); null when either is null.
    func compare(_ op: BinaryOperator, _ a: Column, _ b: Column) -> Column {
        let rows = max(a.count, b.count)
        let validity = Column.bothValid(a, b)
        @inline(__always) func test<T: Comparable>(_ x: T, _ y: T) -> Bool {
            switch op {
            case .equal: return x == y
            case .notEqual: return x != y
            case .less: return x < y
            case .lessOrEqual: return x <= y
            case .greater: return x > y
            case .greaterOrEqual: return x >= y
            default: return false
            }
        }
        func zipped<T: Comparable>(_ x: [T], _ y: [T]) -> Column {
            var out = [Bool](repeating: false, count: rows)
            x.withUnsafeBufferPointer { xs in
                y.withUnsafeBufferPointer { ys in
                    for i in 0..<rows { out[i] = test(xs[i], ys[i]) }
                }
            }
            return Column(.bool(out), validity: validity)
        }
        switch (a.storage, b.storage) {
        case (.int(let x), .int(let y)), (.duration(let x), .duration(let y)): return zipped(x, y)
        case (.double(let x), .double(let y)): return zipped(x, y)
        case (.date(let x), .date(let y)): return zipped(x, y)
        case (.bool(let x), .bool(let y)): return zipped(x.map { $0 ? 1 : 0 }, y.map { $0 ? 1 : 0 })
        case (.string(let xc, let xd), .string(let yc, let yd)):
            return compareStrings(op, xc, xd, yc, yd, validity: validity, test: test)
        default:
            return .nulls(.bool, count: rows)
        }
    }

    private func compareStrings(
        _ op: BinaryOperator, _ xc: [UInt32], _ xd: StringDictionary, _ yc: [UInt32], _ yd: StringDictionary,
        validity: Bitmap?, test: (String, String) -> Bool
    ) -> Column {
        let rows = xc.count
        var out = [Bool](repeating: false, count: rows)
        if yd.count == 1 {
            // Against one string (a literal): decide once per dictionary entry, then look up by code.
            let other = yd.values[0]
            let answer = xd.values.map { test($0, other) }
            for i in 0..<rows { out[i] = answer[Int(xc[i])] }
        } else if xd.count == 1 {
            let other = xd.values[0]
            let answer = yd.values.map { test(other, $0) }
            for i in 0..<rows { out[i] = answer[Int(yc[i])] }
        } else if xd == yd && (op == .equal || op == .notEqual) {
            for i in 0..<rows { out[i] = (xc[i] == yc[i]) == (op == .equal) }
        } else {
            for i in 0..<rows { out[i] = test(xd[xc[i]], yd[yc[i]]) }
        }
        return Column(.bool(out), validity: validity)
    }
}

extension ExpressionEvaluator {
    /// The non-null literal an expression is, as the column type the executor would broadcast it to
    /// (`Column.repeating` with the expression's result type), or nil.
    static func constant(_ expression: BoundExpression) -> (value: Value, type: DataType)? {
        var node = expression.node
        if case .toDouble(let inner) = node { node = inner.node }
        guard case .literal(let value) = node, !value.isNull else { return nil }
        return (value, expression.resultType)
    }

    /// `column op constant` (`constant op column` when `flipped`), without making a column of the
    /// constant; nil when the types do not pair up (the caller then takes the general path).
    /// Null where the column is null, as the general path gives.
    func compare(
        _ op: BinaryOperator, _ column: Column, constant: (value: Value, type: DataType), flipped: Bool
    ) -> Column? {
        var op = op
        if flipped {
            switch op {
            case .less: op = .greater
            case .lessOrEqual: op = .greaterOrEqual
            case .greater: op = .less
            case .greaterOrEqual: op = .lessOrEqual
            default: break
            }
        }
        let out: [Bool]
        switch (column.storage, constant.type, constant.value) {
        case (.int(let x), .int, .int(let c)), (.duration(let x), .duration, .int(let c)),
            (.duration(let x), .duration, .duration(let c)):
            out = Self.scan(x, c, op)
        case (.double(let x), .double, .double(let c)):
            out = Self.scan(x, c, op)
        case (.double(let x), .double, .int(let c)):
            out = Self.scan(x, Double(c), op)
        case (.date(let x), .date, .date(let c)):
            out = Self.scan(x, c, op)
        case (.string(let codes, let dictionary), .string, .string(let s)):
            // Decide once per dictionary entry, then look each row's code up.
            out = Self.lookup(codes, Self.scanGeneric(dictionary.values, s, op))
        default:
            return nil
        }
        return Column(.bool(out), validity: column.validity)
    }

    /// `x[i] op c` for every row; one plain loop per operator, writing 0 or 1 bytes, so it vectorises.
    @inline(__always)
    static func scanGeneric<T: Comparable>(_ x: [T], _ c: T, _ op: BinaryOperator) -> [Bool] {
        let n = x.count
        guard n > 0 else { return [] }
        return x.withUnsafeBufferPointer { xs in
            [Bool](unsafeUninitializedCapacity: n) { out, initialized in
                out.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: n) { o in
                    switch op {
                    case .equal: for i in 0..<n { o[i] = xs[i] == c ? 1 : 0 }
                    case .notEqual: for i in 0..<n { o[i] = xs[i] != c ? 1 : 0 }
                    case .less: for i in 0..<n { o[i] = xs[i] < c ? 1 : 0 }
                    case .lessOrEqual: for i in 0..<n { o[i] = xs[i] <= c ? 1 : 0 }
                    case .greater: for i in 0..<n { o[i] = xs[i] > c ? 1 : 0 }
                    case .greaterOrEqual: for i in 0..<n { o[i] = xs[i] >= c ? 1 : 0 }
                    default: for i in 0..<n { o[i] = 0 }
                    }
                }
                initialized = n
            }
        }
    }

    /// The Int32 and Int64 scans, named so each is compiled once for its type.
    static func scan(_ x: [Int32], _ c: Int32, _ op: BinaryOperator) -> [Bool] { scanGeneric(x, c, op) }
    static func scan(_ x: [Int64], _ c: Int64, _ op: BinaryOperator) -> [Bool] { scanGeneric(x, c, op) }
    static func scan(_ x: [Double], _ c: Double, _ op: BinaryOperator) -> [Bool] { scanGeneric(x, c, op) }

    /// `answer[codes[i]]` for every row (a code past the answers, possible only under a null, is false).
    static func lookup(_ codes: [UInt32], _ answer: [Bool]) -> [Bool] {
        codes.withUnsafeBufferPointer { cs in
            answer.withUnsafeBufferPointer { table in
                [Bool](unsafeUninitializedCapacity: cs.count) { out, initialized in
                    let limit = UInt32(table.count)
                    for i in 0..<cs.count { out[i] = cs[i] < limit ? table[Int(cs[i])] : false }
                    initialized = cs.count
                }
            }
        }
    }
}

extension BinaryOperator {
    /// `== != < <= > >=`.
    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }
}
