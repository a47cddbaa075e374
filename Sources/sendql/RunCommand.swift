import ArgumentParser
import Foundation
import SendQLCore
import SendQLIO

/// What a script is computed as at: the date, the parameters and the closure days (`run` and its
/// kin, and `compile`, which writes them into the SQL).
struct CalendarArguments: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Compute as at this date (YYYY-MM-DD); default today.")
    var asOf: String?

    @Option(name: .customLong("param"), help: "Set a script parameter: --param name=value (repeatable).")
    var parameters: [String] = []

    @Option(help: "A CSV of local closure days (a `date` column) that working-day clocks skip too.")
    var closures: String?

    /// `--param name=value` options as a dictionary.
    func parameterValues() throws -> [String: String] {
        var values: [String: String] = [:]
        for item in parameters {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                throw ValidationError("--param needs name=value, found \"\(item)\"")
            }
            values[String(item[..<equals])] = String(item[item.index(after: equals)...])
        }
        return values
    }
}

/// Options shared by every command that runs a script.
struct ScriptArguments: ParsableArguments {
    @Option(help: "The data folder (default: $SENDQL_DATA, then the bundled sample area).")
    var data: String?

    @Flag(
        name: .customLong("sen2-identifiers"),
        help: ArgumentHelp(
            "Read an SEN2 return's UPN, ULN, names and postcode into people (upn, uln, surname, forename, postcode); never published."
        ))
    var sen2Identifiers = false

    @OptionGroup var calendar: CalendarArguments

    @Option(help: "How results are printed (default: table; csv for snapshot).")
    var format: ResultFormat?

    @Option(name: .customLong("error-format"), help: "How errors are printed.")
    var errorFormat: ErrorFormat = .text

    @Option(
        name: .customLong("row-limit"),
        help: "The most rows a join, pivot, append or union may make (default: one per 128 bytes of memory).")
    var rowLimit: Int = RowLimit.machineDefault

    @Option(help: "The folder a script's exports, charts and reports are written under (default: the current folder).")
    var out: String = "."

    @Option(help: "The snapshot history (SQLite), under --out unless absolute; `from snapshot_history` reads it.")
    var store: String?

    @Flag(help: "Publish: suppress counts from 1 to the threshold (and what would reveal them) in every output.")
    var publish = false

    @Option(name: .customLong("publish-threshold"), help: "The largest count suppressed when publishing.")
    var publishThreshold: Int = 5

    @Option(
        name: .customLong("dfe"),
        help: ArgumentHelp(
            "A folder of published DfE statistics CSV files, read as dfe_<file> tables (repeatable; default: $SENDQL_DFE).",
            valueName: "dir"))
    var dfeFolders: [String] = []

    @Option(
        help: ArgumentHelp(
            "Run in this PostgreSQL database instead of reading --data: postgresql://user@host:port/db (docs/database.md).",
            valueName: "url"))
    var database: String?

    @Option(help: ArgumentHelp("The database schema the tables are in (default: the connection's).", valueName: "name"))
    var schema: String?

    @Option(
        name: .customLong("statement-timeout"),
        help: ArgumentHelp(
            "Seconds a database statement may run before the server stops it (0: no limit).", valueName: "seconds"))
    var statementTimeout: Int = 0

    /// The database to run in, if `--database` was given.
    func databaseOptions() throws -> DatabaseOptions? {
        guard let database else {
            if schema != nil { throw ValidationError("--schema needs --database") }
            return nil
        }
        if data != nil { throw ValidationError("--data and --database are two places to read the data from: give one") }
        return DatabaseOptions(connectionString: database, schema: schema, statementTimeout: statementTimeout)
    }

    func options(defaultFormat: ResultFormat = .table) throws -> ScriptOptions {
        let format = self.format ?? defaultFormat
        guard (1...1000).contains(publishThreshold) else {
            throw ValidationError("--publish-threshold must be from 1 to 1000; found \(publishThreshold)")
        }
        let outputs = OutputSettings(
            folder: out, store: store ?? "snapshots.sqlite", publishThreshold: publish ? publishThreshold : nil,
            dataFolder: database == nil ? DataFolder.resolve(data) : nil)
        return ScriptOptions(
            format: format, errorFormat: errorFormat, colour: Terminal.isColourful(fileDescriptor: 2),
            outputs: outputs)
    }

    var asOf: String? { calendar.asOf }
    var closures: String? { calendar.closures }
    func parameterValues() throws -> [String: String] { try calendar.parameterValues() }

    func request(for source: Source, defaultFormat: ResultFormat = .table) throws -> RunRequest {
        var request = RunRequest(
            source: source, dataFolder: data, asOf: asOf, parameters: try parameterValues(),
            options: try options(defaultFormat: defaultFormat), rowLimit: rowLimit, closures: closures,
            dfeFolders: dfeFolders)
        request.sen2.identifiers = sen2Identifiers
        request.database = try databaseOptions()
        return request
    }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a script file (or - for standard input) and print its results.")

    @Argument(help: "The script to run; - reads standard input.")
    var file: String

    @OptionGroup var script: ScriptArguments

    func run() throws {
        guard let source = ScriptFile.read(file) else {
            Terminal.finish(JobOutput(stderr: "sendql: cannot read script \(file)\n", status: .ioError))
        }
        Terminal.finish(RunJob.run(try script.request(for: source)))
    }
}
