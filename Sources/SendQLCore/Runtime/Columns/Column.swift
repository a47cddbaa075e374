/// A typed, contiguous column of values with a validity bitmap for nulls.
///
/// Values under a null slot are unspecified (usually zero) and must not be read.
public struct Column: Sendable, Equatable {
    public enum Storage: Sendable, Equatable {
        case int([Int64])
        case double([Double])
        case bool([Bool])
        case date([Int32])
        case duration([Int64])
        case string(codes: [UInt32], dictionary: StringDictionary)
    }

    public var storage: Storage
    /// nil means every row holds a value.
    public var validity: Bitmap?

    public init(_ storage: Storage, validity: Bitmap? = nil) {
        self.storage = storage
        // An all-set bitmap is normalised away so "no nulls" has one representation.
        if let validity, validity.isAllSet { self.validity = nil } else { self.validity = validity }
    }

    public var type: DataType {
        switch storage {
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        case .date: return .date
        case .duration: return .duration
        case .string: return .string
        }
    }

    public var count: Int {
        switch storage {
        case .int(let v): return v.count
        case .double(let v): return v.count
        case .bool(let v): return v.count
        case .date(let v): return v.count
        case .duration(let v): return v.count
        case .string(let codes, _): return codes.count
        }
    }

    @inline(__always) public func isNull(_ row: Int) -> Bool {
        guard let validity else { return false }
        return !validity[row]
    }

    public var nullCount: Int { validity.map { $0.count - $0.setCount } ?? 0 }

    /// The boxed value of one row (slow; for rendering and tests).
    public subscript(row: Int) -> Value {
        if isNull(row) { return .null }
        switch storage {
        case .int(let v): return .int(v[row])
        case .double(let v): return .double(v[row])
        case .bool(let v): return .bool(v[row])
        case .date(let v): return .date(v[row])
        case .duration(let v): return .duration(v[row])
        case .string(let codes, let dict): return .string(dict[codes[row]])
        }
    }

    /// A column of `count` nulls of the given type.
    public static func nulls(_ type: DataType, count: Int) -> Column {
        let storage: Storage
        switch type {
        case .int: storage = .int(Array(repeating: 0, count: count))
        case .double: storage = .double(Array(repeating: 0, count: count))
        case .bool: storage = .bool(Array(repeating: false, count: count))
        case .date: storage = .date(Array(repeating: 0, count: count))
        case .duration: storage = .duration(Array(repeating: 0, count: count))
        // Code 0 must name an entry even under nulls, so code lookups never go out of range.
        case .string: storage = .string(codes: Array(repeating: 0, count: count), dictionary: StringDictionary([""]))
        }
        return Column(storage, validity: Bitmap(count: count, value: false))
    }

    /// A column built from boxed values; every non-null value must match `type`.
    public init(type: DataType, values: [Value]) {
        var builder = ColumnBuilder(type: type, capacity: values.count)
        for value in values { builder.append(value) }
        self = builder.finish()
    }
}
