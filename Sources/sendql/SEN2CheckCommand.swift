import ArgumentParser
import SendQLIO

/// `sendql sen2-check`: DfE's figures from an SEN2 return, before DfE publishes them.
struct SEN2CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sen2-check",
        abstract: "Print the measures DfE publishes from an SEN2 return, beside the LA's published figures.",
        discussion: """
            Exits 0 when nothing looks wrong, 1 when the return would publish a surprising figure \
            (warnings say which), 66 when the return cannot be loaded.
            """
    )

    @Argument(help: "The return: an SEN2 XML file, or a folder holding one or a Blade export.")
    var path: String

    @Option(
        name: .customLong("dfe"),
        help: ArgumentHelp(
            "A folder of published DfE statistics (repeatable; default: $SENDQL_DFE).", valueName: "dir"))
    var dfeFolders: [String] = []

    @Option(help: "The calendar year (default: the year before the return's collection year).")
    var year: Int?

    func run() throws {
        Terminal.finish(SEN2CheckJob.run(SEN2CheckRequest(path: path, dfeFolders: dfeFolders, year: year)))
    }
}
