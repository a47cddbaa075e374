import Testing
@testable import SendQLCore

/// The REPL keeps reading lines while the parser says the input cannot be complete yet.
struct IncompleteInputTests {
    @Test(arguments: [
        "from requests |",
        "from requests |\n",
        "from requests\n| where (days > 5",
        "from requests | where days >",
        "from requests | where days between 1",
        "from requests | select a,",
        "from requests | group k (",
        "from requests | group k (aggregate n = count()",
        "let x =",
        "let f(a,",
        "let s = \"unfinished",
        "let s = \"first line\nsecond line",
        "from t | derive x = case when a then 1",
        "from t | derive x = if a then 1",
        "from t | where x in (1, 2",
        "from t | take 5..",
        "expect x >",
    ])
    func incomplete(text: String) {
        #expect(Parser.isIncomplete(testSource(text)))
    }

    @Test(arguments: [
        "",
        "# a comment",
        "from requests",
        "from requests | where days > 5",
        "let x = 1",
        "from requests | whre x",
        "from requests | where days < )",
        "from requests | where (days > 5\nlet x = @2019-02-30 +",
        "from t | where a < b < c",
        "from t )",
        "let s = 'closed'",
        "from t | where x == @2019-02-30",
    ])
    func complete(text: String) {
        #expect(!Parser.isIncomplete(testSource(text)))
    }
}
