import SendQLCore

/// One problem in a data file: the diagnostic (whose `source` and `span` point into the file) and its
/// location, computed once so that reports over many problems stay fast.
public struct DataIssue: Error, Sendable, Equatable {
    /// Where the culprit starts, computed once.
    public var location: DataLocation
    /// The problem as data, its `source` and `span` pointing into the file.
    public var diagnostic: Diagnostic

    /// An issue from its parts.
    public init(location: DataLocation, diagnostic: Diagnostic) {
        self.location = location
        self.diagnostic = diagnostic
    }

    /// The stable code (`E0710`).
    public var code: String { diagnostic.code }
    /// What was expected and what was found.
    public var message: String { diagnostic.message }

    /// `file:line:column: message`, the form every data problem is reported in.
    public var text: String { "\(location): \(diagnostic.message)" }
}
