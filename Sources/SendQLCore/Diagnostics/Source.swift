/// A named text (a script file, a REPL entry, a CSV file) that spans point into.
///
/// Line and column are computed only when a diagnostic is rendered.
public struct Source: Sendable, Hashable {
    /// What to call it in messages: a path, `<repl>`, `<command line>`.
    public let name: String
    public let text: String
    /// Byte offset at which each line starts.
    public let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        var starts = [0]
        for (offset, byte) in text.utf8.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// 1-based line and column (column counts Unicode scalars, so carets line up under text).
    public func location(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        let utf8 = text.utf8
        let end = min(max(offset, lineStart), utf8.count)
        let from = utf8.index(utf8.startIndex, offsetBy: lineStart), to = utf8.index(utf8.startIndex, offsetBy: end)
        let prefix = String(decoding: utf8[from..<to], as: UTF8.self)
        return (low + 1, prefix.unicodeScalars.count + 1)
    }

    /// The text of a 1-based line, without its line break.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let utf8 = text.utf8
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        let base = utf8.startIndex
        if end > start, utf8[utf8.index(base, offsetBy: end - 1)] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[utf8.index(base, offsetBy: start)..<utf8.index(base, offsetBy: max(start, end))], as: UTF8.self)
    }
}
