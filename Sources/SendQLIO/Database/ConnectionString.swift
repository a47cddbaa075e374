import Foundation

/// libpq connection strings (`postgresql://user:secret@host/db`, or `host=... password=...`)
/// as they may be shown: every password replaced, so none reaches a message, a log or the history.
public enum ConnectionString {
    public static func redacted(_ text: String) -> String {
        var shown = text
        // The URI form: the password between `user:` and `@`.
        if let scheme = shown.range(of: "://") {
            let rest = shown[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(where: { "/?".contains($0) }) ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@"),
                let colon = rest[..<at].firstIndex(of: ":")
            {
                shown.replaceSubrange(shown.index(after: colon)..<at, with: "***")
            }
        }
        // `password=...` as a URI parameter or a keyword/value pair, quoted or not.
        let pattern = #"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]*)"#
        if let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) {
            let range = NSRange(shown.startIndex..., in: shown)
            shown = expression.stringByReplacingMatches(in: shown, range: range, withTemplate: "$1***")
        }
        return shown
    }
}
