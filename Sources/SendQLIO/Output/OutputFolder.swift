#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SendQLCore

/// The one folder a run may write into (`--out DIR`): every output is named relative to it, and
/// nothing is ever written outside it.
///
/// A relative path is refused when it is absolute (E0730), empty, ends in `/` or has a `..`
/// component (E0731), passes through or ends at a symbolic link leading outside the folder or
/// nowhere (E0732), or meets a FIFO, device, socket or other non-regular file, or a file where a
/// folder is needed (E0733). A symbolic link that stays inside the folder is followed. Missing
/// subfolders are created.
///
/// Folders are opened one component at a time with `O_NOFOLLOW` from the root's descriptor, so a
/// link swapped in after the check is not followed either; the file itself is written to a
/// temporary file in the destination's folder (named `.sendql-partial-<pid>-...`), flushed to disk
/// and renamed over the destination, so a failed or killed run never leaves a half-written file
/// under the destination's name. A later write into the same folder deletes the temporary files
/// of processes that no longer run.
public struct OutputFolder: Sendable {
    /// The folder, as an absolute path with every symbolic link resolved.
    public let root: String

    /// The prefix of temporary files while they are written.
    public static let partialPrefix = ".sendql-partial-"

    /// Opens (and, when `createIfMissing`, creates) the output folder `root`.
    public init(root: String, createIfMissing: Bool = true) throws(Diagnostic) {
        guard !root.isEmpty else { throw Diagnostic(.badPath, "the output folder is an empty path") }
        var status = stat()
        if lstat(root, &status) != 0 {
            guard errno == ENOENT, createIfMissing else {
                throw Diagnostic(.writeFailed, "cannot open the output folder \(root): \(lastErrorText())")
            }
            try Self.makeFolders(root)
        }
        guard let resolved = realpath(root, nil) else {
            throw Diagnostic(.writeFailed, "cannot open the output folder \(root): \(lastErrorText())")
        }
        self.root = String(cString: resolved)
        free(resolved)
        guard stat(self.root, &status) == 0 else {
            throw Diagnostic(.writeFailed, "cannot open the output folder \(root): \(lastErrorText())")
        }
        guard fileKind(status.st_mode) == .folder else {
            throw Diagnostic(
                .specialFile, "the output folder \(root) is \(fileKind(status.st_mode).phrase), not a folder")
        }
    }

    /// Writes `bytes` to `relativePath` under the folder, atomically; returns the absolute path written.
    @discardableResult
    public func write(_ bytes: [UInt8], to relativePath: String) throws(Diagnostic) -> String {
        let file = try create(relativePath)
        var failure: Diagnostic?
        bytes.withUnsafeBytes { buffer in
            do throws(Diagnostic) { try file.writeBytes(buffer) } catch { failure = error }
        }
        if let failure {
            file.discard()
            throw failure
        }
        return try file.commit()
    }

    /// Writes `text` as UTF-8 to `relativePath` under the folder, atomically; returns the absolute path written.
    @discardableResult
    public func write(_ text: String, to relativePath: String) throws(Diagnostic) -> String {
        try write(Array(text.utf8), to: relativePath)
    }

    /// Starts writing `relativePath` in pieces (a large CSV export): the returned file is a
    /// `ByteSink`; nothing appears under the destination's name until `commit()`.
    public func create(_ relativePath: String) throws(Diagnostic) -> OutputFile {
        let (folder, components) = try openParent(of: relativePath, createFolders: true)
        removeStalePartialFiles(in: folder)
        return try OutputFile(
            folder: folder, name: components.last!, path: absolute(components),
            relativePath: relativePath)
    }

    /// Checks `relativePath` as `write` would and creates its missing folders, without writing:
    /// the absolute path for a file that another library writes itself (the SQLite snapshot store).
    public func resolve(_ relativePath: String) throws(Diagnostic) -> String {
        let (folder, components) = try openParent(of: relativePath, createFolders: true)
        close(folder)
        return absolute(components)
    }

