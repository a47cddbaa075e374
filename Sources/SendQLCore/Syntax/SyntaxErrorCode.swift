/// The stable codes of lexical (E01xx) and syntax (E02xx) errors; `docs/errors.md` explains each.
public enum SyntaxErrorCode: String, Sendable, CaseIterable {
    // Lexical errors: the text cannot be cut into tokens.
    case unknownCharacter = "E0101"
    case unterminatedString = "E0102"
    case invalidDate = "E0103"
    case invalidNumber = "E0104"
    case unknownEscape = "E0105"
    case unterminatedQuotedName = "E0106"
    case fractionalDuration = "E0107"
    case emptyQuotedName = "E0108"

    // Syntax errors: the tokens do not fit the grammar.
    case unexpectedToken = "E0201"
    case unclosedDelimiter = "E0202"
    case unknownStep = "E0203"
    case pipelineWithoutFrom = "E0204"
    case unknownStatement = "E0205"
    case chainedComparison = "E0206"
    case unknownParameterType = "E0207"
    case assignmentInExpression = "E0208"
    case misplacedCallFilter = "E0209"
    case conflictingSortDirection = "E0210"
    case keywordAsName = "E0211"
    case nestingTooDeep = "E0212"

    /// The code as it appears in a diagnostic: `E0201`.
    public var code: String { rawValue }
}
