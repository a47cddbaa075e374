import SendQLCore
import Testing
@testable import SendQLREPL

/// A line starting with `|`, as every example in the docs is written, continues the last pipeline.
struct REPLContinuationTests {
    @Test func aLineStartingWithAPipeAddsAStepToTheLastPipeline() {
        let run = REPLRun(["from requests", "| where outcome == \"Y\"", "| aggregate n = count()"])
        #expect(run.output.error == "")
        #expect(run.output.output.hasSuffix("n\n-\n2\n(1 row)\n"))
        #expect(run.repl.lastPipeline == "from requests\n| where outcome == \"Y\"\n| aggregate n = count()")
    }

    @Test func aLetTableCanBeBuiltAStepAtATime() {
        let run = REPLRun([
            "let decided = from requests", "| where outcome is not null", "from decided | aggregate n = count()",
        ])
        #expect(run.output.error == "")
        #expect(run.output.output.hasSuffix("n\n-\n3\n(1 row)\n"))
    }

    @Test func aStepThatFailsLeavesThePipelineAsItWas() {
        let run = REPLRun(["from requests", "| where outcom == \"Y\"", "| aggregate n = count()"])
        #expect(run.output.error.contains("error[E0302]: unknown column `outcom`"))
        #expect(run.output.error.contains(" --> <repl>:2:9"))
        #expect(run.output.output.hasSuffix("n\n-\n4\n(1 row)\n"))
    }

    @Test func withNoPipelineYetItSaysHowToStartOne() {
        let run = REPLRun(["| where outcome == \"Y\""])
        #expect(
            run.output.error
                == "error: a line starting with `|` continues the previous pipeline, and there is none yet; start one with `from TABLE`\n"
        )
    }
}
