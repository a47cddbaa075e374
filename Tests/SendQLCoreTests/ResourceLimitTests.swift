import Testing
import SendQLTestSupport
@testable import SendQLCore

/// Scripts files, held in memory, for `include`.
struct MemoryScripts: ResourceLoader {
    var files: [String: String]

    func readScript(_ path: String, relativeTo base: String?) throws(Diagnostic) -> Source {
        guard let text = files[path] else { throw Diagnostic(.error, code: "E0320", message: "no such file: \(path)") }
        return Source(name: path, text: text)
    }

    func loadTable(_ path: String, relativeTo base: String?) throws(Diagnostic) -> Table {
        throw Diagnostic(.error, code: "E0700", message: "no tables here")
    }
}

/// What a script meets at the edges of the machine: numbers past 64 bits, rows past the row limit,
/// includes that never end, strings that would make a naive search quadratic. Each gets a documented
/// result (null, or an error) and nothing crashes or hangs.
struct ResourceLimitTests {
    static let numbers = Table([
        ("g", Column(.string(codes: [0, 0, 1, 1], dictionary: StringDictionary(["a", "b"])))),
        ("v", Column(.int([Int64.max, 1, 5, 6]))),
    ])

    static func run(_ script: String, rowLimit: Int = 200_000_000, scripts: [String: String] = [:]) -> String {
        let day = CivilDate(iso: "2019-03-31")!.dayNumber
        let context = SessionContext(
            asOf: day, today: day, calendar: HolidayCalendar.englandAndWales, rowLimit: rowLimit)
        var harness = ScriptHarness(tables: ["t": numbers])
        harness.session = Session(tables: ["t": numbers], context: context, resources: MemoryScripts(files: scripts))
        return harness.run(script)
    }

    // MARK: Overflow gives null

    @Test func aSumThatOverflowsIsNullForItsGroupOnly() {
        #expect(Self.run("from t | group g (aggregate total = sum(v)) | sort g") == "g | total\na | null\nb | 11\n")
        #expect(Self.run("from t | aggregate total = sum(v)") == "total\nnull\n")
        // avg works in doubles, so it does not overflow.
        #expect(Self.run("from t | where g == \"a\" | aggregate mean = avg(v)") == "mean\n4.611686018427388e+18\n")
    }

