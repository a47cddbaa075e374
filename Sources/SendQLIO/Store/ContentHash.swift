#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SendQLCore

/// SHA-256 fingerprints recorded with each snapshot, so a figure can be traced to the exact script
/// and data that made it.
public enum ContentHash {
    /// The SHA-256 of a script's text (its UTF-8 bytes), as 64 hex digits.
    public static func script(_ text: String) -> String {
        SHA256.hex(Array(text.utf8))
    }

    /// The SHA-256 of a data folder, as 64 hex digits: of its regular files directly inside it
    /// (links followed; names starting with `.` and subfolders left out), in byte order of their
    /// names, each fed as the name's UTF-8 bytes, a 0 byte, the length as 8 bytes big-endian and
    /// the contents, after the line `sendql-folder-v1\n`. Renaming, adding, removing or changing a
    /// file changes the hash; the files' dates and permissions do not.
    public static func folder(_ path: String) throws(Diagnostic) -> String {
        guard let listing = opendir(path) else {
            throw Diagnostic(.unreadable, "cannot read the data folder \(path): \(lastErrorText())")
        }
        var names: [String] = []
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(listing)
        names.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var hash = SHA256()
        hash.update(Array("sendql-folder-v1\n".utf8))
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        for name in names {
            let filePath = path.hasSuffix("/") ? path + name : path + "/" + name
            var status = stat()
            guard stat(filePath, &status) == 0 else {
                throw Diagnostic(.unreadable, "cannot read \(filePath): \(lastErrorText())")
            }
            guard fileKind(status.st_mode) == .regular else { continue }
            let descriptor = open(filePath, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Diagnostic(.unreadable, "cannot read \(filePath): \(lastErrorText())") }
            defer { close(descriptor) }
            hash.update(Array(name.utf8) + [0])
            let size = UInt64(status.st_size)
            hash.update((0..<8).reversed().map { UInt8(truncatingIfNeeded: size >> UInt64($0 * 8)) })
            var total: UInt64 = 0
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Diagnostic(.unreadable, "cannot read \(filePath): \(lastErrorText())")
                }
                if count == 0 { break }
                total += UInt64(count)
                buffer.withUnsafeBytes { hash.update(buffer: UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
            }
            guard total == size else {
                throw Diagnostic(.unreadable, "\(filePath) changed while it was being read; hash it again")
            }
        }
        return SHA256.hexText(hash.finish())
    }
}
