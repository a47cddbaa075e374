import Foundation
import SendQLCore

/// Finds the data folder a command works on: `--data`, else `$SENDQL_DATA`, else the bundled sample area.
public enum DataFolder {
    public static let sampleAreaPath = "datasets/sample-area"

    /// The folder to use, or nil when no folder was named and the sample area cannot be found.
    public static func resolve(
        _ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        if let explicit { return explicit }
        if let fromEnvironment = environment["SENDQL_DATA"], !fromEnvironment.isEmpty { return fromEnvironment }
        return bundledSampleArea()
    }

    /// The sample area beside the current folder, or above the executable (a build inside the repository).
    public static func bundledSampleArea() -> String? {
        let manager = FileManager.default
        var candidates = [manager.currentDirectoryPath]
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.path)
            folder = folder.deletingLastPathComponent()
        }
        for base in candidates {
            let path = (base as NSString).appendingPathComponent(sampleAreaPath)
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                return base == manager.currentDirectoryPath ? sampleAreaPath : path
            }
        }
        return nil
    }

    /// Loads a folder's case data; the diagnostics say why when it cannot.
    /// `directory` may also name an SEN2 return, or a folder holding one (see `SEN2Return`).
    public static func load(
        _ directory: String, mode: CSVReadMode = .strict, sen2: SEN2Options = SEN2Options()
    )
        -> Result<CaseData, DiagnosticList>
    {
        do {
            var loader = CaseDataLoader(mode: mode)
            loader.sen2 = sen2
            return .success(try loader.load(directory: directory))
        } catch let list as DiagnosticList {
            return .failure(list)
        } catch let diagnostic as Diagnostic {
            return .failure(DiagnosticList([diagnostic]))
        } catch {
            return .failure(
                DiagnosticList([Diagnostic(.error, code: "E0700", message: "cannot load \(directory): \(error)")]))
        }
    }
}
