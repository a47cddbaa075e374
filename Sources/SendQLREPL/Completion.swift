/// What to offer for the word at the cursor.
public enum Completion: Sendable, Equatable {
    /// These words, already narrowed to those starting with the word typed.
    case words([String])
    /// File and folder names, which readline lists itself; `closingQuote` ends a path inside a string.
    case paths(closingQuote: Character?)
}
