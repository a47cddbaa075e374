/// Which of the two output streams a piece of text belongs on.
public enum REPLStream: Sendable, Equatable {
    /// Results, the banner, help: standard output.
    case output
    /// Errors and warnings: standard error.
    case error
}

/// Where the REPL writes. The executable passes the process's standard streams; tests collect the
/// text. The REPL library prints nothing any other way (readline's own prompt and echo aside).
public protocol REPLOutput: AnyObject {
    func write(_ text: String, to stream: REPLStream)
}

/// An output that keeps everything written to it; for tests.
public final class CollectedOutput: REPLOutput {
    /// Everything written, both streams interleaved in order.
    public private(set) var all = ""
    /// What was written to standard output.
    public private(set) var output = ""
    /// What was written to standard error.
    public private(set) var error = ""

    /// An empty collection.
    public init() {}

    public func write(_ text: String, to stream: REPLStream) {
        all += text
        switch stream {
        case .output: output += text
        case .error: error += text
        }
    }
}
