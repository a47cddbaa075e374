import SendQLCore
import Testing
@testable import SendQLIO

/// The DfE loader over small files held in memory, laid out as Explore Education Statistics writes them.
struct DfEStatisticsLoaderTests {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func read(_ text: String, name: String = "dfe/example.csv", byteOrderMark: Bool = true) throws -> DfETable {
        try DfEStatisticsLoader(parallelism: 1).read(
            bytes: (byteOrderMark ? Self.byteOrderMark : []) + Array(text.utf8), name: name)
    }

    static let example = """
        time_period,time_identifier,geographic_level,new_la_code,old_la_code,la_name,breakdown,plans,pc_on_time
        2019,Calendar year,National,,,,All,49519,60.4
        2019,Calendar year,Local authority,E06000010,810,"Kingston upon Hull, City of",All,c,x
        2019,Calendar year,Local authority,E09000021,314,Kingston upon Thames,All,185,96.2
        2019,Calendar year,Local authority,E09000022,315,Lambeth,All,,z

        """

    @Test func byteOrderMarkIsNotPartOfTheFirstColumnName() throws {
        for withMark in [true, false] {
            let table = try Self.read(Self.example, byteOrderMark: withMark).table
            #expect(table.schema.names.first == "time_period")
            #expect(table.column(named: "time_period")?.type == .int)
        }
    }

    @Test func quotedNameWithCommaStaysOneValue() throws {
        let table = try Self.read(Self.example).table
        #expect(table.column(named: "la_name")?[1] == .string("Kingston upon Hull, City of"))
        #expect(table.column(named: "old_la_code")?[1] == .string("810"))
        #expect(table.rowCount == 4)
    }

    @Test func identifyingColumnsStayTextEvenWhenTheyLookNumeric() throws {
        let table = try Self.read(Self.example).table
        for name in ["time_identifier", "geographic_level", "new_la_code", "old_la_code", "la_name", "breakdown"] {
            #expect(table.column(named: name)?.type == .string, "\(name)")
            #expect(table.column(named: name + "_symbol") == nil, "\(name) has no symbol column")
        }
        #expect(table.column(named: "old_la_code")?[2] == .string("314"))
    }

    @Test func wholeNumbersAreIntAndDecimalsDouble() throws {
        let loaded = try Self.read(Self.example)
        #expect(loaded.table.column(named: "plans")?.type == .int)
        #expect(loaded.table.column(named: "pc_on_time")?.type == .double)
        #expect(loaded.numericColumns == ["plans", "pc_on_time"])
        #expect(loaded.table.column(named: "plans")?[2] == .int(185))
        #expect(loaded.table.column(named: "pc_on_time")?[2] == .double(96.2))
    }

    /// Every symbol, a blank and a number in one column: the symbols are kept, nothing becomes zero.
    @Test(arguments: DfESymbol.exploreEducationStatistics.sorted())
    func symbolIsKeptApartFromBlankAndNeverZero(symbol: String) throws {
        let text = "time_period,geographic_level,value\n2019,National,\(symbol)\n2020,National,\n2021,National,0\n"
        let table = try Self.read(text).table
        let values = try #require(table.column(named: "value"))
        let symbols = try #require(table.column(named: "value_symbol"))
        #expect(values.type == .int)
        #expect(values[0] == .null && symbols[0] == .string(symbol), "the \(symbol) cell")
        #expect(values[1] == .null && symbols[1] == .null, "the blank cell")
        #expect(values[2] == .int(0) && symbols[2] == .null, "the zero")
        #expect(values.nullCount == 2)
    }

    @Test func allSymbolsInOneColumnStayDistinct() throws {
        let symbols = DfESymbol.exploreEducationStatistics.sorted()
        var text = "time_period,value\n"
        for symbol in symbols { text += "2019,\(symbol)\n" }
        text += "2019,\n2019,12\n"
        let table = try Self.read(text).table
        let kept = (0..<symbols.count).map { table.column(named: "value_symbol")![$0] }
        #expect(kept == symbols.map { .string($0) })
        #expect(table.column(named: "value")?[symbols.count + 1] == .int(12))
        #expect(table.column(named: "value_symbol")?[symbols.count] == .null)
    }