    @Test func aRunningSumIsNullFromTheRowThatOverflows() {
        let script = "from t | sort -v | derive total = running_sum(v) | select v, total"
        #expect(
            Self.run(script) == "v | total\n9223372036854775807 | 9223372036854775807\n6 | null\n5 | null\n1 | null\n")
    }

    @Test(arguments: [
        ("-(v - v - 9223372036854775807 - 1)", "null"), ("abs(v - v - 9223372036854775807 - 1)", "null"),
        ("v * 2", "null"), ("v + 1", "null"),
        ("(v - v - 9223372036854775807 - 1) % -1", "null"), ("v / 0", "null"), ("v % 0", "null"),
        ("int(1e300)", "null"), ("floor(1e300)", "null"), ("add_days(@2019-01-01, v)", "null"),
    ])
    func overflowingArithmeticIsNull(expression: String, expected: String) {
        #expect(Self.run("from t | take 1 | select x = \(expression)") == "x\n\(expected)\n")
    }

    @Test(arguments: [
        ("substring(\"abc\", 9223372036854775807, 9223372036854775807)", ""),
        ("substring(\"abcdef\", -9223372036854775807 - 1, 3)", "abc"),
        ("substring(\"abcdef\", 2, 9223372036854775807)", "bcdef"),
        ("month_end(@1970-01-01 + 2147483647 days)", "null"),
        ("month_start(@1970-01-01 - 2147483648 days)", "null"),
        ("quarter_start(@0001-01-01 - 1 day)", "null"),
        ("add_months(@9999-12-31 + 1000 days, 1)", "null"),
        ("add_working_days(@1970-01-01 + 2147483000 days, 100000)", "null"),
        ("month_end(@2020-02-10)", "2020-02-29"),
    ])
    func extremeArgumentsGiveNullOrTheirValueNotATrap(expression: String, expected: String) {
        // Each of these stopped the program before: an overflow in substring's bounds, or a
        // calendar function's result past the last day a date can hold.
        #expect(Self.run("from t | take 1 | select x = \(expression)") == "x\n\(expected)\n")
    }

    @Test func aFunctionParameterNamedTwiceIsAnErrorNotACrash() {
        let output = Self.run("let f(x, x) = x + 1\nfrom t | take 1 | select y = f(1, 2)")
        #expect(output.hasPrefix("error[E0312]: the parameter `x` is named twice in `f`\n --> test.sendql:1:10\n"))
    }

    // MARK: Rows past the row limit

    @Test func appendsPastTheRowLimitStopWithAnError() {
        let script = """
            let a = from t | append t
            let b = from a | append a
            from b | append b
            """
        // 4 rows doubled three times: 32 rows and a header.
        #expect(Self.run(script, rowLimit: 1000).split(separator: "\n").count == 33)
        let output = Self.run(script, rowLimit: 20)
        #expect(
            output.hasPrefix(
                "error[E0406]: this append would make 32 rows, more than the limit of 20\n --> test.sendql:3:10\n"))
        #expect(
            Self.run("from t | union t", rowLimit: 7).hasPrefix(
                "error[E0406]: this union would make 8 rows, more than the limit of 7\n"))
    }

    @Test func aRangeHoldsNoMoreThanTheRowLimit() {
        #expect(Self.run("from range(1, 5) | aggregate n = count()", rowLimit: 5) == "n\n5\n")
        #expect(
            Self.run("from range(1, 6)", rowLimit: 5).hasPrefix(
                "error[E0314]: `range(1, 6)` must run upwards and hold at most 5 rows\n"))
        #expect(
            Self.run("from range(1, 20000000)").hasPrefix(
                "error[E0314]: `range(1, 20000000)` must run upwards and hold at most 10,000,000 rows\n"))
    }

    @Test func aRangeWhoseSizeDoesNotFitIn64BitsIsAnError() {
        // The bounds' difference overflows: this used to stop the program.
        let output = Self.run("from range(-9223372036854775807, 9223372036854775807)")
        #expect(output.hasPrefix("error[E0314]: `range(-9223372036854775807, 9223372036854775807)` must run upwards"))
    }

    @Test func joinsPastTheRowLimitStopWithAnError() {
        #expect(
            Self.run("from t | join t as u on g == u.g", rowLimit: 7).hasPrefix(
                "error[E0402]: this join would produce 8 rows, more than the limit of 7\n"))
    }

    // MARK: Includes that never end

    @Test(arguments: [
        (["a.sendql": "include \"a.sendql\""], "\"a.sendql\" includes itself"),
        (["a.sendql": "include \"b.sendql\"", "b.sendql": "include \"a.sendql\""], "\"a.sendql\" includes itself"),
    ])
    func anIncludeCycleIsAnError(files: [String: String], message: String) {
        let output = Self.run("include \"a.sendql\"", scripts: files)
        #expect(output.contains("error[E0320]: \(message)"), "\(output)")
    }

    @Test func includesNestAtMost32Deep() {
        var files: [String: String] = [:]
        for level in 0..<40 { files["f\(level).sendql"] = "include \"f\(level + 1).sendql\"" }
        files["f40.sendql"] = "let x = 1"
        #expect(
            Self.run("include \"f0.sendql\"", scripts: files).contains(
                "error[E0320]: includes nest deeper than 32 files"))
        files["f5.sendql"] = "let x = 1"
        #expect(Self.run("include \"f0.sendql\"\nfrom t | take 1 | select x", scripts: files) == "x\n1\n")
    }

    // MARK: Strings

    @Test(arguments: [
        ("replace(\"aaaa\", \"aa\", \"b\")", "bb"), ("replace(\"abcabc\", \"bc\", \"\")", "aa"),
        ("replace(\"Zoë and Zoë\", \"ë\", \"e\")", "Zoe and Zoe"), ("replace(\"abc\", \"\", \"x\")", "abc"),
        ("replace(\"ababab\", \"abab\", \"x\")", "xab"), ("replace(\"aab\", \"ab\", \"-\")", "a-"),
        ("contains(\"abcab\", \"cab\")", "true"), ("contains(\"abc\", \"\")", "true"),
        ("contains(\"ab\", \"abc\")", "false"),
    ])
    func stringSearchFindsLeftmostNonOverlappingMatches(expression: String, expected: String) {
        #expect(Self.run("from t | take 1 | select x = \(expression)") == "x\n\(expected)\n")
    }

    @Test func aPathologicalSearchTakesLinearTime() {
        // A million a's searched for 1,000 a's and a b: a naive search compares ~10^9 characters.
        var lines = ["let s0 = \"aaaaaaaaaaaaaaaa\""]
        for level in 1...16 { lines.append("let s\(level) = s\(level - 1) + s\(level - 1)") }
        let needle = "\"" + String(repeating: "a", count: 1000) + "b\""
        lines.append(
            "from t | take 1 | select n = length(replace(s16, \(needle), \"x\")), c = contains(s16, \(needle))")
        let clock = ContinuousClock()
        var output = ""
        let elapsed = clock.measure { output = Self.run(lines.joined(separator: "\n")) }
        #expect(output == "n | c\n1048576 | false\n")
        #expect(elapsed < .seconds(60))
    }
}
