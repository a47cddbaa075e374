import Testing
import SendQLCore
@testable import SendQLIO

struct SpreadsheetSafetyTests {
    static let cases: [(String, String)] = [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tpadded", "'\tpadded"),
        ("\rreturn", "'\rreturn"),
        ("+1", "'+1"),
        ("-", "'-"),
        ("-3.", "'-3."),
        ("-.5", "'-.5"),
        ("--3", "'--3"),
        ("-3.5", "-3.5"),
        ("-12", "-12"),
        ("-1e-3", "-1e-3"),
        ("c", "c"),
        ("Kingston = good", "Kingston = good"),
        ("", ""),
    ]

    @Test(arguments: cases)
    func neutralisesTextThatWouldRunAsAFormula(text: String, expected: String) {
        #expect(SpreadsheetSafety.neutraliseFormulas.apply(text) == expected)
        #expect(SpreadsheetSafety.off.apply(text) == text)
    }

    static let table = Table([
        ("=name", Column(type: .string, values: [.string("=1+1"), .string("-3.5"), .string("@home"), .null])),
        ("change", Column(type: .int, values: [.int(-3), .int(4), .null, .int(0)])),
        ("rate", Column(type: .double, values: [.double(-2.5), .double(87.66233766233766), .null, .double(0)])),
        ("since", Column(type: .date, values: [day("2024-01-31"), .null, day("2019-03-01"), .null])),
    ])

    @Test func onlyTextCellsAndNamesChange() {
        #expect(
            ResultRenderer.csv(Self.table, spreadsheetSafety: .neutraliseFormulas) == """
                '=name,change,rate,since
                '=1+1,-3,-2.5,2024-01-31
                -3.5,4,87.66233766233766,
                '@home,,,2019-03-01
                ,0,0,

                """)
        #expect(ResultRenderer.csv(Self.table).hasPrefix("=name,change,rate,since\n=1+1,-3,"))
    }

    @Test func theExporterWritesTheSameBytesAsTheRenderer() throws {
        let sink = MemoryByteSink()
        #expect(try TableCSVExporter.write(Self.table, to: sink) == 4)
        #expect(sink.text == ResultRenderer.csv(Self.table, spreadsheetSafety: .neutraliseFormulas))
        let plain = MemoryByteSink()
        try TableCSVExporter.write(Self.table, to: plain, safety: .off)
        #expect(plain.text == ResultRenderer.csv(Self.table))
    }

    @Test func quotingStillAppliesAfterTheQuoteIsAdded() {
        let table = Table([("note", Column(type: .string, values: [.string("=A1,\"x\"")]))])
        #expect(ResultRenderer.csv(table, spreadsheetSafety: .neutraliseFormulas) == "note\n\"'=A1,\"\"x\"\"\"\n")
    }
}
