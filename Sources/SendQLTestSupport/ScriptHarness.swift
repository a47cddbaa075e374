import SendQLCore
import Testing

/// Runs scripts in-process over small hand-made tables, rendering what a user would see.
public struct ScriptHarness {
    public var session: Session

    /// A weekend-only calendar keeps unit tests independent of the bank-holiday table.
    public init(tables: [String: Table], asOf: String = "2019-03-31") {
        let day = CivilDate(iso: asOf)!.dayNumber
        let context = SessionContext(asOf: day, today: day, calendar: HolidayCalendar.englandAndWales)
        session = Session(tables: tables, context: context)
    }

    /// The result tables as aligned text, or the rendered diagnostics.
    public mutating func run(_ text: String, name: String = "test.sendql") -> String {
        let outcome = session.run(Source(name: name, text: text))
        var out = outcome.results.map { TextTable.render($0.table) }.joined(separator: "\n")
        if !outcome.diagnostics.isEmpty {
            out += outcome.diagnostics.map { DiagnosticRenderer().render($0) }.joined(separator: "\n")
        }
        for failed in outcome.failedExpectations { out += "expectation failed: \(failed.message)\n" }
        return out
    }

    /// The values of the only result, row by row.
    public mutating func rows(_ text: String) -> [[Value]] {
        let outcome = session.run(Source(name: "test.sendql", text: text))
        if !outcome.diagnostics.isEmpty {
            Issue.record(Comment(rawValue: outcome.diagnostics.map { DiagnosticRenderer().render($0) }.joined()))
        }
        return outcome.results.last?.table.rows ?? []
    }
}

/// A minimal aligned rendering for tests (the I/O library has the full renderer).
public enum TextTable {
    public static func render(_ table: Table) -> String {
        var lines = [table.schema.names.joined(separator: " | ")]
        for row in table.rows { lines.append(row.map(\.description).joined(separator: " | ")) }
        return lines.joined(separator: "\n") + "\n"
    }
}
