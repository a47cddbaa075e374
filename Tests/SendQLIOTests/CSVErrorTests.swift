import Foundation
import Testing
import SendQLTestSupport
import SendQLCore
@testable import SendQLIO

/// One bad input and what reading it must say.
struct BadCSVCase: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var formats: [String: ColumnFormat] = [:]
    /// `file:line:column: message` of the first problem.
    var expected: String
    var code: DataErrorCode
    var testDescription: String { name }
}

struct CSVErrorTests {
    static let rowCases: [BadCSVCase] = [
        BadCSVCase(
            name: "unterminated quote", text: "a,b\n1,x\n2,\"y\n3,z\n",
            expected: "t.csv:3:3: unterminated quoted field: no closing '\"' before the end of the file",
            code: .unterminatedQuote),
        BadCSVCase(
            name: "too many fields", text: "a,b\n1,2\n1,2,3\n",
            expected: "t.csv:3:5: expected 2 fields, found 3", code: .fieldCount),
        BadCSVCase(
            name: "too few fields", text: "a,b,c\n1,2,3\n1,2\n",
            expected: "t.csv:3:4: expected 3 fields, found 2", code: .fieldCount),
        BadCSVCase(
            name: "whitespace-only line", text: "a,b\n1,2\n  \n",
            expected: "t.csv:3:3: expected 2 fields, found 1", code: .fieldCount),
        BadCSVCase(
            name: "NUL byte", text: "a,b\n1,x\u{0}y\n",
            expected: "t.csv:2:4: NUL byte in the data", code: .nulByte),
        BadCSVCase(
            name: "quote inside unquoted field", text: "a,b\n1,5\" screen\n",
            expected: "t.csv:2:4: '\"' inside an unquoted field", code: .quoteInUnquotedField),
        BadCSVCase(
            name: "text after closing quote", text: "a,b\n1,\"x\"yz,\n",
            expected: "t.csv:2:6: expected ',' or a line break after a closing quote, found \"yz\"",
            code: .textAfterClosingQuote),
        BadCSVCase(
            name: "bad int", text: "n\n1\n2x\n", formats: ["n": .int],
            expected: "t.csv:3:1: expected int, found \"2x\"", code: .badValue),
        BadCSVCase(
            name: "decimal comma splits the field", text: "n\n1.5\n1,5\n", formats: ["n": .double],
            expected: "t.csv:3:3: expected 1 field, found 2", code: .fieldCount),
        BadCSVCase(
            name: "bad quoted double", text: "n\n\"1,5\"\n", formats: ["n": .double],
            expected: "t.csv:2:1: expected number, found \"1,5\"", code: .badValue),
        BadCSVCase(
            name: "bad bool", text: "b\nyes\nmaybe\n", formats: ["b": .bool],
            expected: "t.csv:3:1: expected bool, found \"maybe\"", code: .badValue),
        BadCSVCase(
            name: "ISO date that does not exist", text: "id,d\n1,2019-02-30\n", formats: ["d": .date],
            expected: "t.csv:2:3: expected date, found \"2019-02-30\"", code: .badValue),
        BadCSVCase(
            name: "UK date that does not exist", text: "id,d\n1,31/02/2019\n", formats: ["d": .date],
            expected: "t.csv:2:3: expected date, found \"31/02/2019\"", code: .badValue),
        BadCSVCase(
            name: "month 13", text: "id,d\n1,2019-13-01\n", formats: ["d": .date],
            expected: "t.csv:2:3: expected date, found \"2019-13-01\"", code: .badValue),
        BadCSVCase(
            name: "not a date", text: "id,d\n1,next week\n", formats: ["d": .date],
            expected: "t.csv:2:3: expected date, found \"next week\"", code: .badValue),
        BadCSVCase(
            name: "code not in list", text: "o\nY\nQ\n", formats: ["o": .code(CodeList(["Y", "N", "A", "W", "H"]))],
            expected: "t.csv:3:1: expected one of Y, N, A, W, H, found \"Q\"", code: .notInCodeList),
        BadCSVCase(
            name: "int out of range", text: "score\n5\n6\n", formats: ["score": .int(range: 1...5)],
            expected: "t.csv:3:1: expected int from 1 to 5, found \"6\"", code: .outOfRange),
        BadCSVCase(
            name: "not an int in a range", text: "score\nfive\n", formats: ["score": .int(range: 1...5)],
            expected: "t.csv:2:1: expected int from 1 to 5, found \"five\"", code: .badValue),
        BadCSVCase(
            name: "line after a multi-line field", text: "a,b\n\"1\n2\",5\n3,bad\n", formats: ["b": .int],
            expected: "t.csv:4:3: expected int, found \"bad\"", code: .badValue),
        BadCSVCase(
            name: "field starting on a later line of its row", text: "a,b,c\n\"x\ny\",zz,q\n",
            formats: ["c": .int], expected: "t.csv:3:7: expected int, found \"q\"", code: .badValue),
        BadCSVCase(
            name: "characters, not bytes, before the field", text: "a,b\nZoë,x\n", formats: ["b": .int],
            expected: "t.csv:2:5: expected int, found \"x\"", code: .badValue),
        BadCSVCase(
            name: "column of a quoted field is its opening quote", text: "a,b\n1,\"x y\"\n", formats: ["b": .int],
            expected: "t.csv:2:3: expected int, found \"x y\"", code: .badValue),
        BadCSVCase(
            name: "byte order mark takes no column", text: "\u{FEFF}a\nx\n", formats: ["a": .int],
            expected: "t.csv:2:1: expected int, found \"x\"", code: .badValue),
        BadCSVCase(
            name: "CRLF line ends", text: "a,b\r\n1,2\r\n3,x\r\n", formats: ["b": .int],
            expected: "t.csv:3:3: expected int, found \"x\"", code: .badValue),
        BadCSVCase(
            name: "quotes and line breaks in the found text are escaped",
            text: "a\n\"say \"\"hi\"\"\nnow\"\n", formats: ["a": .int],
            expected: "t.csv:2:1: expected int, found \"say \\\"hi\\\"\\nnow\"", code: .badValue),
    ]

