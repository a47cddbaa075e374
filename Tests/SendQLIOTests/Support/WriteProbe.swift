import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Runs the test-only `sendql-write-probe` binary (built beside the test bundle).
enum WriteProbe {
    static var binary: URL {
        let products = Bundle.main.bundleURL.deletingLastPathComponent()
        let candidates = [products, Bundle.main.bundleURL].map { $0.appendingPathComponent("sendql-write-probe") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// A running probe whose standard output is read line by line.
    final class Running {
        let process = Process()
        private let output = Pipe()
        private let errors = Pipe()
        private var buffer = Data()

        init(_ arguments: [String]) throws {
            process.executableURL = WriteProbe.binary
            process.arguments = arguments
            process.standardOutput = output
            process.standardError = errors
            try process.run()
        }

        var pid: Int32 { process.processIdentifier }

        /// The next line the probe prints, or nil at the end of its output.
        func nextLine() -> String? {
            while true {
                if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer = Data(buffer[buffer.index(after: newline)...])
                    return line
                }
                let more = output.fileHandleForReading.availableData
                if more.isEmpty { return nil }
                buffer.append(more)
            }
        }

        /// Kills the probe with SIGKILL and waits for it.
        func killNow() {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }

        /// Waits for the probe to end; its exit status.
        func wait() -> Int32 {
            process.waitUntilExit()
            return process.terminationStatus
        }

        /// What the probe printed on standard error (read once it has ended).
        var errorOutput: String {
            String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
    }
}
