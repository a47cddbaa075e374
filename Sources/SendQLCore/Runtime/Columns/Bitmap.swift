/// A packed bit set, one bit per row; used as a column's validity mask (1 = value present).
public struct Bitmap: Sendable, Equatable {
    public private(set) var words: [UInt64]
    public private(set) var count: Int

    /// A bitmap of `count` bits, all set to `value`.
    public init(count: Int, value: Bool) {
        self.count = count
        let wordCount = (count + 63) >> 6
        words = [UInt64](repeating: value ? ~0 : 0, count: wordCount)
        if value { clearTail() }
    }

    public init(_ bits: [Bool]) {
        self.init(count: bits.count, value: false)
        for (i, bit) in bits.enumerated() where bit { set(i) }
    }

    @inline(__always) public subscript(index: Int) -> Bool {
        get { words[index >> 6] & (1 << UInt64(index & 63)) != 0 }
        set { if newValue { set(index) } else { clear(index) } }
    }

    @inline(__always) public mutating func set(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    @inline(__always) public mutating func clear(_ index: Int) {
        words[index >> 6] &= ~(1 << UInt64(index & 63))
    }

    /// Appends one bit, growing the bitmap.
    public mutating func append(_ bit: Bool) {
        if count & 63 == 0 { words.append(0) }
        count += 1
        if bit { set(count - 1) }
    }

    /// Number of set bits.
    public var setCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// True when every bit is set.
    public var isAllSet: Bool { setCount == count }

    public static func & (lhs: Bitmap, rhs: Bitmap) -> Bitmap {
        precondition(lhs.count == rhs.count, "bitmap sizes differ")
        var result = lhs
        for i in result.words.indices { result.words[i] &= rhs.words[i] }
        return result
    }

    private mutating func clearTail() {
        let extra = count & 63
        if extra != 0, !words.isEmpty { words[words.count - 1] &= (1 << UInt64(extra)) - 1 }
    }
}
