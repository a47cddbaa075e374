import ArgumentParser
import SendQLCore

@main
struct SendQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sendql",
        abstract: "A query language for the timeliness and quality of an English local area's SEND services.",
        subcommands: [GenerateCommand.self]
    )
}
