#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file into memory in one go.
enum FileBytes {
    /// Why a file could not be read, in the C library's words (`No such file or directory`).
    struct Failure: Error {
        var reason: String
    }

    static func read(path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(reason: errorText(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(reason: errorText(errno)) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw Failure(reason: "it is a directory") }
        let expectedSize = max(Int(status.st_size), 0)
        var failure: Int32 = 0
        // Read straight into the array's storage: one allocation, no copy.
        var bytes = [UInt8](unsafeUninitializedCapacity: expectedSize) { buffer, initialized in
            initialized = readFully(descriptor, into: buffer.baseAddress, count: expectedSize, failure: &failure)
        }
        guard failure == 0 else { throw Failure(reason: errorText(failure)) }
        // The size is only a hint: a file that grew (or a special file) is read on to its end.
        if bytes.count == expectedSize {
            var block = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let got = block.withUnsafeMutableBufferPointer { buffer in
                    readFully(descriptor, into: buffer.baseAddress, count: buffer.count, failure: &failure)
                }
                guard failure == 0 else { throw Failure(reason: errorText(failure)) }
                if got == 0 { break }
                bytes.append(contentsOf: block[0..<got])
            }
        }
        return bytes
    }

    /// Reads up to `count` bytes, retrying short and interrupted reads; the number read.
    private static func readFully(
        _ descriptor: Int32, into buffer: UnsafeMutablePointer<UInt8>?, count: Int, failure: inout Int32
    ) -> Int {
        guard let buffer, count > 0 else { return 0 }
        var total = 0
        while total < count {
            let got = systemRead(descriptor, buffer + total, count - total)
            if got < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            if got == 0 { break }
            total += got
        }
        return total
    }

    private static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// The C library's `read`, named apart from the Swift functions called `read`.
@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
