import SendQLCore
import SendQLIO

/// The interactive loop: reads entries, runs them in one session (so `let`s carry over), shows results
/// and errors, and carries out dot-commands. An error never ends the session.
public struct REPL<Reader: LineReader> {
    /// The tables, `let`s and as-of date every entry runs against.
    public internal(set) var session: Session
    /// Where entries come from: the line reader and the lines it has read ahead.
    public internal(set) var input: EntryReader<Reader>
    let output: any REPLOutput
    var configuration: REPLConfiguration
    /// How results are shown now.
    public internal(set) var format: ResultFormat
    /// The text of the last entry that was one pipeline (a query or a `let` table) and ran: an entry
    /// whose first line starts with `|` continues it, as the docs' examples are written.
    public internal(set) var lastPipeline: String?
    /// Whether `.timer on` is in force.
    public internal(set) var timerIsOn = false
    /// Where results go after `.output FILE`; nil: the terminal.
    var outputFile: OutputFile?
    /// The most recent result, also known to queries as the table `_`.
    public internal(set) var lastResult: Table?
    /// For each `let` table and `_`, the columns holding `pct()` values, so they keep showing as
    /// percentages in later queries.
    var percentageColumns: [String: Set<String>] = [:]

    /// The executor's code for a run stopped by the cancellation check.
    static var interruptedCode: String { RuntimeErrorCode.interrupted.rawValue }

    /// The name under which queries see the previous result.
    public static var lastResultName: String { "_" }

    /// A REPL over `session`, reading from `reader` and writing to `output`; Ctrl-C (from the
    /// configuration's interrupt source) is wired to the session's cancellation check.
    public init(session: Session, reader: Reader, output: any REPLOutput, configuration: REPLConfiguration) {
        self.session = session
        self.input = EntryReader(reader: reader)
        self.output = output
        self.configuration = configuration
        self.format = configuration.format
        let interrupts = configuration.interrupts
        self.session.setCancellation { interrupts.isRaised }
    }

    /// Shows the banner, then reads and runs entries until `.quit` or the end of input.
    public mutating func run() {
        write(banner(), to: .output)
        for note in configuration.startupNotes { write(note + "\n", to: .error) }
        while true {
            let checker = session.checker
            switch input.next(completer: { Completer(checker: checker, earlierLines: $0) }) {
            case .end:
                outputFile?.close()
                return
            case .interrupted:
                continue
            case .command(let line):
                input.reader.addHistory(line)
                if perform(line) == .quit {
                    outputFile?.close()
                    return
                }
            case .script(let text):
                input.reader.addHistory(text)
                runEntry(text)
            }
        }
    }

    /// One line saying what is loaded, the as-of date, and where help is.
    func banner() -> String {
        if let database = session.database {
            return "sendql: \(database.tables.count) tables in \(database.displayName), as of "
                + "\(CivilDate(dayNumber: session.context.asOf).iso). Type .help for help.\n"
        }
        let data = session.dataTables.filter { $0.key != Self.lastResultName }
        let rows = data.values.reduce(0) { $0 + $1.rowCount }
        let asOf = CivilDate(dayNumber: session.context.asOf).iso
        return
            "sendql: \(data.count) tables, \(ResultDisplay.grouped(rows)) rows from \(configuration.dataFolder), as of \(asOf). "
            + "Type .help for help.\n"
    }

    /// Runs what was typed: an entry starting with `|` is added to the last pipeline and run with it.
    mutating func runEntry(_ text: String) {
        let firstLine = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        var script = text
        if Parser.role(ofLine: firstLine) == .continuation {
            guard let lastPipeline else {
                write(
                    "error: a line starting with `|` continues the previous pipeline, and there is none yet; "
                        + "start one with `from TABLE`\n", to: .error)
                return
            }
            script = lastPipeline + "\n" + text
        }
        let outcome = runScript(Source(name: "<repl>", text: script))
        let (parsed, _) = Parser.parse(Source(name: "<repl>", text: script))
        if !outcome.hasErrors, parsed.statements.count == 1, let only = parsed.statements.first {
            switch only.kind {
            case .query, .letTable: lastPipeline = script
            default: break
            }
        }
    }

