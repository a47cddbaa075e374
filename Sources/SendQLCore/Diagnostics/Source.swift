/// A named text (a script file, a REPL entry, a CSV file) that spans point into.
///
/// Line and column are computed only when a diagnostic is rendered.
public struct Source: Sendable, Hashable {
    /// What to call it in messages: a path, `<repl>`, `<command line>`.
    public let name: String
    public let text: String
    /// Byte offset at which each line starts.
    public let lineStarts: [Int]

    /// For every block of `Source.blockSize` bytes, how many Unicode scalars start before it, so that
    /// a column is found in constant time however long its line (a minified or generated script, a
    /// CSV file with a huge header).
    let scalarsBeforeBlock: [Int]
    static let blockSize = 256

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        var starts = [0]
        var blocks: [Int] = []
        var scalars = 0
        for (offset, byte) in text.utf8.enumerated() {
            if offset % Source.blockSize == 0 { blocks.append(scalars) }
            if byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
            // Every byte that does not continue a UTF-8 sequence starts a scalar.
            if byte & 0xC0 != 0x80 { scalars += 1 }
        }
        blocks.append(scalars)
        lineStarts = starts
        scalarsBeforeBlock = blocks
    }

    /// The text under `span` (clamped to the text).
    public func text(of span: Span) -> String {
        let bytes = Array(text.utf8)
        let start = min(max(0, span.start), bytes.count)
        return String(decoding: bytes[start..<min(bytes.count, max(start, span.end))], as: UTF8.self)
    }

    /// 1-based line and column (column counts Unicode scalars, so carets line up under text).
    public func location(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        let end = min(max(offset, lineStart), text.utf8.count)
        return (low + 1, scalarsBefore(end) - scalarsBefore(lineStart) + 1)
    }

    /// How many Unicode scalars start before a byte offset.
    private func scalarsBefore(_ offset: Int) -> Int {
        let block = offset / Source.blockSize
        var count = scalarsBeforeBlock[min(block, scalarsBeforeBlock.count - 1)]
        let utf8 = text.utf8
        var index = utf8.index(utf8.startIndex, offsetBy: block * Source.blockSize)
        let end = utf8.index(utf8.startIndex, offsetBy: offset)
        while index < end {
            if utf8[index] & 0xC0 != 0x80 { count += 1 }
            utf8.formIndex(after: &index)
        }
        return count
    }

    /// The text of a 1-based line, without its line break.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        let base = utf8.startIndex
        if end > start, utf8[utf8.index(base, offsetBy: end - 1)] == UInt8(ascii: "\r") { end -= 1 }
        return String(
            decoding: utf8[utf8.index(base, offsetBy: start)..<utf8.index(base, offsetBy: max(start, end))],
            as: UTF8.self)
    }
}
