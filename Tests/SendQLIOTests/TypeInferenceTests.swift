import Testing
import SendQLCore
@testable import SendQLIO

struct TypeInferenceTests {
    @Test(
        arguments: [
            (["1", "2", "-3"], DataType.int),
            (["1", "2.5"], .double),
            (["1e3", "2"], .double),
            (["0", "1", "1"], .int),
            (["0", "1", "yes"], .bool),
            (["true", "FALSE", "y", "N"], .bool),
            (["2019-01-02", "03/04/2019"], .date),
            (["2019-02-30", "2019-02-31"], .string),
            (["2019-01-02", "x"], .string),
            (["007", "010"], .string),
            (["1", "007"], .string),
            (["0.5", "1"], .double),
            (["1", "", "3"], .int),
            (["", "", ""], .string),
            (["12345678901234567890", "98765432109876543210"], .double),
            (["1.5", "12345678901234567890"], .double),
            (["007", "12345678901234567890"], .string),
            (["1", "yes", "2"], .string),
        ] as [([String], DataType)])
    func choosesTheFirstTypeEveryValueFits(values: [String], expected: DataType) throws {
        let text = "c\n" + values.map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: "\n") + "\n"
        let result = try readCSV(text)
        #expect(result.table.schema.fields[0].type == expected)
        #expect(result.table.rowCount == values.count)
    }

    /// A value that nearly fits the type every other value has is reported, not let through as text.
    @Test(
        arguments: [
            (
                "c\n2019-01-02\n2019-02-30\n2019-03-04\n", DataType.date,
                "t.csv:3:1: expected date, found \"2019-02-30\"", "February 2019 has 28 days"
            ),
            (
                "c\n01/02/2019\n31/02/2019\n", .date,
                "t.csv:3:1: expected date, found \"31/02/2019\"", "February 2019 has 28 days"
            ),
            (
                "c\n2019-12-01\n2019-13-01\n", .date,
                "t.csv:3:1: expected date, found \"2019-13-01\"", "there is no month 13"
            ),
            (
                "c\n1\n12345678901234567890\n-3\n", .int,
                "t.csv:3:1: expected int, found \"12345678901234567890\"",
                "number too large: an int holds -9223372036854775808 to 9223372036854775807"
            ),
            (
                "c\n0\n-99999999999999999999\n", .int,
                "t.csv:3:1: expected int, found \"-99999999999999999999\"",
                "number too large: an int holds -9223372036854775808 to 9223372036854775807"
            ),
        ] as [(String, DataType, String, String)])
    func reportsTheOneValueThatNearlyFitsTheColumnsType(
        text: String, type: DataType, error: String, note: String
    ) throws {
        #expect(strictError(text) == error)
        let lenient = try readCSV(text, mode: .lenient)
        #expect(lenient.table.schema.fields[0].type == type)
        #expect(lenient.rejectTexts == [error])
        #expect(lenient.rejects.first?.issues.first?.diagnostic.notes == ["in column c", note])
        #expect(lenient.table.rowCount + lenient.rejects.count == lenient.rowsInFile)
    }

    @Test func nearMissesInDifferentChunksStillFindTheRealValues() throws {
        // The real date is in one chunk, the impossible one in another: inference joins both.
        let rows = ["2019-01-01"] + Array(repeating: "2019-02-30", count: 3000)
        var reader = CSVReader(mode: .lenient, parallelism: 4)
        reader.minimumChunkBytes = 1024
        let result = try reader.read(bytes: Array(("c\n" + rows.joined(separator: "\n") + "\n").utf8), name: "t.csv")
        #expect(result.table.schema.fields[0].type == .date)
        #expect(result.table.rowCount == 1)
        #expect(result.rejects.count == 3000)
    }

    @Test func looksAtEveryRowSoTheChosenTypeNeverFailsLater() throws {
        let rows = Array(repeating: "1", count: 5000) + ["1.5"]
        let result = try readCSV("c\n" + rows.joined(separator: "\n"))
        #expect(result.table.schema.fields[0].type == .double)
        #expect(result.table.column(named: "c")?[5000] == .double(1.5))
    }

    @Test func ignoresRowsThatWillBeRejectedAnyway() throws {
        let result = try readCSV("a,b\n1,2\n3,4,5\nx\n6,7\n", mode: .lenient)
        #expect(result.table.schema.description == "a: int, b: int")
        #expect(result.rejects.count == 2)
    }
}
