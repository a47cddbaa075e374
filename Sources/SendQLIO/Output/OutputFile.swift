#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SendQLCore

/// A file being written under an `OutputFolder`: bytes go to a temporary file beside the
/// destination, which `commit()` flushes to disk and renames into place. Dropped without a
/// commit, the temporary file is deleted and the destination is left as it was.
public final class OutputFile: ByteSink {
    /// The absolute path the file will have once committed.
    public let path: String
    /// The path as the caller named it, relative to the output folder.
    public let relativePath: String
    /// The temporary file's name, in the destination's folder.
    public let temporaryName: String
    private let folder: Int32
    private let name: String
    private var descriptor: Int32
    private var finished = false

    /// Creates the temporary file in `folder` (a descriptor this file now owns).
    init(folder: Int32, name: String, path: String, relativePath: String) throws(Diagnostic) {
        self.folder = folder
        self.name = name
        self.path = path
        self.relativePath = relativePath
        // Names are at most 255 bytes: keep the prefix, pid and random part, shorten the name.
        var generator = SystemRandomNumberGenerator()
        var opened: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            let random = String(generator.next() as UInt32, radix: 16)
            var shortName = name
            while shortName.utf8.count > 200 { shortName.removeLast() }
            temporary = "\(OutputFolder.partialPrefix)\(getpid())-\(random)-\(shortName)"
            opened = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if opened >= 0 || errno != EEXIST { break }
        }
        guard opened >= 0 else {
            let reason = lastErrorText()
            close(folder)
            throw Diagnostic(.writeFailed, "cannot create \(relativePath): \(reason)")
        }
        descriptor = opened
        temporaryName = temporary
    }

    deinit {
        if !finished { discard() }
    }

    /// Writes all of `bytes` to the temporary file.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try writeBytes(bytes)
    }

    /// `write`, with the error typed.
    func writeBytes(_ bytes: UnsafeRawBufferPointer) throws(Diagnostic) {
        precondition(!finished, "OutputFile written after commit or discard")
        guard var address = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = systemWrite(descriptor, address, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(.writeFailed, "cannot write \(relativePath): \(lastErrorText())")
            }
            address += written
            remaining -= written
        }
    }

    /// Flushes the temporary file to disk, renames it over the destination and flushes the
    /// folder; returns the absolute path written. On failure the destination is left as it was.
    @discardableResult
    public func commit() throws(Diagnostic) -> String {
        precondition(!finished, "OutputFile committed or discarded twice")
        finished = true
        defer { close(folder) }
        if fsync(descriptor) != 0 {
            let reason = lastErrorText()
            close(descriptor)
            unlinkat(folder, temporaryName, 0)
            throw Diagnostic(.writeFailed, "cannot write \(relativePath) to disk: \(reason)")
        }
        if close(descriptor) != 0 {
            let reason = lastErrorText()
            unlinkat(folder, temporaryName, 0)
            throw Diagnostic(.writeFailed, "cannot write \(relativePath): \(reason)")
        }
        // The checks ran when the file was created; look again in case the entry changed since.
        // (A rename replaces a link itself, never what it points to, so this is only for a clear message.)
        var status = stat()
        if fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 {
            let kind = fileKind(status.st_mode)
            if kind != .regular {
                unlinkat(folder, temporaryName, 0)
                throw Diagnostic(
                    kind == .symlink ? .symlinkOutside : .specialFile,
                    "\(relativePath) became \(kind.phrase) while it was being written; nothing was written")
            }
        }
        if renameat(folder, temporaryName, folder, name) != 0 {
            let reason = lastErrorText()
            unlinkat(folder, temporaryName, 0)
            throw Diagnostic(.writeFailed, "cannot move \(relativePath) into place: \(reason)")
        }
        // The rename is durable only once the folder itself is flushed.
        fsync(folder)
        return path
    }

    /// Closes and deletes the temporary file, leaving the destination as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        unlinkat(folder, temporaryName, 0)
        close(folder)
    }
}
