import Foundation
import Testing
import SendQLCore
import SendQLTestSupport
@testable import SendQLIO

/// One file (or data folder) of `HostileInput/` and exactly what reading it must give.
struct HostileInput: CustomTestStringConvertible, Sendable {
    /// A CSV file read on its own, or a folder loaded with the data contract.
    var path: String
    /// Every error of a strict reading, as `file:line:column: message`; empty when it loads.
    var errors: [String]
    /// The notes under the first error (after "in column ..." for a bad value).
    var notes: [String] = []
    /// Lenient reading: rows loaded and rows set aside (nil when the file cannot be read at all).
    var lenient: (loaded: Int, rejected: Int)?
    var testDescription: String { path }

    static let folder = RepositoryPaths.root.appendingPathComponent("Tests/SendQLIOTests/HostileInput")
}

/// The hostile-input corpus (`Tests/SendQLIOTests/HostileInput/`, described in docs/reliability.md):
/// each input gets one precise error, at its file, line and column, and nothing is silently dropped.
struct HostileInputTests {
    static let files: [HostileInput] = [
        HostileInput(
            path: "unterminated-quote-at-end.csv",
            errors: [
                "unterminated-quote-at-end.csv:3:3: unterminated quoted field: no closing '\"' before the end of the file"
            ],
            notes: ["a '\"' inside a quoted field must be doubled (\"\")"], lenient: (1, 1)),
        HostileInput(
            path: "too-many-fields.csv", errors: ["too-many-fields.csv:3:7: expected 2 fields, found 3"],
            lenient: (2, 1)),
        // Found by fuzzing: the extra field is empty and ends the file (no line break after it).
        HostileInput(
            path: "extra-empty-field-at-end-of-file.csv",
            errors: ["extra-empty-field-at-end-of-file.csv:3:5: expected 2 fields, found 3"], lenient: (1, 1)),
        HostileInput(
            path: "too-few-fields.csv", errors: ["too-few-fields.csv:3:6: expected 3 fields, found 2"], lenient: (2, 1)),
        HostileInput(
            path: "impossible-iso-date.csv",
            errors: ["impossible-iso-date.csv:3:3: expected date, found \"2019-02-30\""],
            notes: ["February 2019 has 28 days"], lenient: (2, 1)),
        HostileInput(
            path: "impossible-uk-date.csv", errors: ["impossible-uk-date.csv:3:3: expected date, found \"31/02/2019\""],
            notes: ["February 2019 has 28 days"], lenient: (2, 1)),
        HostileInput(
            path: "month-13.csv", errors: ["month-13.csv:3:3: expected date, found \"2019-13-01\""],
            notes: ["there is no month 13"], lenient: (1, 1)),
        HostileInput(
            path: "empty.csv", errors: ["empty.csv:1:1: empty file: no header row naming the columns"]),
        HostileInput(path: "header-only.csv", errors: [], lenient: (0, 0)),
        HostileInput(
            path: "duplicate-header.csv",
            errors: ["duplicate-header.csv:1:9: duplicate column name \"id\" (also header field 1)"]),
        HostileInput(
            path: "nul-byte.csv", errors: ["nul-byte.csv:3:4: NUL byte in the data"],
            notes: ["a text export never holds NUL bytes: is this a binary file?"], lenient: (2, 1)),
        HostileInput(
            path: "invalid-utf8.csv", errors: ["invalid-utf8.csv:3:6: invalid UTF-8 byte 0xE9"],
            notes: ["save the file as UTF-8 (spreadsheets call it \"CSV UTF-8\")"], lenient: (2, 1)),
        HostileInput(
            path: "int-too-large.csv", errors: ["int-too-large.csv:3:3: expected int, found \"18446744073709551616\""],
            notes: ["number too large: an int holds -9223372036854775808 to 9223372036854775807"], lenient: (2, 1)),
    ]

    static let folders: [HostileInput] = [
        HostileInput(
            path: "duplicate-keys", errors: ["people.csv:4:1: duplicate person_id \"P1\" (first on line 2)"],
            lenient: (2, 1)),
        HostileInput(
            path: "dangling-references",
            errors: ["requests.csv:3:4: expected a person_id from people.csv, found \"P9\""], lenient: (1, 1)),
    ]

