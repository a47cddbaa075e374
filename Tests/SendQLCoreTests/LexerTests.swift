import Testing
@testable import SendQLCore

struct LexerTests {
    @Test(arguments: [
        ("requests", TokenKind.identifier("requests")),
        ("_private2", .identifier("_private2")),
        ("élève", .identifier("élève")),
        ("`odd name`", .identifier("odd name")),
        ("`end`", .identifier("end")),
        ("from", .keyword(.from)),
        ("working_days", .identifier("working_days")),
        ("42", .integer(42)),
        ("1_000_000", .integer(1_000_000)),
        ("3.25", .decimal(3.25)),
        ("1.5e3", .decimal(1500)),
        ("2E-2", .decimal(0.02)),
        ("\"plain\"", .string("plain")),
        ("'single'", .string("single")),
        (#""say \"hi\"""#, .string("say \"hi\"")),
        (#"'it\'s'"#, .string("it's")),
        (#""back\\slash""#, .string("back\\slash")),
        (#""line\nbreak\ttab""#, .string("line\nbreak\ttab")),
        ("\"two\nlines\"", .string("two\nlines")),
        ("@2019-03-31", .date(17986)),
        ("@2020-02-29", .date(18321)),
        ("6 weeks", .duration(amount: 6, unit: .weeks)),
        ("1 day", .duration(amount: 1, unit: .days)),
        ("12 months", .duration(amount: 12, unit: .months)),
        ("2 years", .duration(amount: 2, unit: .years)),
        ("20\tworking_days", .duration(amount: 20, unit: .workingDays)),
        ("1 working_day", .duration(amount: 1, unit: .workingDays)),
    ])
    func lexesOneToken(text: String, kind: TokenKind) {
        let result = lex(text)
        #expect(result.kinds == [kind])
        #expect(result.codes.isEmpty)
    }

    @Test(arguments: [
        ("|", TokenKind.pipe), (",", .comma), ("(", .leftParen), (")", .rightParen), ("=", .assign),
        ("==", .equal), ("!=", .notEqual), ("<", .less), ("<=", .lessOrEqual), (">", .greater),
        (">=", .greaterOrEqual), ("+", .plus), ("-", .minus), ("*", .star), ("/", .slash), ("%", .percent),
        ("??", .coalesce), (".", .dot), ("..", .dotDot), (":", .colon), (";", .semicolon), ("\n", .newline),
    ])
    func lexesOperators(text: String, kind: TokenKind) {
        #expect(lex(text).kinds == [kind])
    }

    @Test func everyKeywordIsReserved() {
        for keyword in Keyword.allCases {
            #expect(lex(keyword.rawValue).kinds == [.keyword(keyword)], "\(keyword)")
        }
    }

    /// Units make a duration only directly after a number; anywhere else they are column names.
    @Test(arguments: [
        ("days", [TokenKind.identifier("days")]),
        ("days < 6 days", [.identifier("days"), .less, .duration(amount: 6, unit: .days)]),
        ("x days", [.identifier("x"), .identifier("days")]),
        ("6\ndays", [.integer(6), .newline, .identifier("days")]),
        ("6 days_open", [.integer(6), .identifier("days_open")]),
        ("derive days = 30", [.keyword(.derive), .identifier("days"), .assign, .integer(30)]),
        ("-6 weeks", [.minus, .duration(amount: 6, unit: .weeks)]),
        ("sort weeks", [.keyword(.sort), .identifier("weeks")]),
    ])
    func durationsAreContextual(text: String, kinds: [TokenKind]) {
        #expect(lex(text).kinds == kinds)
    }

    @Test func rangeIsNotADecimal() {
        #expect(lex("5..10").kinds == [.integer(5), .dotDot, .integer(10)])
        #expect(lex("p.plan_id").kinds == [.identifier("p"), .dot, .identifier("plan_id")])
    }

    @Test func commentsRunToEndOfLineAndKeepTheLineBreak() {
        #expect(
            lex("from x # | where y\n| take 1").kinds == [
                .keyword(.from), .identifier("x"), .newline, .pipe, .keyword(.take), .integer(1),
            ])
        #expect(lex("# only a comment").kinds.isEmpty)
    }

    @Test func tokensCarryTextAndSpans() {
        let tokens = Lexer.tokenize(testSource("where d >= @2019-03-31")).tokens
        #expect(tokens.map(\.text) == ["where", "d", ">=", "@2019-03-31", ""])
        #expect(tokens.map(\.span) == [Span(0, 5), Span(6, 7), Span(8, 10), Span(11, 22), Span(22, 22)])
        #expect(tokens.last?.kind == .endOfInput)
    }

    @Test(arguments: [
        ("@2019-02-30", "invalid date literal '@2019-02-30': February 2019 has 28 days"),
        ("@2019-02-29", "invalid date literal '@2019-02-29': February 2019 has 28 days"),
        ("@2019-13-01", "invalid date literal '@2019-13-01': there is no month 13"),
        ("@2019-04-31", "invalid date literal '@2019-04-31': April 2019 has 30 days"),
        ("@2019-04-00", "invalid date literal '@2019-04-00': days start at 01"),
        ("@2019-3-1", "invalid date literal '@2019-3-1'"),
        ("@today", "invalid date literal '@today'"),
        ("@", "expected a date after '@'"),
    ])
    func rejectsImpossibleDates(text: String, message: String) throws {
        let output = Lexer.tokenize(testSource(text))
        let diagnostic = try #require(output.diagnostics.first)
        #expect(output.diagnostics.count == 1)
        #expect(diagnostic.code == "E0103")
        #expect(diagnostic.message == message)
        #expect(diagnostic.span == Span(0, text.utf8.count))
        #expect(output.tokens.first?.kind == .invalid)
    }

    @Test(arguments: [
        ("$", "E0101", Span(0, 1)),
        ("a && b", "E0101", Span(2, 4)),
        ("a || b", "E0101", Span(2, 4)),
        ("a <> b", "E0101", Span(2, 4)),
        ("!a", "E0101", Span(0, 1)),
        ("a ? b", "E0101", Span(2, 3)),
        ("“quoted”", "E0101", Span(0, 12)),
        ("x = \"open", "E0102", Span(4, 5)),
        ("'open", "E0102", Span(0, 1)),
        ("3rd", "E0104", Span(0, 3)),
        ("6weeks", "E0104", Span(0, 6)),
        ("1e", "E0104", Span(0, 2)),
        ("99999999999999999999", "E0104", Span(0, 20)),
        (#""a\qb""#, "E0105", Span(2, 4)),
        ("`open", "E0106", Span(0, 1)),
        ("1.5 weeks", "E0107", Span(0, 9)),
        ("``", "E0108", Span(0, 2)),
    ])
    func reportsLexicalErrorsWithSpans(text: String, code: String, span: Span) throws {
        let output = Lexer.tokenize(testSource(text))
        let diagnostic = try #require(output.diagnostics.first)
        #expect(output.diagnostics.count == 1)
        #expect(diagnostic.code == code)
        #expect(diagnostic.span == span)
        #expect(diagnostic.source?.name == "test.sendql")
    }

    @Test func unknownEscapeKeepsTheString() {
        let result = lex(#""a\qb""#)
        #expect(result.kinds == [.string("aqb")])
        #expect(result.codes == ["E0105"])
    }

    @Test func unterminatedStringPointsAtItsQuoteAndLexingGoesOn() {
        let output = Lexer.tokenize(testSource("let s = \"abc\nfrom x $"))
        #expect(output.diagnostics.map(\.code) == ["E0102", "E0101"])
        #expect(output.diagnostics.first?.span == Span(8, 9))
        #expect(output.unterminatedStringStart == 8)
        #expect(
            output.tokens.dropLast().map(\.kind) == [
                .keyword(.let), .identifier("s"), .assign, .invalid, .newline, .keyword(.from), .identifier("x"),
                .invalid,
            ])
    }

    @Test func collectsEveryErrorInOneRun() {
        let result = lex("@2019-02-30 $ 3rd `open\n1.5 days")
        #expect(result.codes == ["E0103", "E0101", "E0104", "E0106", "E0107"])
    }

    @Test func reportsInvisibleCharactersByCodePoint() throws {
        let diagnostic = try #require(Lexer.tokenize(testSource("a\u{00A0}b")).diagnostics.first)
        #expect(diagnostic.message == "unknown character (U+00A0)")
        #expect(diagnostic.notes == ["help: this is a non-breaking space; replace it with an ordinary space"])
    }
}
