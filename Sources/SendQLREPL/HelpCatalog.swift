import SendQLCore

/// The text of `.help`: built from the language's own catalogs (steps, functions, dot-commands), so a
/// function added to the engine shows up here without anyone editing this file.
public enum HelpCatalog {
    /// A topic `.help TOPIC` knows.
    struct Topic: Sendable {
        var name: String
        var summary: String
        var text: @Sendable () -> String
    }

    static let topics: [Topic] = [
        Topic(name: "steps", summary: "pipeline steps: from, where, derive, ...", text: steps),
        Topic(name: "statements", summary: "let, param, include, load, expect", text: statements),
        Topic(name: "outputs", summary: "files a script writes: export, chart, report, snapshot, ...", text: outputs),
        Topic(name: "functions", summary: "row-by-row functions: dates, working days, text, numbers", text: functions),
        Topic(name: "aggregates", summary: "functions of aggregate: count, pct, median, ...", text: aggregates),
        Topic(name: "windows", summary: "window functions of derive: lag, rank, running_sum, ...", text: windows),
        Topic(name: "commands", summary: "the dot-commands", text: commands),
        Topic(name: "keys", summary: "line editing, history, completion, multi-line input", text: keys),
        Topic(name: "display", summary: "how results are shown on the terminal", text: display),
    ]

    /// The topic names, for completion.
    public static var topicNames: [String] { topics.map(\.name) }

    /// The output statements: each writes under --out and says where (docs/language.md#output-statements).
    static let outputStatements: [(name: String, syntax: String, summary: String)] = [
        ("export", "export RELATION to \"FILE.csv|json|md|html\"", "write a table to a file"),
        (
            "chart",
            "chart line|bar RELATION x = COL, y = COL [, series, benchmark, target, rag, better, title, x_title, y_title] to \"FILE.svg\"",
            "draw an SVG chart (and a PNG beside it); target = NUMBER, or target = COLUMN for each series' own"
        ),
        (
            "report", "report \"FILE.md\"[, \"FILE.html\"] [\"TITLE\"]",
            "start a report; the heading, text, table and figure statements after it go in"
        ),
        ("heading", "heading \"TEXT\"", "a heading in the open report"),
        ("text", "text \"TEXT\"", "a paragraph in the open report"),
        ("table", "table RELATION [\"CAPTION\"]", "a table in the open report"),
        ("figure", "figure \"FILE.svg\" [\"CAPTION\"]", "a chart written earlier, in the open report"),
        ("snapshot", "snapshot \"NAME\"", "append the KPI pack to the snapshot history (--store)"),
        ("publish", "publish [N]", "suppress counts from 1 to N (default 5) in every output"),
        (
            "expect", "expect CONDITION [else \"MSG\"] | expect no RELATION [else \"MSG\"]",
            "fail the run (exit 1) when the condition is not true, or when the relation has rows"
        ),
    ]

    static func outputs() -> String {
        "Files go under --out (default: the current folder); each is named as it is written.\n"
            + outputStatements.map { "\($0.syntax)\n    \($0.summary)" }.joined(separator: "\n") + "\n"
    }

    /// Help on `topic` (nil: the overview). A step, function or dot-command name gives its own entry.
    public static func text(for topic: String?) -> String {
        guard let topic, !topic.isEmpty else { return overview() }
        let name = topic.hasPrefix(".") ? String(topic.dropFirst()) : topic
        if let match = topics.first(where: { $0.name == name }) { return match.text() }
        if let entry = entry(named: name) { return entry + "\n" }
        let known = topicNames + allNames
        let hint = Suggestions.closest(to: name, among: known).map { " Did you mean `\($0)`?" } ?? ""
        return "No help on `\(name)`.\(hint) Topics: \(topicNames.joined(separator: ", ")).\n"
    }