    /// Parses, checks and runs a script, showing its results and errors; Ctrl-C stops it between steps.
    @discardableResult
    mutating func runScript(_ source: Source) -> RunOutcome {
        configuration.interrupts.clear()
        let started = configuration.clock()
        let schemasBefore = session.checker.tables.mapValues(\.names)
        var outcome = session.run(source)
        // A Ctrl-C that stopped this run is used up; left in place it would abandon the next line too.
        configuration.interrupts.clear()
        // Files the entry asked for go under --out, each named as it is written.
        let (written, writeProblems) = OutputWriter.write(outcome, settings: configuration.outputs)
        outcome.diagnostics += writeProblems
        for line in written { write(line + "\n", to: .error) }
        let percentages = followPercentages(outcome, schemas: schemasBefore)
        for (index, result) in outcome.results.enumerated() {
            if index > 0 && format == .table && outputFile == nil { write("\n", to: .output) }
            show(result.table, percentages: percentages[index])
        }
        if let last = outcome.results.last?.table {
            lastResult = last
            session.setTable(Self.lastResultName, last)
            percentageColumns[Self.lastResultName] = percentages.last
        }
        // Ctrl-C is not a mistake in the query: say so in a word, without the query and a caret.
        let stopped = outcome.diagnostics.contains { $0.code == Self.interruptedCode }
        let problems = outcome.diagnostics.filter { $0.code != Self.interruptedCode }
        if !problems.isEmpty {
            write(DiagnosticRenderer(colour: configuration.colour).render(problems), to: .error)
        }
        if stopped { write("interrupted\n", to: .error) }
        if !outcome.failedExpectations.isEmpty {
            write(DiagnosticRenderer(colour: configuration.colour).render(outcome.failedExpectations), to: .error)
        }
        if timerIsOn { showTime(since: started) }
        return outcome
    }

    /// The percentage columns of each result, recording those of the `let` tables defined on the way.
    mutating func followPercentages(_ outcome: RunOutcome, schemas: [String: [String]]) -> [Set<String>] {
        var lineage = PercentageLineage(tables: percentageColumns, schemas: schemas)
        var definitions = outcome.definitions[...]
        func define(before position: Int) {
            while let definition = definitions.first, definition.pipeline.span.start < position {
                lineage.tables[definition.name] = lineage.columns(of: definition.pipeline)
                lineage.schemas[definition.name] = definition.pipeline.schema.names
                definitions = definitions.dropFirst()
            }
        }
        var result: [Set<String>] = []
        for query in outcome.results {
            define(before: query.span.start)
            result.append(lineage.columns(of: query.pipeline))
        }
        define(before: Int.max)
        percentageColumns = lineage.tables
        return result
    }

    /// Writes a result to the `.output` file, or shows it on the terminal in the current mode.
    mutating func show(_ table: Table, percentages: Set<String> = []) {
        if let outputFile {
            do {
                try outputFile.write(ResultRenderer.render(table, as: format))
            } catch {
                write("error: \(error.message); results go to the terminal again\n", to: .error)
                outputFile.close()
                self.outputFile = nil
                show(table, percentages: percentages)
            }
            return
        }
        switch format {
        case .table:
            let display = ResultDisplay(width: configuration.terminalWidth(), colour: configuration.colour)
            write(display.render(table, percentages: percentages), to: .output)
        case .csv, .json, .markdown:
            write(ResultRenderer.render(table, as: format), to: .output)
        }
    }

    func showTime(since start: UInt64) {
        let seconds = Double(configuration.clock() &- start) / 1e9
        write("time: \(TableRenderer(decimals: 3).text(of: .double(seconds))) s\n", to: .output)
    }

    func write(_ text: String, to stream: REPLStream) {
        output.write(text, to: stream)
    }
}
