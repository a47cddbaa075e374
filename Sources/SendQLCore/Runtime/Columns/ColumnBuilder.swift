/// Builds a column by appending values one at a time, tracking nulls.
public struct ColumnBuilder: Sendable {
    public let type: DataType
    private var ints: [Int64] = []
    private var doubles: [Double] = []
    private var bools: [Bool] = []
    private var dates: [Int32] = []
    private var codes: [UInt32] = []
    private var dictionary = StringDictionary()
    private var validity = Bitmap(count: 0, value: false)
    private var hasNull = false

    public init(type: DataType, capacity: Int = 0) {
        self.type = type
        switch type {
        case .int, .duration: ints.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .date: dates.reserveCapacity(capacity)
        case .string: codes.reserveCapacity(capacity)
        }
    }

    public var count: Int { validity.count }

    public mutating func appendNull() {
        hasNull = true
        validity.append(false)
        switch type {
        case .int, .duration: ints.append(0)
        case .double: doubles.append(0)
        case .bool: bools.append(false)
        case .date: dates.append(0)
        case .string: codes.append(0)
        }
    }

    public mutating func append(int value: Int64) { validity.append(true); ints.append(value) }
    public mutating func append(double value: Double) { validity.append(true); doubles.append(value) }
    public mutating func append(bool value: Bool) { validity.append(true); bools.append(value) }
    public mutating func append(date value: Int32) { validity.append(true); dates.append(value) }
    public mutating func append(string value: String) {
        validity.append(true)
        codes.append(dictionary.intern(value))
    }

    /// Appends a boxed value; a value of another type is a programming error.
    public mutating func append(_ value: Value) {
        switch (type, value) {
        case (_, .null): appendNull()
        case (.int, .int(let v)), (.duration, .duration(let v)): append(int: v)
        case (.double, .double(let v)): append(double: v)
        case (.double, .int(let v)): append(double: Double(v))
        case (.bool, .bool(let v)): append(bool: v)
        case (.date, .date(let v)): append(date: v)
        case (.string, .string(let v)): append(string: v)
        default: preconditionFailure("value \(value) does not fit a \(type) column")
        }
    }

    public func finish() -> Column {
        let storage: Column.Storage
        switch type {
        case .int: storage = .int(ints)
        case .duration: storage = .duration(ints)
        case .double: storage = .double(doubles)
        case .bool: storage = .bool(bools)
        case .date: storage = .date(dates)
        case .string:
            var dictionary = self.dictionary
            // Null rows hold code 0, which must name an entry.
            if dictionary.count == 0 && !codes.isEmpty { _ = dictionary.intern("") }
            storage = .string(codes: codes, dictionary: dictionary)
        }
        return Column(storage, validity: hasNull ? validity : nil)
    }
}
