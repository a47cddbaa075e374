import Foundation
import Testing
import SendQLTestSupport

/// The golden corpus: every `Golden/<feature>/<case>.sendql` runs through the real binary against the
/// sample area (as at 2024-12-31), and its stdout, stderr and exit status must match `<case>.expected`.
/// A first line `# args: ...` adds command-line arguments. Re-record with `SENDQL_RECORD=1`.
struct GoldenScriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var cases: [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter {
            $0.hasSuffix(".sendql") && $0.contains("/") && !$0.contains("/lib/")
        }.sorted()
    }

    @Test(arguments: cases)
    func scriptMatchesItsGoldenOutput(path: String) throws {
        let script = Self.folder.appendingPathComponent(path)
        let text = try String(contentsOf: script, encoding: .utf8)
        var arguments = [
            "run", script.lastPathComponent, "--data", RepositoryPaths.sampleArea.path, "--as-of", "2024-12-31",
        ]
        if let first = text.split(separator: "\n").first, first.hasPrefix("# args:") {
            arguments += ShellWords.split(String(first.dropFirst("# args:".count)))
        }
        let result = try ProcessRunner.sendql(arguments, directory: script.deletingLastPathComponent())
        let actual = result.stdout + "--- stderr ---\n" + result.stderr + "--- exit \(result.status) ---\n"
        try Golden.check(
            actual: actual, expectedFile: script.deletingPathExtension().appendingPathExtension("expected"))
    }
}
