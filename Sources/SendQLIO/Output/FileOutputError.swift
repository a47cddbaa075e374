/// A file could not be created, written, or moved into place.
public struct FileOutputError: Error, Sendable, CustomStringConvertible {
    /// The path being written.
    public var path: String
    /// What was being done: "create", "write", "rename", ...
    public var operation: String
    /// The operating system's explanation (strerror).
    public var reason: String

    /// An error about `path`.
    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "cannot \(operation) \(path): \(reason)" }
}
