import Foundation
import Testing
import SendQLCore
import SendQLTestSupport

/// docs/kpis.md shows the prelude exactly as it ships.
struct PreludeDocumentTests {
    @Test func theDocumentShowsTheShippedPrelude() throws {
        let page = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("docs/kpis.md"), encoding: .utf8)
        let start = try #require(page.range(of: "```prelude\n"))
        let end = try #require(page.range(of: "\n```", range: start.upperBound..<page.endIndex))
        let shown = String(page[start.upperBound..<end.lowerBound])
        #expect(shown == Prelude.text.trimmingCharacters(in: .newlines),
                "docs/kpis.md is out of date: paste the output of `sendql prelude` into its ```prelude block")
    }

    @Test func thePreludeChecksCleanlyOverEmptyData() throws {
        let area = try AreaFixture([:])
        defer { area.remove() }
        let session = try area.session(asOf: "2024-12-31")
        #expect(session.preludeDiagnostics.isEmpty)
        // Every clock and the pack exist even when every table is empty.
        for name in ["deadlines", "kpi_pack", "kpi_cohorts", "overdue_now"] {
            #expect(session.table(named: name) != nil, "\(name)")
        }
        #expect(session.table(named: "kpi_pack")?.rowCount == 0)
    }
}
