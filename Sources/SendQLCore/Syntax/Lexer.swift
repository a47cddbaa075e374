/// What the lexer made of a source: every token (ending with `.endOfInput`) and every lexical error.
public struct LexerOutput: Sendable {
    public var tokens: [Token]
    public var diagnostics: [Diagnostic]
    /// Where a string starts that is still open at the end of input, if one is. The REPL treats
    /// such input as incomplete: the next line may close the string.
    public var unterminatedStringStart: Int?

    public init(tokens: [Token], diagnostics: [Diagnostic], unterminatedStringStart: Int?) {
        self.tokens = tokens
        self.diagnostics = diagnostics
        self.unterminatedStringStart = unterminatedStringStart
    }
}

/// Cuts a source into tokens.
///
/// The lexer never stops at an error: it reports it, emits an `.invalid` token covering the bad
/// text (so the parser can recover without a second message) and carries on, so that one run
/// reports every problem in the script.
public struct Lexer {
    let source: Source
    let bytes: [UInt8]
    var position = 0
    var tokens: [Token] = []
    var diagnostics: [Diagnostic] = []
    var unterminatedStringStart: Int?

    init(source: Source) {
        self.source = source
        self.bytes = Array(source.text.utf8)
    }

    /// All the tokens of a source, newlines included, ending with `.endOfInput`.
    public static func tokenize(_ source: Source) -> LexerOutput {
        var lexer = Lexer(source: source)
        lexer.run()
        return LexerOutput(
            tokens: lexer.tokens, diagnostics: lexer.diagnostics,
            unterminatedStringStart: lexer.unterminatedStringStart)
    }

    mutating func run() {
        while position < bytes.count {
            lexOne()
        }
        tokens.append(Token(.endOfInput, text: "", span: Span(bytes.count, bytes.count)))
    }

