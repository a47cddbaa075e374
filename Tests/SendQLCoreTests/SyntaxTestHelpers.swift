@testable import SendQLCore

/// A source called `test.sendql`, as the tests' diagnostics name it.
func testSource(_ text: String) -> Source { Source(name: "test.sendql", text: text) }

/// The kinds of a text's tokens, without the final end of input, and the codes of lexical errors.
func lex(_ text: String) -> (kinds: [TokenKind], codes: [String]) {
    let output = Lexer.tokenize(testSource(text))
    return (output.tokens.dropLast().map(\.kind), output.diagnostics.map(\.code))
}

/// A script's AST dump and the codes of all its diagnostics, in source order.
func parse(_ text: String) -> (ast: String, codes: [String]) {
    let (script, diagnostics) = Parser.parse(testSource(text))
    return (ASTPrinter.render(script), diagnostics.map(\.code))
}

/// The diagnostics of a script.
func diagnostics(_ text: String) -> [Diagnostic] {
    Parser.parse(testSource(text)).diagnostics
}

/// One expression's dump, or the error codes when it does not parse.
func expression(_ text: String) -> String {
    let (expression, diagnostics) = Parser.parseExpression(testSource(text))
    guard let expression, diagnostics.isEmpty else { return "error " + diagnostics.map(\.code).joined(separator: " ") }
    return ASTPrinter.render(expression)
}
