import SendQLCore
import Testing
@testable import SendQLREPL

struct HelpCatalogTests {
    @Test func everyStepHasHelp() {
        for step in [StepTable.pipelineStart] + StepTable.steps {
            #expect(
                HelpCatalog.text(for: step.name) == "\(step.syntax)\n    \(step.summary)\n", "no help for \(step.name)")
            #expect(HelpCatalog.text(for: "steps").contains(step.syntax + "\n    " + step.summary))
        }
        #expect(HelpCatalog.text(for: "fill").hasPrefix("fill PERIOD by KIND"))
    }

    @Test func theFunctionTopicsComeFromTheCatalogs() {
        for function in ScalarFunction.allCases {
            #expect(HelpCatalog.text(for: "functions").contains(function.signature))
        }
        for function in AggregateFunction.allCases {
            #expect(HelpCatalog.text(for: "aggregates").contains(function.signature))
        }
        for function in WindowFunction.allCases {
            #expect(HelpCatalog.text(for: "windows").contains(function.signature))
        }
    }

    @Test func theOverviewListsTopicsAndEveryCommand() {
        let overview = HelpCatalog.text(for: nil)
        for topic in HelpCatalog.topicNames { #expect(overview.contains("  " + topic + " ")) }
        for command in DotCommand.catalog { #expect(overview.contains("." + command.name)) }
    }

    @Test func oneNameGivesItsOwnEntry() {
        #expect(HelpCatalog.text(for: "pct") == AggregateFunction.pct.signature + "  (aggregate)\n")
        #expect(HelpCatalog.text(for: "working_days_between") == ScalarFunction.workingDaysBetween.signature + "\n")
        #expect(HelpCatalog.text(for: "join").hasPrefix("join [inner|left] TABLE"))
        #expect(HelpCatalog.text(for: ".timer").hasPrefix(".timer on|off"))
    }

    @Test(arguments: [
        "export", "chart", "report", "heading", "text", "table", "figure", "snapshot", "publish", "expect",
    ])
    func everyOutputStatementHasHelp(name: String) {
        let entry = HelpCatalog.text(for: name)
        #expect(entry.hasPrefix(name + " "), "\(entry)")
        #expect(HelpCatalog.text(for: "outputs").contains("\n" + name + " "))
    }

    @Test func chartHelpNamesTheTargetColumn() {
        #expect(HelpCatalog.text(for: "chart").contains("target = COLUMN for each series' own"))
    }

    @Test func anUnknownTopicSuggestsTheNearestName() {
        #expect(HelpCatalog.text(for: "fuctions").hasPrefix("No help on `fuctions`. Did you mean `functions`?"))
    }
}
