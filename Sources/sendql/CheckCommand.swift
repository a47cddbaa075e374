import ArgumentParser
import Foundation
import SendQLCore
import SendQLIO

/// `sendql check`: loads a data folder against the data contract and prints its data-quality report.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load a data folder against the data contract and print a data-quality report.",
        discussion: """
            Strict by default: any bad row makes the data unloadable. With --lenient, bad rows are \
            set aside and listed instead.

            Exits 0 when the data is loadable, 66 when it is not (or the folder is missing).
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The data folder (default: $SENDQL_DATA, else datasets/sample-area).", valueName: "dir"))
    var data: String?

    @Flag(name: .long, help: "Set bad rows aside instead of failing.")
    var lenient = false

    @Flag(name: .customLong("sen2-identifiers"), help: "Also read an SEN2 return's UPN, ULN, names and postcode.")
    var sen2Identifiers = false

    @Option(
        name: .customLong("write-normalised"),
        help: ArgumentHelp(
            "When the data is loadable, write its tables as canonical CSV here, for a database to load (docs/sql.md).",
            valueName: "dir"))
    var normalisedFolder: String?

    func run() throws {
        // An empty $SENDQL_DATA counts as unset, as shells make it easy to export one by accident.
        let fromEnvironment = ProcessInfo.processInfo.environment["SENDQL_DATA"].flatMap { $0.isEmpty ? nil : $0 }
        let directory = data ?? fromEnvironment ?? "datasets/sample-area"
        var loader = CaseDataLoader(mode: lenient ? .lenient : .strict)
        loader.sen2.identifiers = sen2Identifiers
        let result = loader.inspect(directory: directory)
        if result.summaries.isEmpty {
            // The folder itself is missing: there is no report to print, only the reason.
            let reasons = result.fatalIssues.map { "error: \($0.message)" }.joined(separator: "\n")
            FileHandle.standardError.write(Data((reasons + "\n").utf8))
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
        let report = DataQualityReport(result)
        print(report.render(), terminator: "")
        if !result.isLoadable {
            let count = result.errors.count
            let message = "error: the data in \(directory) is not loadable: \(count) \(count == 1 ? "error" : "errors")"
            FileHandle.standardError.write(Data((message + " (see the report above)\n").utf8))
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
        if let normalisedFolder, let data = result.caseData {
            do {
                let written = try NormalisedData.write(data, to: normalisedFolder)
                print("wrote \(written.count) tables as canonical CSV to \(normalisedFolder)")
            } catch {
                FileHandle.standardError.write(Data("error: cannot write \(normalisedFolder): \(error)\n".utf8))
                throw ExitCode(ExitStatus.cannotWrite.rawValue)
            }
        }
    }
}
