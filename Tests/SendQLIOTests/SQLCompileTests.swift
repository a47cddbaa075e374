import Foundation
import Testing
import SendQLCore
import SendQLIO

/// `sendql compile`: what the SQL looks like and where it refuses. Whether the SQL gives the
/// in-memory engine's rows is checked on the engines themselves by scripts/sql-engines/run.
struct SQLCompileTests {
    static func compile(
        _ script: String, _ target: SQLTarget, parameters: [String: String] = [:], output: String? = nil
    ) -> JobOutput {
        CompileJob.run(
            CompileJob.Request(
                source: Source(name: "script.sendql", text: script), target: target, asOf: "2024-03-31",
                parameters: parameters, closures: nil, schema: nil, output: output, ddl: false,
                options: ScriptOptions()))
    }

    /// The SQL with its string literals and comment lines blanked, so tests can look at the structure alone.
    static func outsideLiterals(_ sql: String, backslashEscapes: Bool) -> String {
        let sql = sql.split(separator: "\n").filter { !$0.hasPrefix("--") }.joined(separator: "\n")
        var out = ""
        var inLiteral = false
        var escaped = false
        for character in sql {
            if inLiteral {
                if escaped {
                    escaped = false
                } else if backslashEscapes && character == "\\" {
                    escaped = true
                } else if character == "'" {
                    inLiteral = false
                    out.append("'")
                }
            } else {
                if character == "'" { inLiteral = true }
                out.append(character)
            }
        }
        return out
    }

    static let targetsFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SendQLEndToEndTests/Golden/statements/targets.csv").standardized.path

    @Test(arguments: SQLTarget.allCases)
    func theKPIPackIsOneStatementWithACTEPerLet(target: SQLTarget) {
        let result = Self.compile("from kpi_pack", target)
        #expect(result.status == .ok, "\(result.stderr)")
        let structure = Self.outsideLiterals(result.stdout, backslashEscapes: target == .spark)
        #expect(structure.filter { $0 == ";" }.count == 1)
        #expect(result.stdout.hasSuffix(";\n"))
        let quote = target.dialect.identifierQuote
        for name in ["kpi_pack", "deadlines", "sendql_calendar"] {
            #expect(result.stdout.contains("\(quote)\(name)\(quote) AS ("), "no CTE for \(name)")
        }
        #expect(
            result.stdout.contains("-- Sources/SendQLCore/Prelude/clocks.sendql line "),
            "CTEs name the sendql source they come from")
        #expect(result.stdout.contains("DATE '2024-03-31'"), "the as-of date is inlined")
    }

    @Test(arguments: SQLTarget.allCases)
    func hostileNamesAndValuesStayInsideTheirQuotes(target: SQLTarget) {
        let script = #"""
            from requests
            | derive `odd "name" -- 'q'` = "it's \\ '; DROP TABLE plans; -- /* */ \n done ✓"
            | select `odd "name" -- 'q'`
            """#
        let result = Self.compile(script, target)
        #expect(result.status == .ok, "\(result.stderr)")
        let sql = result.stdout
        let structure = Self.outsideLiterals(sql, backslashEscapes: target == .spark)
        #expect(structure.filter { $0 == ";" }.count == 1, "the literal's ; stays inside it")
        #expect(!structure.contains("DROP TABLE"))
        switch target {
        case .spark:
            #expect(sql.contains(#"'it\'s \\ \'; DROP TABLE plans; -- /* */ '"#))
            #expect(sql.contains("`odd \"name\" -- 'q'`"))
        case .duckdb, .postgres:
            #expect(sql.contains(#"'it''s \ ''; DROP TABLE plans; -- /* */ '"#))
            #expect(sql.contains(#""odd ""name"" -- 'q'""#))
        }
        #expect(sql.contains("chr(10)"), "a newline in a literal is written as chr(10), never raw")
        #expect(!sql.contains("/* */ \n"))
    }

    @Test func parameterValuesAreLiteralsNeverSQL() {
        let script = """
            param who: string = "x"
            from people | where sex == who | select person_id
            """
        let result = Self.compile(script, .postgres, parameters: ["who": "o'; DELETE FROM people; --"])
        #expect(result.status == .ok, "\(result.stderr)")
        #expect(result.stdout.contains("'o''; DELETE FROM people; --'"))
        #expect(Self.outsideLiterals(result.stdout, backslashEscapes: false).filter { $0 == ";" }.count == 1)
    }

    @Test func templatesAreFilledInOnePass() {
        #expect(SQLDialect.fill("f($1, $2)", ["$2", "x"]) == "f($2, x)")
        #expect(SQLDialect.fill("$1 || '$2'", ["a"]) == "a || ''")
    }

    @Test(
        arguments: [
            ("let x = from plans", SQLTarget.duckdb, "E0801", nil),
            ("from plans | group setting (aggregate n = count()) | pivot setting values n", .postgres, "E0802", 1),
            ("publish\nfrom plans | group setting (aggregate n = count())", .duckdb, "E0802", nil),
            ("from reviews | group plan_id (sort meeting_date | derive f = first(meeting_date))", .spark, "E0803", 1),
            ("from plans | take 3", .duckdb, "E0804", 1),
            ("load \"\(targetsFile)\" as t\nfrom t", .spark, "E0805", 2),
            ("from plans | derive Setting = 1, setting2 = setting | select setting, Setting", .duckdb, "E0806", 1),
        ] as [(String, SQLTarget, String, Int?)])
    func whatCannotBeCompiledGetsALocatedCode(script: String, target: SQLTarget, code: String, line: Int?) {
        let result = Self.compile(script, target)
        #expect(result.status == .scriptError, "\(result.stdout)")
        #expect(result.stdout.isEmpty, "no half-written SQL")
        #expect(result.stderr.contains("error[\(code)]"), "\(result.stderr)")
        #expect(result.stderr.contains("help:"), "every refusal says what to write instead")
        if let line { #expect(result.stderr.contains("script.sendql:\(line):"), "\(result.stderr)") }
    }

    @Test func anUnknownOutputSuggestsALet() {
        let result = Self.compile("let monthly = from plans\nfrom plans", .duckdb, output: "monthyl")
        #expect(result.stderr.contains("error[E0807]"))
        #expect(result.stderr.contains("did you mean --output monthly?"))
        #expect(result.status == .usage)
    }

    @Test func theSameScriptCompilesForPostgresWhereDuckDBFoldsCase() {
        let script = "from plans | derive Setting = 1 | select setting, Setting"
        #expect(Self.compile(script, .postgres).status == .ok)
    }

    @Test(arguments: SQLTarget.allCases)
    func theDDLHasEveryContractTableInOrder(target: SQLTarget) {
        let ddl = ContractDDL.render(target.dialect, schema: "main.send area")
        let quote = target.dialect.identifierQuote
        var last = ddl.startIndex
        for table in CaseContract.tables {
            let create = "CREATE TABLE \(quote)main\(quote).\(quote)send area\(quote).\(quote)\(table.name)\(quote)"
            guard let found = ddl.range(of: create) else {
                Issue.record("no \(create)")
                continue
            }
            #expect(found.lowerBound >= last, "\(table.name) comes after the tables it references")
            last = found.lowerBound
        }
        #expect(ddl.contains("PRIMARY KEY") == target.dialect.hasConstraints)
        #expect(ddl.contains("REFERENCES") == target.dialect.hasConstraints)
    }
}
