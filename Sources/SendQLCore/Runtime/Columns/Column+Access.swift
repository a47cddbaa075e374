extension Column {
    /// The Int64 payload of an int or duration column.
    var int64s: [Int64] {
        switch storage {
        case .int(let v), .duration(let v): return v
        default: preconditionFailure("not an int column: \(type)")
        }
    }

    var doubles: [Double] {
        guard case .double(let v) = storage else { preconditionFailure("not a double column: \(type)") }
        return v
    }

    var dates: [Int32] {
        guard case .date(let v) = storage else { preconditionFailure("not a date column: \(type)") }
        return v
    }

    var bools: [Bool] {
        guard case .bool(let v) = storage else { preconditionFailure("not a bool column: \(type)") }
        return v
    }

    var stringCodes: (codes: [UInt32], dictionary: StringDictionary) {
        guard case .string(let codes, let dictionary) = storage else {
            preconditionFailure("not a string column: \(type)")
        }
        return (codes, dictionary)
    }

    /// A column of `count` copies of one value.
    public static func repeating(_ value: Value, type: DataType, count: Int) -> Column {
        switch value {
        case .null: return .nulls(type, count: count)
        case .int(let v):
            if type == .double { return Column(.double(Array(repeating: Double(v), count: count))) }
            return Column(
                type == .duration
                    ? .duration(Array(repeating: v, count: count)) : .int(Array(repeating: v, count: count)))
        case .double(let v): return Column(.double(Array(repeating: v, count: count)))
        case .bool(let v): return Column(.bool(Array(repeating: v, count: count)))
        case .date(let v): return Column(.date(Array(repeating: v, count: count)))
        case .duration(let v): return Column(.duration(Array(repeating: v, count: count)))
        case .string(let s):
            return Column(.string(codes: Array(repeating: 0, count: count), dictionary: StringDictionary([s])))
        }
    }

    /// Validity of the rows where both inputs hold a value.
    static func bothValid(_ a: Column, _ b: Column) -> Bitmap? {
        switch (a.validity, b.validity) {
        case (nil, nil): return nil
        case (let x?, nil): return x
        case (nil, let y?): return y
        case (let x?, let y?): return x & y
        }
    }
}
