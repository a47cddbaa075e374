import Foundation
import SendQLCore
import SendQLIO
import Testing

/// A small data folder written from CSV text in a test, opened with the prelude as `sendql` would.
public struct AreaFixture {
    public let folder: URL

    /// Writes each table's CSV text (header and rows) to a fresh temporary folder.
    public init(_ tables: [String: String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-area-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in tables {
            try text.write(to: folder.appendingPathComponent("\(name).csv"), atomically: true, encoding: .utf8)
        }
    }

    /// A session over the folder as at `asOf`, with the prelude and script parameters.
    public func session(asOf: String, parameters: [String: String] = [:]) throws -> Session {
        let data = try CaseDataLoader().load(directory: folder.path)
        let day = try #require(CivilDate(iso: asOf)).dayNumber
        let context = SessionContext(
            asOf: day, today: day, calendar: HolidayCalendar.englandAndWales, parameters: parameters)
        let session = Session(
            tables: data.tables, context: context, resources: FileResourceLoader(), prelude: Prelude.sources)
        #expect(session.preludeDiagnostics.isEmpty, "\(session.preludeDiagnostics)")
        return session
    }

    /// The rows of the last result of `script`, recording any diagnostic as a test issue.
    public func rows(_ script: String, asOf: String, parameters: [String: String] = [:]) throws -> [[Value]] {
        var session = try self.session(asOf: asOf, parameters: parameters)
        let outcome = session.run(Source(name: "test.sendql", text: script))
        if !outcome.diagnostics.isEmpty {
            Issue.record(Comment(rawValue: DiagnosticRenderer().render(outcome.diagnostics)))
        }
        return outcome.results.last?.table.rows ?? []
    }

    public func remove() { try? FileManager.default.removeItem(at: folder) }
}
