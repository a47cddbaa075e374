import Foundation
import Testing
import SendQLTestSupport

/// `sendql --dfe DIR` makes the published statistics queryable beside the area's own tables.
struct DfECommandTests {
    /// `datasets/dfe/<edition>`; the test fails saying so when the folder is missing.
    static func edition(_ name: String) throws -> String {
        let path = RepositoryPaths.dfeData.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw DfEDataMissing(path: path)
        }
        return path
    }

    struct DfEDataMissing: Error, CustomStringConvertible {
        var path: String
        var description: String { "the published DfE statistics are missing: expected the folder \(path)" }
    }

    @Test func printsEnglandsTwentyWeekSeries() throws {
        let script = """
            from dfe_timeliness_20_week
            | where geographic_level == "National" and breakdown == "All EHC plans issued"
            | select period_label, on_time = plans_issued_20_weeks_ex, plans = plans_issued_den_ex, pct = PC_plans_issued_20_weeks_ex
            | sort period_label
            """
        let result = try ProcessRunner.sendql([
            "-c", script, "--dfe", try Self.edition("ehcp-2025"), "--as-of", "2024-12-31",
        ])
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                period_label  on_time  plans   pct
                ------------  -------  -----  ----
                2019            29895  49519  60.4
                2020            31446  54175    58
                2021            34249  57196  59.9
                2022            30536  62108  49.2
                2023            38471  76506  50.3
                2024            39407  84866  46.4
                (6 rows)

                """)
    }

    @Test func theEnvironmentNamesTheFolderWhenTheOptionDoesNot() throws {
        let result = try ProcessRunner.sendql(
            ["-c", "from dfe_sen2_mi | aggregate n = count()", "--as-of", "2024-12-31"],
            environment: ["SENDQL_DFE": try Self.edition("ehcp-2022")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1294"))
    }

    @Test func aMarkerThePublisherDoesNotListIsWarnedAboutBeforeTheResult() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sendql-dfe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "time_period,la_name,plans\n2019,A,12\n2019,B,[c]\n".write(
            to: folder.appendingPathComponent("plans.csv"), atomically: true, encoding: .utf8)
        let result = try ProcessRunner.sendql(
            [
                "-c", "from dfe_plans | aggregate total = sum(plans), suppressed = count(plans_symbol)",
                "--dfe", folder.path, "--as-of", "2024-12-31",
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.hasPrefix("warning[E0724]: \"[c]\" in plans is neither a number nor a symbol"),
            "\(result.stderr)")
        #expect(result.stderr.contains("plans.csv:3:8"))
        #expect(result.stdout.contains("12           1"), "\(result.stdout)")
    }

    @Test func aMissingFolderIsADataError() throws {
        let result = try ProcessRunner.sendql(["-c", "from requests | take 1", "--dfe", "/nonexistent/dfe"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("DfE statistics folder not found: /nonexistent/dfe"))
        #expect(result.stdout == "")
    }
}
