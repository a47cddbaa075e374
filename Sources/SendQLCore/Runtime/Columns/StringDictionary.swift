/// The distinct strings of a dictionary-encoded column; a row stores the code (index) of its string.
public struct StringDictionary: Sendable, Equatable {
    public private(set) var values: [String] = []
    private var codes: [String: UInt32] = [:]

    public init() {}

    public init(_ values: [String]) {
        // Sized up front: a column of a million distinct keys would otherwise rehash ~20 times.
        self.values.reserveCapacity(values.count)
        codes.reserveCapacity(values.count)
        for value in values { _ = intern(value) }
    }

    public var count: Int { values.count }

    /// The code of `value`, adding it when new.
    @inline(__always) public mutating func intern(_ value: String) -> UInt32 {
        if let code = codes[value] { return code }
        let code = UInt32(values.count)
        values.append(value)
        codes[value] = code
        return code
    }

    /// The code of `value`, or nil when it is not in the dictionary.
    public func code(of value: String) -> UInt32? { codes[value] }

    @inline(__always) public subscript(code: UInt32) -> String { values[Int(code)] }

    public static func == (lhs: StringDictionary, rhs: StringDictionary) -> Bool { lhs.values == rhs.values }
}
