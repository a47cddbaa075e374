import ArgumentParser
import SendQLCore
import SendQLIO
import SendQLREPL

@main
struct SendQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sendql",
        abstract: "A query language for the timeliness and quality of an English local area's SEND services.",
        discussion: """
            On a terminal, with no command, opens the interactive shell (see `sendql repl`). With -c, runs \
            that one-line script. With a script on standard input (not a terminal), runs it exactly as \
            `sendql run -` would.
            """,
        subcommands: [
            ScriptCommand.self, RunCommand.self, ReplCommand.self, SnapshotCommand.self, CheckCommand.self,
            GenerateCommand.self, CompileCommand.self, PushCommand.self, DumpCommand.self, PreludeCommand.self,
            BenchCommand.self,
            SEN2CheckCommand.self,
        ],
        defaultSubcommand: ScriptCommand.self
    )
}

/// `sendql [-c SCRIPT]`: what runs when no other command is named.
struct ScriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "script", abstract: "Run a one-line script (-c) or a script on standard input.",
        shouldDisplay: false)

    @Option(name: .customShort("c"), help: "Run this script text, e.g. -c 'from requests | take 5'.")
    var command: String?

    @OptionGroup var script: ScriptArguments

    func run() throws {
        if let command {
            Terminal.finish(RunJob.run(try script.request(for: Source(name: "<command line>", text: command))))
        }
        if !Terminal.isTerminal(fileDescriptor: 0), let source = ScriptFile.read("-") {
            Terminal.finish(RunJob.run(try script.request(for: source)))
        }
        try ReplCommand.start(script)
    }
}
