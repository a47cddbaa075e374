import SendQLCore

/// How diagnostics are printed.
public enum ErrorFormat: String, Sendable, CaseIterable {
    case text, json
}

/// What a command prints and the status it exits with; the executable only writes these out.
public struct JobOutput: Sendable, Error {
    public var stdout = ""
    public var stderr = ""
    public var status = ExitStatus.ok

    public init(stdout: String = "", stderr: String = "", status: ExitStatus = .ok) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }
}

/// Output settings for running a script.
public struct ScriptOptions: Sendable {
    public var format: ResultFormat
    public var errorFormat: ErrorFormat
    /// ANSI colour in diagnostics (terminals only).
    public var colour: Bool
    /// Where files asked for by the script go.
    public var outputs: OutputSettings

    public init(
        format: ResultFormat = .table, errorFormat: ErrorFormat = .text, colour: Bool = false,
        outputs: OutputSettings = OutputSettings()
    ) {
        self.format = format
        self.errorFormat = errorFormat
        self.colour = colour
        self.outputs = outputs
    }
}

/// Runs one script in a session and turns the outcome into printed text and an exit status.
public enum ScriptJob {
    public static func run(_ source: Source, in session: inout Session, options: ScriptOptions) -> JobOutput {
        var outcome = session.run(source)
        // Outputs are written even when an expectation failed: a breach is news, not a reason to withhold the pack.
        let (notes, writeProblems) = OutputWriter.write(outcome, settings: options.outputs)
        outcome.diagnostics += writeProblems
        var output = JobOutput()
        // Publishing covers what is printed too: every result goes through the suppressor first.
        var printed: [Table] = []
        let threshold = options.outputs.publishThreshold ?? outcome.publishThreshold
        for result in outcome.results {
            guard let threshold else { printed.append(result.table); continue }
            do throws(Diagnostic) {
                printed.append(try PublicationSuppressor(threshold: threshold).apply(result.table).table)
            } catch {
                outcome.diagnostics.append(error)
            }
        }
        output.stdout = printed.map { ResultRenderer.render($0, as: options.format) }
            .joined(separator: options.format == .table ? "\n" : "")
        output.stderr =
            notes.map { $0 + "\n" }.joined()
            + render(outcome.diagnostics + outcome.failedExpectations, options: options)
        output.status = status(of: outcome)
        return output
    }

    /// Diagnostics as text (with carets) or as a JSON array.
    public static func render(_ diagnostics: [Diagnostic], options: ScriptOptions) -> String {
        guard !diagnostics.isEmpty else { return "" }
        switch options.errorFormat {
        case .text: return DiagnosticRenderer(colour: options.colour).render(diagnostics)
        case .json: return DiagnosticJSON.array(diagnostics) + "\n"
        }
    }

    /// Errors in what the command line gave (a `--param` that is not declared or not one of its values).
    static let commandLineCodes: Set<String> = [
        CheckErrorCode.parameterValueNotAllowed.rawValue, CheckErrorCode.unknownParameter.rawValue,
    ]

    /// 64 for a bad `--param`, 65 for script errors, 66 for data a `load` could not read, 70 for run-time failures,
    /// a database error's own status (69, 75, 77...), 1 for failed expectations.
    public static func status(of outcome: RunOutcome) -> ExitStatus {
        if let output = outcome.diagnostics.lazy.compactMap({ OutputErrorCode(rawValue: $0.code) }).first {
            return output.exitStatus
        }
        if let database = outcome.diagnostics.lazy.compactMap({ DatabaseErrorCode(rawValue: $0.code) }).first {
            return database.exitStatus
        }
        if outcome.failedBeforeRunning {
            if outcome.diagnostics.contains(where: { commandLineCodes.contains($0.code) }) { return .usage }
            let dataError = outcome.diagnostics.contains {
                $0.severity == .error && DiagnosticStage(code: $0.code) == .data
            }
            return dataError ? .dataError : .scriptError
        }
        if outcome.hasErrors { return .internalError }
        if !outcome.failedExpectations.isEmpty { return .checkFailed }
        return .ok
    }
}
