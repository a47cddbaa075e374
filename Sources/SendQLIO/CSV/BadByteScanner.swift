/// Finds the bytes no text file should hold: NUL bytes and bytes that are not valid UTF-8.
///
/// One pass over the whole file before parsing, eight ASCII bytes at a time, so the record parsers can
/// treat every other byte as text and intern strings without validating them again.
enum BadByteScanner {
    /// The offsets, ascending, of every NUL byte and of the first byte of every invalid UTF-8 sequence
    /// (each invalid byte is its own sequence, as `String(decoding:)` would replace it).
    /// `release`, when given, is called with each 16 MiB stretch already scanned (so a mapped file's
    /// pages need not all be resident at once).
    static func badByteOffsets(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, release: ((Range<Int>) -> Void)? = nil
    ) -> [Int] {
        var offsets: [Int] = []
        guard let base = bytes.baseAddress else { return offsets }
        let count = bytes.count
        var index = start
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let lowBits: UInt64 = 0x0101_0101_0101_0101
        var released = start
        while index < count {
            if let release, index - released >= 1 << 24 {
                release(released..<index)
                released = index
            }
            // Fastest path: 32 ASCII bytes, none of them zero (four words tested together).
            if index + 32 <= count {
                let words = UnsafeRawPointer(base + index)
                let a = words.loadUnaligned(as: UInt64.self)
                let b = words.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                let c = words.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
                let d = words.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                let zeroBytes =
                    ((a &- lowBits) & ~a) | ((b &- lowBits) & ~b)
                    | ((c &- lowBits) & ~c) | ((d &- lowBits) & ~d)
                if (a | b | c | d | zeroBytes) & highBits == 0 {
                    index += 32
                    continue
                }
            }
            // Fast path: eight ASCII bytes, none of them zero.
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let hasZeroByte = (word &- lowBits) & ~word & highBits != 0
                if word & highBits == 0, !hasZeroByte {
                    index += 8
                    continue
                }
            }
            let lead = base[index]
            if lead == 0 {
                offsets.append(index)
                index += 1
                continue
            }
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(base, index, count)
            if length == 0 {
                offsets.append(index)
                index += 1
            } else {
                index += length
            }
        }
        return offsets
    }

    /// The length of the valid UTF-8 sequence starting at `index` with a non-ASCII lead, or 0.
    /// Follows the Unicode table of well-formed sequences (no overlongs, surrogates or > U+10FFFF).
    private static func sequenceLength(_ base: UnsafePointer<UInt8>, _ index: Int, _ count: Int) -> Int {
        let lead = base[index]
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: return 0
        }
        guard index + length <= count else { return 0 }
        let second = base[index + 1]
        guard second >= secondLow, second <= secondHigh else { return 0 }
        for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }
}
