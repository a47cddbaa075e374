#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file atomically: bytes go to a temporary file in the destination's directory, which is
/// renamed over the destination only by `commit()`. A reader never sees a half-written file, and a
/// failed or abandoned write leaves the previous file (if any) untouched.
public final class AtomicFileSink: ByteSink {
    /// The path the file will have once committed.
    public let destination: String
    /// The temporary file the bytes go to until then.
    public let temporaryPath: String
    private var descriptor: Int32
    private var finished = false

    /// Creates the temporary file beside `destination` (the directory must exist).
    public init(destination: String) throws {
        self.destination = destination
        let slash = destination.lastIndex(of: "/")
        let directory = slash.map { String(destination[..<$0]) } ?? "."
        let name = slash.map { String(destination[destination.index(after: $0)...]) } ?? destination
        var template = Array("\(directory)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw FileOutputError(path: destination, operation: "create", reason: Self.lastErrorText())
        }
        descriptor = fd
        temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkstemp makes the file private (0600); the result is an ordinary data file.
        fchmod(fd, 0o644)
    }

    deinit {
        if !finished { discard() }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var address = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = systemWrite(descriptor, address, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw FileOutputError(path: destination, operation: "write", reason: Self.lastErrorText())
            }
            address += written
            remaining -= written
        }
    }

    /// Closes the temporary file and renames it over the destination.
    public func commit() throws {
        precondition(!finished, "AtomicFileSink committed or discarded twice")
        finished = true
        if close(descriptor) != 0 {
            let reason = Self.lastErrorText()
            unlink(temporaryPath)
            throw FileOutputError(path: destination, operation: "write", reason: reason)
        }
        if rename(temporaryPath, destination) != 0 {
            let reason = Self.lastErrorText()
            unlink(temporaryPath)
            throw FileOutputError(path: destination, operation: "rename into place", reason: reason)
        }
    }

    /// Closes and deletes the temporary file, leaving the destination as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        unlink(temporaryPath)
    }

    private static func lastErrorText() -> String { String(cString: strerror(errno)) }
}

/// The C library's `write`, named apart from `ByteSink.write`.
func systemWrite(_ fd: Int32, _ address: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, address, count)
    #else
        Darwin.write(fd, address, count)
    #endif
}
