import SendQLCore

/// `sendql dump`: the tokens, the syntax tree, or the checked plan with the schema after every step.
public enum DumpJob {
    public enum Stage: String, Sendable, CaseIterable {
        case tokens, ast, plan
    }

    public static func run(_ stage: Stage, _ request: RunRequest) -> JobOutput {
        switch stage {
        case .tokens:
            let lexed = Lexer.tokenize(request.source)
            let (tokens, diagnostics) = (lexed.tokens, lexed.diagnostics)
            return JobOutput(
                stdout: TokenDump.render(tokens, source: request.source),
                stderr: ScriptJob.render(diagnostics, options: request.options),
                status: diagnostics.isEmpty ? .ok : .scriptError)
        case .ast:
            let (script, diagnostics) = Parser.parse(request.source)
            return JobOutput(
                stdout: ASTPrinter.render(script), stderr: ScriptJob.render(diagnostics, options: request.options),
                status: diagnostics.isEmpty ? .ok : .scriptError)
        case .plan:
            switch RunJob.makeSession(
                dataFolder: request.dataFolder, asOf: request.asOf, parameters: request.parameters,
                rowLimit: request.rowLimit, options: request.options,
                dfeFolders: request.dfeFolders, database: request.database)
            {
            case .failure(let output): return output
            case .success(let loaded):
                var checker = loaded.session.checker
                let checked = checker.check(request.source)
                return JobOutput(
                    stdout: PlanPrinter.render(checked.program, tables: checker.tables),
                    stderr: ScriptJob.render(checked.diagnostics, options: request.options),
                    status: checked.hasErrors ? .scriptError : .ok)
            }
        }
    }
}
