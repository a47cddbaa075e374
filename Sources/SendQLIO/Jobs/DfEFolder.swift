import Foundation
import SendQLCore

/// Finds and loads the folders of published DfE statistics a command makes available as `dfe_` tables:
/// every `--dfe DIR`, else the folders in `$SENDQL_DFE` (separated by `:`), else none.
public enum DfEFolder {
    /// The folders to load; empty when none was named.
    public static func resolve(
        _ explicit: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String] {
        if !explicit.isEmpty { return explicit }
        guard let fromEnvironment = environment["SENDQL_DFE"] else { return [] }
        return fromEnvironment.split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// The tables of all the folders by name, and the warnings about cells read against the
    /// publisher's guidance (E0724); the diagnostics say why when they cannot be loaded, including two
    /// folders giving the same table name.
    public static func load(
        _ folders: [String]
    ) -> Result<(tables: [String: Table], findings: [Diagnostic]), DiagnosticList> {
        var tables: [String: Table] = [:]
        var findings: [Diagnostic] = []
        var origins: [String: String] = [:]
        do {
            for folder in folders {
                for table in try DfEStatisticsLoader().load(directory: folder).tables {
                    if let earlier = origins[table.name] {
                        return .failure(
                            DiagnosticList([
                                Diagnostic(
                                    .unreadable,
                                    "two DfE files make the table \(table.name): \(earlier) and \(table.file)",
                                    notes: ["give folders whose files have different names"])
                            ]))
                    }
                    origins[table.name] = table.file
                    tables[table.name] = table.table
                    findings += table.findings
                }
            }
        } catch let list as DiagnosticList {
            return .failure(list)
        } catch let diagnostic as Diagnostic {
            return .failure(DiagnosticList([diagnostic]))
        } catch {
            return .failure(
                DiagnosticList([Diagnostic(.error, code: "E0700", message: "cannot load DfE statistics: \(error)")]))
        }
        return .success((tables, findings))
    }
}
