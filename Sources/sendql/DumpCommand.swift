import ArgumentParser
import SendQLCore
import SendQLIO

struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump", abstract: "Show one stage of the pipeline for a script: tokens, ast or plan.")

    @Argument(help: "tokens, ast or plan.")
    var stage: String

    @Argument(help: "The script; - reads standard input.")
    var file: String

    @OptionGroup var script: ScriptArguments

    func run() throws {
        guard let dumpStage = DumpJob.Stage(rawValue: stage) else {
            throw ValidationError("the stage is tokens, ast or plan; found \"\(stage)\"")
        }
        guard let source = ScriptFile.read(file) else {
            Terminal.finish(JobOutput(stderr: "sendql: cannot read script \(file)\n", status: .ioError))
        }
        Terminal.finish(DumpJob.run(dumpStage, try script.request(for: source)))
    }
}
