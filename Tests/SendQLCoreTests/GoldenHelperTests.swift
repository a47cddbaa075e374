import Foundation
import SendQLTestSupport
import Testing

struct GoldenHelperTests {
    @Test func diffMarksRemovedAndAddedLines() {
        #expect(Golden.diff(expected: "a\nb\nc\n", actual: "a\nx\nc\n") == "  a\n- b\n+ x\n  c\n  \n")
        #expect(Golden.diff(expected: "same", actual: "same") == "  same\n")
        #expect(Golden.diff(expected: "a\n", actual: "a") == "  a\n- \n")
    }

    @Test(.disabled(if: Golden.isRecording, "recording writes instead of comparing"))
    func mismatchAndMissingFileThrow() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sendql-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("case.err")

        #expect(throws: GoldenMismatch.self) { try Golden.check(actual: "x\n", expectedFile: file) }
        try Data("x\n".utf8).write(to: file)
        try Golden.check(actual: "x\n", expectedFile: file)
        let mismatch = #expect(throws: GoldenMismatch.self) { try Golden.check(actual: "y\n", expectedFile: file) }
        #expect(mismatch?.description.contains("- x\n+ y\n") == true)
    }
}
