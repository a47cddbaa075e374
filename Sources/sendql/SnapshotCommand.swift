import ArgumentParser
import SendQLCore
import SendQLIO

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print the standard KPI pack as at a date: kpi, breakdown, period, numerator, denominator, value.")

    @Option(help: "The period: year, academic_year, financial_year, quarter, month or rolling12.")
    var by: String = "year"

    @OptionGroup var script: ScriptArguments

    func run() throws {
        let request = try script.request(for: Source(name: "<snapshot>", text: ""), defaultFormat: .csv)
        Terminal.finish(SnapshotJob.run(by: by, request: request, store: script.store != nil))
    }
}