    @Test func symbolColumnsFollowTheFilesColumnsInOrder() throws {
        let table = try Self.read(Self.example).table
        #expect(
            table.schema.names == [
                "time_period", "period_label", "year", "time_identifier", "geographic_level", "new_la_code",
                "old_la_code", "la_name", "breakdown", "plans", "pc_on_time", "plans_symbol", "pc_on_time_symbol",
            ])
        #expect(table.column(named: "plans_symbol")?[1] == .string("c"))
        #expect(table.column(named: "pc_on_time_symbol")?[1] == .string("x"))
        #expect(table.column(named: "pc_on_time_symbol")?[3] == .string("z"))
        #expect(table.column(named: "plans")?[3] == .null)
        #expect(table.column(named: "plans_symbol")?[3] == .null)
    }

    @Test func aColumnOfOnlySymbolsIsNumericWithNoValues() throws {
        let table = try Self.read("time_period,online_provider\n2019,x\n2020,x\n").table
        #expect(table.column(named: "online_provider")?.type == .int)
        #expect(table.column(named: "online_provider")?.nullCount == 2)
        #expect(table.column(named: "online_provider_symbol")?[1] == .string("x"))
    }

    @Test func otherTextKeepsAColumnText() throws {
        let table = try Self.read("time_period,des_med_off,code\n2019,Yes,007\n2020,n/a,12\n").table
        #expect(table.column(named: "des_med_off")?.type == .string)
        #expect(table.column(named: "des_med_off")?[1] == .string("n/a"))
        // A leading zero marks an identifier, as the CSV reader's inference has it.
        #expect(table.column(named: "code")?.type == .string)
        #expect(table.column(named: "des_med_off_symbol") == nil)
    }

    @Test func anUnlistedMarkerIsReadAsASymbolAndNamedByItsCell() throws {
        let loaded = try Self.read(
            "time_period,la_name,plans\n2019,A,12\n\n2019,B,[c]\n2020,C,[c]\n", byteOrderMark: false)
        #expect(loaded.table.column(named: "plans")?.type == .int)
        #expect(loaded.table.column(named: "plans")?[0] == .int(12))
        #expect(loaded.table.column(named: "plans")?[1] == .null)
        #expect(loaded.table.column(named: "plans_symbol")?[1] == .string("[c]"))
        #expect(loaded.table.column(named: "plans_symbol")?[2] == .string("[c]"))
        // One warning for the marker, at its first cell: line 4 (the blank line counts), column 8.
        #expect(loaded.findings.count == 1)
        let finding = try #require(loaded.findings.first)
        #expect(finding.code == "E0724")
        #expect(finding.severity == .warning)
        #expect(
            finding.message
                == "\"[c]\" in plans is neither a number nor a symbol the publisher lists (x, z, c, low, u, :); read as a symbol"
        )
        let rendered = DiagnosticRenderer(colour: false).render([finding])
        #expect(rendered.contains("--> dfe/example.csv:4:8"), "\(rendered)")
    }

    @Test func textInAColumnOfNumbersIsNamedByItsCell() throws {
        let loaded = try Self.read("time_period,plans\n2019,12\n2020,see note 4\n2021,7\n", byteOrderMark: false)
        #expect(loaded.table.column(named: "plans")?.type == .string)
        #expect(loaded.table.column(named: "plans")?[1] == .string("see note 4"))
        #expect(loaded.findings.count == 1)
        let finding = try #require(loaded.findings.first)
        #expect(
            finding.message
                == "plans stays text: \"see note 4\" is neither a number nor a symbol the publisher lists (x, z, c, low, u, :)"
        )
        #expect(DiagnosticRenderer(colour: false).render([finding]).contains("--> dfe/example.csv:3:6"))
    }

    @Test func aColumnOfTextGetsNoWarning() throws {
        let loaded = try Self.read("time_period,des_med_off\n2019,Yes\n2020,No\n")
        #expect(loaded.findings.isEmpty)
    }

    @Test(arguments: [
        (Int64(2019), "2019", Int64(2019)), (201819, "2018/19", 2018), (199900, "1999/00", 1999),
        (202324, "2023/24", 2023),
    ])
    func timePeriodGetsALabelAndAYear(period: Int64, label: String, year: Int64) throws {
        #expect(DfETimePeriod.label(period) == label)
        #expect(DfETimePeriod.year(period) == year)
        let table = try Self.read("time_period,time_identifier\n\(period),Academic year\n").table
        #expect(table.column(named: "period_label")?[0] == .string(label))
        #expect(table.column(named: "year")?[0] == .int(year))
    }

    @Test func aSixDigitPeriodThatIsNotTwoYearsKeepsItsDigits() {
        #expect(DfETimePeriod.label(201901) == "201901")
        #expect(DfETimePeriod.year(201901) == nil)
    }

    @Test func aRepeatedColumnNameIsRenamedAndNoted() throws {
        let loaded = try Self.read("time_period,a,a,a_2\n2019,1,1,3\n")
        #expect(loaded.table.schema.names.prefix(6) == ["time_period", "period_label", "year", "a", "a_3", "a_2"])
        #expect(loaded.table.column(named: "a_3")?[0] == .int(1))
        #expect(loaded.notes == ["the column a appears more than once; a later copy is a_3"])
    }

    @Test func aFileThatIsNotATidyTableIsRefusedWithTheReason() throws {
        let text = "\"Table 1: a title\",,\n,,\nName,Code,Value\nA,1,2\n"
        #expect {
            try Self.read(text)
        } throws: { error in
            let diagnostic = error as? Diagnostic
            return diagnostic?.code == DataErrorCode.emptyColumnName.rawValue
                && diagnostic?.message == "dfe/example.csv is not a tidy data file: header field 2 has no column name"
        }
    }

    @Test func aBadRowIsReportedWithItsLocation() throws {
        #expect {
            try Self.read("time_period,value\n2019,1,2\n")
        } throws: { error in
            let diagnostic = error as? Diagnostic
            return diagnostic?.code == DataErrorCode.fieldCount.rawValue
                && diagnostic?.locationText == "dfe/example.csv:2:8"
        }
    }

    @Test(arguments: [
        ("ehcp-2025/timeliness_20_week.csv", "dfe_timeliness_20_week"),
        ("send-tribunal-appeal-rates-2014-2024.csv", "dfe_send_tribunal_appeal_rates_2014_2024"),
        ("/data/SEN2 MI.CSV", "dfe_sen2_mi"),
    ])
    func tableNamesComeFromFileNames(file: String, name: String) {
        #expect(DfEStatisticsLoader.tableName(forFile: file) == name)
    }
}
