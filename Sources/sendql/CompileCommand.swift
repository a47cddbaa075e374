import ArgumentParser
import SendQLCore
import SendQLIO

extension SQLTarget: ExpressibleByArgument {}

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Print a script (after the prelude) as one SQL script for DuckDB, PostgreSQL or Spark SQL.",
        discussion: """
            The SQL reads only the contract's tables, by name; the as-of date, the parameters and the \
            bank holidays are written into it. With --ddl, prints the CREATE TABLE statements for the \
            contract's tables instead. See docs/sql.md.
            """)

    @Argument(help: "The script; - reads standard input.")
    var file: String?

    @Option(name: .customShort("c"), help: "Compile this script text, e.g. -c 'from kpi_pack'.")
    var command: String?

    @Option(help: "The engine: duckdb, postgres or spark.")
    var target: SQLTarget

    @OptionGroup var calendar: CalendarArguments

    @Option(help: "The database schema holding the contract's tables.")
    var schema: String?

    @Option(help: "Select this `let` table rather than the script's last query.")
    var output: String?

    @Flag(help: "Print CREATE TABLE statements for the contract's tables instead.")
    var ddl = false

    @Option(name: .customLong("error-format"), help: "How errors are printed.")
    var errorFormat: ErrorFormat = .text

    func validate() throws {
        if ddl {
            guard file == nil, command == nil, output == nil, calendar.asOf == nil, calendar.parameters.isEmpty,
                calendar.closures == nil
            else {
                throw ValidationError(
                    "--ddl prints the contract's tables: give no script, --output, --as-of, --param or --closures with it"
                )
            }
        } else if (file == nil) == (command == nil) {
            throw ValidationError("give a script FILE or -c SCRIPT (one of them)")
        }
    }

    func run() throws {
        var source: Source?
        if let command { source = Source(name: "<command line>", text: command) }
        if let file {
            guard let read = ScriptFile.read(file) else {
                Terminal.finish(JobOutput(stderr: "sendql: cannot read script \(file)\n", status: .ioError))
            }
            source = read
        }
        let options = ScriptOptions(errorFormat: errorFormat, colour: Terminal.isColourful(fileDescriptor: 2))
        Terminal.finish(
            CompileJob.run(
                CompileJob.Request(
                    source: source, target: target, asOf: calendar.asOf,
                    parameters: try calendar.parameterValues(), closures: calendar.closures, schema: schema,
                    output: output, ddl: ddl, options: options)))
    }
}