    // MARK: Walking the path

    private func absolute(_ components: [String]) -> String {
        ([root == "/" ? "" : root] + components).joined(separator: "/")
    }

    /// The path's components, or why it is refused, before anything on disk is looked at.
    static func components(of relativePath: String) throws(Diagnostic) -> [String] {
        guard !relativePath.isEmpty else { throw Diagnostic(.badPath, "an output path is empty") }
        guard !relativePath.utf8.contains(0) else {
            throw Diagnostic(.badPath, "the output path \"\(relativePath)\" contains a NUL character")
        }
        guard !relativePath.hasPrefix("/") else {
            throw Diagnostic(
                .absolutePath, "the output path \(relativePath) is absolute",
                notes: ["help: name outputs relative to the output folder (--out), e.g. \"figures/ehcp_20wk.svg\""])
        }
        guard !relativePath.hasSuffix("/") else {
            throw Diagnostic(.badPath, "the output path \(relativePath) names a folder, not a file")
        }
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            .filter { $0 != "." }
        guard !parts.contains("..") else {
            throw Diagnostic(
                .badPath, "the output path \(relativePath) climbs out of the output folder with '..'",
                notes: ["help: outputs stay inside the output folder (--out); name them relative to it"])
        }
        guard !parts.isEmpty else { throw Diagnostic(.badPath, "the output path \(relativePath) names no file") }
        return parts
    }

