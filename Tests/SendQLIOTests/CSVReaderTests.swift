import Testing
import SendQLCore
@testable import SendQLIO

struct CSVReaderTests {
    @Test func readsHeaderAndTypedColumns() throws {
        let result = try readCSV("id,name,score,when,ok\n1,Ann,2.5,2019-02-01,yes\n2,Bob,3,01/03/2019,N\n")
        #expect(result.table.schema.description == "id: int, name: string, score: double, when: date, ok: bool")
        #expect(
            result.table.rows == [
                [.int(1), .string("Ann"), .double(2.5), day("2019-02-01"), .bool(true)],
                [.int(2), .string("Bob"), .double(3), day("2019-03-01"), .bool(false)],
            ])
        #expect(result.rowsInFile == 2)
        #expect(result.rejects.isEmpty)
    }

    @Test func skipsAByteOrderMark() throws {
        let result = try readCSV("\u{FEFF}id,name\n1,Ann\n")
        #expect(result.table.schema.names == ["id", "name"])
        #expect(result.table.rows == [[.int(1), .string("Ann")]])
    }

    @Test(arguments: ["\n", "\r\n"])
    func acceptsLFAndCRLFLineEnds(lineEnd: String) throws {
        let text = ["a,b", "1,x", "2,y"].joined(separator: lineEnd) + lineEnd
        let result = try readCSV(text)
        #expect(result.table.rows == [[.int(1), .string("x")], [.int(2), .string("y")]])
    }

    @Test func readsALastRowWithoutALineBreak() throws {
        let result = try readCSV("a,b\n1,x\n2,y")
        #expect(result.table.rows == [[.int(1), .string("x")], [.int(2), .string("y")]])
    }

    @Test func readsQuotedCommasDoubledQuotesAndLineBreaks() throws {
        let text =
            "id,text\r\n1,\"Smith, Jo\"\r\n2,\"she said \"\"no\"\"\"\r\n3,\"two\r\nlines\"\r\n4,\"\"\"\"\r\n5,plain\r\n"
        let result = try readCSV(text)
        let expected: [Value] = [
            .string("Smith, Jo"), .string("she said \"no\""), .string("two\r\nlines"), .string("\""), .string("plain"),
        ]
        #expect(result.table.rows.map { $0[1] } == expected)
    }

    @Test func readsQuotedTypedValuesLikeUnquotedOnes() throws {
        let result = try readCSV("n,d,b\n\"12\",\"2019-01-02\",\"yes\"\n")
        #expect(result.table.rows == [[.int(12), day("2019-01-02"), .bool(true)]])
    }

    @Test func readsEmptyFieldsQuotedOrNotAsNull() throws {
        let result = try readCSV("n,s,d\n1,,\n,\"\",2019-01-01\n")
        #expect(result.table.rows == [[.int(1), .null, .null], [.null, .null, day("2019-01-01")]])
        #expect(result.table.column(named: "n")?.nullCount == 1)
    }

    @Test func skipsBlankLinesAnywhere() throws {
        let result = try readCSV("\n\na,b\n\n1,x\r\n\r\n2,y\n\n\n")
        #expect(result.table.rows == [[.int(1), .string("x")], [.int(2), .string("y")]])
        #expect(result.rowsInFile == 2)
    }

    @Test func readsAHeaderOnlyFileAsAnEmptyTable() throws {
        let result = try readCSV("a,b\n")
        #expect(result.table.rowCount == 0)
        #expect(result.table.schema.description == "a: string, b: string")
    }

    @Test func readsNonASCIIText() throws {
        let result = try readCSV("name,town\nZoë,Kingston upon Thames\n\"Łukasz, Ó\",Hull\n")
        #expect(
            result.table.rows == [
                [.string("Zoë"), .string("Kingston upon Thames")], [.string("Łukasz, Ó"), .string("Hull")],
            ])
    }

    @Test func dictionaryEncodesStringsInOrderOfFirstAppearance() throws {
        let result = try readCSV("s\nb\na\nb\nc\na\n")
        guard case .string(let codes, let dictionary)? = result.table.column(named: "s")?.storage else {
            Issue.record("not a string column")
            return
        }
        #expect(dictionary.values == ["b", "a", "c"])
        #expect(codes == [0, 1, 0, 2, 1])
    }

    @Test func usesDeclaredFormatsOverInference() throws {
        let result = try readCSV(
            "id,flag,code\n007,1,y\n010,0,N\n",
            formats: ["id": .string, "flag": .bool, "code": .code(CodeList(["Y", "N"]))])
        #expect(
            result.table.rows == [
                [.string("007"), .bool(true), .string("Y")], [.string("010"), .bool(false), .string("N")],
            ])
        #expect(result.formats == [.string, .bool, .code(CodeList(["Y", "N"]))])
    }

    @Test func storesCodesInTheListsSpellingWithOnlyTheCodesThatOccur() throws {
        let list = CodeList(["outstanding", "good", "requires_improvement"])
        let result = try readCSV("r\nGOOD\nRequires_Improvement\ngood\n\n", formats: ["r": .code(list)])
        guard case .string(let codes, let dictionary)? = result.table.column(named: "r")?.storage else {
            Issue.record("not a string column")
            return
        }
        #expect(dictionary.values == ["good", "requires_improvement"])
        #expect(codes == [0, 1, 0])
    }

    @Test func readsAFileFromDisk() throws {
        let folder = try TemporaryFolder()
        try folder.write(["people.csv": "id,born\nP1,2010-01-01\n"])
        let result = try CSVReader().read(path: folder.file("people.csv"))
        #expect(result.file == folder.file("people.csv"))
        #expect(result.table.rows == [[.string("P1"), day("2010-01-01")]])
    }

    @Test func saysWhyAFileCannotBeRead() {
        let path = "/nonexistent-sendql-folder/x.csv"
        #expect(throws: Diagnostic.self) { try CSVReader().read(path: path) }
        do {
            _ = try CSVReader().read(path: path)
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.code == "E0700")
            #expect(diagnostic.message == "cannot read \(path): No such file or directory")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Text whose chunk cuts fall inside quoted fields (line breaks in quotes) and beside blank lines.
    private static let awkwardText: String = {
        var lines = ["id,text,n,when"]
        for row in 0..<300 {
            switch row % 7 {
            case 0:
                // Most of the file's line breaks sit inside these quoted fields.
                let field = (0..<20).map { "line \($0) of \(row)" }.joined(separator: "\n")
                lines.append("\(row),\"\(field)\",\(row),2019-01-\(row % 28 + 1)")
            case 1: lines.append("\(row),\"comma, \"\"quote\"\"\",\(row * 3),")
            case 2:
                lines.append("")
                lines.append("\(row),plain \(row % 5),,01/02/2020")
            case 3: lines.append("\(row),\"\n\n\n\",-\(row),2020-02-29")
            default: lines.append("\(row),t\(row % 11),\(row),2019-12-31")
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }()

    @Test func chunkCutsOfTheAwkwardTextFallInsideQuotedFields() {
        // Otherwise the chunk tests below would never exercise re-parsing a mis-guessed chunk.
        let bytes = Array(Self.awkwardText.utf8)
        let misguessed = bytes.withUnsafeBufferPointer { buffer -> Int in
            var recordStarts = Set<Int>()
            var scanner = CSVRecordScanner(buffer, position: 0)
            while scanner.nextRecord(startingBefore: buffer.count) { recordStarts.insert(scanner.recordStart) }
            let plan = ChunkPlan(bytes: buffer, dataStart: 16, chunks: 8, minimumBytes: 16)
            return plan.starts.dropFirst().filter { start in
                var probe = CSVRecordScanner(buffer, position: start)
                probe.skipBlankLines()
                return !recordStarts.contains(probe.position)
            }.count
        }
        #expect(misguessed > 0)
    }

    @Test(arguments: [2, 3, 5, 8])
    func parsesInChunksExactlyAsInOnePiece(chunks: Int) throws {
        let whole = try readCSV(Self.awkwardText)
        let chunked = try readCSV(Self.awkwardText, parallelism: chunks, minimumChunkBytes: 16)
        // The same values in the same rows and types (a string column's dictionary may list its
        // strings in another order when chunks are merged).
        #expect(chunked.table.schema == whole.table.schema)
        #expect(chunked.table.rows == whole.table.rows)
        #expect(chunked.formats == whole.formats)
        #expect(whole.table.rowCount == 300)
    }

    @Test(arguments: [2, 4])
    func setsAsideTheSameRowsInChunksAsInOnePiece(chunks: Int) throws {
        let text = Self.awkwardText.replacingOccurrences(of: "2019-12-31", with: "2019-12-32")
        let formats: [String: ColumnFormat] = ["when": .date]
        let whole = try readCSV(text, mode: .lenient, formats: formats)
        let chunked = try readCSV(text, mode: .lenient, formats: formats, parallelism: chunks, minimumChunkBytes: 16)
        #expect(chunked.table == whole.table)
        #expect(chunked.rejects == whole.rejects)
        #expect(whole.rejects.count > 0)
        #expect(whole.table.rowCount + whole.rejects.count == 300)
    }

    @Test func stopsAtTheSameFirstErrorInChunksAsInOnePiece() throws {
        var lines = ["n"] + (0..<200).map { "\($0)" }
        lines[150] = "x150"
        lines[60] = "x60"
        let text = lines.joined(separator: "\n")
        for chunks in [1, 2, 4] {
            do {
                _ = try readCSV(text, formats: ["n": .int], parallelism: chunks, minimumChunkBytes: 8)
                Issue.record("expected an error")
            } catch let diagnostic as Diagnostic {
                #expect(
                    "\(diagnostic.locationText!): \(diagnostic.message)" == "t.csv:61:1: expected int, found \"x60\"")
            }
        }
    }
}
