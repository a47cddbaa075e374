#if canImport(Glibc)
    import Glibc
#endif
import FuzzDriver

/// `fuzz-contract`: libFuzzer over `FuzzTarget.contract` (see docs/reliability.md).
@main
enum FuzzContract {
    static func main() {
        exit(FuzzDriver.run(.contract))
    }
}
