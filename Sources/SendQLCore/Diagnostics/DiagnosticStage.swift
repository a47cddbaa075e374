/// Which stage of the tool a diagnostic code belongs to, read from its number: the stage decides
/// the exit status of a command that stops on it.
public enum DiagnosticStage: String, Sendable, CaseIterable {
    /// E01xx: the text cannot be cut into tokens.
    case lexical
    /// E02xx: the tokens do not fit the grammar.
    case syntax
    /// E03xx: the script parses but cannot run as written.
    case check
    /// E04xx: a checked script failed while running.
    case runtime
    /// E070x-E072x, E074x: data that cannot be read, or findings about it.
    case data
    /// E073x: an output that cannot be written.
    case output
    /// E08xx: a script that cannot be compiled for a SQL engine.
    case compile
    /// E09xx: a database that cannot be reached or that refused a statement.
    case database

    /// The stage of `code` (`E0301` is a check error); nil for a code of no stage.
    public init?(code: String) {
        guard code.count == 5, code.hasPrefix("E"), let number = Int(code.dropFirst()) else { return nil }
        switch number {
        case 100..<200: self = .lexical
        case 200..<300: self = .syntax
        case 300..<400: self = .check
        case 400..<500: self = .runtime
        case 730..<740: self = .output
        case 700..<800: self = .data
        case 800..<900: self = .compile
        case 900..<1000: self = .database
        default: return nil
        }
    }
}
