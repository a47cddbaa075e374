import Foundation

/// Golden-file checks: compare produced text with a file kept beside the tests.
///
/// Run the tests with `SENDQL_RECORD=1` to write the files instead; review the change with
/// `git diff` before committing it.
public enum Golden {
    /// True when `SENDQL_RECORD=1`: golden files are written rather than compared.
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["SENDQL_RECORD"] == "1"
    }

    /// Compares `actual` with the contents of `expectedFile`, throwing a `GoldenMismatch` with a
    /// line diff when they differ; when recording, writes `actual` to the file instead.
    public static func check(actual: String, expectedFile: URL) throws {
        if isRecording {
            try FileManager.default.createDirectory(
                at: expectedFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: expectedFile)
            return
        }
        guard let data = FileManager.default.contents(atPath: expectedFile.path) else {
            throw GoldenMismatch(
                file: expectedFile,
                details: "the golden file does not exist; record it with SENDQL_RECORD=1 swift test")
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        throw GoldenMismatch(
            file: expectedFile,
            details: "output differs (- golden file, + actual output):\n" + diff(expected: expected, actual: actual)
                + "re-record with SENDQL_RECORD=1 swift test if the new output is right")
    }

    /// A line diff from the longest common subsequence: `-` lines only in `expected`, `+` lines
    /// only in `actual`, two spaces before lines in both. A missing final line break shows as a
    /// last empty line.
    public static func diff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // common[i][j]: length of the longest common subsequence of old[i...] and new[j...].
        var common = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var lines: [String] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                lines.append("  " + old[i])
                i += 1
                j += 1
            } else if i < old.count, j == new.count || common[i + 1][j] >= common[i][j + 1] {
                lines.append("- " + old[i])
                i += 1
            } else {
                lines.append("+ " + new[j])
                j += 1
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }
}

/// A golden file that does not match, with a readable diff.
public struct GoldenMismatch: Error, CustomStringConvertible {
    public var file: URL
    public var details: String

    public var description: String { "golden file \(file.path): \(details)" }
}
