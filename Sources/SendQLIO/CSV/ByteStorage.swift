#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's bytes in memory, read-only: mapped from the file when it is a regular file, else copied.
///
/// Mapping costs no copy and no zeroed pages, and once parsed the pages can be handed back
/// (`releaseResidentPages`) so a loaded dataset does not also keep its CSV text resident; they come
/// back from the page cache if a problem report later needs a row's text.
final class ByteStorage: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    private let mappedLength: Int

    /// A copy of `bytes`.
    init(copying bytes: [UInt8]) {
        let memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = memory.initialize(from: bytes)
        buffer = UnsafeBufferPointer(start: memory.baseAddress, count: bytes.count)
        mappedLength = 0
    }

    private init(mapped base: UnsafeRawPointer, length: Int) {
        buffer = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: length)
        mappedLength = length
    }

    /// The file at `path`, mapped when possible, else read.
    static func contents(ofPath path: String) throws(FileBytes.Failure) -> ByteStorage {
        let descriptor = open(path, O_RDONLY)
        if descriptor >= 0 {
            defer { close(descriptor) }
            var status = stat()
            if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0,
                let base = mmap(nil, Int(status.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED
            {
                _ = madvise(base, Int(status.st_size), MADV_SEQUENTIAL)
                return ByteStorage(mapped: UnsafeRawPointer(base), length: Int(status.st_size))
            }
        }
        return ByteStorage(copying: try FileBytes.read(path: path))
    }

    /// Lets the kernel drop the mapped pages from this process's memory (a no-op for a copy).
    func releaseResidentPages() {
        guard mappedLength > 0, let base = buffer.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), mappedLength, MADV_DONTNEED)
    }

    /// Lets the kernel drop the whole pages inside `range` (bytes already read, to be read again only
    /// to report a problem).
    func releaseResidentPages(in range: Range<Int>) {
        guard mappedLength > 0, let base = buffer.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page, end = range.upperBound / page * page
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }

    deinit {
        if mappedLength > 0 {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), mappedLength)
        } else {
            UnsafeMutablePointer(mutating: buffer.baseAddress)?.deallocate()
        }
    }
}

extension UnsafeBufferPointer {
    /// Calls `body` with this buffer, so code written for arrays reads a `ByteStorage` unchanged.
    @inline(__always)
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(self)
    }
}
