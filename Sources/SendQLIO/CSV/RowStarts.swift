/// Where each loaded row starts in its file, kept in 4 bytes a row when the file is under 4 GiB.
struct RowStarts {
    private var narrow: [UInt32] = []
    private var wide: [Int] = []
    private let isWide: Bool

    /// Empty; `fileSize` decides the width of an entry.
    init(fileSize: Int, capacity: Int = 0) {
        isWide = fileSize > Int(UInt32.max)
        if isWide { wide.reserveCapacity(capacity) } else { narrow.reserveCapacity(capacity) }
    }

    /// The parts one after another.
    init(concatenating parts: [RowStarts], fileSize: Int) {
        self.init(fileSize: fileSize, capacity: parts.reduce(0) { $0 + $1.count })
        for part in parts {
            if isWide { wide.append(contentsOf: part.wide) } else { narrow.append(contentsOf: part.narrow) }
        }
    }

    var count: Int { isWide ? wide.count : narrow.count }

    @inline(__always) mutating func append(_ start: Int) {
        if isWide { wide.append(start) } else { narrow.append(UInt32(truncatingIfNeeded: start)) }
    }

    @inline(__always) subscript(row: Int) -> Int { isWide ? wide[row] : Int(narrow[row]) }
}
