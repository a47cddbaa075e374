#if canImport(Glibc)
    import Glibc
#endif
import FuzzDriver

/// `fuzz-checker`: libFuzzer over `FuzzTarget.checker` (see docs/reliability.md).
@main
enum FuzzChecker {
    static func main() {
        exit(FuzzDriver.run(.checker))
    }
}
