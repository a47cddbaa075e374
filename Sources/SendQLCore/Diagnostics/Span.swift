/// A half-open byte range `[start, end)` into one `Source`.
public struct Span: Sendable, Hashable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest span covering both.
    public func merged(with other: Span) -> Span { Span(min(start, other.start), max(end, other.end)) }

    public var length: Int { end - start }

    public var description: String { "\(start)..<\(end)" }
}
