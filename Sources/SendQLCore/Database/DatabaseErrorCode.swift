/// The stable codes of errors from a database a session runs in (E09xx): one that cannot be
/// reached, refuses the login, lacks a table, rejects a statement or drops the connection.
/// `docs/errors.md` has a row for each, with its exit status, which a test checks.
public enum DatabaseErrorCode: String, Sendable, CaseIterable {
    /// the connection string cannot be read
    case badConnectionString = "E0901"
    /// the server cannot be reached
    case cannotConnect = "E0902"
    /// the login is refused
    case loginRefused = "E0903"
    /// a contract table is missing
    case missingTable = "E0904"
    /// a column is missing or of another type
    case columnMismatch = "E0905"
    /// the server rejected a statement
    case statementRejected = "E0906"
    /// the statement ran past its time limit
    case statementTimeout = "E0907"
    /// the connection was lost
    case connectionLost = "E0908"
    /// the push was not written
    case pushFailed = "E0909"

    /// The exit status of a command that stops on this error.
    public var exitStatus: ExitStatus {
        switch self {
        case .badConnectionString: return .usage
        case .cannotConnect, .connectionLost: return .unavailable
        case .loginRefused: return .noPermission
        case .missingTable, .columnMismatch, .pushFailed: return .dataError
        case .statementRejected: return .internalError
        case .statementTimeout: return .temporaryFailure
        }
    }
}
