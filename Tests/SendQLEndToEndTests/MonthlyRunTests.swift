import Foundation
import Testing
import SendQLTestSupport

/// The scheduled job for real: the monthly pack at consecutive month ends into one store, then a
/// second script that charts how the headline looked month after month.
struct MonthlyRunTests {
    @Test func monthlyRunsBuildAHistoryThatAScriptCharts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sendql-monthly-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = RepositoryPaths.root.appendingPathComponent("scripts/wsoa-monthly.sendql").path
        let store = folder.appendingPathComponent("history.sqlite").path
        for asOf in ["2024-10-31", "2024-11-30", "2024-12-31"] {
            let result = try ProcessRunner.sendql([
                "run", script, "--data", RepositoryPaths.sampleArea.path, "--as-of", asOf, "--param",
                "kpi_period=rolling12",
                "--dfe", RepositoryPaths.dfeData.appendingPathComponent("ehcp-2025").path,
                "--out", folder.appendingPathComponent(String(asOf.prefix(7))).path, "--store", store,
            ])
            // Some measures are red in the sample area: the run says which, exits 1, and still writes everything.
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("error[E0407]: measures are red"))
            let pack = folder.appendingPathComponent(String(asOf.prefix(7)))
            for file in [
                "wsoa-measures.csv", "wsoa-trends.csv", "wsoa-progress.md", "figures/headline-ehcp-20wk.svg",
                "figures/area3-reviews.svg", "figures/overdue-now.svg",
            ] {
                #expect(
                    FileManager.default.fileExists(atPath: pack.appendingPathComponent(file).path), "\(asOf): \(file)")
            }
        }
        let chart = """
            let headline = from snapshot_history
              | where snapshot == "wsoa-monthly" and kpi == "ehcp_20wk" and breakdown == "" and period == year_month(as_of)
              | select run = year_month(as_of), value
              | sort run
            from headline
            chart line headline x = run, y = value, target = 90, title = "The headline as each month's run saw it" to "history.svg"
            """
        let result = try ProcessRunner.sendql(
            [
                "run", "-", "--data", RepositoryPaths.sampleArea.path, "--store", store,
                "--out", folder.path, "--as-of", "2024-12-31",
            ], stdin: chart)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("2024-1") }.count == 3, "\(result.stdout)")
        let svg = try String(contentsOf: folder.appendingPathComponent("history.svg"), encoding: .utf8)
        #expect(svg.contains("<title") && svg.contains("The headline as each month"))
    }
}
