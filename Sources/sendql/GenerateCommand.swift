import ArgumentParser
import Foundation
import SendQLCore
import SendQLIO

/// `sendql generate`: writes a synthetic area as the data contract's CSV files.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a believable synthetic SEND area as the data contract's ten CSV files.",
        discussion: "The defaults reproduce the bundled sample area, datasets/sample-area, byte for byte."
    )

    @Option(help: "Directory to write the CSV files into (created when missing).")
    var out: String

    @Option(help: "Requests for assessment received in the window; the rest of the area scales with it.")
    var requests = GeneratorConfiguration.sampleArea.requests

    @Option(help: "Random seed: the same options always write the same files.")
    var seed = GeneratorConfiguration.sampleArea.seed

    @Option(help: "First day of the window (YYYY-MM-DD).")
    var from = CivilDate(dayNumber: GeneratorConfiguration.sampleArea.from).iso

    @Option(help: "Last day of the window, the day the data is extracted (YYYY-MM-DD).")
    var to = CivilDate(dayNumber: GeneratorConfiguration.sampleArea.to).iso

    @Option(
        help: ArgumentHelp(
            "csv (the contract's ten files), or the area as an SEN2 return holds it: sen2-xml (return.xml), sen2-blade (a Blade export) or sen2-csv (its contract CSV files); the five local tables go beside it.",
            valueName: "format"))
    var format = "csv"

    @Option(help: "The LA code an SEN2 return's header names.")
    var lea = "314"

    func validate() throws {
        guard AreaFormat(rawValue: format) != nil else {
            throw ValidationError(
                "--format must be one of \(AreaFormat.allCases.map(\.rawValue).joined(separator: ", ")); found \"\(format)\""
            )
        }
        _ = try generatorConfiguration()
    }

    func run() throws {
        if let format = AreaFormat(rawValue: format), format != .csv {
            do {
                let files = try AreaGenerator(configuration: generatorConfiguration()).write(
                    to: out, format: format, lea: lea)
                for file in files { printToStandardError("wrote \(out)/\(file)") }
            } catch {
                printToStandardError("sendql generate: \(error)")
                throw ExitCode(ExitStatus.cannotWrite.rawValue)
            }
            return
        }
        let report: GenerationReport
        do {
            report = try AreaGenerator(configuration: generatorConfiguration()).write(to: out)
        } catch {
            printToStandardError("sendql generate: \(error)")
            throw ExitCode(ExitStatus.cannotWrite.rawValue)
        }
        for table in report.tables {
            printToStandardError("\(table.table.fileName.padding(16)) \(String(table.rows).leftPadding(10)) rows")
        }
        printToStandardError("wrote \(report.totalRows) rows, \(report.totalBytes) bytes to \(report.directory)")
    }

    private func generatorConfiguration() throws -> GeneratorConfiguration {
        guard let fromDate = CivilDate(iso: from) else {
            throw ValidationError("--from: expected a date YYYY-MM-DD, found '\(from)'")
        }
        guard let toDate = CivilDate(iso: to) else {
            throw ValidationError("--to: expected a date YYYY-MM-DD, found '\(to)'")
        }
        let configuration = GeneratorConfiguration(
            requests: requests, seed: seed, from: fromDate.dayNumber, to: toDate.dayNumber)
        do {
            try configuration.validate()
        } catch {
            throw ValidationError(error.description)
        }
        return configuration
    }
}

private extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    func leftPadding(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

/// The report goes to standard error, keeping standard output free for data.
private func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
