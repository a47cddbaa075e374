import Foundation

/// Where the REPL keeps its history between sessions.
public enum HistoryFile {
    /// Entries kept in the file; older ones are dropped as new ones are written.
    public static let defaultLimit = 2000

    /// `$SENDQL_HISTORY`, else `~/.sendql_history`; nil when `SENDQL_HISTORY` is set but empty (no
    /// history file) or there is no home folder.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = environment["SENDQL_HISTORY"] { return explicit.isEmpty ? nil : explicit }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".sendql_history")
    }
}
