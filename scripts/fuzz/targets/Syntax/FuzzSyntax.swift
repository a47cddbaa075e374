#if canImport(Glibc)
    import Glibc
#endif
import FuzzDriver

/// `fuzz-syntax`: libFuzzer over `FuzzTarget.syntax` (see docs/reliability.md).
@main
enum FuzzSyntax {
    static func main() {
        exit(FuzzDriver.run(.syntax))
    }
}
