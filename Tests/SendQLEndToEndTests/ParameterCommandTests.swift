import Foundation
import SendQLTestSupport
import Testing

/// What a scheduled run is told about its command line and its date before it can mislead anyone.
struct ParameterCommandTests {
    static let sample = ["--data", RepositoryPaths.sampleArea.path]

    @Test func aMisspeltParameterIsAUsageErrorWithDidYouMean() throws {
        let result = try ProcessRunner.sendql(
            [
                "-c", "from kpi_pack | take 1", "--param", "kpi_perod=rolling12",
                "--as-of", "2024-12-31",
            ] + Self.sample)
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                error[E0341]: --param kpi_perod: no script declares a parameter `kpi_perod`
                  = help: did you mean --param kpi_period=...?
                  = note: the parameters are kpi_period

                """)
    }

    @Test func aParameterDeclaredByTheScriptIsKnown() throws {
        let result = try ProcessRunner.sendql(
            [
                "-c", "param target: int = 90\nfrom range(1, 1) | select t = target",
                "--param", "target=80", "--as-of", "2024-12-31",
            ] + Self.sample)
        #expect(result.status == 0)
        #expect(result.stdout == " t\n--\n80\n(1 row)\n")
    }

    @Test(arguments: ["weekly", "rolling13", "Year"])
    func aPeriodKindTheMeasuresDoNotKnowListsEveryKind(kind: String) throws {
        let result = try ProcessRunner.sendql(
            ["run", "-", "--param", "kpi_period=\(kind)", "--as-of", "2024-12-31"] + Self.sample,
            stdin: "from kpi_pack | take 1\n")
        #expect(result.status == 64)
        #expect(
            result.stderr.hasPrefix(
                "error[E0340]: --param kpi_period=\(kind): `kpi_period` is one of "
                    + "year, academic_year, financial_year, quarter, month, rolling12\n"))
        #expect(!result.stderr.contains("internal error"))
        #expect(!result.stderr.contains("E0316"), "no second error follows from the first")
    }

    @Test func aDfETableWithoutDfESaysWhereItComesFrom() throws {
        let result = try ProcessRunner.sendql(
            ["-c", "from dfe_timeliness_20_week | take 1", "--as-of", "2024-12-31"] + Self.sample,
            environment: ["SENDQL_DFE": ""])
        #expect(result.status == 65)
        #expect(result.stderr.contains("error[E0301]: unknown table `dfe_timeliness_20_week`"))
        #expect(result.stderr.contains("help: `dfe_` tables are DfE's published statistics, read with --dfe DIR"))
        #expect(
            result.stderr.components(separatedBy: "error[").count == 2, "one error, not a cascade:\n\(result.stderr)")
    }

    @Test func anAsOfDatePastTheDataIsNoted() throws {
        let late = try ProcessRunner.sendql(
            ["-c", "from plans | aggregate n = count()", "--as-of", "2026-12-03"] + Self.sample)
        #expect(late.status == 0)
        #expect(
            late.stderr == "note: the as-of date 2026-12-03 is after the latest date in the data (2024-12-31): "
                + "a clock not done by then counts as overdue or pending as at 2026-12-03; "
                + "give --as-of 2024-12-31 (.asof 2024-12-31 in the REPL) to see the data as it ends\n")
        let inside = try ProcessRunner.sendql(
            ["-c", "from plans | aggregate n = count()", "--as-of", "2024-12-31"] + Self.sample)
        #expect(inside.stderr == "")
    }
}
