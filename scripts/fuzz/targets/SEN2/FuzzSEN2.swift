#if canImport(Glibc)
    import Glibc
#endif
import FuzzDriver

/// `fuzz-sen2`: libFuzzer over `FuzzTarget.sen2` (see docs/reliability.md).
@main
enum FuzzSEN2 {
    static func main() {
        exit(FuzzDriver.run(.sen2))
    }
}
