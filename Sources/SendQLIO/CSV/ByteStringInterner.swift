#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SendQLCore

/// Gives each distinct byte string a dense code in order of first appearance, looking values up by
/// their bytes so that a value already seen costs a hash and a compare, not a `String`.
///
/// Open addressing with linear probing over a power-of-two slot table. The bytes must be valid UTF-8
/// (the reader checks the whole file first), so each new value becomes a `String` exactly once, and
/// the `String`s are all that is kept of the values: a probe compares against a string's own UTF-8
/// (inline in the `String` for values up to 15 bytes, the usual identifier), which keeps a column of
/// millions of distinct identifiers to about 30 bytes a value while it is parsed.
struct ByteStringInterner {
    /// The distinct values, indexed by code.
    private(set) var values: [String] = []
    /// Per slot: the top 32 bits of the value's hash (a fingerprint that settles most probes without
    /// touching the value) in the high half and its code + 1 in the low half; 0 marks an empty slot.
    /// A value's home slot is the top bits of its hash, so growing the table re-places entries from
    /// their fingerprints alone, without hashing any value again.
    private var slots: [UInt64]
    /// log2 of the slot count.
    private var slotBits = 6

    /// True while every value so far is greater (by `less`) than the one before: the values are then
    /// distinct without a table, and none is built. A key column written in key order (numbered
    /// identifiers) never needs one; that saves a cache miss per row of a table of
    /// millions. The first value out of order builds the table from the values so far.
    private(set) var isAscending = true

    init() {
        slots = [UInt64](repeating: 0, count: 64)
    }

    var count: Int { values.count }

    /// The first and last values (nil when empty).
    var first: String? { values.first }
    var last: String? { values.last }

    /// The code of the value with these bytes, adding it when new.
    @inline(__always)
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if isAscending {
            if values.isEmpty || Self.withBytes(of: values[values.count - 1], { Self.less($0, bytes) }) {
                values.append(String(decoding: bytes, as: UTF8.self))
                return UInt32(values.count - 1)
            }
            buildTable()
        }
        let hash = Self.hash(bytes)
        if let code = find(bytes, hash: hash) { return code }
        let code = UInt32(values.count)
        values.append(String(decoding: bytes, as: UTF8.self))
        insert(hash: hash, code: code, into: &slots, bits: slotBits)
        // Keep the table at most three quarters full: the fingerprints keep probes cheap.
        if values.count * 4 > slots.count * 3 { grow() }
        return code
    }

    /// The code of a `String` value, adding it when new.
    mutating func intern(_ value: String) -> UInt32 {
        var copy = value
        return copy.withUTF8 { intern($0) }
    }

    /// Frees the lookup table, keeping the values; the interner can then only be read.
    mutating func dropIndex() {
        slots = [0]
        slotBits = 0
        isAscending = false
    }

    /// Leaves ascending mode: hashes every value so far into a table big enough for them.
    mutating func buildTable() {
        guard isAscending else { return }
        isAscending = false
        var bits = 6
        while (1 << bits) * 3 < values.count * 4 + 4 { bits += 1 }
        var table = [UInt64](repeating: 0, count: 1 << bits)
        for (code, value) in values.enumerated() {
            insert(hash: Self.withBytes(of: value, Self.hash), code: UInt32(code), into: &table, bits: bits)
        }
        slots = table
        slotBits = bits
    }

    /// `a < b` ordering by length, then bytewise: a strict total order (all it takes to prove values
    /// distinct) under which numbered identifiers ascend whether or not their numbers are padded
    /// (`P9` < `P10`, `REQ-999999` < `REQ-1000000`).
    @inline(__always) static func less(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if a.count != b.count { return a.count < b.count }
        guard a.count > 0 else { return false }
        return memcmp(a.baseAddress!, b.baseAddress!, a.count) < 0
    }

    /// For each value of `other`, in its code order, this interner's code of the same bytes, or -1.
    func codes(of other: ByteStringInterner) -> [Int32] {
        other.values.map { value in
            Self.withBytes(of: value) { bytes in find(bytes, hash: Self.hash(bytes)).map { Int32($0) } ?? -1 }
        }
    }

    /// The home slot of a hash in a table of 2^bits slots.
    @inline(__always) private static func home(_ hash: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: hash >> UInt64(64 - bits))
    }

    @inline(__always) private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> UInt32? {
        let mask = slots.count - 1
        let fingerprint = hash & 0xFFFF_FFFF_0000_0000
        var slot = Self.home(hash, bits: slotBits)
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == fingerprint {
                let code = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if Self.withBytes(of: values[code], { Self.equal($0, bytes) }) { return UInt32(code) }
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always) private func insert(hash: UInt64, code: UInt32, into table: inout [UInt64], bits: Int) {
        let mask = table.count - 1
        var slot = Self.home(hash, bits: bits)
        while table[slot] != 0 { slot = (slot + 1) & mask }
        table[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(code + 1)
    }

    /// Doubles the slot table. Entries move by their fingerprints (the hash's top 32 bits hold the
    /// home slot while the table has at most 2^32 slots), so no value is hashed again.
    private mutating func grow() {
        let bits = slotBits + 1
        precondition(bits <= 32, "an interner holds fewer than 2^31 values")
        var bigger = [UInt64](repeating: 0, count: 1 << bits)
        for entry in slots where entry != 0 {
            insert(
                hash: entry & 0xFFFF_FFFF_0000_0000, code: UInt32(truncatingIfNeeded: entry) - 1, into: &bigger,
                bits: bits)
        }
        slots = bigger
        slotBits = bits
    }

    /// Calls `body` with a string's UTF-8 bytes, without copying a native string's storage.
    @inline(__always)
    static func withBytes<R>(of value: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = value.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = value
        return copy.withUTF8(body)
    }

    @inline(__always) static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        if a.count == 0 { return true }
        return memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
    }

    /// The reader's 64-bit hash of the bytes (the same as the string dictionaries').
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        StringHash.hash(bytes: bytes)
    }
}
