import Testing
import SendQLCore

struct SuggestionsTests {
    @Test(arguments: [
        ("", "", 0), ("abc", "", 3), ("", "abc", 3), ("kitten", "sitting", 3), ("filter", "fitler", 1),
        ("outcome", "outcome", 0), ("Outcome", "outcome", 0), ("ca", "abc", 3), ("abcd", "acbd", 1),
    ])
    func editDistance(first: String, second: String, distance: Int) {
        #expect(Suggestions.editDistance(first, second) == distance)
        #expect(Suggestions.editDistance(second, first) == distance)
    }

    @Test(arguments: [
        ("outcme", ["outcome", "outcome_date", "person_id"], "outcome"),
        ("OUTCOME", ["outcome_date", "outcome"], "outcome"),
        ("recieved_date", ["received_date", "request_date"], "received_date"),
        ("plna", ["plans", "plan"], "plan"),
        ("la", ["la", "las"], "la"),
    ])
    func findsTheClosestName(name: String, candidates: [String], expected: String) {
        #expect(Suggestions.closest(to: name, among: candidates) == expected)
    }

    @Test(arguments: [
        ("x", ["abc", "def"]),
        ("timeliness", ["person_id", "outcome"]),
        ("ab", ["xy"]),
        ("anything", []),
    ])
    func findsNothingWhenNothingIsClose(name: String, candidates: [String]) {
        #expect(Suggestions.closest(to: name, among: candidates) == nil)
    }

    @Test func thresholdGrowsWithTheNameAndCanBeSet() {
        // Two edits: too many for a five-letter name, fine for a seven-letter one.
        #expect(Suggestions.closest(to: "plnas", among: ["planss"]) == nil)
        #expect(Suggestions.closest(to: "recievd", among: ["received"]) == "received")
        #expect(Suggestions.closest(to: "ab", among: ["abcd"]) == nil)
        #expect(Suggestions.closest(to: "ab", among: ["abcd"], maxDistance: 2) == "abcd")
        #expect(Suggestions.closest(to: "abcdef", among: ["uvwxyz"], maxDistance: 0) == nil)
    }

    @Test func tiesGoToTheFirstCandidate() {
        #expect(Suggestions.closest(to: "cat", among: ["bat", "hat"]) == "bat")
        #expect(Suggestions.closest(to: "cat", among: ["hat", "bat"]) == "hat")
    }
}
