import SendQLCore
import Testing
@testable import SendQLREPL

struct EntryReaderTests {
    /// Every entry the reader makes from `inputs`, up to the end.
    static func entries(_ inputs: [LineInput], typedAhead: Bool = false) -> (entries: [Entry], prompts: [String]) {
        var reader = EntryReader(reader: ScriptedLineReader(inputs, typedAhead: typedAhead))
        let checker = TestSession.make().checker
        var result: [Entry] = []
        while true {
            let entry = reader.next { Completer(checker: checker, earlierLines: $0) }
            result.append(entry)
            if entry == .end { return (result, reader.reader.prompts) }
        }
    }

    static func entries(_ lines: [String], typedAhead: Bool = false) -> [Entry] {
        entries(lines.map(LineInput.line), typedAhead: typedAhead).entries
    }

    @Test func aCompleteLineIsAnEntryAtOnce() {
        #expect(Self.entries(["from requests"]) == [.script("from requests"), .end])
    }

    @Test func anIncompleteLineReadsOnWithTheContinuationPrompt() {
        let (entries, prompts) = Self.entries([.line("from requests |"), .line("take 2")])
        #expect(entries == [.script("from requests |\ntake 2"), .end])
        #expect(prompts == ["sendql> ", "   ...> ", "sendql> "])
    }

    @Test(arguments: [
        ["from requests | derive x = (1 +", "2)"],
        ["from requests | where outcome == \"a", "b\""],
        ["let x =", "1"],
    ])
    func openBracketsStringsAndAssignmentsContinue(lines: [String]) {
        #expect(Self.entries(lines) == [.script(lines.joined(separator: "\n")), .end])
    }

    @Test func typedByHandACompleteStatementRunsOnEnter() {
        #expect(Self.entries(["from requests", "| take 2"]) == [.script("from requests"), .script("| take 2"), .end])
    }

    @Test func pastedLinesStartingWithAPipeContinueTheStatementBefore() {
        let lines = [
            "from requests", "| where outcome == \"Y\"", "", "# a comment", "| take 2", "from plans", "| take 1",
        ]
        #expect(
            Self.entries(lines, typedAhead: true) == [
                .script("from requests\n| where outcome == \"Y\"\n\n# a comment\n| take 2"),
                .script("from plans\n| take 1"), .end,
            ])
    }

    @Test func aBracketedPasteArrivesAsOneLineAndIsSplitTheSameWay() {
        let paste = "from requests\n| take 2\n.tables\nfrom plans\n"
        #expect(
            Self.entries([.line(paste)]).entries == [
                .script("from requests\n| take 2"), .command(".tables"), .script("from plans"), .end,
            ])
    }

    @Test func dotCommandsAndBlankLines() {
        #expect(
            Self.entries(["", "   ", "  .mode csv", "from plans"]) == [
                .command(".mode csv"), .script("from plans"), .end,
            ])
    }

    @Test func ctrlCDropsTheStatementBeingTyped() {
        #expect(
            Self.entries([.line("from requests |"), .interrupt, .line("from plans")]).entries == [
                .interrupted, .script("from plans"), .end,
            ])
    }

    @Test func theEndOfInputInsideAStatementStillRunsItSoItsErrorIsShown() {
        #expect(Self.entries(["from requests |"]) == [.script("from requests |"), .end])
    }

    @Test func theCompleterKnowsTheLinesAlreadyEntered() {
        var reader = EntryReader(reader: ScriptedLineReader(["from requests |", "take 1"]))
        let checker = TestSession.make().checker
        _ = reader.next { Completer(checker: checker, earlierLines: $0) }
        #expect(reader.reader.completer?.earlierLines == ["from requests |"])
    }
}
