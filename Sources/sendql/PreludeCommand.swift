import ArgumentParser
import SendQLCore
import SendQLIO

struct PreludeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prelude",
        abstract: "Print the prelude: the as-of views, the statutory clocks and the KPI pack, written in sendql.")

    func run() throws {
        Terminal.finish(JobOutput(stdout: Prelude.text))
    }
}
