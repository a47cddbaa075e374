import SendQLCore
import Testing
@testable import SendQLREPL

struct CompleterTests {
    static func words(_ line: String, earlier: [String] = [], word: String = "") -> [String] {
        let completer = Completer(checker: TestSession.make().checker, earlierLines: earlier)
        guard case .words(let words) = completer.complete(word: word, lineBeforeWord: line) else { return ["<paths>"] }
        return words
    }

    @Test func statementKeywordsAtTheStart() {
        #expect(Self.words("", word: "") == ["expect", "from", "include", "let", "load", "param"])
        #expect(Self.words("", word: "fr") == ["from"])
    }

    @Test func stepNamesAfterAPipe() {
        #expect(Self.words("from requests | ", word: "") == StepTable.names.sorted())
        #expect(Self.words("from requests | ", word: "fi") == ["fill"])
        #expect(Self.words("from requests | ", word: "de") == ["derive"])
        #expect(Self.words("| ", earlier: ["from requests"], word: "ta") == ["take"])
    }

    @Test func tableNamesAfterFromAndJoin() {
        #expect(Self.words("from ", word: "") == ["plans", "requests"])
        #expect(Self.words("from requests | join left ", word: "pl") == ["plans"])
        #expect(Self.words("from requests | append ", word: "") == ["plans", "requests"])
    }

    @Test func theColumnsAtThisPointOfThePipeline() {
        #expect(Self.words("from requests | where ", word: "out") == ["outcome"])
        // A derived column is there in the steps after it, and a select leaves only its own.
        #expect(
            Self.words("from requests | derive late = weeks_taken > 6 | where ", word: "la") == [
                "lag(", "last(", "late",
            ])
        #expect(Self.words("from requests | select request_id | where ", word: "").contains("request_id"))
        #expect(!Self.words("from requests | select request_id | where ", word: "").contains("outcome"))
    }

    @Test func columnsAcrossLinesOfOneStatement() {
        #expect(Self.words("| where ", earlier: ["from requests", "| derive x = 1"], word: "").contains("x"))
        #expect(Self.words("| where ", earlier: ["from requests", "| derive x = 1"], word: "").contains("outcome"))
    }

    @Test func aJoinOffersTheOtherTablesColumnsAndAQualifierItsOwn() {
        #expect(Self.words("from requests | join plans on ", word: "pla") == ["plan_id"])
        #expect(Self.words("from requests | join plans as p on p.", word: "") == ["plan_id", "request_id"])
    }

    @Test func functionsWithTheirParenthesisAndExpressionKeywords() {
        let words = Self.words("from requests | aggregate n = ", word: "co")
        #expect(words.contains("count("))
        #expect(words.contains("count_distinct("))
        #expect(words.contains("concat("))
        #expect(Self.words("from requests | where outcome ", word: "is") == ["is", "is_working_day("])
    }

    @Test func stepsInsideAGroupBody() {
        #expect(Self.words("from requests | group outcome (", word: "agg") == ["aggregate"])
        #expect(Self.words("from requests | group year(", word: "rec") == ["received_date"])
    }

    @Test func letNamesAndValuesAreKnownAfterTheyRun() {
        var session = TestSession.make()
        _ = session.run(
            Source(
                name: "<repl>", text: "let recent = from requests | where received_date > @2024-02-01\nlet target = 80")
        )
        let completer = Completer(checker: session.checker)
        #expect(completer.complete(word: "re", lineBeforeWord: "from ") == .words(["recent", "requests"]))
        #expect(
            completer.complete(word: "tar", lineBeforeWord: "from recent | where weeks_taken > ") == .words(["target"]))
    }

    @Test func namesThatAreNotPlainNamesAreBackquoted() {
        #expect(Completer.quotedIfNeeded("Plan issued?") == "`Plan issued?`")
        #expect(Completer.quotedIfNeeded("end") == "`end`")
        #expect(Completer.quotedIfNeeded("plan_id") == "plan_id")
    }

    @Test func dotCommandsAndTheirArguments() {
        #expect(Self.words(".", word: "ti") == ["timer"])
        #expect(Self.words(".", word: "") == DotCommand.catalog.map(\.name).sorted())
        #expect(Self.words(".mode ", word: "") == ["csv", "json", "markdown", "table"])
        #expect(Self.words(".timer ", word: "o") == ["off", "on"])
        #expect(Self.words(".schema ", word: "pl") == ["plans"])
        #expect(Self.words(".help ", word: "fu") == ["functions"])
    }

    @Test func filePathsInLoadAndIncludeStringsAndAfterReadAndLoad() {
        let completer = Completer(checker: TestSession.make().checker)
        #expect(completer.complete(word: "data/", lineBeforeWord: "load \"") == .paths(closingQuote: "\""))
        #expect(completer.complete(word: "", lineBeforeWord: "include '") == .paths(closingQuote: "'"))
        #expect(completer.complete(word: "scr", lineBeforeWord: ".read ") == .paths(closingQuote: nil))
        #expect(completer.complete(word: "", lineBeforeWord: ".load ") == .paths(closingQuote: nil))
        // Inside any other string there is nothing to complete.
        #expect(completer.complete(word: "Y", lineBeforeWord: "from requests | where outcome == \"") == .words([]))
        #expect(completer.pathContext(lineBeforeCursor: "from requests | where x") == nil)
    }

    @Test func noNamesWhereANewNameComesNext() {
        #expect(Self.words("let ", word: "") == [])
        #expect(Self.words("from requests | join plans as ", word: "") == [])
        #expect(Self.words("param since: ", word: "d") == ["date", "double", "duration"])
    }
}
