import Foundation
import Testing
import SendQLCore
@testable import SendQLIO

struct CSVWriterTests {
    private func written(bufferCapacity: Int = 1 << 16, _ body: (CSVWriter) throws -> Void) throws -> String {
        let sink = MemoryByteSink()
        let writer = CSVWriter(sink: sink, bufferCapacity: bufferCapacity)
        try body(writer)
        try writer.finish()
        return sink.text
    }

    @Test func headerAndRowsEndWithLineFeeds() throws {
        let text = try written { writer in
            try writer.writeHeader(["plan_id", "start_date", "cease_reason"])
            writer.writeField("PLN-1")
            writer.writeDate(CivilDate(iso: "2020-02-29")!.dayNumber)
            writer.writeField(5)
            try writer.endRow()
        }
        #expect(text == "plan_id,start_date,cease_reason\nPLN-1,2020-02-29,5\n")
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("Therapies (speech, language)", "\"Therapies (speech, language)\""),
        ("named \"section I\"", "\"named \"\"section I\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("carriage\rreturn", "\"carriage\rreturn\""),
        ("\"", "\"\"\"\""),
        ("café; naïve", "café; naïve"),
        (" spaces kept ", " spaces kept "),
    ])
    func quotesOnlyWhenNeeded(field: String, expected: String) throws {
        #expect(
            try written { writer in
                writer.writeField(field); try writer.endRow()
            } == expected + "\n")
    }

    @Test func staticStringsAreQuotedLikeStrings() throws {
        let text = try written { writer in
            writer.writeField("a,b" as StaticString)
            writer.writeField("ok" as StaticString)
            try writer.endRow()
        }
        #expect(text == "\"a,b\",ok\n")
    }

    @Test func nullsAreEmptyFields() throws {
        let text = try written { writer in
            writer.writeNull()
            writer.writeDate(nil as Int32?)
            writer.writeField(nil as Int?)
            writer.writeField(nil as Bool?)
            writer.writeField(nil as String?)
            try writer.endRow()
            writer.writeField(true)
            writer.writeNull()
            writer.writeField(false)
            try writer.endRow()
        }
        #expect(text == ",,,,\ntrue,,false\n")
    }

    @Test(arguments: [0, 7, -7, 42, 1_000_000, Int.max, Int.min])
    func integersMatchTheirDescription(value: Int) throws {
        #expect(
            try written { writer in
                writer.writeField(value); try writer.endRow()
            } == "\(value)\n")
    }

    @Test func identifiersArePaddedToAtLeastTheGivenDigits() throws {
        let text = try written { writer in
            writer.writeIdentifier(prefix: "REQ-", number: 42, digits: 6)
            writer.writeIdentifier(prefix: "REQ-", number: 1_234_567, digits: 6)
            writer.writeIdentifier(prefix: "P", number: 0, digits: 1)
            try writer.endRow()
        }
        #expect(text == "REQ-000042,REQ-1234567,P0\n")
    }

    /// Dates inside the pre-formatted table and outside it agree with CivilDate.
    @Test(arguments: [
        "1900-01-01", "1969-12-31", "2016-02-29", "2024-12-31", "2099-12-31", "1899-12-31", "2100-01-01", "0001-01-01",
    ])
    func datesAreISO(iso: String) throws {
        let day = CivilDate(iso: iso)!.dayNumber
        #expect(
            try written { writer in
                writer.writeDate(day); try writer.endRow()
            } == iso + "\n")
    }

    @Test func everyDayOfTheTableFormatsAsCivilDate() throws {
        let first = CivilDate(iso: "2014-06-01")!.dayNumber
        let text = try written { writer in
            for day in first..<(first + 4000) {
                writer.writeDate(day)
                try writer.endRow()
            }
        }
        let expected = (first..<(first + 4000)).map { CivilDate(dayNumber: $0).iso + "\n" }.joined()
        #expect(text == expected)
    }

    /// A tiny buffer forces many flushes and a row larger than the buffer; the bytes must not change.
    @Test func smallBuffersProduceTheSameBytes() throws {
        func rows(_ writer: CSVWriter) throws {
            try writer.writeHeader(["id", "text", "day"])
            for index in 0..<500 {
                writer.writeIdentifier(prefix: "ROW-", number: index, digits: 4)
                writer.writeField(index % 7 == 0 ? String(repeating: "long, \"quoted\" text ", count: 10) : "short")
                writer.writeDate(Int32(17_000 + index))
                try writer.endRow()
            }
        }
        let large = try written(bufferCapacity: 1 << 20, rows)
        let small = try written(bufferCapacity: 16, rows)
        #expect(small == large)
        #expect(large.split(separator: "\n", omittingEmptySubsequences: false).count >= 502)
    }

    @Test func countsRowsAndBytes() throws {
        let sink = MemoryByteSink()
        let writer = CSVWriter(sink: sink, bufferCapacity: 64)
        try writer.writeHeader(["a"])
        for _ in 0..<100 {
            writer.writeField("xyz")
            try writer.endRow()
        }
        #expect(writer.rowsWritten == 101)
        #expect(writer.bytesWritten == 2 + 100 * 4)
        try writer.finish()
        #expect(sink.bytes.count == writer.bytesWritten)
    }
}

struct AtomicFileSinkTests {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func nothingAppearsUntilCommitThenTheFileIsReplaced() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("table.csv").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))

        let sink = try AtomicFileSink(destination: path)
        let writer = CSVWriter(sink: sink, bufferCapacity: 16)
        for _ in 0..<50 {
            writer.writeField("new")
            try writer.endRow()
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        try writer.finish()
        try sink.commit()

        #expect(try String(contentsOfFile: path, encoding: .utf8) == String(repeating: "new\n", count: 50))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["table.csv"])
    }

    @Test func discardLeavesTheOldFileAndNoTemporary() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("table.csv").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))

        let sink = try AtomicFileSink(destination: path)
        let writer = CSVWriter(sink: sink)
        writer.writeField("new")
        try writer.endRow()
        try writer.finish()
        sink.discard()

        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["table.csv"])
    }

    @Test func aMissingDirectoryIsReportedWithThePath() {
        let path = "/nonexistent-sendql-directory/table.csv"
        #expect {
            _ = try AtomicFileSink(destination: path)
        } throws: { error in
            (error as? FileOutputError)?.path == path
        }
    }
}
