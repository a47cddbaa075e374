/// An open-addressing hash map from Int64 keys to dense Int32 ids, for group-by and join keys.
///
/// Swift's Dictionary hashes with SipHash and boxes little; this linear-probing table with
/// Fibonacci hashing is several times faster on the millions of integer keys a national
/// dataset has, which is why it is hand-written.
struct IntHashMap {
    private var keys: [Int64]
    private var ids: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [Int64](repeating: 0, count: size)
        ids = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always) private func slot(for key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The id of `key`, assigning the next id when it is new.
    @inline(__always) mutating func id(for key: Int64) -> Int32 {
        var i = slot(for: key)
        while true {
            let existing = ids[i]
            if existing < 0 {
                let id = Int32(count)
                keys[i] = key
                ids[i] = id
                count += 1
                if count * 2 > keys.count { grow() }
                return id
            }
            if keys[i] == key { return existing }
            i = (i + 1) & mask
        }
    }

    /// The id of `key`, or -1.
    @inline(__always) func lookup(_ key: Int64) -> Int32 {
        var i = slot(for: key)
        while true {
            let existing = ids[i]
            if existing < 0 { return -1 }
            if keys[i] == key { return existing }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldIds = ids
        let size = keys.count * 2
        keys = [Int64](repeating: 0, count: size)
        ids = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (key, id) in zip(oldKeys, oldIds) where id >= 0 {
            var i = slot(for: key)
            while ids[i] >= 0 { i = (i + 1) & mask }
            keys[i] = key
            ids[i] = id
        }
    }
}
