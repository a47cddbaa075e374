import Foundation
import Testing
import SendQLCore
@testable import SendQLIO

/// An SEN2 return loads onto the contract's tables, checked by the contract's rules, with problems
/// located in the XML or the Blade file.
struct SEN2LoaderTests {
    @Test func theXMLReturnLoadsOntoTheContractTables() throws {
        let (result, _) = try SEN2Fixture.inspect(xml: SEN2Fixture.xml)
        let data = try #require(result.caseData, "\(result.errors.map(\.text))")
        #expect(
            data.tables["people"]!.rows.map { $0.map(\.description) } == [
                ["P1", "2015-03-02", "M", "WBRI"], ["P2", "2012-07-19", "F", "null"],
            ])
        #expect(
            data.tables["requests"]!.rows.map { $0.map(\.description) } == [
                ["R1", "P1", "2024-01-10", "parent", "Y", "2024-02-13", "null", "null"],
                ["R2", "P2", "2024-03-04", "null", "N", "2024-04-10", "null", "null"],
            ])
        #expect(
            data.tables["assessments"]!.rows.map { $0.map(\.description) } == [
                ["R1", "Y", "2024-05-20", "null", "false", "null", "null"]
            ])
        #expect(
            data.tables["plans"]!.rows.map { $0.map(\.description) } == [
                ["PL1", "P1", "R1", "2024-05-20", "null", "null", "ASD", "mainstream"]
            ])
        #expect(
            data.tables["reviews"]!.rows.map { $0.map(\.description) } == [
                ["RV1", "PL1", "2025-01-05", "null", "M", "2025-01-10", "null", "false", "null", "null"]
            ])
        #expect(data.absentTables == ["advice", "audits", "feedback", "complaints", "appeals"])
    }

    @Test func theBladeExportLoadsToTheSameTablesAsTheXML() throws {
        let (xml, _) = try SEN2Fixture.inspect(xml: SEN2Fixture.xml)
        let (blade, _) = try SEN2Fixture.inspect(blade: [:])
        let fromXML = try #require(xml.caseData),
            fromBlade = try #require(blade.caseData, "\(blade.errors.map(\.text))")
        for table in SEN2TableMapper.tables {
            #expect(fromXML.tables[table] == fromBlade.tables[table], "\(table)")
        }
    }

    @Test func identifiersAreNotReadUnlessAskedFor() throws {
        let (plain, _) = try SEN2Fixture.inspect(xml: SEN2Fixture.xml)
        let people = try #require(plain.caseData?.tables["people"])
        #expect(people.schema.fields.map(\.name) == ["person_id", "birth_date", "sex", "ethnicity"])
        let (asked, _) = try SEN2Fixture.inspect(xml: SEN2Fixture.xml, options: SEN2Options(identifiers: true))
        let withIdentifiers = try #require(asked.caseData?.tables["people"])
        #expect(
            withIdentifiers.schema.fields.map(\.name)
                == ["person_id", "birth_date", "sex", "ethnicity", "upn", "uln", "surname", "forename", "postcode"])
        #expect(
            withIdentifiers.rows[0].map(\.description)[4...] == ["A123456789012", "null", "Smith", "null", "KT1 1AA"])
        // Every identifier column is one publishing refuses.
        for column in SEN2TableMapper.identifierColumns {
            #expect(PublicationSuppressor.identifierColumns.contains(column), "\(column)")
        }
    }

    @Test func aBadDateIsLocatedInTheXMLAndLenientModeSetsItsRowAside() throws {
        let text = SEN2Fixture.xml(
            replacing: "<ReceivedDate>2024-03-04</ReceivedDate>",
            with: "<ReceivedDate>2024-02-30</ReceivedDate>")
        let (strict, folder) = try SEN2Fixture.inspect(xml: text)
        #expect(strict.errorTexts(in: folder) == ["return.xml:39:23: expected date, found \"2024-02-30\" [E0710]"])
        #expect(
            strict.errors.first?.diagnostic.notes == [
                "the contract's received_date, read from Message/Persons/Person[2]/Requests[1]/ReceivedDate",
                "February 2024 has 29 days",
            ])
        let (lenient, _) = try SEN2Fixture.inspect(xml: text, mode: .lenient)
        let requests = try #require(lenient.summary("requests"))
        #expect((requests.rowsInFile, requests.loaded, requests.rejected) == (2, 1, 1))
        #expect(lenient.caseData?.tables["requests"]?.rowCount == 1)
    }

    @Test func aDuplicateNativeIdIsADuplicateKey() throws {
        let text = SEN2Fixture.xml(replacing: "<NativeId>P2</NativeId>", with: "<NativeId>P1</NativeId>")
        let (result, folder) = try SEN2Fixture.inspect(xml: text)
        #expect(
            result.errorTexts(in: folder).first
                == "return.xml:35:17: duplicate person_id \"P1\" (first on line 9) [E0715]")
    }

    @Test func aTableGivenTwiceIsRefused() throws {
        let (result, folder) = try SEN2Fixture.inspect([
            "return.xml": Array(SEN2Fixture.xml.utf8), "people.csv": Array("person_id\nP9\n".utf8),
        ])
        #expect(
            result.errorTexts(in: folder) == [
                "people.csv: people.csv and return.xml both give the people table [E0746]"
            ])
    }

    @Test func localTablesBesideTheReturnAreReadAndCheckedAgainstIt() throws {
        let (result, folder) = try SEN2Fixture.inspect([
            "return.xml": Array(SEN2Fixture.xml.utf8),
            "appeals.csv": Array(
                "appeal_id,person_id,registered_date,decision_type\nA1,P1,2024-06-01,plan_content\nA2,P7,2024-06-02,cease\n"
                    .utf8),
        ])
        #expect(
            result.errorTexts(in: folder) == [
                "appeals.csv:3:4: expected a person_id from return.xml, found \"P7\" [E0716]"
            ])
    }
}
