#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives each distinct byte string a dense code in order of first appearance, looking values up by
/// their bytes so that a value already seen costs a hash and a compare, not a `String`.
///
/// Open addressing with linear probing over a power-of-two slot table; the distinct values' bytes
/// live back to back in one arena. The bytes must be valid UTF-8 (the reader checks the whole file
/// first), so each new value becomes a `String` exactly once.
struct ByteStringInterner {
    /// The distinct values, indexed by code.
    private(set) var values: [String] = []
    /// Per slot: the value's hash in the high 32 bits (a fingerprint that settles most probes without
    /// touching the arena) and its code + 1 in the low 32; 0 marks an empty slot. One array, so a probe
    /// costs one cache miss.
    private var slots: [UInt64]
    private var hashes: [UInt64] = []
    private var arena: [UInt8] = []
    /// Where each code's bytes start in the arena; one extra entry marks the arena's end.
    private var arenaStarts: [Int] = [0]

    init() {
        slots = [UInt64](repeating: 0, count: 64)
    }

    var count: Int { values.count }

    /// The code of the value with these bytes, adding it when new.
    @inline(__always)
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        let fingerprint = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == fingerprint {
                let code = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if equals(code, bytes) { return UInt32(code) }
            }
            slot = (slot + 1) & mask
        }
        let code = UInt32(values.count)
        values.append(String(decoding: bytes, as: UTF8.self))
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        arenaStarts.append(arena.count)
        slots[slot] = fingerprint | UInt64(code + 1)
        // Keep the table at most half full so probes stay short.
        if values.count * 2 > slots.count { grow() }
        return code
    }

    /// For each value of `other`, in its code order, this interner's code of the same bytes, or -1.
    /// Uses `other`'s stored hashes and bytes: no hashing, no `String`s, no growth.
    func codes(of other: ByteStringInterner) -> [Int32] {
        let mask = slots.count - 1
        return other.arena.withUnsafeBufferPointer { otherArena in
            (0..<other.count).map { code in
                let hash = other.hashes[code]
                let start = other.arenaStarts[code]
                let bytes = UnsafeBufferPointer(rebasing: otherArena[start..<other.arenaStarts[code + 1]])
                let fingerprint = hash & 0xFFFF_FFFF_0000_0000
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return -1 }
                    if entry & 0xFFFF_FFFF_0000_0000 == fingerprint {
                        let found = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                        if equals(found, bytes) { return Int32(found) }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The code of a `String` value (used when merging interners), adding it when new.
    mutating func intern(_ value: String) -> UInt32 {
        var copy = value
        return copy.withUTF8 { intern($0) }
    }

    @inline(__always) private func equals(_ code: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = arenaStarts[code]
        let length = arenaStarts[code + 1] - start
        guard length == bytes.count else { return false }
        if length == 0 { return true }
        return arena.withUnsafeBufferPointer { stored in
            memcmpEqual(stored.baseAddress! + start, bytes.baseAddress!, length)
        }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for code in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[code]) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = hashes[code] & 0xFFFF_FFFF_0000_0000 | UInt64(code + 1)
        }
        slots = bigger
    }

    /// A fast 64-bit hash of the bytes: eight at a time, multiply-xorshift mixed.
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return mix(hash) }
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            hash = mix(hash ^ word)
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

    @inline(__always) private static func mix(_ value: UInt64) -> UInt64 {
        var x = value &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        x = x &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 29)
    }
}

/// Byte-wise equality of two memory ranges.
@inline(__always)
func memcmpEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    memcmp(lhs, rhs, count) == 0
}
