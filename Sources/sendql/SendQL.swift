import ArgumentParser
import SendQLCore
import SendQLIO

@main
struct SendQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sendql",
        abstract: "A query language for the timeliness and quality of an English local area's SEND services.",
        discussion: """
            With -c, runs that one-line script. With a script on standard input (not a terminal), runs it
            exactly as `sendql run -` would.
            """,
        subcommands: [RunCommand.self, CheckCommand.self, GenerateCommand.self, DumpCommand.self, BenchCommand.self]
    )

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
        throw CleanExit.helpRequest(self)
    }
}
