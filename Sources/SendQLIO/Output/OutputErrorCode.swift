import SendQLCore

/// The stable codes of problems writing outputs (the `E073x` range), explained in `docs/errors.md`.
///
/// Every error the output folder, the chart renderer, the publication suppressor, the snapshot
/// store and the PNG converter throw is a `Diagnostic` carrying one of these codes.
public enum OutputErrorCode: String, Sendable, Hashable, CaseIterable {
    /// An output path that is absolute; outputs are named relative to the output folder.
    case absolutePath = "E0730"
    /// An output path that is empty, names a folder, or climbs out with `..`.
    case badPath = "E0731"
    /// A symbolic link on the way that leads outside the output folder, or nowhere.
    case symlinkOutside = "E0732"
    /// A file in the way that is not a regular file or folder (a FIFO, a device, a socket), or a
    /// file where a folder is needed.
    case specialFile = "E0733"
    /// The operating system refused to create, write, flush or rename a file.
    case writeFailed = "E0734"
    /// A table refused for publication because it holds a column identifying children.
    case identifierColumn = "E0735"
    /// A chart that cannot be drawn from the table given (a missing or non-numeric column, ...).
    case badChart = "E0736"
    /// A snapshot store path that holds something other than a sendql snapshot store.
    case notAStore = "E0737"
    /// The snapshot store could not be read or written (SQLite reported an error).
    case storeFailed = "E0738"
    /// A PNG could not be made from an SVG.
    case pngFailed = "E0739"

    /// The exit status a command should end with when this error stops it.
    public var exitStatus: ExitStatus {
        switch self {
        case .badChart: return .scriptError
        case .storeFailed: return .ioError
        default: return .cannotWrite
        }
    }
}

extension Diagnostic {
    /// A diagnostic with one of the output error codes.
    init(_ code: OutputErrorCode, _ message: String, notes: [String] = []) {
        self.init(.error, code: code.rawValue, message: message, notes: notes)
    }
}
