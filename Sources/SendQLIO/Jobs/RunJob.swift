import Foundation
import SendQLCore

/// Everything `sendql run` (and `-c`, and a script on standard input) needs.
public struct RunRequest: Sendable {
    public var source: Source
    public var dataFolder: String?
    /// The as-of date as written (`YYYY-MM-DD`); nil means today.
    public var asOf: String?
    public var parameters: [String: String]
    public var options: ScriptOptions
    public var rowLimit: Int
    /// A CSV of local closure days (a `date` column) that are not working days either.
    public var closures: String?
    /// Folders of published DfE statistics (`--dfe`), read as `dfe_` tables; empty means `$SENDQL_DFE`.
    public var dfeFolders: [String]
    /// How an SEN2 return named by `dataFolder` is read (whether identifiers are read).
    public var sen2 = SEN2Options()
    /// Where pipelines run instead of memory (`--database`); the data folder is not read then.
    public var database: DatabaseOptions?

    public init(
        source: Source, dataFolder: String?, asOf: String?, parameters: [String: String],
        options: ScriptOptions, rowLimit: Int = RowLimit.machineDefault, closures: String? = nil,
        dfeFolders: [String] = []
    ) {
        self.closures = closures
        self.source = source
        self.dataFolder = dataFolder
        self.asOf = asOf
        self.parameters = parameters
        self.options = options
        self.rowLimit = rowLimit
        self.dfeFolders = dfeFolders
    }
}

/// Loads the data folder, builds a session and runs one script in it.
public enum RunJob {
    public static func run(_ request: RunRequest) -> JobOutput {
        switch makeSession(
            dataFolder: request.dataFolder, asOf: request.asOf, parameters: request.parameters,
            rowLimit: request.rowLimit, options: request.options, closures: request.closures,
            dfeFolders: request.dfeFolders, sen2: request.sen2, database: request.database)
        {
        case .failure(let output):
            return output
        case .success(let loaded):
            var session = loaded.session
            var output = ScriptJob.run(request.source, in: &session, options: request.options)
            if !loaded.findings.isEmpty {
                output.stderr = ScriptJob.render(loaded.findings, options: request.options) + output.stderr
            }
            // Only about a script that ran: a mistake in it is the news then.
            if ![.usage, .scriptError].contains(output.status),
                let note = DataHorizon.note(for: session)
            {
                output.stderr = note + "\n" + output.stderr
            }
            return output
        }
    }

    /// Today's date in the local calendar.
    public static func today() -> Int32 {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!).dayNumber
    }

    /// A session, and the warnings found while loading its data that a user should see before any result.
    public struct LoadedSession {
        public var session: Session
        /// Cells of the DfE statistics read against the publisher's guidance (E0724).
        public var findings: [Diagnostic]
    }

    /// A session over the data folder (and the DfE statistics folders), or the output that explains why there is none.
    public static func makeSession(
        dataFolder: String?, asOf: String?, parameters: [String: String], rowLimit: Int, options: ScriptOptions,
        closures: String? = nil, dfeFolders: [String] = [], refusesUnknownParameters: Bool = true,
        sen2: SEN2Options = SEN2Options(), database databaseOptions: DatabaseOptions? = nil
    ) -> Result<LoadedSession, JobOutput> {
        var calendar = HolidayCalendar.englandAndWales
        if let closures {
            switch ClosureDays.read(closures) {
            case .success(let days): calendar = calendar.adding(closures: days)
            case .failure(let diagnostic):
                return .failure(JobOutput(stderr: ScriptJob.render([diagnostic], options: options), status: .dataError))
            }
        }
        let today = today()
        var asOfDay = today
        if let asOf {
            guard let date = CivilDate(iso: asOf) else {
                return .failure(
                    JobOutput(stderr: "sendql: --as-of needs a date as YYYY-MM-DD, found \"\(asOf)\"\n", status: .usage)
                )
            }
            asOfDay = date.dayNumber
        }
        var database: PostgresDatabase?
        if let databaseOptions {
            switch databaseOptions.connect() {
            case .success(let connected): database = connected
            case .failure(let problem):
                let status = DatabaseErrorCode(rawValue: problem.code)?.exitStatus ?? .dataError
                return .failure(JobOutput(stderr: ScriptJob.render([problem], options: options), status: status))
            }
        }
        var tables: [String: Table] = [:]
        if database == nil {
            guard let folder = DataFolder.resolve(dataFolder) else {
                return .failure(
                    JobOutput(
                        stderr:
                            "sendql: no data folder: give --data DIR or set SENDQL_DATA (the bundled sample area was not found)\n",
                        status: .dataError))
            }
            switch DataFolder.load(folder, sen2: sen2) {
            case .failure(let list):
                return .failure(
                    JobOutput(stderr: ScriptJob.render(list.diagnostics, options: options), status: .dataError))
            case .success(let data): tables = data.tables
            }
        }
        // The snapshot history, when a store exists, is a table like any other.
        if FileManager.default.fileExists(atPath: options.outputs.storePath) {
            do {
                tables["snapshot_history"] = try SnapshotStore(path: options.outputs.storePath).history()
            } catch {
                return .failure(JobOutput(stderr: ScriptJob.render([error], options: options), status: .ioError))
            }
        }
        var findings: [Diagnostic] = []
        switch DfEFolder.load(DfEFolder.resolve(dfeFolders)) {
        case .failure(let list):
            return .failure(
                JobOutput(stderr: ScriptJob.render(list.diagnostics, options: options), status: .dataError))
        case .success(let dfe):
            tables.merge(dfe.tables) { own, _ in own }
            findings = dfe.findings
        }
        var context = SessionContext(
            asOf: asOfDay, today: today, calendar: calendar,
            parameters: parameters, rowLimit: rowLimit)
        context.refusesUnknownParameters = refusesUnknownParameters
        let session = Session(
            tables: tables, context: context, resources: FileResourceLoader(), prelude: Prelude.sources,
            database: database)
        if !session.preludeDiagnostics.isEmpty,
            session.preludeDiagnostics.allSatisfy({ ScriptJob.commandLineCodes.contains($0.code) })
        {
            // A --param the prelude declares, given a value it does not take: the user's to fix.
            return .failure(
                JobOutput(stderr: ScriptJob.render(session.preludeDiagnostics, options: options), status: .usage))
        }
        if !session.preludeDiagnostics.isEmpty {
            // The prelude ships with the tool: a mistake in it is ours, not the user's.
            return .failure(
                JobOutput(
                    stderr: "sendql: internal error in the prelude\n"
                        + ScriptJob.render(session.preludeDiagnostics, options: options), status: .internalError))
        }
        return .success(LoadedSession(session: session, findings: findings))
    }
}
