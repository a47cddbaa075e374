import ArgumentParser
import SendQLCore
import SendQLIO
import SendQLREPL

/// `sendql repl` (and `sendql` alone on a terminal): the interactive shell.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl", abstract: "Open the interactive shell (what `sendql` alone does on a terminal).")

    @OptionGroup var script: ScriptArguments

    func run() throws { try Self.start(script) }

    /// Loads the data folder, then reads and runs entries until `.quit` or Ctrl-D.
    static func start(_ arguments: ScriptArguments) throws -> Never {
        let options = try arguments.options()
        let session: Session
        let findings: [Diagnostic]
        let parameters = try arguments.parameterValues()
        // A script read later may declare a parameter, so an unknown one is a warning here, not an error.
        switch RunJob.makeSession(
            dataFolder: arguments.data, asOf: arguments.asOf, parameters: parameters,
            rowLimit: arguments.rowLimit, options: options, closures: arguments.closures,
            dfeFolders: arguments.dfeFolders, refusesUnknownParameters: false, database: try arguments.databaseOptions()
        )
        {
        case .failure(let output): Terminal.finish(output)
        case .success(let made): (session, findings) = (made.session, made.findings)
        }
        let undeclared = parameters.keys.sorted().filter { !session.checker.declaredParameters.contains($0) }.map {
            "warning: --param \($0): the prelude declares no such parameter; it is kept for scripts that declare it"
        }
        let rendered = findings.isEmpty ? [] : [String(ScriptJob.render(findings, options: options).dropLast())]
        let notes =
            rendered + undeclared
            + [DataHorizon.note(for: session)].compactMap { $0 }
        let interrupts = InterruptSignal.install()
        let reader = ReadlineLineReader(historyPath: HistoryFile.path(), interrupts: interrupts)
        let configuration = REPLConfiguration(
            dataFolder: session.database?.displayName ?? DataFolder.resolve(arguments.data) ?? "?",
            colour: Terminal.isColourful(fileDescriptor: 1),
            format: options.format, terminalWidth: { Terminal.width(fileDescriptor: 1) },
            interrupts: interrupts ?? NoInterrupts(), outputs: options.outputs, startupNotes: notes)
        var repl = REPL(session: session, reader: reader, output: StandardStreams(), configuration: configuration)
        repl.run()
        Terminal.finish(JobOutput())
    }
}