    /// Opens the folder that will hold `relativePath` (creating missing folders when asked) and
    /// returns its descriptor with the path's components after following links inside the folder.
    func openParent(of relativePath: String, createFolders: Bool) throws(Diagnostic) -> (Int32, [String]) {
        var pending = try Self.components(of: relativePath)
        var linksFollowed = 0
        walk: while true {
            guard !pending.isEmpty else {
                throw Diagnostic(
                    .specialFile, "the output path \(relativePath) leads to the output folder itself, not a file")
            }
            var folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard folder >= 0 else {
                throw Diagnostic(.writeFailed, "cannot open the output folder \(root): \(lastErrorText())")
            }
            var done: [String] = []
            for (index, component) in pending.enumerated() {
                let isLast = index == pending.count - 1
                var status = stat()
                if fstatat(folder, component, &status, AT_SYMLINK_NOFOLLOW) != 0 {
                    let error = errno
                    guard error == ENOENT else {
                        close(folder)
                        throw Diagnostic(
                            .writeFailed, "cannot look at \(shown(done + [component])): \(errorText(error))")
                    }
                    if isLast { return (folder, done + [component]) }
                    guard createFolders else {
                        close(folder)
                        throw Diagnostic(.writeFailed, "the folder \(shown(done + [component])) does not exist")
                    }
                    if mkdirat(folder, component, 0o755) != 0, errno != EEXIST {
                        let reason = lastErrorText()
                        close(folder)
                        throw Diagnostic(
                            .writeFailed, "cannot create the folder \(shown(done + [component])): \(reason)")
                    }
                    guard fstatat(folder, component, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
                        let reason = lastErrorText()
                        close(folder)
                        throw Diagnostic(.writeFailed, "cannot look at \(shown(done + [component])): \(reason)")
                    }
                }
                let kind = fileKind(status.st_mode)
                if kind == .symlink {
                    close(folder)
                    linksFollowed += 1
                    guard linksFollowed <= 32 else {
                        throw Diagnostic(
                            .symlinkOutside, "the output path \(relativePath) passes through too many symbolic links")
                    }
                    let inside = try followLink(done + [component], in: relativePath)
                    pending = inside + pending[(index + 1)...]
                    continue walk
                }
                if isLast {
                    switch kind {
                    case .regular: return (folder, done + [component])
                    case .folder:
                        close(folder)
                        throw Diagnostic(
                            .specialFile, "the output path \(shown(done + [component])) is a folder, not a file")
                    default:
                        close(folder)
                        throw Diagnostic(
                            .specialFile,
                            "the output path \(shown(done + [component])) is \(kind.phrase), not a regular file",
                            notes: [
                                "note: sendql writes outputs only as regular files; remove it or choose another name"
                            ])
                    }
                }
                guard kind == .folder else {
                    close(folder)
                    throw Diagnostic(
                        .specialFile,
                        "\(shown(done + [component])) is \(kind.phrase), not a folder, so \(relativePath) cannot be written"
                    )
                }
                let next = openat(folder, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
                let reason = lastErrorText()
                close(folder)
                guard next >= 0 else {
                    throw Diagnostic(.writeFailed, "cannot open the folder \(shown(done + [component])): \(reason)")
                }
                folder = next
                done.append(component)
            }
            preconditionFailure("an output path always has a last component")
        }
    }

    /// The components, relative to the root, of where the link at `linkComponents` leads; refused
    /// when it leads outside the folder or nowhere.
    private func followLink(_ linkComponents: [String], in relativePath: String) throws(Diagnostic) -> [String] {
        let linkPath = absolute(linkComponents)
        var buffer = [CChar](repeating: 0, count: 4097)
        let length = readlink(linkPath, &buffer, 4096)
        let linkText =
            length >= 0 ? String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
        guard let resolved = realpath(linkPath, nil) else {
            throw Diagnostic(
                .symlinkOutside, "\(shown(linkComponents)) is a symbolic link to \(linkText), which does not exist",
                notes: ["help: remove the link or write \(relativePath) under another name"])
        }
        let target = String(cString: resolved)
        free(resolved)
        let prefix = root == "/" ? "/" : root + "/"
        guard target == root || target.hasPrefix(prefix) else {
            throw Diagnostic(
                .symlinkOutside,
                "\(shown(linkComponents)) is a symbolic link to \(target), outside the output folder \(root)",
                notes: ["note: sendql writes only inside the output folder; remove the link or choose another name"])
        }
        return target == root ? [] : target.dropFirst(prefix.count).split(separator: "/").map(String.init)
    }

    private func shown(_ components: [String]) -> String { components.joined(separator: "/") }

    /// Deletes temporary files left in `folder` by processes that no longer run.
    private func removeStalePartialFiles(in folder: Int32) {
        let copy = dup(folder)
        guard copy >= 0, let listing = fdopendir(copy) else { return }
        defer { closedir(listing) }
        var stale: [String] = []
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(Self.partialPrefix) else { continue }
            let pidText = name.dropFirst(Self.partialPrefix.count).prefix { $0 != "-" }
            guard let pid = Int32(pidText), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { stale.append(name) }
        }
        for name in stale { unlinkat(folder, name, 0) }
    }

    /// `mkdir -p`.
    private static func makeFolders(_ path: String) throws(Diagnostic) {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o755) != 0, errno != EEXIST {
                throw Diagnostic(.writeFailed, "cannot create the output folder \(path): \(lastErrorText())")
            }
        }
    }
}

/// The kinds of directory entry an output path can meet.
enum FileKind {
    case regular, folder, symlink, fifo, characterDevice, blockDevice, socket, other

    /// "a FIFO", "a device", ... for messages.
    var phrase: String {
        switch self {
        case .regular: return "a regular file"
        case .folder: return "a folder"
        case .symlink: return "a symbolic link"
        case .fifo: return "a FIFO (named pipe)"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .socket: return "a socket"
        case .other: return "a special file"
        }
    }
}

/// The kind of file a `st_mode` describes.
func fileKind(_ mode: mode_t) -> FileKind {
    switch mode & S_IFMT {
    case S_IFREG: return .regular
    case S_IFDIR: return .folder
    case S_IFLNK: return .symlink
    case S_IFIFO: return .fifo
    case S_IFCHR: return .characterDevice
    case S_IFBLK: return .blockDevice
    case S_IFSOCK: return .socket
    default: return .other
    }
}

/// `strerror(errno)`.
func lastErrorText() -> String { errorText(errno) }

/// `strerror(code)`.
func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
