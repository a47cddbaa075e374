import Testing
@testable import SendQLREPL

struct ScriptedLineReaderTests {
    @Test func replaysLinesThenEndsAndRecordsPromptsAndHistory() {
        var reader = ScriptedLineReader(["from plans", "| take 3"])
        #expect(reader.readLine(prompt: "sendql> ") == .line("from plans"))
        reader.addHistory("from plans")
        #expect(reader.readLine(prompt: "   ...> ") == .line("| take 3"))
        #expect(reader.readLine(prompt: "sendql> ") == .end)
        #expect(reader.prompts == ["sendql> ", "   ...> ", "sendql> "])
        #expect(reader.history == ["from plans"])
    }

    @Test func typedAheadLinesArePendingUntilUsedUp() {
        var reader = ScriptedLineReader(["a", "b"], typedAhead: true)
        #expect(reader.hasPendingInput)
        _ = reader.readLine(prompt: "")
        _ = reader.readLine(prompt: "")
        #expect(!reader.hasPendingInput)
        #expect(!ScriptedLineReader(["a"]).hasPendingInput)
    }
}
