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
        #expect(
            shown == Prelude.text.trimmingCharacters(in: .newlines),
            "docs/kpis.md is out of date: paste the output of `sendql prelude` into its ```prelude block")
    }

    @Test func thePreludeIsTheFilesInTheSourceTree() throws {
        for (name, text) in Prelude.files {
            let file = RepositoryPaths.root.appendingPathComponent(Prelude.folder).appendingPathComponent(name)
            #expect(try String(contentsOf: file, encoding: .utf8) == text, "\(name) is not what the binary embeds")
        }
        #expect(
            Prelude.sources.map(\.name)
                == ["as-of.sendql", "clocks.sendql", "kpis.sendql"].map { Prelude.folder + "/" + $0 })
    }

    @Test func aPreludeDiagnosticPointsAtItsLineInItsFile() throws {
        let kpis = try #require(Prelude.sources.last)
        let line = kpis.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("param kpi_period") }.map { $0 + 1 }
        let result = try ProcessRunner.sendql([
            "-c", "from kpi_pack | take 1", "--param", "kpi_period=weekly", "--as-of", "2024-12-31",
            "--data", RepositoryPaths.sampleArea.path,
        ])
        #expect(result.stderr.contains(" --> Sources/SendQLCore/Prelude/kpis.sendql:\(try #require(line)):7\n"))
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
