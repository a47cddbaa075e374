import Testing
import SendQLCore
@testable import SendQLIO

struct FieldParsersTests {
    private func withBytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test(
        arguments: [
            ("0", 0), ("42", 42), ("-7", -7), ("+7", 7), ("007", 7),
            ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
        ] as [(String, Int64)])
    func parsesInts(text: String, expected: Int64) {
        #expect(withBytes(text) { FieldParsers.parseInt($0) } == expected)
    }

    @Test(arguments: ["", "-", "+", "1.0", "1e3", " 1", "1 ", "12a", "9223372036854775808", "--1", "0x10"])
    func rejectsNonInts(text: String) {
        #expect(withBytes(text) { FieldParsers.parseInt($0) } == nil)
    }

    @Test(
        arguments: [
            ("1.5", 1.5), ("-0.25", -0.25), ("3", 3), (".5", 0.5), ("5.", 5), ("1e3", 1000), ("1E-2", 0.01),
            ("2.5e+2", 250), ("0.1", 0.1), ("123456789012345678901234", 123456789012345678901234.0),
            ("1.7976931348623157e308", 1.7976931348623157e308), ("4.9406564584124654e-324", .leastNonzeroMagnitude),
            ("0.30000000000000004", 0.30000000000000004),
        ] as [(String, Double)])
    func parsesDoublesExactly(text: String, expected: Double) {
        #expect(withBytes(text) { FieldParsers.parseDouble($0) } == expected)
    }

    @Test(arguments: ["", ".", "-", "e5", "1e", "1.2.3", "1,5", "inf", "nan", "0x1p3", " 1", "1e+"])
    func rejectsNonDoubles(text: String) {
        #expect(withBytes(text) { FieldParsers.parseDouble($0) } == nil)
    }

    @Test(arguments: [
        ("true", true), ("TRUE", true), ("True", true), ("yes", true), ("Y", true), ("y", true), ("1", true),
        ("false", false), ("FALSE", false), ("no", false), ("No", false), ("n", false), ("N", false), ("0", false),
    ])
    func parsesEveryBooleanSpelling(text: String, expected: Bool) {
        #expect(withBytes(text) { FieldParsers.parseBool($0) } == expected)
    }

    @Test(arguments: ["", "t", "f", "2", "yess", "truee", "on", "off", " yes"])
    func rejectsOtherBooleanSpellings(text: String) {
        #expect(withBytes(text) { FieldParsers.parseBool($0) } == nil)
    }

    @Test(arguments: [
        ("2019-02-28", "2019-02-28"), ("2020-02-29", "2020-02-29"), ("28/02/2019", "2019-02-28"),
        ("01/02/2019", "2019-02-01"), ("1/2/2019", "2019-02-01"), ("9/12/2019", "2019-12-09"),
        ("31/12/1999", "1999-12-31"), ("2000-02-29", "2000-02-29"),
    ])
    func parsesISOAndUKDates(text: String, iso: String) {
        #expect(withBytes(text) { FieldParsers.parseDate($0) } == CivilDate(iso: iso)!.dayNumber)
    }

    @Test(arguments: [
        ("2019-02-30", "February 2019 has 28 days"), ("31/02/2019", "February 2019 has 28 days"),
        ("2019-13-01", "there is no month 13"), ("2019-00-10", "there is no month 0"),
        ("2019-04-31", "April 2019 has 30 days"), ("2100-02-29", "February 2100 has 28 days"),
        ("00/01/2019", "there is no day 0"), ("0000-01-01", "years run from 1 to 9999"),
    ])
    func rejectsDaysThatDoNotExistAndSaysWhy(text: String, why: String) {
        #expect(withBytes(text) { FieldParsers.parseDate($0) } == nil)
        #expect(withBytes(text) { FieldParsers.explainDate($0) } == why)
    }

    @Test(arguments: [
        "2019-2-01", "2019/02/01", "20190201", "02-01-2019", "1/2/19", "123/2/2019", "2019-02-01T00:00", "",
    ])
    func rejectsOtherDateShapesWithoutExplaining(text: String) {
        #expect(withBytes(text) { FieldParsers.parseDate($0) } == nil)
        #expect(withBytes(text) { FieldParsers.explainDate($0) } == nil)
    }
}
