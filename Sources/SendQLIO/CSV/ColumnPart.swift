import SendQLCore

/// The values of one column parsed from one chunk of a file, appended row by row.
///
/// A struct kept in a local array while parsing, so appends mutate in place without the dynamic
/// exclusivity checks a class's properties would cost per value. Values go into a `PartStorage` of
/// the format's element type (read back as `ints`, `doubles`, ...: only the one matching the format
/// is meaningful); nulls are kept as a bit set (bit set = null) so a column with no nulls gets no
/// bitmap. Only the parser that made a part appends to it: copies share its storage.
struct ColumnPart {
    let format: ColumnFormat
    /// The format's storage, as a payload-free tag that is cheap to switch on per value.
    private let storage: StorageKind
    private var values: PartStorage
    /// The values' first element, kept here so an append needs no read through the class.
    private var next: UnsafeMutableRawPointer
    private var capacity: Int
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
        case .int: storage = .int; values = PartStorage(capacity: capacity, of: Int64.self)
        case .double: storage = .double; values = PartStorage(capacity: capacity, of: Double.self)
        case .bool: storage = .bool; values = PartStorage(capacity: capacity, of: Bool.self)
        case .date: storage = .date; values = PartStorage(capacity: capacity, of: Int32.self)
        case .string: storage = .string; values = PartStorage(capacity: capacity, of: UInt32.self)
        case .code: storage = .code; values = PartStorage(capacity: capacity, of: UInt32.self)
        }
        next = values.base
        self.capacity = values.capacity
        nullWords.reserveCapacity((capacity + 63) / 64)
    }

    var ints: UnsafeBufferPointer<Int64> { values.elements(count, of: Int64.self) }
    var doubles: UnsafeBufferPointer<Double> { values.elements(count, of: Double.self) }
    var bools: UnsafeBufferPointer<Bool> { values.elements(count, of: Bool.self) }
    var dates: UnsafeBufferPointer<Int32> { values.elements(count, of: Int32.self) }
    /// Interner codes for a string column; code-list indices for a code column.
    var codes: UnsafeBufferPointer<UInt32> { values.elements(count, of: UInt32.self) }

    /// Stores the next row's value (before `advance` counts the row).
    @inline(__always) private mutating func store<Element>(_ value: Element) {
        if count == capacity {
            values = values.grown(keeping: count, of: Element.self)
            next = values.base + count * MemoryLayout<Element>.stride
            capacity = values.capacity
        }
        next.storeBytes(of: value, as: Element.self)
        next += MemoryLayout<Element>.stride
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
        switch storage {
        case .int: store(Int64(0))
        case .double: store(Double(0))
        case .bool: store(false)
        case .date: store(Int32(0))
        case .string, .code: store(UInt32(0))
        }
        advance(isNull: true)
    }

    /// Appends a parsed value, passed as the raw 64 bits `RowValue` carries.
    @inline(__always) mutating func append(parsed bits: UInt64) {
        switch storage {
        case .int: store(Int64(bitPattern: bits))
        case .double: store(Double(bitPattern: bits))
        case .bool: store(bits != 0)
        case .date: store(Int32(truncatingIfNeeded: Int64(bitPattern: bits)))
        case .code: store(UInt32(truncatingIfNeeded: bits))
        case .string: preconditionFailure("strings are appended by their bytes")
        }
        advance(isNull: false)
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
        defer { advance(isNull: false) }
        guard bytes.count <= 16 else {
            previousLength = -1
            store(code(of: bytes))
            return
        }
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        if bytes.count == previousLength, words == previousWords {
            store(previousCode)
            return
        }
        let code = code(of: bytes)
        store(code)
        previousLength = bytes.count
        previousWords = words
        previousCode = code
    }
}
