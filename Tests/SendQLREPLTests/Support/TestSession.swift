import Foundation
import SendQLCore
import SendQLIO
@testable import SendQLREPL

/// A small session for REPL tests: two tables held in memory, as of 2024-12-31.
enum TestSession {
    static let asOf = CivilDate(year: 2024, month: 12, day: 31).dayNumber

    static var tables: [String: Table] {
        let requests = Table([
            ("request_id", Column(type: .string, values: ["R1", "R2", "R3", "R4"].map(Value.string))),
            (
                "received_date",
                Column(
                    type: .date,
                    values: [
                        .date(CivilDate(year: 2024, month: 1, day: 5).dayNumber),
                        .date(CivilDate(year: 2024, month: 2, day: 9).dayNumber),
                        .date(CivilDate(year: 2024, month: 3, day: 1).dayNumber),
                        .date(CivilDate(year: 2024, month: 3, day: 20).dayNumber),
                    ])
            ),
            ("outcome", Column(type: .string, values: [.string("Y"), .string("N"), .string("Y"), .null])),
            ("weeks_taken", Column(type: .int, values: [.int(5), .int(7), .int(6), .null])),
        ])
        let plans = Table([
            ("plan_id", Column(type: .string, values: ["P1", "P2"].map(Value.string))),
            ("request_id", Column(type: .string, values: ["R1", "R3"].map(Value.string))),
        ])
        return ["requests": requests, "plans": plans]
    }

    static func make() -> Session {
        let context = SessionContext(asOf: asOf, today: asOf, calendar: HolidayCalendar.englandAndWales)
        return Session(tables: tables, context: context, resources: FileResourceLoader())
    }
}

/// An interrupt source that raises itself once, after a given number of checks: Ctrl-C mid-query.
final class FakeInterrupts: InterruptSource, @unchecked Sendable {
    /// Raised once, at the check after this many (the executor checks once per step); nil: never.
    var raiseAfterChecks: Int?
    private(set) var checks = 0
    private var raised = false

    init(raiseAfterChecks: Int? = nil) {
        self.raiseAfterChecks = raiseAfterChecks
    }

    var isRaised: Bool {
        checks += 1
        if let limit = raiseAfterChecks, checks == limit + 1 { raised = true }
        return raised
    }

    func clear() { raised = false }
}

/// Runs a REPL over scripted input and returns what it wrote.
struct REPLRun {
    var output = CollectedOutput()
    var repl: REPL<ScriptedLineReader>

    init(
        _ inputs: [LineInput], typedAhead: Bool = false, width: Int? = 100,
        interrupts: any InterruptSource = FakeInterrupts(),
        clock: @escaping () -> UInt64 = { 0 }, kpiScript: @escaping () -> Source? = { nil },
        outputs: OutputSettings = OutputSettings(
            folder: FileManager.default.temporaryDirectory.path + "/sendql-repl-tests")
    ) {
        let configuration = REPLConfiguration(
            dataFolder: "test-area", colour: false, terminalWidth: { width }, interrupts: interrupts, clock: clock,
            kpiScript: kpiScript, outputs: outputs)
        repl = REPL(
            session: TestSession.make(), reader: ScriptedLineReader(inputs, typedAhead: typedAhead),
            output: output, configuration: configuration)
        repl.run()
    }

    init(_ lines: [String], typedAhead: Bool = false, width: Int? = 100) {
        self.init(lines.map(LineInput.line), typedAhead: typedAhead, width: width)
    }
}
