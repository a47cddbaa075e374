import SendQLCore

/// The values of one column parsed from one chunk of a file, appended row by row.
///
/// A struct kept in a local array while parsing, so appends mutate in place without the dynamic
/// exclusivity checks a class's properties would cost per value. Only the array matching the format
/// is used; nulls are kept as a bit set (bit set = null) so a column with no nulls gets no bitmap.
struct ColumnPart {
    let format: ColumnFormat
    /// The format's storage, as a payload-free tag that is cheap to switch on per value.
    private let storage: StorageKind
    private(set) var ints: [Int64] = []
    private(set) var doubles: [Double] = []
    private(set) var bools: [Bool] = []
    private(set) var dates: [Int32] = []
    /// Interner codes for a string column; code-list indices for a code column.
    private(set) var codes: [UInt32] = []
    private(set) var interner = ByteStringInterner()
    private(set) var nullWords: [UInt64] = []
    private(set) var count = 0
    /// The previous string value (up to 16 bytes, zero-padded) and its code; length -1 when none.
    private var previousLength = -1
    private var previousWords: (UInt64, UInt64) = (0, 0)
    private var previousCode: UInt32 = 0
    /// For a reference column: the key code tried first for the next value.
    private var nextLookupGuess: UInt32 = 0
    private(set) var nullCount = 0

    enum StorageKind { case int, double, bool, date, string, code }

    /// For a reference column: the key column's dictionary (indexed). A value found there takes its
    /// code; a value not found (a dangling reference) is interned and coded `lookup.count + its code`.
    let lookup: StringDictionary?

    init(format: ColumnFormat, capacity: Int, lookup: StringDictionary? = nil) {
        self.format = format
        self.lookup = lookup
        switch format {
        case .int: storage = .int
        case .double: storage = .double
        case .bool: storage = .bool
        case .date: storage = .date
        case .string: storage = .string
        case .code: storage = .code
        }
        switch format {
        case .int: ints.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .date: dates.reserveCapacity(capacity)
        case .string, .code: codes.reserveCapacity(capacity)
        }
        nullWords.reserveCapacity((capacity + 63) / 64)
    }

    @inline(__always) private mutating func advance(isNull: Bool) {
        if count & 63 == 0 { nullWords.append(0) }
        if isNull {
            nullWords[count >> 6] |= 1 << UInt64(count & 63)
            nullCount += 1
        }
        count += 1
    }

    @inline(__always) mutating func appendNull() {
        advance(isNull: true)
        switch storage {
        case .int: ints.append(0)
        case .double: doubles.append(0)
        case .bool: bools.append(false)
        case .date: dates.append(0)
        case .string, .code: codes.append(0)
        }
    }

    /// Appends a parsed value, passed as the raw 64 bits `RowValue` carries.
    @inline(__always) mutating func append(parsed bits: UInt64) {
        advance(isNull: false)
        switch storage {
        case .int: ints.append(Int64(bitPattern: bits))
        case .double: doubles.append(Double(bitPattern: bits))
        case .bool: bools.append(bits != 0)
        case .date: dates.append(Int32(truncatingIfNeeded: Int64(bitPattern: bits)))
        case .code: codes.append(UInt32(truncatingIfNeeded: bits))
        case .string: preconditionFailure("strings are appended by their bytes")
        }
    }

    @inline(__always) private mutating func code(of bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let lookup else { return interner.intern(bytes) }
        // References often follow their keys' order (a table written parent by parent): the key after
        // the previous one is tried first, a compare with a string likely in cache, before the hash.
        let next = Int(nextLookupGuess)
        if next < lookup.count, StringHash.equal(lookup.values[next], bytes) {
            nextLookupGuess += 1
            return UInt32(next)
        }
        if let code = lookup.code(ofUTF8: bytes) {
            nextLookupGuess = code + 1
            return code
        }
        return UInt32(lookup.count) + interner.intern(bytes)
    }

    /// Gives the string interner its lookup table, if it has none yet (see `isAscending`).
    mutating func buildInternerTable() { interner.buildTable() }

    /// Frees the string interner's lookup table (its values stay); no more strings may be appended.
    mutating func dropInternerIndex() { interner.dropIndex() }

    /// Appends a string value by its bytes (valid UTF-8).
    ///
    /// A value of up to 16 bytes equal to the previous row's takes its code without a hash lookup:
    /// references come grouped (a plan's reviews, a request's advice), and a lookup in a table of
    /// millions of identifiers is a cache miss.
    @inline(__always) mutating func append(stringBytes bytes: UnsafeBufferPointer<UInt8>) {
        advance(isNull: false)
        guard bytes.count <= 16 else {
            previousLength = -1
            codes.append(code(of: bytes))
            return
        }
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        if bytes.count == previousLength, words == previousWords {
            codes.append(previousCode)
            return
        }
        let code = code(of: bytes)
        codes.append(code)
        previousLength = bytes.count
        previousWords = words
        previousCode = code
    }
}
