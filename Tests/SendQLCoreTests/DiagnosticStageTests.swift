import Testing
import SendQLCore

/// Every code knows its stage from its number; the stage picks the exit status.
struct DiagnosticStageTests {
    @Test func everyCodeOfTheCoreHasItsStage() {
        for code in SyntaxErrorCode.allCases {
            #expect(DiagnosticStage(code: code.rawValue) == (code.rawValue.hasPrefix("E01") ? .lexical : .syntax))
        }
        for code in CheckErrorCode.allCases { #expect(DiagnosticStage(code: code.rawValue) == .check) }
        for code in RuntimeErrorCode.allCases { #expect(DiagnosticStage(code: code.rawValue) == .runtime) }
    }

    @Test func dataOutputAndCompileCodesAndNonCodes() {
        #expect(DiagnosticStage(code: "E0700") == .data)
        #expect(DiagnosticStage(code: "E0724") == .data)
        #expect(DiagnosticStage(code: "E0735") == .output)
        #expect(DiagnosticStage(code: "E0801") == .compile)
        for code in DatabaseErrorCode.allCases { #expect(DiagnosticStage(code: code.rawValue) == .database) }
        for text in ["", "E07", "X0301", "E1000", "E03010", "E-301"] {
            #expect(DiagnosticStage(code: text) == nil, "\(text)")
        }
    }
}
