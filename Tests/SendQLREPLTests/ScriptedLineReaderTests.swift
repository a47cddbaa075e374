import Testing
@testable import SendQLREPL

struct ScriptedLineReaderTests {
    @Test func replaysLinesThenEndsAndRecordsPromptsAndHistory() {
        var reader = ScriptedLineReader(["from plans", "| take 3"])
        #expect(reader.readLine(prompt: "sendql> ") == "from plans")
        reader.addHistory("from plans")
        #expect(reader.readLine(prompt: "   ...> ") == "| take 3")
        #expect(reader.readLine(prompt: "sendql> ") == nil)
        #expect(reader.prompts == ["sendql> ", "   ...> ", "sendql> "])
        #expect(reader.history == ["from plans"])
    }
}
