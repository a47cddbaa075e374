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
        switch RunJob.makeSession(dataFolder: arguments.data, asOf: arguments.asOf, parameters: try arguments.parameterValues(),
                                  rowLimit: arguments.rowLimit, options: options, closures: arguments.closures,
                                  dfeFolders: arguments.dfeFolders) {
        case .failure(let output): Terminal.finish(output)
        case .success(let made): session = made
        }
        let interrupts = InterruptSignal.install()
        let reader = ReadlineLineReader(historyPath: HistoryFile.path(), interrupts: interrupts)
        let configuration = REPLConfiguration(
            dataFolder: DataFolder.resolve(arguments.data) ?? "?", colour: Terminal.isColourful(fileDescriptor: 1),
            format: options.format, terminalWidth: { Terminal.width(fileDescriptor: 1) },
            interrupts: interrupts ?? NoInterrupts())
        var repl = REPL(session: session, reader: reader, output: StandardStreams(), configuration: configuration)
        repl.run()
        Terminal.finish(JobOutput())
    }
}
