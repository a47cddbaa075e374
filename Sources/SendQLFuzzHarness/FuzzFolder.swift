#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A private temporary folder for one input, removed with everything written in it when released.
/// One per input, never shared: the tests replay inputs of one target in parallel.
///
/// Plain C calls rather than Foundation, so the leak checker of a fuzz run sees only sendql's
/// allocations.
final class FuzzFolder: @unchecked Sendable {
    let path: String
    private var written: Set<String> = []

    init() {
        var template = Array("/tmp/sendql-fuzz-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "cannot make a temporary folder")
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        for name in written { unlink(path + "/" + name) }
        rmdir(path)
    }

    /// Writes `bytes` as the file `name` in the folder.
    func write(_ name: String, _ bytes: [UInt8]) {
        written.insert(name)
        let descriptor = open(path + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(descriptor >= 0, "cannot write \(name)")
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            precondition(count > 0, "cannot write \(name)")
            written += count
        }
    }

    /// Removes the file `name` if it is there.
    func remove(_ name: String) {
        unlink(path + "/" + name)
    }
}
