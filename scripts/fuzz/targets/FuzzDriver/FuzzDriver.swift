import CLibFuzzer
import SendQLFuzzHarness

/// The target the running executable fuzzes; set once, before libFuzzer starts calling back.
nonisolated(unsafe) private var fuzzed = FuzzTarget.syntax

/// Runs libFuzzer over one target: libFuzzer reads its flags from the command line and calls back
/// with each input; a broken invariant stops the run as a crash, which libFuzzer saves and reports.
///
/// SwiftPM gives every executable target a `main` of its own, so the executables call libFuzzer's
/// driver rather than linking libFuzzer's `main`.
public enum FuzzDriver {
    public static func run(_ target: FuzzTarget) -> Int32 {
        fuzzed = target
        target.prepare()
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
            let broken = fuzzed.run(bytes)
            if !broken.isEmpty { fatalError("broken invariants:\n" + broken.joined(separator: "\n")) }
            return 0
        }
    }
}
