import Testing
@testable import SendQLCore

struct DumpTests {
    @Test func tokenDumpShowsPositionKindAndText() {
        let source = testSource("from t # note\n| where s == \"it's\\n\" and d < 6 weeks")
        let dump = TokenDump.render(Lexer.tokenize(source).tokens, source: source)
        #expect(
            dump == """
                1:1 keyword 'from'
                1:6 identifier 't'
                1:14 newline '\\n'
                2:1 pipe '|'
                2:3 keyword 'where'
                2:9 identifier 's'
                2:11 equal '=='
                2:14 string '"it\\'s\\\\n"'
                2:23 keyword 'and'
                2:27 identifier 'd'
                2:29 less '<'
                2:31 duration '6 weeks'
                2:38 end_of_input ''

                """)
    }

    @Test func tokenDumpIncludesInvalidTokens() {
        let source = testSource("a $ b")
        #expect(
            TokenDump.render(Lexer.tokenize(source).tokens, source: source) == """
                1:1 identifier 'a'
                1:3 invalid '$'
                1:5 identifier 'b'
                1:6 end_of_input ''

                """)
    }

    @Test func astDumpQuotesNamesThatNeedIt() {
        let result = parse("from `la data` | select `end`, `two words` = \"tab\\there\", x.`y z`")
        #expect(result.codes.isEmpty)
        #expect(
            result.ast == """
                (query
                  (from `la data`)
                  (select `end` (= `two words` "tab\\there") x.`y z`))

                """)
    }

    @Test func astDumpOfEveryStatementKind() {
        let result = parse(
            """
            param since: date = @2019-04-01
            include "prelude.sendql"
            load "plans.csv" as plans
            let threshold = 20 weeks
            let late(d) = d > threshold
            let decided = from requests | where outcome is not null
            expect count_rows > 0 else "no rows"
            from decided | union (from plans | take 1) | append more
            """)
        #expect(result.codes.isEmpty)
        #expect(
            result.ast == """
                (param since date @2019-04-01)
                (include "prelude.sendql")
                (load "plans.csv" as plans)
                (let threshold (duration 20 weeks))
                (function late (d) (> d threshold))
                (let-table decided
                  (from requests)
                  (where (is-not-null outcome)))
                (expect (> count_rows 0) "no rows")
                (query
                  (from decided)
                  (union
                    (pipeline
                      (from plans)
                      (take 1)))
                  (append more))

                """)
    }
}
