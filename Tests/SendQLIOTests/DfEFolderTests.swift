import Foundation
import SendQLCore
import SendQLTestSupport
import Testing
@testable import SendQLIO

/// A whole folder of published statistics, and how commands find the folders.
struct DfEFolderTests {
    @Test func theReportingYear2025FolderLoadsEveryFile() throws {
        let statistics = try DfEStatisticsLoader().load(directory: try PublishedStatistics.folder("ehcp-2025"))
        #expect(
            statistics.tables.map(\.name) == [
                "dfe_annual_reviews", "dfe_assessments", "dfe_caseload", "dfe_ceased_plans", "dfe_newplans",
                "dfe_requests", "dfe_sen2_dmo_dco", "dfe_send_tribunal_appeal_rates_2014_2024",
                "dfe_timeliness_20_week",
            ])
        #expect(statistics.ignoredFiles == ["data-guidance.txt"])
        let reviews = try #require(statistics["dfe_annual_reviews"])
        #expect(
            reviews.notes == [
                "the column review_meeting_prior_24 appears more than once; a later copy is review_meeting_prior_24_2"
            ])
        #expect(reviews.table.column(named: "review_meeting_prior_24_2")?.type == .int)
        #expect(statistics.report.contains("dfe_timeliness_20_week: 12211 rows, 42 columns from "))
        #expect(statistics.report.hasSuffix("data-guidance.txt: not a CSV file, not read\n"))
        // Caseload is counted in academic years, at the January census.
        let caseload = try #require(statistics["dfe_caseload"]).table
        #expect(caseload.column(named: "period_label")?[0] == .string("2018/19"))
        #expect(caseload.column(named: "year")?[0] == .int(2018))
        // Yes/No answers stay text rather than becoming booleans.
        #expect(statistics["dfe_sen2_dmo_dco"]?.table.column(named: "des_med_off")?.type == .string)
        #expect(statistics.tablesByName.count == 9)
    }

    @Test func aMissingFolderIsAnError() {
        #expect {
            try DfEStatisticsLoader().load(directory: "/nonexistent/dfe")
        } throws: { error in
            (error as? Diagnostic)?.message == "DfE statistics folder not found: /nonexistent/dfe"
        }
    }

    @Test func foldersComeFromTheOptionThenTheEnvironment() {
        #expect(DfEFolder.resolve(["a"], environment: ["SENDQL_DFE": "b:c"]) == ["a"])
        #expect(DfEFolder.resolve([], environment: ["SENDQL_DFE": "b:c"]) == ["b", "c"])
        #expect(DfEFolder.resolve([], environment: [:]) == [])
    }

    @Test func twoFoldersMayNotMakeTheSameTable() throws {
        let folder = try PublishedStatistics.folder("ehcp-2022")
        guard case .failure(let list) = DfEFolder.load([folder, folder]) else {
            Issue.record("loading one folder twice should fail")
            return
        }
        #expect(list.diagnostics.first?.message.hasPrefix("two DfE files make the table dfe_sen2_age_caseload") == true)
    }

    @Test func theTablesReachASession() throws {
        let folder = try PublishedStatistics.folder("ehcp-2022")
        let session = try RunJob.makeSession(
            dataFolder: RepositoryPaths.sampleArea.path, asOf: "2024-12-31", parameters: [:], rowLimit: 1000,
            options: ScriptOptions(),
            dfeFolders: [folder]
        ).get().session
        #expect(session.table(named: "dfe_sen2_mi") != nil)
        #expect(session.table(named: "requests") != nil)
    }
}
