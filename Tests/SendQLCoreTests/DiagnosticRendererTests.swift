import Testing
@testable import SendQLCore

struct DiagnosticRendererTests {
    @Test func underlinesTheCulpritWithItsLabel() {
        let found = diagnostics("from t\n| where days < )\n")
        #expect(
            DiagnosticRenderer().render(found) == """
                error[E0201]: expected an expression, found ')'
                 --> test.sendql:2:16
                  |
                2 | | where days < )
                  |                ^ expected an expression

                """)
    }

    @Test func underlinesTheWholeSpanAndPrintsNotes() {
        let found = diagnostics("from t | filter x")
        #expect(
            DiagnosticRenderer().render(found) == """
                error[E0203]: unknown step 'filter'
                 --> test.sendql:1:10
                  |
                1 | from t | filter x
                  |          ^^^^^^ not a step
                  = help: did you mean 'where'?

                """)
    }

    @Test func separatesDiagnosticsWithABlankLineAndWidensTheGutter() {
        let text = String(repeating: "\n", count: 9) + "from t | whre x\nlet y = @2019-02-30"
        #expect(
            DiagnosticRenderer().render(diagnostics(text)) == """
                error[E0203]: unknown step 'whre'
                  --> test.sendql:10:10
                   |
                10 | from t | whre x
                   |          ^^^^ not a step
                   = help: did you mean 'where'?

                error[E0103]: invalid date literal '@2019-02-30': February 2019 has 28 days
                  --> test.sendql:11:9
                   |
                11 | let y = @2019-02-30
                   |         ^^^^^^^^^^^ no such date

                """)
    }

    @Test func pointsJustAfterTheLastTokenAtTheEnd() {
        #expect(
            DiagnosticRenderer().render(diagnostics("from t |")) == """
                error[E0201]: expected a step after '|', found end of input
                 --> test.sendql:1:9
                  |
                1 | from t |
                  |         ^ expected a step after '|'

                """)
    }

    @Test func expandsTabsSoTheUnderlineLinesUp() {
        let source = Source(name: "t.sendql", text: "a\tbc")
        let diagnostic = Diagnostic(code: "E0000", message: "m", source: source, span: Span(2, 4))
        #expect(
            DiagnosticRenderer().render(diagnostic) == """
                error[E0000]: m
                 --> t.sendql:1:3
                  |
                1 | a    bc
                  |      ^^

                """)
    }

    @Test func cutsAMultiLineSpanAtTheEndOfItsFirstLine() {
        let source = Source(name: "t.sendql", text: "abc\ndef\n")
        let diagnostic = Diagnostic(code: "E0000", message: "m", source: source, span: Span(1, 6), label: "here")
        #expect(
            DiagnosticRenderer().render(diagnostic) == """
                error[E0000]: m
                 --> t.sendql:1:2
                  |
                1 | abc
                  |  ^^ here

                """)
    }

    @Test func rendersDiagnosticsWithoutASourceOrSpan() {
        let bare = Diagnostic(
            code: "E0701", message: "no data directory", notes: ["help: pass --data DIR", "checked ./data"])
        #expect(
            DiagnosticRenderer().render(bare) == """
                error[E0701]: no data directory
                  = help: pass --data DIR
                  = note: checked ./data

                """)
        let fileOnly = Diagnostic(
            .warning, code: "W0701", message: "empty file", source: Source(name: "plans.csv", text: ""))
        #expect(DiagnosticRenderer().render(fileOnly) == "warning[W0701]: empty file\n --> plans.csv\n")
    }

    @Test func colourOnlyWhenAsked() {
        let found = diagnostics("from t | filter x")
        let plain = DiagnosticRenderer(colour: false).render(found)
        let coloured = DiagnosticRenderer(colour: true).render(found)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.hasPrefix("\u{1B}[1;31merror[E0203]\u{1B}[0m\u{1B}[1m: unknown step 'filter'\u{1B}[0m\n"))
        #expect(coloured.contains("\u{1B}[1;31m^^^^^^ not a step\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1mhelp:\u{1B}[0m did you mean 'where'?"))
        // Without the escape codes the text is the same.
        #expect(coloured.replacingEscapes() == plain)
    }

    @Test func jsonObjectHasEveryField() {
        let found = diagnostics("from t | where a = 1")
        #expect(
            DiagnosticJSON.object(found[0]) == """
                {"severity":"error","code":"E0208","message":"'=' names a value; to compare values use '=='",\
                "file":"test.sendql","line":1,"column":18,"end_line":1,"end_column":19,\
                "label":"use '==' to compare","notes":["help: replace '=' with '=='"],\
                "fixits":[{"line":1,"column":18,"end_line":1,"end_column":19,"replacement":"=="}]}
                """)
    }

    @Test func jsonWithoutSourceUsesNulls() {
        let bare = Diagnostic(code: "E0701", message: "say \"hi\"\\\n\t\u{01}é", notes: ["help: x"])
        #expect(
            DiagnosticJSON.object(bare) == """
                {"severity":"error","code":"E0701","message":"say \\"hi\\"\\\\\\n\\t\\u0001é","file":null,\
                "line":null,"column":null,"end_line":null,"end_column":null,"label":null,"notes":["help: x"],"fixits":[]}
                """)
    }

    @Test func jsonArrayAndLines() {
        let found = diagnostics("from t | whre x\nlet y = )")
        let objects = found.map(DiagnosticJSON.object)
        #expect(objects.count == 2)
        #expect(DiagnosticJSON.array(found) == "[\n  \(objects[0]),\n  \(objects[1])\n]\n")
        #expect(DiagnosticJSON.lines(found) == "\(objects[0])\n\(objects[1])\n")
        #expect(DiagnosticJSON.array([]) == "[]\n")
    }
}

extension String {
    /// The text without ANSI colour escapes.
    func replacingEscapes() -> String {
        var result = ""
        var inEscape = false
        for character in self {
            if character == "\u{1B}" {
                inEscape = true
            } else if inEscape {
                if character == "m" { inEscape = false }
            } else {
                result.append(character)
            }
        }
        return result
    }
}