    /// The one-line entry for a step, function or dot-command name.
    static func entry(named name: String) -> String? {
        if let step = ([StepTable.pipelineStart] + StepTable.steps).first(where: { $0.name == name }) {
            return "\(step.syntax)\n    \(step.summary)"
        }
        var lines: [String] = []
        if let output = outputStatements.first(where: { $0.name == name }) {
            lines.append("\(output.syntax)\n    \(output.summary)")
        }
        if let function = ScalarFunction(rawValue: name) { lines.append(function.signature) }
        if let function = AggregateFunction(rawValue: name) { lines.append(function.signature + "  (aggregate)") }
        if let function = WindowFunction(rawValue: name) { lines.append(function.signature + "  (window, in derive)") }
        if let command = DotCommand.catalog.first(where: { $0.name == name }) { lines.append(commandLine(command)) }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    static var allNames: [String] {
        [StepTable.pipelineStart.name] + StepTable.names + ScalarFunction.allCases.map(\.rawValue)
            + AggregateFunction.allCases.map(\.rawValue) + WindowFunction.allCases.map(\.rawValue)
            + DotCommand.catalog.map(\.name) + outputStatements.map(\.name)
    }

    static func overview() -> String {
        var lines = [
            "A pipeline starts from a table and passes its rows through steps joined by |:",
            "    from requests | where outcome == \"Y\" | group year(outcome_date) (aggregate n = count())",
            "End a line with | (or leave a bracket open) to go on to the next line.",
            "",
            "Help topics (.help TOPIC, or .help NAME for one step, function or command):",
        ]
        let width = topics.map(\.name.count).max() ?? 0
        for topic in topics {
            lines.append("  " + topic.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + topic.summary)
        }
        lines.append("")
        lines.append("Commands:")
        lines += DotCommand.catalog.map { "  " + commandLine($0) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func commandLine(_ command: DotCommand.Entry) -> String {
        let usage = "." + command.name + (command.arguments.isEmpty ? "" : " " + command.arguments)
        return usage.padding(toLength: max(usage.count, 32), withPad: " ", startingAt: 0) + "  " + command.summary
    }

    static func steps() -> String {
        ([StepTable.pipelineStart] + StepTable.steps).map { "\($0.syntax)\n    \($0.summary)" }
            .joined(separator: "\n") + "\n"
    }

    static func statements() -> String {
        """
        PIPELINE                      a query: its result is shown (the last one is also the table _)
        let NAME = PIPELINE           name a table for later entries
        let NAME = EXPR               name a constant value
        let NAME(a, b) = EXPR         define a function
        param NAME: TYPE = DEFAULT    a script parameter (types: int double bool date string duration)
        param NAME: TYPE in (A, B) = A   a parameter that takes only the values listed
        include "FILE.sendql"         run another script's statements here
        load "FILE.csv" as NAME       read a CSV file as a table
        expect CONDITION else "MSG"   a check that reports MSG when the condition is not true

        """
    }

    static func functions() -> String { ScalarFunction.allCases.map(\.signature).joined(separator: "\n") + "\n" }

    static func aggregates() -> String { AggregateFunction.allCases.map(\.signature).joined(separator: "\n") + "\n" }

    static func windows() -> String { WindowFunction.allCases.map(\.signature).joined(separator: "\n") + "\n" }

    static func commands() -> String { DotCommand.catalog.map(commandLine).joined(separator: "\n") + "\n" }

    static func keys() -> String {
        """
        Tab              complete keywords, steps, tables, the columns at this point, functions, files
        Up, Down         previous and next entries; the history is kept in $SENDQL_HISTORY or ~/.sendql_history
        Ctrl-R           search the history
        Ctrl-A, Ctrl-E   start and end of the line (Emacs keys throughout)
        Ctrl-C           abandon the line being typed, or stop the query that is running
        Ctrl-D           leave (on an empty line)
        A line ending with | , ( or an operator, or inside an open bracket or string, goes on to the next
        line. Pasted scripts run as they would from a file.

        """
    }

    static func display() -> String {
        """
        Numbers are right-aligned; dates show as YYYY-MM-DD; durations as whole days.
        Percentages show one decimal place: a column of pct() values (also after select, derive q = p,
        a join, a let table or _), or a double whose name has the word pct, percent, percentage or rate.
        Other doubles show up to three decimals. Null shows as a dim `null` in colour, or ∅ without.
        More than 40 rows: the first 20 and the last 20, with the count. Columns that do not fit the
        terminal's width are left out and named below the table.
        .mode csv, json or markdown shows every row and column in full; so does .output FILE.

        """
    }
}
