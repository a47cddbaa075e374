extension ExpressionEvaluator {
    func binary(_ op: BinaryOperator, _ a: Column, _ b: Column, type: DataType, rows: Int) -> Column {
        switch op {
        case .and: return kleeneAnd(a, b)
        case .or: return kleeneOr(a, b)
        case .coalesce: return coalesce([a, b], type: type, rows: rows)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return compare(op, a, b)
        case .add, .subtract, .multiply, .divide, .modulo: return arithmetic(op, a, b, type: type, rows: rows)
        }
    }

    /// The first non-null value of each row.
    func coalesce(_ columns: [Column], type: DataType, rows: Int) -> Column {
        // Columns of another type (a null literal) never answer.
        let sources = columns.filter { $0.type == type }
        var choice = [Int32](repeating: -1, count: rows)
        for (index, source) in sources.enumerated().reversed() {
            guard let validity = source.validity else {
                choice = [Int32](repeating: Int32(index), count: rows)
                continue
            }
            for row in 0..<rows where validity[row] { choice[row] = Int32(index) }
        }
        return Column.picking(choice, from: sources, type: type)
    }

    private func arithmetic(_ op: BinaryOperator, _ a: Column, _ b: Column, type: DataType, rows: Int) -> Column {
        if type == .string {
            return concatenate(a, b, rows: rows)
        }
        if a.type == .double || b.type == .double || type == .double {
            let x =
                a.type == .double ? a.doubles : (a.type == .int || a.type == .duration ? a.int64s.map(Double.init) : [])
            let y =
                b.type == .double ? b.doubles : (b.type == .int || b.type == .duration ? b.int64s.map(Double.init) : [])
            guard x.count == rows, y.count == rows else { return .nulls(type, count: rows) }
            var validity = Column.bothValid(a, b)
            var out = [Double](repeating: 0, count: rows)
            for i in 0..<rows {
                switch op {
                case .add: out[i] = x[i] + y[i]
                case .subtract: out[i] = x[i] - y[i]
                case .multiply: out[i] = x[i] * y[i]
                case .divide, .modulo:
                    if y[i] == 0 {
                        if validity == nil { validity = Bitmap(count: rows, value: true) }
                        validity!.clear(i)
                    } else {
                        out[i] = op == .divide ? x[i] / y[i] : x[i].truncatingRemainder(dividingBy: y[i])
                    }
                default: break
                }
            }
            return Column(.double(out), validity: validity)
        }
        // date - date: two Int32 day numbers cannot overflow an Int64, so no check and no widening copies.
        if op == .subtract, case .date(let x) = a.storage, case .date(let y) = b.storage, x.count == rows,
            y.count == rows
        {
            let out = x.withUnsafeBufferPointer { xs in
                y.withUnsafeBufferPointer { ys in
                    [Int64](unsafeUninitializedCapacity: rows) { out, initialized in
                        for i in 0..<rows { out[i] = Int64(xs[i]) - Int64(ys[i]) }
                        initialized = rows
                    }
                }
            }
            return Column(type == .duration ? .duration(out) : .int(out), validity: Column.bothValid(a, b))
        }
        // Integers, days and dates, all as Int64 with overflow read as null.
        let x = integers(a), y = integers(b)
        guard x.count == rows, y.count == rows else { return .nulls(type, count: rows) }
        var validity = Column.bothValid(a, b)
        var out = [Int64](repeating: 0, count: rows)
        for i in 0..<rows {
            let (r, bad): (Int64, Bool)
            switch op {
            case .add: (r, bad) = x[i].addingReportingOverflow(y[i])
            case .subtract: (r, bad) = x[i].subtractingReportingOverflow(y[i])
            case .multiply: (r, bad) = x[i].multipliedReportingOverflow(by: y[i])
            case .modulo: (r, bad) = y[i] == 0 ? (0, true) : x[i].remainderReportingOverflow(dividingBy: y[i])
            default: (r, bad) = (0, true)
            }
            if bad || (type == .date && (r < Int64(Int32.min) || r > Int64(Int32.max))) {
                if validity == nil { validity = Bitmap(count: rows, value: true) }
                if validity![i] { validity!.clear(i) }
            } else {
                out[i] = r
            }
        }
        switch type {
        case .date: return Column(.date(out.map { Int32(truncatingIfNeeded: $0) }), validity: validity)
        case .duration: return Column(.duration(out), validity: validity)
        default: return Column(.int(out), validity: validity)
        }
    }

    /// `text + text`: null when either side is null.
    private func concatenate(_ a: Column, _ b: Column, rows: Int) -> Column {
        guard a.type == .string, b.type == .string else { return .nulls(.string, count: rows) }
        let (ac, ad) = a.stringCodes, (bc, bd) = b.stringCodes
        // A constant on one side (`"need=" + primary_need`): one new string per value of the other
        // side's dictionary, not per row; the codes stay as they are (a prefix keeps values distinct).
        if ad.count == 1 {
            return Column(
                .string(codes: bc, dictionary: StringDictionary(bd.values.map { ad.values[0] + $0 })),
                validity: Column.bothValid(a, b))
        }
        if bd.count == 1 {
            return Column(
                .string(codes: ac, dictionary: StringDictionary(ad.values.map { $0 + bd.values[0] })),
                validity: Column.bothValid(a, b))
        }
        var dictionary = StringDictionary()
        let codes = (0..<rows).map { dictionary.intern(ad[ac[$0]] + bd[bc[$0]]) }
        return Column(.string(codes: codes, dictionary: dictionary), validity: Column.bothValid(a, b))
    }

    private func integers(_ c: Column) -> [Int64] {
        switch c.storage {
        case .int(let v), .duration(let v): return v
        case .date(let v): return v.map { Int64($0) }
        default: return []
        }
    }
}
