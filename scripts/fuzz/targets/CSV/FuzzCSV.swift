#if canImport(Glibc)
    import Glibc
#endif
import FuzzDriver

/// `fuzz-csv`: libFuzzer over `FuzzTarget.csv` (see docs/reliability.md).
@main
enum FuzzCSV {
    static func main() {
        exit(FuzzDriver.run(.csv))
    }
}
