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
    /// A database that cannot be reached, or a connection lost.
    case unavailable = 69
    case internalError = 70
    case cannotWrite = 73
    case ioError = 74
    /// A database statement that ran past `--statement-timeout`: trying again later may work.
    case temporaryFailure = 75
    /// A database that refused the login.
    case noPermission = 77
}
