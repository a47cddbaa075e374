import SendQLCore
import Testing
@testable import SendQLREPL

struct DotCommandTests {
    @Test(arguments: [
        (".help", DotCommand.help(topic: nil)), (".help steps", .help(topic: "steps")), (".tables", .tables),
        (".schema", .schema(table: nil)), (".schema plans", .schema(table: "plans")), (".mode", .mode(nil)),
        (".mode csv", .mode(.csv)), (".timer on", .timer(true)), (".timer off", .timer(false)),
        (".read scripts/a.sendql", .read(path: "scripts/a.sendql")),
        (".read \"my file.sendql\"", .read(path: "my file.sendql")),
        (".load datasets/sample-area", .load(directory: "datasets/sample-area")),
        (".asof 2019-03-31", .asOf(CivilDate(year: 2019, month: 3, day: 31))), (".asof", .asOf(nil)), (".kpis", .kpis),
        (".last", .last), (".output out.csv", .output(path: "out.csv")), (".output", .output(path: nil)),
        (".quit", .quit), (".exit", .quit), ("  .tables  ", .tables),
    ])
    func parses(line: String, command: DotCommand) throws {
        #expect(try DotCommand.parse(line).get() == command)
    }

    @Test(arguments: [
        (".mode html", ".mode must be one of table, csv, json, markdown; found \"html\""),
        (".timer maybe", ".timer takes on or off; found \"maybe\""),
        (".asof 31/03/2019", ".asof needs a date as YYYY-MM-DD; found \"31/03/2019\""),
        (".read", ".read needs a script file: .read FILE"),
        (".tables plans", ".tables takes no argument"),
        (".tabels", "unknown command .tabels; did you mean .tables?"),
        (".frobnicate", "unknown command .frobnicate; .help lists them"),
    ])
    func saysWhatIsWrong(line: String, message: String) {
        #expect(DotCommand.parse(line) == .failure(DotCommandError(message)))
    }

    @Test func aTildeMeansTheHomeFolder() throws {
        guard case .read(let path) = try DotCommand.parse(".read ~/x.sendql").get() else {
            Issue.record("not a .read")
            return
        }
        #expect(!path.hasPrefix("~"))
        #expect(path.hasSuffix("/x.sendql"))
    }
}
