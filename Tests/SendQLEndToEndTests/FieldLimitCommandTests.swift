import Foundation
import Testing
import SendQLTestSupport

/// `SENDQL_MAX_FIELD_BYTES` sets the CSV reader's maximum field length for every command.
struct FieldLimitCommandTests {
    @Test func theEnvironmentSetsTheMaximumFieldLength() throws {
        let area = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sendql-field-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: area, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: area) }
        try Data("person_id,birth_date\nP1,2012-03-04\nP2-and-more,2010-11-30\n".utf8)
            .write(to: area.appendingPathComponent("people.csv"))

        let limited = try ProcessRunner.sendql(
            ["check", "--data", area.path], environment: ["SENDQL_MAX_FIELD_BYTES": "10"])
        #expect(limited.status == 66)
        #expect(limited.stdout.contains("people.csv:3:1: field of 11 bytes is longer than the maximum of 10 bytes"))

        let unlimited = try ProcessRunner.sendql(["check", "--data", area.path])
        #expect(unlimited.status == 0)
    }
}
