/// Somewhere bytes can be written in chunks: a file, or memory in tests.
public protocol ByteSink: AnyObject {
    /// Writes all of `bytes`, or throws.
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// A sink that keeps everything written to it in memory.
public final class MemoryByteSink: ByteSink {
    /// Every byte written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty sink.
    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }

    /// The bytes written so far, decoded as UTF-8.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
