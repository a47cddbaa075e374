import Foundation
import Testing
import SendQLCore
@testable import SendQLIO

/// Hostile and broken SEN2 returns: each gets one exact, located error, quickly and in bounded memory.
struct SEN2HostileInputTests {
    /// A "billion laughs" file: ten levels of entities each expanding the last ten times.
    static let billionLaughs: String = {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE Message [\n  <!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            text += "  <!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        return text + "]>\n<Message><Persons><Person><Surname>&lol9;</Surname></Person></Persons></Message>\n"
    }()

    static let externalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE Message [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <Message><Persons><Person><Surname>&secret;</Surname></Person></Persons></Message>

        """

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var xml: [UInt8]
        var error: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "billion laughs", xml: Array(billionLaughs.utf8),
            error:
                "return.xml:2:1: <!DOCTYPE is not allowed in an SEN2 return: DTDs and entities are refused unread [E0741]"
        ),
        Case(
            name: "external entity", xml: Array(externalEntity.utf8),
            error:
                "return.xml:2:1: <!DOCTYPE is not allowed in an SEN2 return: DTDs and entities are refused unread [E0741]"
        ),
        Case(
            name: "undefined entity",
            xml: Array(SEN2Fixture.xml(replacing: "<Surname>Smith", with: "<Surname>&lol;").utf8),
            error:
                "return.xml:9:39: an entity reference the return does not define: only &amp; &lt; &gt; &quot; &apos; and &#...; are read [E0740]"
        ),
        Case(
            name: "invalid UTF-8",
            xml: Array(SEN2Fixture.xml(replacing: "Smith", with: "Sm\u{1}th").utf8).map { $0 == 1 ? 0xE9 : $0 },
            error: "return.xml:9:41: invalid UTF-8 byte 0xE9 [E0702]"),
        Case(
            name: "truncated", xml: Array(SEN2Fixture.xml.utf8.prefix(700)),
            error: "return.xml:16:31: the file ends inside <RequestOutcomeDate>: it is truncated [E0740]"),
        Case(
            name: "mismatched tag", xml: Array(SEN2Fixture.xml(replacing: "</Sex>", with: "</Sx>").utf8),
            error: "return.xml:10:58: a closing tag that does not match <Sex>: expected </Sex> [E0740]"),
        Case(
            name: "nested too deep",
            xml: Array(
                SEN2Fixture.xml(
                    replacing: "<Sex>M</Sex>",
                    with: String(repeating: "<X>", count: 40) + String(repeating: "</X>", count: 40)
                ).utf8),
            error:
                "return.xml:10:139: elements nested more than 32 deep (inside Message/Persons/Person/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X/X) [E0742]"
        ),
        Case(
            name: "missing Persons module", xml: Array("<?xml version=\"1.0\"?>\n<Message><Header/></Message>\n".utf8),
            error:
                "return.xml:2:1: the return has no <Persons> module (Message/Persons): no person, request or plan can be read [E0744]"
        ),
        Case(
            name: "request under the wrong parent",
            xml: Array(
                SEN2Fixture.xml(
                    replacing: "    </Person>\n  </Persons>",
                    with:
                        "    </Person>\n    <Requests><ReceivedDate>2024-01-01</ReceivedDate></Requests>\n  </Persons>"
                ).utf8),
            error:
                "return.xml:44:5: <Requests> must be inside <Person>, found inside <Persons> (Message/Persons) [E0743]"),
        Case(
            name: "two assessments",
            xml: Array(
                SEN2Fixture.xml(
                    replacing: "<RequestOutcomeDate>2024-02-13</RequestOutcomeDate>",
                    with: "<RequestOutcomeDate>2024-02-13</RequestOutcomeDate><Assessment/>"
                ).utf8),
            error:
                "return.xml:17:9: <Assessment> appears twice in Message/Persons/Person[1]/Requests[1]; a <Requests> has at most one [E0743]"
        ),
        Case(
            name: "wrong root", xml: Array("<Return><Persons/></Return>".utf8),
            error: "return.xml:1:1: the root element is <Return>; an SEN2 return's is <Message> [E0743]"),
        Case(name: "empty file", xml: [], error: "return.xml:1:1: the file holds no XML [E0740]"),
    ]

    @Test(arguments: cases)
    func eachGetsOneExactLocatedError(input: Case) throws {
        let started = Date()
        let (result, folder) = try SEN2Fixture.inspect(["return.xml": input.xml])
        #expect(result.errorTexts(in: folder) == [input.error])
        #expect(result.caseData == nil)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func aFileOverTheSizeLimitIsRefusedUnread() throws {
        var options = SEN2Options()
        options.limits.maximumFileBytes = 100
        let (result, folder) = try SEN2Fixture.inspect(xml: SEN2Fixture.xml, options: options)
        #expect(
            result.errorTexts(in: folder) == [
                "return.xml: return.xml is \(SEN2Fixture.xml.utf8.count) bytes, more than the 100 an SEN2 return may be [E0742]"
            ])
    }

    @Test func anUnknownElementIsANoteNotASilentDrop() throws {
        let (result, folder) = try SEN2Fixture.inspect(
            xml: SEN2Fixture.xml(replacing: "<Sex>M</Sex>", with: "<Sex>M</Sex><Shoe>9</Shoe>"))
        #expect(result.isLoadable)
        let notes = result.notes.filter { $0.code == "E0745" }.map { "\($0.locationText ?? ""): \($0.message)" }
        #expect(
            notes.map { $0.replacingOccurrences(of: folder.path + "/", with: "") } == [
                "return.xml:10:64: <Shoe> in Message/Persons/Person[1] is not an SEN2 item sendql reads; it was not read"
            ])
    }

    // MARK: Blade

    @Test func aBladeDateWithABadMonthIsLocatedInItsFile() throws {
        let name = "Blade-Export_16-01-2025_requests.csv"
        let text = SEN2Fixture.blade[name]!.replacingOccurrences(of: "2024-Mar-04", with: "2024-Mrz-04")
        let (result, folder) = try SEN2Fixture.inspect(blade: [name: text])
        #expect(result.errorTexts(in: folder) == ["\(name):3:8: expected date, found \"2024-Mrz-04 00:00:00\" [E0710]"])
    }

    @Test func aMissingBladeModuleIsNamed() throws {
        let (result, folder) = try SEN2Fixture.inspect(blade: ["Blade-Export_16-01-2025_assessment.csv": nil])
        #expect(
            result.errorTexts(in: folder) == [
                "\(folder.path): the Blade export in \(folder.path) has no assessment file (Blade-Export_<DD-MM-YYYY>_assessment.csv): the Assessment module is missing [E0744]"
            ])
    }

    @Test func aBladeRowNamingNoParentIsAStructureError() throws {
        let name = "Blade-Export_16-01-2025_requests.csv"
        let text = SEN2Fixture.blade[name]!.replacingOccurrences(of: "2,2,R2", with: "2,9,R2")
        let (result, folder) = try SEN2Fixture.inspect(blade: [name: text])
        #expect(
            result.errorTexts(in: folder) == [
                "\(name):3:3: persontableid \"9\" names no row of Blade-Export_16-01-2025_person.csv [E0743]"
            ])
    }
}
