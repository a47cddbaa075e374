/// The parts of sendql that are fuzzed, each with the function one fuzz input runs through.
///
/// The same functions serve the libFuzzer executables under `scripts/fuzz/` and the ordinary test
/// that replays the committed regression corpus, so a crash found by fuzzing stays fixed in `swift
/// test` even where the sanitizer build is not run. A crash is a crash; anything else that is wrong
/// (counts that do not add up, a location that disagrees with its diagnostic) comes back as a list
/// of broken invariants, which the fuzz executables turn into a crash and the tests into failures.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The lexer and the parser (and the renderers of tokens, trees and diagnostics).
    case syntax
    /// Parsing and checking against the sample area's schemas and the prelude; a script that checks
    /// runs over a few rows of every table.
    case checker
    /// The CSV reader, strict and lenient, with inferred and with declared formats.
    case csv
    /// The data-contract loader over a folder of files taken from the input.
    case contract
    /// The SEN2 return reader: the input as an XML return, or (with `==> name <==` lines) as a Blade
    /// export, loaded through the contract like a data folder.
    case sen2

    /// Makes what every input shares (the checker's prelude and tables, the contract target's folder,
    /// the lazily built tables of the code under test) before the first input, so that the leak
    /// checker of a fuzz run does not take them for memory an input leaked.
    public func prepare() {
        let warmUp: [UInt8]
        switch self {
        case .syntax, .checker:
            warmUp = Array(
                """
                let x = @2019-03-31 + 6 weeks
                from requests | where outcome in ("Y", "N") and received_date > x - 12 months
                | derive d = days(outcome_date - received_date), s = replace(lower(source), "a", "b")
                | group person_id (sort -d | derive r = row_number() | aggregate n = count(), p = pct(d > 140))
                | join people on person_id | take 5
                """.utf8)
        case .csv, .contract:
            warmUp = Array(FuzzArea.files.map { "==> \($0.name) <==\n\($0.text)" }.joined().utf8)
        case .sen2:
            warmUp = Array(SEN2Fuzz.warmUp.utf8)
        }
        _ = run(warmUp)
        _ = run([])
    }

    /// Runs one input; returns the invariants it broke (empty when all is well).
    public func run(_ bytes: [UInt8]) -> [String] {
        switch self {
        case .syntax: return SyntaxFuzz.run(bytes)
        case .checker: return CheckerFuzz.run(bytes)
        case .csv: return CSVFuzz.run(bytes)
        case .contract: return ContractFuzz.run(bytes)
        case .sen2: return SEN2Fuzz.run(bytes)
        }
    }
}
