/// Tunes the C allocator around a load.
///
/// Loading builds each column in parts and then joins them, freeing hundreds of megabytes of parts
/// along the way. By default glibc raises its mmap threshold after the first large free, so later
/// large blocks come from the heap and stay resident after they are freed: the peak memory of a
/// national load was 1.3 GB instead of 1.2 GB (with the other savings, 1.15 GB instead of 0.97 GB).
/// While loading, every block of a megabyte or more is mapped on its own and so given back when
/// freed; afterwards the threshold is 32 MiB, so queries reuse their column-sized blocks from the
/// heap instead of mapping and zeroing fresh pages for each. Only on Linux (glibc); nothing elsewhere.
enum AllocatorTuning {
    /// Runs `body` with large blocks given back to the system as soon as they are freed.
    static func returningLargeBlocks<Result>(_ body: () throws -> Result) rethrows -> Result {
        setMmapThreshold(1 << 20)
        defer { setMmapThreshold(32 << 20) }
        return try body()
    }

    private static func setMmapThreshold(_ bytes: Int32) {
        #if os(Linux)
            // M_MMAP_THRESHOLD in <malloc.h>, which the Glibc module does not import.
            _ = glibcMallopt(-3, bytes)
        #endif
    }
}

#if os(Linux)
    @_silgen_name("mallopt")
    private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
