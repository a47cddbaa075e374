import Foundation
import SendQLTestSupport
import Testing

/// The REPL as an analyst meets it: the real binary in a real pseudo-terminal (tmux), with GNU
/// readline doing the line editing. Serialized: each test starts a program that loads the sample
/// area, and the machine is shared.
@Suite(.serialized, .enabled(if: TerminalSession.tmux != nil, "needs tmux (scripts/setup installs it)"))
struct REPLTerminalTests {
    @Test func aQueryThenAnErrorWithItsCaretAndTheSessionGoesOn() throws {
        let terminal = try TerminalSession()
        defer { terminal.close() }
        let banner = try terminal.waitForPrompts(1)
        #expect(
            banner.hasPrefix(
                "sendql: 10 tables, 43,290 rows from \(RepositoryPaths.sampleArea.path), as of 2024-12-31. Type .help for help.\n"
            ))
        var screen = try terminal.enter("from requests | where outcome == \"W\" | aggregate withdrawn = count()")
        #expect(screen.contains("withdrawn\n---------\n       62\n(1 row)\nsendql>"))
        screen = try terminal.enter("from plans | where start_dat > @2020-01-01")
        #expect(
            screen.contains(
                """
                error[E0302]: unknown column `start_dat`
                 --> <repl>:1:20
                  |
                1 | from plans | where start_dat > @2020-01-01
                  |                    ^^^^^^^^^
                  = help: did you mean `start_date`?
                """))
        screen = try terminal.enter("from plans | aggregate n = count()")
        #expect(screen.hasSuffix("   n\n----\n3183\n(1 row)\nsendql>\n"))
    }

    @Test func tabCompletesTablesColumnsCommandsAndFiles() throws {
        let terminal = try TerminalSession()
        defer { terminal.close() }
        try terminal.waitForPrompts(1)
        // A table after `from`, then a column of that table inside a step.
        try terminal.type("from req")
        try terminal.press("Tab")
        try terminal.waitFor("sendql> from requests")
        try terminal.type("| where outc")
        try terminal.press("Tab")
        try terminal.waitFor("sendql> from requests | where outcome")
        // A column made by an earlier step is offered too.
        try terminal.press("C-u")
        try terminal.type("from plans | derive months_open = 1 | sort -months_o")
        try terminal.press("Tab")
        try terminal.waitFor("| sort -months_open")
        // Two candidates: Tab twice lists them.
        try terminal.press("C-u")
        try terminal.type("from requests | select re")
        try terminal.press("Tab", "Tab")
        try terminal.waitUntil("the list of candidates") {
            $0.contains("received_date") && $0.contains("request_id") && $0.contains("replace(")
        }
        try terminal.press("C-u")
        try terminal.type(".ti")
        try terminal.press("Tab")
        try terminal.waitFor("sendql> .timer")
        try terminal.press("C-u")
        try terminal.type("load \"datasets/sample-area/pla")
        try terminal.press("Tab")
        try terminal.waitFor("sendql> load \"datasets/sample-area/plans.csv\"")
        try terminal.press("C-u")
        try terminal.type(".read docs/lang")
        try terminal.press("Tab")
        try terminal.waitFor("sendql> .read docs/language.md")
    }

    @Test func multiLineInputWhileTheParserSaysIncompleteAndPastedScripts() throws {
        let terminal = try TerminalSession()
        defer { terminal.close() }
        try terminal.waitForPrompts(1)
        try terminal.type("from requests |")
        try terminal.press("Enter")
        try terminal.waitFor("   ...>")
        try terminal.type("aggregate n = count(where outcome in (\"Y\",")
        try terminal.press("Enter")
        try terminal.waitFor("(\"Y\",\n   ...>")
        try terminal.type("\"N\"))")
        var screen = try terminal.enter("")
        #expect(
            screen.contains(
                """
                sendql> from requests |
                   ...> aggregate n = count(where outcome in ("Y",
                   ...> "N"))
                """))
        #expect(screen.contains("   n\n----\n3004\n(1 row)\n"))
        // Lines arriving together (a paste without bracketed-paste mode): `| ...` lines continue the statement.
        try terminal.type(
            "from plans\n| where setting == \"special\"\n| aggregate special = count()\nfrom requests | aggregate r = count()\n"
        )
        screen = try terminal.waitFor("4034\n(1 row)\nsendql>", after: "r = count()")
        // The next statement was read (and echoed) before the first ran, to see that it does not continue it.
        #expect(
            screen.contains(
                """
                   ...> | aggregate special = count()
                   ...> from requests | aggregate r = count()
                special
                -------
                    776
                (1 row)
                   r
                ----
                4034
                """))
        #expect(!screen.contains("error"))
        // A bracketed paste arrives as one piece and runs on Enter.
        try terminal.paste("from advice\n| where received_date > @2024-06-30\n| aggregate late = count()")
        try terminal.waitFor("| aggregate late = count()")
        try terminal.press("Enter")
        screen = try terminal.waitFor("late\n----\n")
        #expect(!screen.contains("error"))
    }

    @Test func ctrlCAbandonsTheLineOrStopsTheQueryAndCtrlDLeaves() throws {
        let terminal = try TerminalSession()
        defer { terminal.close() }
        try terminal.waitForPrompts(1)
        try terminal.type("from plans | where setting == ")
        try terminal.waitFor("where setting ==")
        try terminal.press("C-c")
        var screen = try terminal.waitForPrompts(2)
        #expect(screen.contains("sendql> from plans | where setting == ^C\nsendql>"))
        // Ctrl-C inside a statement of several lines drops all of it.
        try terminal.type("from plans |")
        try terminal.press("Enter")
        try terminal.waitFor("   ...>")
        try terminal.press("C-c")
        try terminal.waitForPrompts(3)
        // A query of many steps, stopped part-way: the executor checks for Ctrl-C between steps.
        let slow = terminal.home.appendingPathComponent("slow.sendql")
        let steps = String(repeating: " | sort -meeting_date | sort meeting_date", count: 400)
        try ("from reviews" + steps + " | aggregate n = count()\n").write(to: slow, atomically: true, encoding: .utf8)
        try terminal.type(".read \(slow.path)")
        try terminal.press("Enter")
        Thread.sleep(forTimeInterval: 1)
        try terminal.press("C-c")
        screen = try terminal.waitFor("interrupted\nsendql>", timeout: 20)
        #expect(!screen.contains("16683"))
        screen = try terminal.enter("from plans | aggregate n = count()")
        #expect(screen.hasSuffix("3183\n(1 row)\nsendql>\n"))
        try terminal.press("C-d")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func historySurvivesARestartAndCtrlRSearchesIt() throws {
        let history = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sendql-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: history) }
        do {
            let first = try TerminalSession(historyFile: history)
            defer { first.close() }
            try first.waitForPrompts(1)
            try first.enter("from complaints | aggregate complaints = count()")
            try first.type("from appeals |")
            try first.press("Enter")
            try first.waitFor("   ...>")
            try first.enter("aggregate appeals = count()")
            try first.type(".quit")
            try first.press("Enter")
            #expect(try first.waitForExit() == 0)
        }
        // Written as each entry was made; the entry of two lines stays one entry.
        let saved = try String(contentsOf: history, encoding: .utf8)
        #expect(saved.contains("from complaints | aggregate complaints = count()\n"))
        #expect(saved.contains("from appeals |\naggregate appeals = count()\n"))
        let second = try TerminalSession(historyFile: history)
        defer { second.close() }
        try second.waitForPrompts(1)
        try second.press("Up")
        try second.waitFor("sendql> .quit")
        try second.press("Up")
        try second.waitFor("sendql> from appeals |\naggregate appeals = count()")
        try second.press("C-a", "C-k")
        try second.press("C-r")
        try second.type("complaints =")
        try second.waitFor("`complaints =': from complaints | aggregate complaints = count()")
        try second.press("Enter")
        try second.waitFor("complaints\n----------\n       300\n(1 row)")
    }

    @Test func dotCommands() throws {
        let terminal = try TerminalSession()
        defer { terminal.close() }
        try terminal.waitForPrompts(1)
        var screen = try terminal.enter(".help")
        #expect(screen.contains("Help topics (.help TOPIC") && screen.contains(".kpis"))
        screen = try terminal.enter(".help pct")
        #expect(screen.contains("pct(cond) -> 100 × rows where cond"))
        screen = try terminal.enter(".tables")
        #expect(screen.range(of: #"\nreviews +16683 +10\n"#, options: .regularExpression) != nil)
        #expect(screen.contains("kpi_pack") && !screen.contains("_kpi_rates"))
        screen = try terminal.enter(".schema appeals")
        #expect(screen.contains("column") && screen.contains("appeal_id"))
        try terminal.enter(".mode csv")
        screen = try terminal.enter("from plans | select plan_id | take 2")
        #expect(screen.hasSuffix("plan_id\nPLN-000001\nPLN-000002\nsendql>\n"))
        try terminal.enter(".mode table")
        screen = try terminal.enter(".timer on")
        screen = try terminal.enter("from plans | take 1")
        #expect(screen.range(of: #"\ntime: [0-9.]+ s\nsendql>\n$"#, options: .regularExpression) != nil)
        try terminal.enter(".timer off")
        screen = try terminal.enter(".asof 2019-03-31")
        #expect(screen.hasSuffix("as of 2019-03-31\nsendql>\n"))
        screen = try terminal.enter("from requests | derive d = as_of() | select d | take 1")
        #expect(screen.hasSuffix("2019-03-31\n(1 row)\nsendql>\n"))
        screen = try terminal.enter("from _ | derive later = d + 1 day")
        #expect(screen.hasSuffix("2019-03-31  2019-04-01\n(1 row)\nsendql>\n"))
        screen = try terminal.enter(".last")
        #expect(screen.hasSuffix("2019-03-31  2019-04-01\n(1 row)\nsendql>\n"))
        let file = terminal.home.appendingPathComponent("out.txt")
        try terminal.enter(".output \(file.path)")
        screen = try terminal.enter("from plans | aggregate n = count()")
        #expect(screen.hasSuffix("sendql> from plans | aggregate n = count()\nsendql>\n"))
        try terminal.enter(".output")
        // As at 2019-03-31 (the .asof above), only the plans made by then exist.
        #expect(try String(contentsOf: file, encoding: .utf8) == "   n\n----\n1717\n(1 row)\n")
        let script = terminal.home.appendingPathComponent("two.sendql")
        try "let two = 2\nfrom plans | aggregate n = count() | derive n2 = n * two\n".write(
            to: script, atomically: true, encoding: .utf8)
        screen = try terminal.enter(".read \(script.path)")
        #expect(screen.hasSuffix("1717  3434\n(1 row)\nsendql>\n"))
        screen = try terminal.enter(".load \(RepositoryPaths.sampleArea.path)")
        #expect(screen.hasSuffix("loaded 10 tables, 43,290 rows from \(RepositoryPaths.sampleArea.path)\nsendql>\n"))
        screen = try terminal.enter(".frobnicate")
        #expect(screen.hasSuffix("error: unknown command .frobnicate; .help lists them\nsendql>\n"))
        // Last, as its long result scrolls the earlier prompts away: the pack as at the session's date.
        try terminal.type(".kpis")
        try terminal.press("Enter")
        screen = try terminal.waitFor("review_decision_4wk  2019-03-31", timeout: 120)
        #expect(screen.contains("overdue_now"))
        try terminal.type(".quit")
        try terminal.press("Enter")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func longAndWideResultsAreCutToTheTerminal() throws {
        let terminal = try TerminalSession(width: 60)
        defer { terminal.close() }
        try terminal.waitForPrompts(1)
        let screen = try terminal.enter("from reviews | sort review_id")
        #expect(screen.contains("(16,683 rows; the first 20 and last 20 shown)"))
        #expect(screen.contains("more columns not shown:"))
        let table = screen.components(separatedBy: "sendql> from reviews | sort review_id\n")[1]
        #expect(table.components(separatedBy: "\n").filter { $0.hasPrefix("REV-") }.count == 40)
        #expect(table.components(separatedBy: "\n").allSatisfy { $0.count <= 60 || $0.hasPrefix("(") })
    }

    @Test func percentagesNullsAndColourOnlyWithoutNoColor() throws {
        let query =
            "from requests | group outcome (aggregate quick = pct(outcome_date - received_date <= 4 weeks)) | sort outcome"
        let plain = try TerminalSession()
        defer { plain.close() }
        try plain.waitForPrompts(1)
        let screen = try plain.enter(query)
        #expect(screen.range(of: #"\nA +∅ "#, options: .regularExpression) != nil)
        #expect(screen.range(of: #"\nH +[0-9]+\.[0-9] "#, options: .regularExpression) != nil)
        #expect(!(try plain.screen(escapes: true)).contains("\u{1B}["))
        let coloured = try TerminalSession(colour: true)
        defer { coloured.close() }
        try coloured.waitForPrompts(1)
        try coloured.enter(query)
        try coloured.enter("from plans | where nothing")
        let escaped = try coloured.screen(escapes: true)
        #expect(escaped.contains("\u{1B}[2mnull"))  // a dim null
        #expect(escaped.contains("31m"))  // a red error
    }

    @Test func standardInputThatIsNotATerminalRunsAsAScript() throws {
        let script = "from plans | aggregate n = count()\n"
        let piped = try ProcessRunner.sendql(
            ["--data", RepositoryPaths.sampleArea.path, "--as-of", "2024-12-31"], stdin: script)
        let run = try ProcessRunner.sendql(
            ["run", "-", "--data", RepositoryPaths.sampleArea.path, "--as-of", "2024-12-31"], stdin: script)
        #expect(piped.status == 0)
        #expect(piped.stdout == run.stdout)
        #expect(!piped.stdout.contains("sendql>"))
        #expect(piped.stdout == "   n\n----\n3183\n(1 row)\n")
    }
}
