import ArgumentParser
import SendQLCore
import SendQLIO

/// `sendql push`: loads a data folder against the contract and writes it into a PostgreSQL schema.
struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Load a data folder against the data contract and write its tables into a PostgreSQL database.",
        discussion: """
            The contract's tables in the schema are replaced in one transaction: a reader never sees \
            half a push, and a push that fails (bad data, a lost connection, a killed process) leaves \
            the tables as they were. Keys become primary keys, references foreign keys, with the types \
            of `sendql compile --ddl --target postgres`. Then `--database URL` runs scripts there.

            Exits 0 when pushed; 66 when the data is not loadable; 69 when the server cannot be reached; \
            77 when it refuses the login (docs/database.md).
            """
    )

    @Option(
        help: ArgumentHelp("The data folder (default: $SENDQL_DATA, else datasets/sample-area).", valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("The PostgreSQL database: postgresql://user@host:port/db.", valueName: "url"))
    var database: String

    @Option(help: ArgumentHelp("The schema to write the tables into (made if missing).", valueName: "name"))
    var schema: String?

    @Flag(name: .long, help: "Set bad rows aside (listed on standard error) instead of refusing the data.")
    var lenient = false

    @Option(name: .customLong("error-format"), help: "How errors are printed.")
    var errorFormat: ErrorFormat = .text

    func run() throws {
        let options = ScriptOptions(errorFormat: errorFormat, colour: Terminal.isColourful(fileDescriptor: 2))
        let request = PushJob.Request(
            dataFolder: data, database: DatabaseOptions(connectionString: database, schema: schema),
            lenient: lenient)
        Terminal.finish(PushJob.run(request, options: options))
    }
}
