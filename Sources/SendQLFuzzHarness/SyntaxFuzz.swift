import SendQLCore

/// One fuzz input through the lexer, the parser and the renderers of what they produce.
enum SyntaxFuzz {
    static func run(_ bytes: [UInt8]) -> [String] {
        // Scripts reach the lexer as Swift strings, so invalid UTF-8 is repaired on the way in.
        let source = Source(name: "fuzz.sendql", text: String(decoding: bytes, as: UTF8.self))
        let length = source.text.utf8.count
        var broken: [String] = []

        let lexed = Lexer.tokenize(source)
        if lexed.tokens.last?.kind != .endOfInput { broken.append("the tokens do not end with end of input") }
        var previousEnd = 0
        for token in lexed.tokens {
            if token.span.start < previousEnd || token.span.end > length {
                broken.append(
                    "token \(token.kind.dumpName) at \(token.span) overlaps the one before or runs past the text")
                break
            }
            previousEnd = token.span.end
        }
        _ = TokenDump.render(lexed.tokens, source: source)

        let (script, diagnostics) = Parser.parse(source)
        broken += Invariants.spansInside(diagnostics)
        if lexed.diagnostics.contains(where: { $0.severity == .error }) && diagnostics.isEmpty {
            broken.append("the lexer found an error the parser did not report")
        }
        _ = Parser.isIncomplete(source)
        _ = ASTPrinter.render(script)
        _ = DiagnosticRenderer().render(diagnostics)
        _ = DiagnosticRenderer(colour: true).render(diagnostics)
        _ = Parser.parseExpression(source)
        return broken
    }
}
