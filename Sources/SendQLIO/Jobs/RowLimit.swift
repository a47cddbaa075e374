#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The default `--row-limit`: how many rows a join, pivot, `append` or `union` may make before it is
/// refused, tied to the machine's memory so a runaway join stops with an error, not the OOM killer.
public enum RowLimit {
    /// One row for every 128 bytes of physical memory: a joined row of a dozen 8-byte columns takes
    /// about 100 bytes, so a result at the limit fits in memory with the tables it came from.
    public static let bytesPerRow = 128

    /// The limit on this machine (about 200 million rows on 24 GiB; never under a million).
    public static let machineDefault: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, pageSize > 0 else { return 200_000_000 }
        return max(1_000_000, pages * pageSize / bytesPerRow)
    }()
}
