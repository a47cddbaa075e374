import Testing
@testable import SendQLCore

/// Diagnostics on very long lines (a generated script, a CSV header with thousands of columns): the
/// line and column of an offset come in constant time, and the renderer shows a window of the line
/// around the span, so many messages on one line cost no more than many on short lines.
struct LongLineTests {
    @Test func columnsCountCharactersAcrossEveryBlock() {
        // Multi-byte characters straddle the 256-byte blocks the column count is kept in.
        let line = (0..<200).map { $0 % 7 == 0 ? "é😀" : $0 % 5 == 0 ? "\t" : "ab" }.joined()
        let text = line + "\n" + line + "\r\n" + String(line.reversed())
        let source = Source(name: "t", text: text)
        let bytes = Array(text.utf8)
        for offset in 0...bytes.count where offset == bytes.count || bytes[offset] & 0xC0 != 0x80 {
            let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let expectedLine = bytes[..<offset].filter { $0 == UInt8(ascii: "\n") }.count + 1
            let expectedColumn = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
            let (line, column) = source.location(of: offset)
            #expect(line == expectedLine && column == expectedColumn, "offset \(offset)")
        }
    }

    @Test func aLongLineIsShownAroundTheSpan() {
        let source = Source(name: "t.sendql", text: String(repeating: "x", count: 1000) + "\n")
        let diagnostic = Diagnostic(
            .error, code: "E0201", message: "bad", source: source, span: Span(500, 503), label: "here")
        #expect(
            DiagnosticRenderer().render(diagnostic) == """
                error[E0201]: bad
                 --> t.sendql:1:501
                  |
                1 | …\(String(repeating: "x", count: 123))…
                  | \(String(repeating: " ", count: 61))^^^ here

                """)
    }

    @Test func aSpanNearTheStartOfALongLineIsNotCutInFront() {
        let text = "from t | select v = " + String(repeating: "y", count: 300)
        let diagnostic = Diagnostic(
            .error, code: "E0201", message: "bad", source: Source(name: "t", text: text), span: Span(9, 15))
        let lines = DiagnosticRenderer().render(diagnostic).split(separator: "\n")
        #expect(lines[3] == "1 | from t | select v = " + String(repeating: "y", count: 55) + "…")
        #expect(lines[4] == "  |          ^^^^^^")
    }

    @Test func aLongSpanIsUnderlinedOnlyInPart() {
        let source = Source(name: "t", text: String(repeating: "z", count: 5000))
        let diagnostic = Diagnostic(.error, code: "E0201", message: "bad", source: source, span: Span(1000, 4000))
        let lines = DiagnosticRenderer().render(diagnostic).split(separator: "\n")
        #expect(lines[3] == "1 | …" + String(repeating: "z", count: 200) + "…")
        #expect(lines[4] == "  | " + String(repeating: " ", count: 61) + String(repeating: "^", count: 80))
    }

    @Test func manyDiagnosticsOnOneLongLineRenderQuickly() {
        // 20,000 messages on a 200,000-character line: rendering each whole line would take minutes.
        let source = Source(name: "t", text: String(repeating: "é!", count: 100_000))
        let diagnostics = (0..<20_000).map { index in
            Diagnostic(
                .error, code: "E0101", message: "unknown", source: source, span: Span(index * 20, index * 20 + 2))
        }
        let clock = ContinuousClock()
        var rendered = ""
        let elapsed = clock.measure { rendered = DiagnosticRenderer().render(diagnostics) }
        #expect(rendered.contains(" --> t:1:20001\n"))
        #expect(elapsed < .seconds(60))
    }
}
