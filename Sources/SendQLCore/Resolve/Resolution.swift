/// What the resolve stage read for a script, for the checker to use without reading anything: the
/// scripts its `include`s name and the tables its `load`s name, each keyed by the statement that
/// names it.
public struct Resolution: Sendable {
    /// An `include` or `load` statement: the script it is in, and where it starts there.
    struct Key: Hashable, Sendable {
        var source: String
        var offset: Int
    }

    /// What an `include` gave: the parsed script, or the error to report at the statement.
    enum Include: Sendable {
        case script(Script)
        case failed(CheckErrorCode, String, notes: [String])
    }

    /// What a `load` gave: the table, an error (reported by the resolver), or nothing read because the
    /// script does not parse and will not run.
    enum Load: Sendable {
        case table(Table)
        case failed
        case notRead
        /// No `ResourceLoader`: `load` cannot be used here (E0321).
        case unavailable
    }

    var includes: [Key: Include] = [:]
    var loads: [Key: Load] = [:]
    /// Problems found while resolving: parse errors of included scripts, files a `load` could not read.
    var diagnostics: [Diagnostic] = []
}
