/// The stable codes of `sendql compile`'s errors (E08xx): a script that runs in memory but cannot be
/// written as SQL for the chosen engine. `docs/errors.md` has a section for each, which a test checks.
public enum CompileErrorCode: String, Sendable, CaseIterable {
    /// nothing to compile
    case nothingToCompile = "E0801"
    /// step not available in SQL
    case unsupportedStep = "E0802"
    /// function not available on the target
    case unsupportedFunction = "E0803"
    /// the result depends on row order
    case needsOrder = "E0804"
    /// table not in the database
    case notATable = "E0805"
    /// column names differ only in case
    case caseClash = "E0806"
    /// unknown `--output` table
    case unknownOutput = "E0807"
}

/// Why one construct cannot be compiled: thrown by the compiler, turned into a located diagnostic.
struct SQLCompileError: Error {
    var code: CompileErrorCode
    var message: String
    var span: Span?
    var notes: [String] = []
}
