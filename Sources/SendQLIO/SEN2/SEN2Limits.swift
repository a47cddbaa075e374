/// The limits an SEN2 return is read within, so a hostile or broken file costs bounded time and memory.
public struct SEN2Limits: Sendable, Hashable {
    /// The largest file read, in bytes (a large LA's return is a few tens of megabytes).
    public var maximumFileBytes = 1 << 30
    /// The deepest element nesting (an SEN2 return nests 8 deep).
    public var maximumDepth = 32
    /// The longest value of one item, in bytes.
    public var maximumValueBytes = 1 << 16

    /// The default limits.
    public init() {}
}