    @Test func everyFileOfTheCorpusHasACase() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: HostileInput.folder.path)
            .filter { $0 != "README.md" }
        #expect(Set(names) == Set((Self.files + Self.folders).map(\.path)))
    }

    @Test(arguments: files)
    func aFileGetsItsErrorInBothModes(_ input: HostileInput) throws {
        let bytes = try [UInt8](Data(contentsOf: HostileInput.folder.appendingPathComponent(input.path)))
        let strict = Result { try CSVReader(parallelism: 1).read(bytes: bytes, name: input.path) }
        let lenient = Result { try CSVReader(mode: .lenient, parallelism: 1).read(bytes: bytes, name: input.path) }
        switch strict {
        case .success:
            #expect(input.errors.isEmpty)
        case .failure(let error as Diagnostic):
            #expect(["\(error.locationText ?? "?"): \(error.message)"] == input.errors)
            #expect(error.notes.filter { !$0.hasPrefix("in column") } == input.notes)
        case .failure(let error):
            Issue.record("unexpected \(error)")
        }
        guard let expected = input.lenient else {
            // A file with no usable header stops lenient reading too, with the same error.
            #expect(throws: Diagnostic.self) { try lenient.get() }
            return
        }
        let table = try lenient.get()
        #expect(table.table.rowCount == expected.loaded)
        #expect(table.rejects.count == expected.rejected)
        #expect(table.rowsInFile == expected.loaded + expected.rejected)
        #expect(table.rejectTexts == input.errors)
    }

    @Test(arguments: folders)
    func aFolderGetsItsErrorInBothModes(_ input: HostileInput) throws {
        let directory = HostileInput.folder.appendingPathComponent(input.path).path
        let strict = CaseDataLoader(mode: .strict, parallelism: 1).inspect(directory: directory)
        let texts = strict.errors.map { $0.text.replacingOccurrences(of: directory + "/", with: "") }
        #expect(texts == input.errors)
        #expect(!strict.isLoadable)
        let lenient = CaseDataLoader(mode: .lenient, parallelism: 1).inspect(directory: directory)
        let data = try #require(lenient.caseData)
        let table = try #require(lenient.summaries.first { $0.rejected > 0 })
        #expect(table.loaded == input.lenient?.loaded)
        #expect(table.rejected == input.lenient?.rejected)
        #expect(table.loaded + table.rejected == table.rowsInFile)
        #expect(data.tables[table.table]?.rowCount == input.lenient?.loaded)
    }

    // MARK: Inputs too big to keep as files

    @Test func aTenMegabyteFieldIsReadWhole() throws {
        let field = String(repeating: "x", count: 10 << 20)
        let result = try readCSV("id,text\n1,\(field)\n2,short\n")
        #expect(result.table.rowCount == 2)
        #expect(result.table.column(named: "text")?[0] == .string(field))
    }

    @Test func aFieldLongerThanTheMaximumIsAnErrorNotAnEnormousValue() throws {
        var reader = CSVReader(mode: .lenient, parallelism: 1)
        reader.maximumFieldBytes = 1 << 20
        let text =
            "id,text\n1,ok\n2,\(String(repeating: "x", count: (1 << 20) + 1))\n3,\"\(String(repeating: "y", count: 1 << 20))\"\n"
        let result = try reader.read(bytes: Array(text.utf8), name: "t.csv")
        #expect(result.rejectTexts == ["t.csv:3:3: field of 1048577 bytes is longer than the maximum of 1048576 bytes"])
        #expect(result.rejects.first?.issues.first?.code == DataErrorCode.fieldTooLong.rawValue)
        #expect(result.table.rowCount == 2)
        #expect(result.rowsInFile == 3)
        reader.mode = .strict
        #expect(throws: Diagnostic.self) { try reader.read(bytes: Array(text.utf8), name: "t.csv") }
    }

    @Test func theDefaultMaximumIs64MiB() throws {
        #expect(CSVReader.builtInMaximumFieldBytes == 64 << 20)
        #expect(CSVReader.defaultMaximumFieldBytes == 64 << 20, "SENDQL_MAX_FIELD_BYTES is set for this test run")
        var bytes = Array("id,text\n1,".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "z"), count: (64 << 20) + 1)
        bytes += Array("\n".utf8)
        let error = strictDiagnostic { try CSVReader(parallelism: 1).read(bytes: bytes, name: "big.csv") }
        #expect(error == "big.csv:2:3: field of 67108865 bytes is longer than the maximum of 67108864 bytes")
    }

    @Test func aHeaderFieldLongerThanTheMaximumStopsTheFile() throws {
        var reader = CSVReader(parallelism: 1)
        reader.maximumFieldBytes = 16
        let error = strictDiagnostic {
            try reader.read(bytes: Array("id,a_very_long_column_name\n1,2\n".utf8), name: "t.csv")
        }
        #expect(error == "t.csv:1:4: field of 23 bytes is longer than the maximum of 16 bytes")
    }

    @Test func theContractLoaderHasTheSameMaximum() throws {
        let folder = try TemporaryFolder()
        try folder.write([
            "people.csv": "person_id,birth_date,sex,ethnicity\nP1,,M,\(String(repeating: "w", count: 40))\nP2,,F,\n"
        ])
        var loader = CaseDataLoader(mode: .lenient, parallelism: 1)
        loader.maximumFieldBytes = 32
        let result = loader.inspect(directory: folder.path)
        #expect(
            result.issueTexts(in: folder) == [
                "people.csv:2:7: field of 40 bytes is longer than the maximum of 32 bytes"
            ])
        #expect(result.summary("people")?.loaded == 1)
    }

    @Test func aRowOfAMillionFieldsIsOneErrorAndCostsNoMemoryPerField() throws {
        let text = "a,b\n1,2\n" + String(repeating: ",", count: 1_000_000) + "\n3,4\n"
        let result = try readCSV(text, mode: .lenient)
        #expect(result.rejectTexts == ["t.csv:3:3: expected 2 fields, found 1000001"])
        #expect(result.table.rowCount == 2)
    }

    @Test func aHeaderOfCommasGivesTwentyMessagesAndACount() throws {
        let text = String(repeating: ",", count: 100_000) + "\n1\n"
        do {
            _ = try readCSV(text)
            Issue.record("a header of commas was read")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.count == 20)
            #expect(list.diagnostics.first?.message == "header field 1 has no column name")
            #expect(list.diagnostics.last?.notes == ["and 99981 more problems with the header's column names"])
        }
    }

    /// `file:line:column: message` of what `read` throws.
    func strictDiagnostic(_ read: () throws -> CSVTable) -> String? {
        do {
            _ = try read()
            return nil
        } catch let diagnostic as Diagnostic {
            return "\(diagnostic.locationText ?? "?"): \(diagnostic.message)"
        } catch {
            return "\(error)"
        }
    }
}
