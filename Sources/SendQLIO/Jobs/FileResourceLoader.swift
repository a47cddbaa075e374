import Foundation
import SendQLCore

/// Reads the files a script names with `include` and `load`, relative to the script that names them.
public struct FileResourceLoader: ResourceLoader {
    public init() {}

    /// A path resolved against the folder of the script `base` (the current folder for `<repl>` and the like).
    func resolve(_ path: String, relativeTo base: String?) -> String {
        if path.hasPrefix("/") { return path }
        guard let base, !base.hasPrefix("<") else { return path }
        let folder = (base as NSString).deletingLastPathComponent
        return folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }

    public func readScript(_ path: String, relativeTo base: String?) throws(Diagnostic) -> Source {
        let resolved = resolve(path, relativeTo: base)
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw Diagnostic(.error, code: CheckErrorCode.badInclude.rawValue, message: "no such file: \(resolved)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(.error, code: CheckErrorCode.badInclude.rawValue, message: "\(resolved) is not UTF-8 text")
        }
        return Source(name: (resolved as NSString).standardizingPath, text: text)
    }

    public func loadTable(_ path: String, relativeTo base: String?) throws(Diagnostic) -> Table {
        let resolved = resolve(path, relativeTo: base)
        do {
            return try CSVReader().read(path: resolved).table
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch let list as DiagnosticList {
            var first = list.diagnostics.first ?? Diagnostic(.error, code: "E0700", message: "cannot read \(resolved)")
            if list.diagnostics.count > 1 {
                first.notes.append("note: and \(list.diagnostics.count - 1) more problems")
            }
            throw first
        } catch {
            throw Diagnostic(.error, code: "E0700", message: "cannot read \(resolved): \(error)")
        }
    }
}
