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
