/// How a message quotes the text it found: in double quotes, with quotes, backslashes and control
/// characters escaped so the message stays on one line, and long text cut short.
enum FoundText {
    static let maximumCharacters = 60

    static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        quoted(String(decoding: bytes, as: UTF8.self))
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        var characters = 0
        for scalar in text.unicodeScalars {
            if characters == maximumCharacters {
                result += "…"
                break
            }
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default: result.unicodeScalars.append(scalar)
            }
            characters += 1
        }
        return result + "\""
    }
}