    @Test(arguments: rowCases)
    func strictReadingStopsAtTheFirstBadRow(_ bad: BadCSVCase) {
        #expect(strictError(bad.text, formats: bad.formats) == bad.expected)
    }

    @Test(arguments: rowCases)
    func lenientReadingSetsTheRowAsideAndKeepsCounting(_ bad: BadCSVCase) throws {
        let result = try readCSV(bad.text, mode: .lenient, formats: bad.formats)
        #expect(result.rejects.count == 1)
        #expect(result.rejectTexts.first == bad.expected)
        #expect(result.rejects.first?.issues.first?.code == bad.code.rawValue)
        #expect(result.table.rowCount + result.rejects.count == result.rowsInFile)
    }

    @Test(arguments: rowCases)
    func diagnosticsPointAtTheSamePlaceAsTheirLocation(_ bad: BadCSVCase) throws {
        let result = try readCSV(bad.text, mode: .lenient, formats: bad.formats)
        for issue in result.rejects.flatMap(\.issues) {
            #expect(issue.diagnostic.locationText == issue.location.description)
            #expect(issue.diagnostic.severity == .error)
        }
    }

    @Test func invalidUTF8IsReportedWhereItIs() throws {
        let bytes = Array("a,b\n1,caf".utf8) + [0xE9, 0x0A] + Array("2,ok\n".utf8)
        let lenient = try CSVReader(mode: .lenient).read(bytes: bytes, name: "t.csv")
        #expect(lenient.rejectTexts == ["t.csv:2:6: invalid UTF-8 byte 0xE9"])
        #expect(
            lenient.rejects.first?.issues.first?.diagnostic.notes == [
                "save the file as UTF-8 (spreadsheets call it \"CSV UTF-8\")"
            ])
        #expect(lenient.rejects.first?.text == "1,caf?")
        #expect(lenient.table.rows == [[.int(2), .string("ok")]])
        #expect(throws: Diagnostic.self) { try CSVReader().read(bytes: bytes, name: "t.csv") }
    }

    @Test func invalidUTF8IsFoundInEveryForm() {
        // A lone continuation byte, a truncated sequence, an overlong encoding, a surrogate.
        let samples: [[UInt8]] = [[0x80], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80]]
        for sample in samples {
            let bytes = Array("a\nok\n".utf8) + sample + [0x0A]
            let offsets = bytes.withUnsafeBufferPointer { BadByteScanner.badByteOffsets(in: $0, from: 0) }
            #expect(offsets.first == 5, "\(sample)")
        }
        let valid = Array("a\nZoë ✓ 😀 Łódź\n".utf8)
        #expect(valid.withUnsafeBufferPointer { BadByteScanner.badByteOffsets(in: $0, from: 0) }.isEmpty)
    }

    @Test func datesSayWhyTheDayDoesNotExist() throws {
        let result = try readCSV("d\n2019-02-30\n31/04/2019\n2019-13-01\nsoon\n", mode: .lenient, formats: ["d": .date])
        #expect(
            result.rejects.map { $0.issues[0].diagnostic.notes } == [
                ["in column d", "February 2019 has 28 days"],
                ["in column d", "April 2019 has 30 days"],
                ["in column d", "there is no month 13"],
                ["in column d", "dates are written YYYY-MM-DD or DD/MM/YYYY"],
            ])
    }

    @Test func reportsEveryBadValueOfARowTogether() throws {
        let result = try readCSV("a,b,c\nx,2,z\n", mode: .lenient, formats: ["a": .int, "b": .int, "c": .date])
        #expect(
            result.rejectTexts == ["t.csv:2:1: expected int, found \"x\"", "t.csv:2:5: expected date, found \"z\""])
        #expect(result.rejects.first?.text == "x,2,z")
        #expect(result.rejects.first?.location.description == "t.csv:2:1")
    }

    @Test func lenientCountsAlwaysAddUp() throws {
        let text = "n,d\n1,2019-01-01\nx,2019-01-02\n3,2019-02-30\n4\n\"5,2019-01-03\n6,2019-01-04\n"
        let result = try readCSV(text, mode: .lenient, formats: ["n": .int, "d": .date])
        #expect(result.rowsInFile == 5)
        #expect(result.table.rowCount == 1)
        #expect(result.rejects.map(\.location.line) == [3, 4, 5, 6])
        #expect(result.table.rowCount + result.rejects.count == result.rowsInFile)
        // The unterminated quote swallows the rest of the file into one row.
        #expect(result.rejects.last?.text == "\"5,2019-01-03\n6,2019-01-04")
    }

    @Test func aRejectedRowLeavesNothingInTheDictionaries() throws {
        let result = try readCSV("s,n\nkept,1\nnever,x\n", mode: .lenient, formats: ["n": .int])
        guard case .string(_, let dictionary)? = result.table.column(named: "s")?.storage else {
            Issue.record("not a string column")
            return
        }
        #expect(dictionary.values == ["kept"])
    }

    @Test func cutsLongRowTextAndLongFoundText() throws {
        let long = String(repeating: "x", count: 700)
        let result = try readCSV("n\n\(long)\n", mode: .lenient, formats: ["n": .int])
        let reject = try #require(result.rejects.first)
        #expect(reject.text == String(repeating: "x", count: Reject.maximumTextLength) + "…")
        #expect(reject.issues[0].message == "expected int, found \"\(String(repeating: "x", count: 60))…\"")
    }

    // MARK: Problems with the whole file

    @Test(arguments: [
        ("", "t.csv:1:1: empty file: no header row naming the columns"),
        ("\u{FEFF}", "t.csv:1:1: empty file: no header row naming the columns"),
        ("\n\r\n\n", "t.csv:1:1: empty file: no header row naming the columns"),
        ("a,b,a\n1,2,3\n", "t.csv:1:5: duplicate column name \"a\" (also header field 1)"),
        ("\u{FEFF}x,x\n", "t.csv:1:3: duplicate column name \"x\" (also header field 1)"),
        ("a,,b\n", "t.csv:1:3: header field 2 has no column name"),
        ("a,\"b\n", "t.csv:1:3: unterminated quoted field: no closing '\"' before the end of the file"),
        ("a,b\u{0}\n", "t.csv:1:4: NUL byte in the data"),
        (
            "a,b,a,b\n",
            "t.csv:1:5: duplicate column name \"a\" (also header field 1)\nt.csv:1:7: duplicate column name \"b\" (also header field 2)"
        ),
    ])
    func headerProblemsStopBothModes(text: String, expected: String) {
        #expect(strictError(text) == expected)
        #expect(throws: (any Error).self) { try readCSV(text, mode: .lenient) }
    }

    @Test func everyCodeIsDocumented() throws {
        let errorsDoc = try String(
            contentsOfFile: RepositoryPaths.root.appendingPathComponent("docs/errors.md").path, encoding: .utf8)
        for code in DataErrorCode.allCases {
            #expect(errorsDoc.contains("| \(code.rawValue) |"), "\(code.rawValue) is missing from docs/errors.md")
        }
    }
}
