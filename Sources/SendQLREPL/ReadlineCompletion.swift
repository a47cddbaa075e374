import CReadline
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C callbacks readline calls for Tab, and the state they share.
///
/// Readline takes plain C function pointers, which cannot capture anything, so the completer lives in
/// static storage. Readline runs on the one thread that reads lines, and these are only touched from
/// inside `readline` callbacks or between reads, hence `nonisolated(unsafe)`.
enum ReadlineCompletion {
    /// The completer for the line being edited; `ReadlineLineReader.setCompleter` replaces it.
    nonisolated(unsafe) static var completer: Completer?
    /// The words being handed to readline one at a time by `generate`.
    nonisolated(unsafe) static var candidates: [String] = []
    nonisolated(unsafe) static var nextCandidate = 0

    /// Word breaks for language words: anything that cannot be part of a name.
    nonisolated(unsafe) static let nameBreaks: UnsafeMutablePointer<CChar> = strdup(
        " \t\n\"'`@$><=;|&{}()[],+-*/%!?:.#")!
    /// Word breaks inside a file name: only spaces and quotes, so `data/2019-03.csv` is one word.
    nonisolated(unsafe) static let pathBreaks: UnsafeMutablePointer<CChar> = strdup(" \t\n\"'")!

    /// Connects the callbacks to readline.
    static func install() {
        // C function pointers cannot capture; each forwards to a static function.
        sendql_rl_set_completion(
            { text, start, end in ReadlineCompletion.attempt(text, start, end) }, { ReadlineCompletion.wordBreaks() },
            nameBreaks)
    }

    /// `rl_attempted_completion_function`: the matches for the word from `start` to `end`.
    static func attempt(
        _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
    ) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        // Never fall back to readline's file-name completion where the language expects a name.
        sendql_rl_completion_over()
        guard let completer, let text else { return nil }
        switch completer.complete(word: String(cString: text), lineBeforeWord: lineBuffer(upTo: Int(start))) {
        case .words(let words):
            candidates = words
            nextCandidate = 0
            // `count(` wants its argument next, not a space.
            if words.count == 1, words[0].hasSuffix("(") { sendql_rl_suppress_append() }
            return rl_completion_matches(text) { ReadlineCompletion.generate($0, $1) }
        case .paths(let quote):
            if let ascii = quote?.asciiValue { sendql_rl_set_append_character(Int32(ascii)) }
            return rl_completion_matches(text, rl_filename_completion_function)
        }
    }

    /// `rl_compentry_func_t`: readline calls it with state 0, then 1, 2, ... until it returns nil.
    static func generate(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
        if state == 0 { nextCandidate = 0 }
        guard nextCandidate < candidates.count else { return nil }
        defer { nextCandidate += 1 }
        return strdup(candidates[nextCandidate])  // readline frees it
    }

    /// `rl_completion_word_break_hook`: file names break only at spaces and quotes.
    static func wordBreaks() -> UnsafeMutablePointer<CChar>? {
        guard let completer, completer.pathContext(lineBeforeCursor: lineBuffer(upTo: Int(sendql_rl_point()))) != nil
        else {
            return nameBreaks
        }
        return pathBreaks
    }

    /// The first `count` bytes of the line being edited.
    static func lineBuffer(upTo count: Int) -> String {
        guard let buffer = sendql_rl_line_buffer(), count > 0 else { return "" }
        return buffer.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }
}
