import SendQLCore

/// One problem in a data file: the diagnostic (whose `source` and `span` point into the file) and its
/// location, computed once so that reports over many problems stay fast.
public struct DataIssue: Error, Sendable, Equatable {
    public var location: DataLocation
    public var diagnostic: Diagnostic

    public init(location: DataLocation, diagnostic: Diagnostic) {
        self.location = location
        self.diagnostic = diagnostic
    }

    public var code: String { diagnostic.code }
    public var message: String { diagnostic.message }

    /// `file:line:column: message`, the form every data problem is reported in.
    public var text: String { "\(location): \(diagnostic.message)" }
}