    /// Lexes the token (or skips the blank or comment) starting at `position`.
    mutating func lexOne() {
        let start = position
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
            position += 1
        case UInt8(ascii: "\n"):
            position += 1
            emit(.newline, from: start)
        case UInt8(ascii: "#"):
            // A comment runs to the end of the line; the line break itself stays a token.
            while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            lexNumber()
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            lexString()
        case UInt8(ascii: "`"):
            lexQuotedName()
        case UInt8(ascii: "@"):
            lexDate()
        default:
            if startsIdentifier(at: position) {
                lexIdentifierOrKeyword()
            } else {
                lexOperator()
            }
        }
    }

    // MARK: Identifiers

    /// `IDENT = (letter | "_") { letter | digit | "_" }`, letters including non-ASCII ones.
    mutating func lexIdentifierOrKeyword() {
        let start = position
        position = identifierEnd(from: position)
        let text = self.text(start, position)
        if let keyword = Keyword(rawValue: text) {
            emit(.keyword(keyword), from: start)
        } else {
            emit(.identifier(text), from: start)
        }
    }

    func startsIdentifier(at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        if byte < 0x80 { return isASCIILetter(byte) || byte == UInt8(ascii: "_") }
        return scalar(at: offset).value.properties.isXIDStart
    }

    func continuesIdentifier(at offset: Int) -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        if byte < 0x80 { return isASCIILetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") }
        return scalar(at: offset).value.properties.isXIDContinue
    }

    /// The offset just past the identifier characters that start at `offset`.
    func identifierEnd(from offset: Int) -> Int {
        var end = offset
        while continuesIdentifier(at: end) { end += scalar(at: end).length }
        return end
    }

    // MARK: Operators

    /// Punctuation and operators, with targeted help for operators borrowed from other languages.
    mutating func lexOperator() {
        let start = position
        let byte = bytes[position]
        let next = position + 1 < bytes.count ? bytes[position + 1] : 0
        func single(_ kind: TokenKind) { position += 1; emit(kind, from: start) }
        func double(_ kind: TokenKind) { position += 2; emit(kind, from: start) }

        switch (byte, next) {
        case (UInt8(ascii: "|"), UInt8(ascii: "|")):
            foreignOperator(length: 2, help: "help: use 'or' to combine conditions")
        case (UInt8(ascii: "|"), _): single(.pipe)
        case (UInt8(ascii: ","), _): single(.comma)
        case (UInt8(ascii: "("), _): single(.leftParen)
        case (UInt8(ascii: ")"), _): single(.rightParen)
        case (UInt8(ascii: ":"), _): single(.colon)
        case (UInt8(ascii: ";"), _): single(.semicolon)
        case (UInt8(ascii: "+"), _): single(.plus)
        case (UInt8(ascii: "-"), _): single(.minus)
        case (UInt8(ascii: "*"), _): single(.star)
        case (UInt8(ascii: "/"), _): single(.slash)
        case (UInt8(ascii: "%"), _): single(.percent)
        case (UInt8(ascii: "="), UInt8(ascii: "=")): double(.equal)
        case (UInt8(ascii: "="), _): single(.assign)
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): double(.notEqual)
        case (UInt8(ascii: "!"), _):
            foreignOperator(length: 1, help: "help: use 'not' to negate a condition")
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): double(.lessOrEqual)
        case (UInt8(ascii: "<"), UInt8(ascii: ">")):
            foreignOperator(length: 2, help: "help: use '!=' for 'not equal'")
        case (UInt8(ascii: "<"), _): single(.less)
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): double(.greaterOrEqual)
        case (UInt8(ascii: ">"), _): single(.greater)
        case (UInt8(ascii: "?"), UInt8(ascii: "?")): double(.coalesce)
        case (UInt8(ascii: "?"), _):
            foreignOperator(length: 1, help: "help: '??' gives the right side when the left is null")
        case (UInt8(ascii: "."), UInt8(ascii: ".")): double(.dotDot)
        case (UInt8(ascii: "."), _): single(.dot)
        case (UInt8(ascii: "&"), UInt8(ascii: "&")):
            foreignOperator(length: 2, help: "help: use 'and' to combine conditions")
        default:
            unknownCharacter()
        }
    }

    /// An operator sendql does not have but another language does (`&&`, `||`, `<>`, `!`).
    mutating func foreignOperator(length: Int, help: String) {
        let start = position
        position += length
        let text = self.text(start, position)
        let kind = length == 1 ? "character" : "operator"
        report(
            .unknownCharacter, "unknown \(kind) '\(text)'", Span(start, position),
            label: "not an operator in sendql", notes: [help])
        emit(.invalid, from: start)
    }

    mutating func unknownCharacter() {
        let start = position
        let (character, length) = scalar(at: position)
        position += length
        var notes: [String] = []
        switch character.value {
        case 0x201C, 0x2018:
            // A word-processor string: claim it up to its closing curly quote on the same line,
            // so its contents do not produce more errors.
            let closing: UInt32 = character.value == 0x201C ? 0x201D : 0x2019
            var cursor = position
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\n") {
                let (next, nextLength) = scalar(at: cursor)
                cursor += nextLength
                if next.value == closing {
                    position = cursor
                    break
                }
            }
            notes.append("help: write strings with straight quotes: \"...\" or '...'")
        case 0x201D, 0x2019:
            notes.append("help: write strings with straight quotes: \"...\" or '...'")
        case 0x00A0:
            notes.append("help: this is a non-breaking space; replace it with an ordinary space")
        case 0x2013, 0x2014, 0x2212:
            notes.append("help: this is a dash; use '-' for subtraction")
        default:
            break
        }
        report(
            .unknownCharacter, "unknown character \(describe(character))", Span(start, position),
            label: position - start > length ? "curly quotes" : "not part of the language", notes: notes)
        emit(.invalid, from: start)
    }

    /// A character as a message shows it: printable ones quoted, invisible ones by code point.
    func describe(_ character: Unicode.Scalar) -> String {
        let hex = String(character.value, radix: 16, uppercase: true)
        let codePoint = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if character.properties.isWhitespace || character.value < 0x20 || character.value == 0x7F {
            return "(\(codePoint))"
        }
        return "'\(character)' (\(codePoint))"
    }

    // MARK: Helpers

    mutating func emit(_ kind: TokenKind, from start: Int) {
        tokens.append(Token(kind, text: text(start, position), span: Span(start, position)))
    }

    mutating func report(
        _ code: SyntaxErrorCode, _ message: String, _ span: Span, label: String? = nil,
        notes: [String] = []
    ) {
        diagnostics.append(
            Diagnostic(
                .error, code: code.code, message: message, source: source, span: span, notes: notes,
                label: label))
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    func byte(at offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    /// The Unicode scalar starting at a byte offset and how many bytes it takes. The text came
    /// from a Swift `String`, so its UTF-8 is valid.
    func scalar(at offset: Int) -> (value: Unicode.Scalar, length: Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
        for index in 1..<length where offset + index < bytes.count {
            value = value << 6 | (UInt32(bytes[offset + index]) & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
