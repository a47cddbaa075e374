import Testing
import SendQLCore
@testable import SendQLIO

struct TypeInferenceTests {
    @Test(arguments: [
        (["1", "2", "-3"], DataType.int),
        (["1", "2.5"], .double),
        (["1e3", "2"], .double),
        (["0", "1", "1"], .int),
        (["0", "1", "yes"], .bool),
        (["true", "FALSE", "y", "N"], .bool),
        (["2019-01-02", "03/04/2019"], .date),
        (["2019-01-02", "2019-02-30"], .string),
        (["2019-01-02", "x"], .string),
        (["007", "010"], .string),
        (["1", "007"], .string),
        (["0.5", "1"], .double),
        (["1", "", "3"], .int),
        (["", "", ""], .string),
        (["12345678901234567890", "1"], .double),
        (["1", "yes", "2"], .string),
    ] as [([String], DataType)])
    func choosesTheFirstTypeEveryValueFits(values: [String], expected: DataType) throws {
        let text = "c\n" + values.map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: "\n") + "\n"
        let result = try readCSV(text)
        #expect(result.table.schema.fields[0].type == expected)
        #expect(result.table.rowCount == values.count)
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
