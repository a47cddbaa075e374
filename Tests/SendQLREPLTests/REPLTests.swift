import Foundation
import SendQLCore
import SendQLTestSupport
import Testing
@testable import SendQLREPL

struct REPLTests {
    @Test func theBannerSaysWhatLoadedAndTheAsOfDate() {
        let run = REPLRun([String]())
        #expect(
            run.output.output == "sendql: 2 tables, 6 rows from test-area, as of 2024-12-31. Type .help for help.\n")
    }

    @Test func aQueryShowsItsTable() {
        let run = REPLRun(["from requests | where outcome == \"Y\" | select request_id, weeks_taken"])
        #expect(
            run.output.output.hasSuffix(
                """
                request_id  weeks_taken
                ----------  -----------
                R1                    5
                R3                    6
                (2 rows)

                """))
        #expect(
            run.repl.input.reader.history == ["from requests | where outcome == \"Y\" | select request_id, weeks_taken"]
        )
    }

    @Test func anErrorShowsTheCaretUnderTheLineAndTheSessionGoesOn() {
        let run = REPLRun(["from requests | where outcom == \"Y\"", "from plans | aggregate n = count()"])
        #expect(
            run.output.error == """
                error[E0302]: unknown column `outcom`
                 --> <repl>:1:23
                  |
                1 | from requests | where outcom == "Y"
                  |                       ^^^^^^
                  = help: did you mean `outcome`?
                  = note: the columns here are request_id, received_date, outcome, weeks_taken

                """)
        #expect(run.output.output.hasSuffix("n\n-\n2\n(1 row)\n"))
    }

    @Test func letsCarryOverAndTheLastResultIsTheTableUnderscore() {
        let run = REPLRun([
            "let answered = from requests | where outcome is not null",
            "from answered | aggregate n = count()",
            "from _ | derive twice = n * 2",
            ".last",
        ])
        #expect(run.output.error == "")
        #expect(
            run.output.output.hasSuffix(
                """
                n  twice
                -  -----
                3      6
                (1 row)
                n  twice
                -  -----
                3      6
                (1 row)

                """))
        #expect(run.repl.lastResult?.rowCount == 1)
    }

    @Test func modesChangeHowResultsAreShown() {
        let run = REPLRun([".mode csv", "from plans", ".mode json", "from plans | take 1", ".mode"])
        #expect(
            run.output.output.hasSuffix(
                """
                mode: csv
                plan_id,request_id
                P1,R1
                P2,R3
                mode: json
                [
                  {"plan_id": "P1", "request_id": "R1"}
                ]
                mode: json

                """))
    }

    @Test func theTimerShowsHowLongAnEntryTook() {
        var now: UInt64 = 0
        let run = REPLRun(
            [.line(".timer on"), .line("from plans | take 1"), .line(".timer off"), .line("from plans | take 1")],
            clock: {
                now += 1_500_000; return now
            })
        #expect(run.output.output.components(separatedBy: "time: 0.002 s\n").count == 2)
        #expect(run.output.output.contains("timer: on\n"))
        #expect(run.output.output.contains("timer: off\n"))
    }

    @Test func theAsOfDateCanChange() {
        let run = REPLRun([".asof", ".asof 2019-03-31", "from plans | derive d = as_of() | select d | take 1"])
        #expect(run.output.output.contains("as of 2024-12-31\nas of 2019-03-31\n"))
        #expect(run.output.output.hasSuffix("2019-03-31\n(1 row)\n"))
        #expect(CivilDate(dayNumber: run.repl.session.context.asOf).iso == "2019-03-31")
    }

    @Test func tablesAndSchemas() {
        let run = REPLRun([".tables", ".schema plans", ".schema", ".schema plan"])
        #expect(
            run.output.output.contains(
                """
                table     rows  columns
                --------  ----  -------
                plans        2        2
                requests     4        4
                (2 rows)
                column      type
                ----------  ------
                plan_id     string
                request_id  string
                (2 rows)
                plans: plan_id string, request_id string
                requests: request_id string, received_date date, outcome string, weeks_taken int

                """))
        #expect(run.output.error == "error: no table plan; did you mean plans?\n")
    }

    @Test func theKPIPackIsThePreludesPack() {
        #expect(KPIPack.standardScript?.text.hasPrefix("from kpi_pack") == true)
        // Without a script to run, `.kpis` says so plainly rather than printing anything made up.
        let run = REPLRun([.line(".kpis")], kpiScript: { nil })
        #expect(run.output.error == "error: the KPI pack is not available in this build\n")
    }

    @Test func theKPIPackRunsTheScriptItIsGivenAtTheCurrentAsOfDate() {
        let pack = Source(
            name: "<kpi pack>", text: "from requests | where received_date <= as_of() | aggregate received = count()")
        let run = REPLRun([.line(".asof 2024-02-29"), .line(".kpis")], kpiScript: { pack })
        #expect(run.output.output.hasSuffix("received\n--------\n       2\n(1 row)\n"))
    }

    @Test func readRunsAScriptFileInTheSession() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repl-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("count.sendql")
        try "let n_plans = 2\nfrom plans | aggregate n = count()\n".write(to: script, atomically: true, encoding: .utf8)
        let run = REPLRun([
            ".read \(script.path)", "from plans | where n_plans == 2 | take 1", ".read \(folder.path)/missing.sendql",
        ])
        #expect(run.output.output.contains("n\n-\n2\n(1 row)\n"))
        #expect(run.output.output.hasSuffix("P1       R1\n(1 row)\n"))
        #expect(run.output.error == "error: cannot read \(folder.path)/missing.sendql\n")
    }

    @Test func outputSendsResultsToAFileAndBack() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("repl-output-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = REPLRun([
            ".mode csv", ".output \(file.path)", "from plans", "from plans | take 1", ".output", "from plans | take 1",
        ])
        #expect(
            try String(contentsOf: file, encoding: .utf8)
                == "plan_id,request_id\nP1,R1\nP2,R3\nplan_id,request_id\nP1,R1\n")
        #expect(
            run.output.output.hasSuffix(
                """
                results go to \(file.path) (.output alone sends them back here)
                results go to the terminal
                plan_id,request_id
                P1,R1

                """))
        #expect(
            REPLRun([".output /no/such/folder/x.csv"]).output.error.hasPrefix(
                "error: cannot write /no/such/folder/x.csv"))
    }

    @Test func loadReplacesTheDataTablesAndStartsAfresh() {
        let run = REPLRun([
            "let two = 2", ".load \(RepositoryPaths.sampleArea.path)", "from plans | aggregate n = count()",
            "from plans | aggregate t = max(two)", ".load /no/such/folder",
        ])
        #expect(run.output.output.contains("loaded 10 tables, 43,290 rows from \(RepositoryPaths.sampleArea.path)\n"))
        #expect(run.output.output.contains("   n\n----\n3183\n"))
        // Values and tables defined with let were computed from the old data, so they go with it.
        #expect(run.output.error.contains("unknown column `two`"))
        #expect(run.output.error.contains("/no/such/folder"))
    }

    @Test func ctrlCStopsARunningQueryAndTheSessionGoesOn() {
        // The executor checks between steps; this source raises the interrupt at the second check.
        let interrupts = FakeInterrupts(raiseAfterChecks: 1)
        let run = REPLRun(
            [
                .line("from requests | where outcome == \"Y\" | sort -request_id | take 1"),
                .line("from plans | take 1"),
            ],
            interrupts: interrupts)
        #expect(run.output.error == "interrupted\n")
        #expect(!run.output.output.contains("R3"))
        #expect(run.output.output.hasSuffix("P1       R1\n(1 row)\n"))
    }

    @Test func ctrlCAtThePromptDropsTheLineAndDoesNotRecordIt() {
        let run = REPLRun([.line("from requests |"), .interrupt, .line("from plans | take 1")])
        #expect(run.output.error == "")
        #expect(run.repl.input.reader.history == ["from plans | take 1"])
    }

    @Test func failedExpectationsAreReported() {
        let run = REPLRun(["expect 1 > 2 else \"one is not more than two\""])
        #expect(
            run.output.error == """
                error[E0407]: one is not more than two
                 --> <repl>:1:1
                  |
                1 | expect 1 > 2 else "one is not more than two"
                  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ expectation failed

                """)
    }

    @Test func quitEndsTheLoopAndUnknownCommandsDoNot() {
        let run = REPLRun([".tabels", ".quit", "from plans"])
        #expect(run.output.error == "error: unknown command .tabels; did you mean .tables?\n")
        #expect(!run.output.output.contains("plan_id"))
        #expect(run.repl.input.reader.history == [".tabels", ".quit"])
    }

    @Test func helpIsShown() {
        let run = REPLRun([".help windows"])
        #expect(run.output.output.contains(WindowFunction.lag.signature))
    }

    @Test func resultsAreCutToTheTerminalWidth() {
        let run = REPLRun(["from requests"], width: 30)
        #expect(run.output.output.contains("(2 more columns not shown: outcome, weeks_taken)"))
    }
}
