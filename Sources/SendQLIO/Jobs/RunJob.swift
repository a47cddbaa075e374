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
    /// Folders of published DfE statistics (`--dfe`), read as `dfe_` tables; empty means `$SENDQL_DFE`.
    public var dfeFolders: [String]

    public init(source: Source, dataFolder: String?, asOf: String?, parameters: [String: String],
                options: ScriptOptions, rowLimit: Int = 200_000_000, dfeFolders: [String] = []) {
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
        switch makeSession(dataFolder: request.dataFolder, asOf: request.asOf, parameters: request.parameters,
                           rowLimit: request.rowLimit, options: request.options, dfeFolders: request.dfeFolders) {
        case .failure(let output):
            return output
        case .success(var session):
            return ScriptJob.run(request.source, in: &session, options: request.options)
        }
    }

    /// Today's date in the local calendar.
    public static func today() -> Int32 {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!).dayNumber
    }

    /// A session over the data folder (and the DfE statistics folders), or the output that explains why there is none.
    public static func makeSession(
        dataFolder: String?, asOf: String?, parameters: [String: String], rowLimit: Int, options: ScriptOptions,
        dfeFolders: [String] = []
    ) -> Result<Session, JobOutput> {
        let today = today()
        var asOfDay = today
        if let asOf {
            guard let date = CivilDate(iso: asOf) else {
                return .failure(JobOutput(stderr: "sendql: --as-of needs a date as YYYY-MM-DD, found \"\(asOf)\"\n", status: .usage))
            }
            asOfDay = date.dayNumber
        }
        guard let folder = DataFolder.resolve(dataFolder) else {
            return .failure(JobOutput(
                stderr: "sendql: no data folder: give --data DIR or set SENDQL_DATA (the bundled sample area was not found)\n",
                status: .dataError))
        }
        switch DataFolder.load(folder) {
        case .failure(let list):
            return .failure(JobOutput(stderr: ScriptJob.render(list.diagnostics, options: options), status: .dataError))
        case .success(let data):
            var tables = data.tables
            switch DfEFolder.load(DfEFolder.resolve(dfeFolders)) {
            case .failure(let list):
                return .failure(JobOutput(stderr: ScriptJob.render(list.diagnostics, options: options), status: .dataError))
            case .success(let dfeTables):
                tables.merge(dfeTables) { own, _ in own }
            }
            let context = SessionContext(asOf: asOfDay, today: today, calendar: HolidayCalendar.englandAndWales,
                                         parameters: parameters, rowLimit: rowLimit)
            return .success(Session(tables: tables, context: context, resources: FileResourceLoader()))
        }
    }
}
