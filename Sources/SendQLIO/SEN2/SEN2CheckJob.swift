import Foundation
import SendQLCore

/// What `sendql sen2-check` is asked.
public struct SEN2CheckRequest: Sendable {
    /// The return: an XML file, or a folder holding one or a Blade export.
    public var path: String
    /// Folders of DfE's published statistics; empty means `$SENDQL_DFE`.
    public var dfeFolders: [String]
    /// The calendar year; nil means the year before the return's collection year.
    public var year: Int?

    public init(path: String, dfeFolders: [String] = [], year: Int? = nil) {
        self.path = path
        self.dfeFolders = dfeFolders
        self.year = year
    }
}

/// `sendql sen2-check`: the measures DfE publishes from an SEN2 return, computed from the return
/// before DfE publishes them, each beside the LA's published figure where the DfE files have it,
/// and the return's surprising figures flagged.
public enum SEN2CheckJob {
    /// The share of plans issued with the Week20 exception flag above which the return is flagged.
    static let exceptionShareFlag = 0.5

    public static func run(_ request: SEN2CheckRequest) -> JobOutput {
        let options = ScriptOptions(
            format: .table, errorFormat: .text, colour: false,
            outputs: OutputSettings(
                folder: ".", store: "snapshots.sqlite", publishThreshold: nil,
                dataFolder: request.path))
        guard let located = SEN2Return.locate(request.path) else {
            return JobOutput(
                stderr: "sendql sen2-check: \(request.path) is not an SEN2 return: expected an .xml file, "
                    + "or a folder holding one or Blade-Export_<DD-MM-YYYY>_<module>.csv files\n", status: .dataError)
        }
        let load = CaseDataLoader().inspect(directory: request.path)
        guard case .success(let sen2) = located, case .success(let content) = sen2.read(limits: SEN2Limits()),
            load.isLoadable
        else {
            return JobOutput(
                stderr: ScriptJob.render(load.errors.map(\.diagnostic), options: options), status: .dataError)
        }
        let collection = content.header["Year"].flatMap { Int($0) }
        guard let year = request.year ?? collection.map({ $0 - 1 }) else {
            return JobOutput(
                stderr: "sendql sen2-check: the return's header has no collection Year; give --year YYYY\n",
                status: .usage)
        }
        let census =
            content.header["ReferenceDate"].flatMap(CivilDate.init(iso:)) ?? SEN2Census.referenceDate(year: year + 1)
        let dfeFolders = DfEFolder.resolve(request.dfeFolders)
        let session: Session
        switch RunJob.makeSession(
            dataFolder: request.path, asOf: census.iso, parameters: [:], rowLimit: RowLimit.machineDefault,
            options: options, dfeFolders: dfeFolders)
        {
        case .failure(let output): return output
        case .success(let made): session = made.session
        }
        var running = session
        let outcome = running.run(
            Source(name: "<sen2-check>", text: SEN2CheckScript.figures(year: year, census: census.iso)))
        guard let figures = outcome.results.last?.table, !outcome.hasErrors else {
            return JobOutput(
                stderr: "sendql: internal error in the sen2-check script\n"
                    + ScriptJob.render(outcome.diagnostics, options: options), status: .internalError)
        }
        let la = content.header["LEA"] ?? ""
        var report = SEN2CheckReport(
            path: request.path, la: la, collection: collection, year: year, census: census.iso,
            figures: figures)
        if !dfeFolders.isEmpty, !la.isEmpty {
            for published in SEN2CheckScript.published {
                let period = published.file == "caseload" ? year * 100 + (year + 1) % 100 : year
                guard session.table(named: "dfe_\(published.file)") != nil else { continue }
                let lookup = running.run(
                    Source(name: "<sen2-check>", text: SEN2CheckScript.lookup(published, la: la, period: period)))
                guard let rows = lookup.results.last?.table, !lookup.hasErrors else { continue }
                let file =
                    dfeFolders.map { TableLoad.join($0, published.file + ".csv") }.first(where: FileSystem.isFile)
                    ?? published.file + ".csv"
                report.addPublished(published.measure, file: file, rows: rows)
            }
        }
        report.flags = flags(load: load, figures: report)
        let status: ExitStatus = report.flags.isEmpty ? .ok : .checkFailed
        return JobOutput(
            stdout: report.render(dfe: dfeFolders), stderr: ScriptJob.render(report.flags, options: options),
            status: status)
    }

    /// Figures DfE would publish that look wrong: impossible date orders, plans before their
    /// requests, the Week20 exception flag on most plans.
    static func flags(load: CaseDataLoadResult, figures: SEN2CheckReport) -> [Diagnostic] {
        var flags: [Diagnostic] = []
        if !load.findings.isEmpty {
            let first = load.findings[0]
            flags.append(
                Diagnostic(
                    .sen2Surprising,
                    "\(load.findings.count) \(load.findings.count == 1 ? "record has" : "records have") dates in an impossible order; DfE's figures would count them as they are",
                    severity: .warning, notes: ["first: \(first.text)"]))
        }
        if let exceptions = figures.row("week20_exception"), let issued = exceptions.denominator, issued > 0,
            Double(exceptions.numerator ?? 0) / Double(issued) > exceptionShareFlag
        {
            flags.append(
                Diagnostic(
                    .sen2Surprising,
                    "the Week20 exception flag is set on \(exceptions.numerator ?? 0) of the \(issued) plans issued in \(figures.year): DfE would leave most plans out of the 20-week figure",
                    severity: .warning,
                    notes: ["Week20 is 1 only where a permitted exception to the 20-week limit applies"]))
        }
        return flags
    }
}
