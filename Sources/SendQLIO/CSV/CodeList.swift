/// The values a code column accepts, in their stored spelling.
///
/// Matching is ASCII case-insensitive (`y`, `Y`); the stored value is always the list's spelling, so
/// `y` is stored as `Y` and `Good` as `good`.
public struct CodeList: Sendable, Hashable {
    /// The accepted values, in the order messages and dictionaries list them.
    public let values: [String]
    /// The values' bytes folded to lower case, for matching without making a `String` per field.
    let foldedBytes: [[UInt8]]

    /// A list of the given values, in their stored spelling.
    public init(_ values: [String]) {
        precondition(!values.isEmpty, "a code list needs at least one value")
        self.values = values
        foldedBytes = values.map { Array($0.utf8).map(asciiLowercased) }
    }

    /// Lists are equal when their values are.
    public static func == (lhs: CodeList, rhs: CodeList) -> Bool { lhs.values == rhs.values }
    /// Hashes the values.
    public func hash(into hasher: inout Hasher) { hasher.combine(values) }

    /// `Y, N, A, W, H`, as messages show the list.
    public var listText: String { values.joined(separator: ", ") }

    /// The index of the value matching `field` case-insensitively, or nil.
    @inline(__always)
    func index(matching field: UnsafeBufferPointer<UInt8>) -> Int? {
        candidates: for (index, folded) in foldedBytes.enumerated() where folded.count == field.count {
            for offset in 0..<folded.count where asciiLowercased(field[offset]) != folded[offset] {
                continue candidates
            }
            return index
        }
        return nil
    }
}

/// The byte folded to ASCII lower case; other bytes unchanged.
@inline(__always)
func asciiLowercased(_ byte: UInt8) -> UInt8 {
    byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
}
