import ArgumentParser
import Foundation
import SendQLCore
import SendQLIO

/// `sendql bench`: loads a data folder once and times each query script on it (for `scripts/bench`).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Time loading a data folder and running queries on it (for scripts/bench).",
        discussion: """
            Prints one line per stage: stage, name, repetition, seconds, peak resident bytes so far (tab-separated).
            Each query is a script file; its name is the file name without .sendql.
            """,
        shouldDisplay: false)

    @OptionGroup var script: ScriptArguments

    @Option(name: .customLong("repeat"), help: "How many times to run each query.")
    var repetitions: Int = 5

    @Option(help: "Write each query's last result as CSV into this folder.")
    var results: String?

    @Argument(help: "Query script files.")
    var queries: [String] = []

    func run() throws {
        guard let day = CivilDate(iso: script.asOf ?? "")?.dayNumber else {
            throw ValidationError("--as-of: expected YYYY-MM-DD")
        }
        if script.database != nil {
            throw ValidationError("sendql bench times the in-memory engine; scripts/bench-database times --database")
        }
        guard let data = DataFolder.resolve(script.data) else { throw ValidationError("--data: no data folder") }
        let loaded = try queries.map { path -> BenchQuery in
            guard let source = ScriptFile.read(path) else { throw ValidationError("cannot read \(path)") }
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            return BenchQuery(name: name, source: source)
        }
        Terminal.finish(
            BenchJob.run(
                dataFolder: data, asOf: day, queries: loaded, repetitions: repetitions,
                resultsDirectory: results))
    }
}
