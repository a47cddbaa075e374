import Foundation
import SendQLTestSupport
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// `kill -9` of the real `sendql` midway through an export: the destination never holds part of a
/// file, and the next run into the folder clears what the killed one left.
struct KilledRunTests {
    @Test func aRunKilledMidExportLeavesNoPartialFileUnderItsName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-killed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "old\n".write(to: out.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = RepositoryPaths.binary
        process.arguments = [
            "--out", out.path, "-c",
            "export (from range(1, 9000000) | derive doubled = value * 2, label = \"row \" + string(value)) to \"big.csv\"",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait (up to 5 minutes on a loaded machine) until the partial file has grown past a megabyte, then kill the run.
        var partialSize = 0
        for _ in 0..<6000 where process.isRunning && partialSize < 1 << 20 {
            usleep(50_000)
            partialSize = Self.partialFiles(in: out).map { Self.size(of: out.appendingPathComponent($0)) }.max() ?? 0
        }
        try #require(process.isRunning, "the export finished before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // The old file is whole; the only other entry is the recognisable partial one.
        #expect(try String(contentsOf: out.appendingPathComponent("big.csv"), encoding: .utf8) == "old\n")
        #expect(Self.partialFiles(in: out).count == 1)
        #expect(Self.partialFiles(in: out).allSatisfy { $0.hasPrefix(".sendql-partial-\(process.processIdentifier)-") })

        // The next run writing into the folder removes the dead run's partial file.
        let next = try ProcessRunner.run(
            RepositoryPaths.binary, ["--out", out.path, "-c", "export (from range(1, 3)) to \"small.csv\""])
        #expect(next.status == 0, "\(next.stderr)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(entries == ["big.csv", "small.csv"])
    }

    static func partialFiles(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0.hasPrefix(".sendql-partial-")
        }
    }

    static func size(of file: URL) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
    }
}
