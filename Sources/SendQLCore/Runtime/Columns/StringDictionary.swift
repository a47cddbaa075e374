import Synchronization

/// The distinct strings of a dictionary-encoded column; a row stores the code (index) of its string.
///
/// The lookup index (string to code) is built only when something interns into the dictionary: a
/// dictionary made from a list of values (what the CSV reader produces, one per string column) holds
/// just the list, so a national dataset's millions of identifiers cost no hash table. `code(of:)`
/// scans a dictionary without an index; a caller that looks up many strings maps whole dictionaries
/// with `codes(in:)` instead.
public struct StringDictionary: Sendable, Equatable {
    public private(set) var values: [String] = []
    /// Open addressing: per slot the code + 1 of the string that hashes there, 0 when empty. nil until
    /// the first `intern`.
    private var slots: [UInt32]?
    /// The slot table of these values once a lookup has needed one, shared by every copy of the
    /// dictionary until one of them adds a value: a table's key column is hashed once per session,
    /// not at every join or append that reads it.
    private var sharedIndex = SharedSlotTable()

    public init() {}

    /// A dictionary of these distinct values, in this order (no index is built).
    public init(_ values: [String]) {
        self.values = values
    }

    public var count: Int { values.count }

    /// The code of `value`, adding it when new.
    @inline(__always) public mutating func intern(_ value: String) -> UInt32 {
        if slots == nil { buildIndex() }
        let hash = StringHash.hash(value)
        var slot = Int(truncatingIfNeeded: hash) & (slots!.count - 1)
        while true {
            let entry = slots![slot]
            if entry == 0 { break }
            if values[Int(entry - 1)] == value { return entry - 1 }
            slot = (slot + 1) & (slots!.count - 1)
        }
        let code = UInt32(values.count)
        values.append(value)
        // The shared table belongs to the values before this one.
        sharedIndex = SharedSlotTable()
        slots![slot] = code + 1
        if values.count * 2 > slots!.count { buildIndex() }
        return code
    }

    /// The code of `value`, or nil when it is not in the dictionary.
    public func code(of value: String) -> UInt32? {
        if let slots {
            var slot = Int(truncatingIfNeeded: StringHash.hash(value)) & (slots.count - 1)
            while slots[slot] != 0 {
                if values[Int(slots[slot] - 1)] == value { return slots[slot] - 1 }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
        return values.firstIndex(of: value).map { UInt32($0) }
    }

    /// The code of the string with these UTF-8 bytes, or nil. Hashes when the index is built
    /// (`prepareLookups`), else scans.
    public func code(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard let slots else { return code(of: String(decoding: bytes, as: UTF8.self)) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: StringHash.hash(bytes: bytes)) & mask
        while slots[slot] != 0 {
            let code = slots[slot] - 1
            if StringHash.equal(values[Int(code)], bytes) { return code }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Builds the lookup index now (when it is not there yet), so that `code(of:)` and `codes(in:)`
    /// against this dictionary hash rather than scan.
    public mutating func prepareLookups() {
        if slots == nil { buildIndex() }
    }

    /// For each code of this dictionary, the code of the same string in `other`, or -1.
    public func codes(in other: StringDictionary) -> [Int32] {
        codes(in: other, forCodes: 0..<count)
    }

    /// `codes(in:)` for the codes in `range` only (so callers can split the work across threads).
    public func codes(in other: StringDictionary, forCodes range: Range<Int>) -> [Int32] {
        if other.count <= 8 {
            return values[range].map { value in other.values.firstIndex(of: value).map { Int32($0) } ?? -1 }
        }
        let table = other.slots ?? other.sharedIndex.table(for: other.values)
        let mask = table.count - 1
        return values[range].map { value in
            var slot = Int(truncatingIfNeeded: StringHash.hash(value)) & mask
            while table[slot] != 0 {
                let code = Int(table[slot] - 1)
                if other.values[code] == value { return Int32(code) }
                slot = (slot + 1) & mask
            }
            return -1
        }
    }

    @inline(__always) public subscript(code: UInt32) -> String { values[Int(code)] }

    public static func == (lhs: StringDictionary, rhs: StringDictionary) -> Bool { lhs.values == rhs.values }

    private mutating func buildIndex() {
        // A fresh table when the values have outgrown the one there; else the shared one (copied when first written).
        slots = slots == nil ? sharedIndex.table(for: values) : Self.slotTable(for: values)
    }

    /// A slot table for distinct `values`, at most half full.
    fileprivate static func slotTable(for values: [String]) -> [UInt32] {
        var size = 16
        while size < values.count * 2 + 2 { size <<= 1 }
        var table = [UInt32](repeating: 0, count: size)
        let mask = size - 1
        for (code, value) in values.enumerated() {
            var slot = Int(truncatingIfNeeded: StringHash.hash(value)) & mask
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = UInt32(code + 1)
        }
        return table
    }
}

/// A dictionary's slot table, built at most once and shared by its copies (a lock, as sessions on
/// several threads may read one loaded table).
final class SharedSlotTable: Sendable {
    private let built = Mutex<[UInt32]?>(nil)

    func table(for values: [String]) -> [UInt32] {
        built.withLock { table in
            if let table { return table }
            let made = StringDictionary.slotTable(for: values)
            table = made
            return made
        }
    }
}

/// A fast, unseeded 64-bit hash of a string's UTF-8 bytes (eight at a time, multiply-xorshift mixed).
/// Not for untrusted keys in a long-lived service; fine for a query's columns.
public enum StringHash {
    @inline(__always) public static func hash(_ value: String) -> UInt64 {
        if let hash = value.utf8.withContiguousStorageIfAvailable({ hash(bytes: $0) }) { return hash }
        var copy = value
        return copy.withUTF8 { hash(bytes: $0) }
    }

    @inline(__always) public static func hash(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return mix(hash) }
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            hash = mix(hash ^ UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            index += 8
        }
        if index < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < count {
                tail |= UInt64(base[index]) << shift
                shift += 8
                index += 1
            }
            hash = mix(hash ^ tail)
        }
        return hash
    }

    /// True when the string's UTF-8 is exactly these bytes.
    @inline(__always) public static func equal(_ value: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func same(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            guard utf8.count == bytes.count else { return false }
            for i in 0..<utf8.count where utf8[i] != bytes[i] { return false }
            return true
        }
        if let result = value.utf8.withContiguousStorageIfAvailable(same) { return result }
        var copy = value
        return copy.withUTF8(same)
    }

    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var x = value &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        x = x &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 29)
    }
}
