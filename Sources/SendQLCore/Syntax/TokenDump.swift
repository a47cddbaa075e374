/// The `sendql dump tokens` format: one token per line, `line:column kind 'text'`.
public enum TokenDump {
    /// Renders tokens (from `Lexer.tokenize`) with positions computed from their source.
    public static func render(_ tokens: [Token], source: Source) -> String {
        var output = ""
        for token in tokens {
            let (line, column) = source.location(of: token.span.start)
            output += "\(line):\(column) \(token.kind.dumpName) '\(escape(token.text))'\n"
        }
        return output
    }

    /// The text with line breaks, tabs, quotes and backslashes escaped, so each token stays on
    /// one line and the quoting stays unambiguous.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case "\\": escaped += "\\\\"
            case "'": escaped += "\\'"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
