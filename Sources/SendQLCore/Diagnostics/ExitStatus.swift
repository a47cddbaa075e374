/// The process exit codes, in one place (sysexits-style; documented in docs/cli.md).
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    /// An `expect` in the script failed.
    case checkFailed = 1
    case usage = 64
    /// The script has a syntax or type error.
    case scriptError = 65
    /// Input data is missing or invalid.
    case dataError = 66
    case internalError = 70
    case cannotWrite = 73
    case ioError = 74
}
