import Foundation
import SendQLCore
import SendQLIO

extension REPL {
    /// Whether the loop goes on after a command.
    enum Next {
        case proceed, quit
    }

    /// Carries out one dot-command line.
    mutating func perform(_ line: String) -> Next {
        switch DotCommand.parse(line) {
        case .failure(let error):
            write("error: \(error.message)\n", to: .error)
        case .success(let command):
            return perform(command)
        }
        return .proceed
    }

    mutating func perform(_ command: DotCommand) -> Next {
        switch command {
        case .help(let topic):
            write(HelpCatalog.text(for: topic), to: .output)
        case .tables:
            showTables()
        case .schema(let name):
            showSchema(name)
        case .mode(let chosen):
            if let chosen { format = chosen }
            write("mode: \(format.rawValue)\n", to: .output)
        case .timer(let on):
            if let on { timerIsOn = on }
            write("timer: \(timerIsOn ? "on" : "off")\n", to: .output)
        case .read(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                write("error: cannot read \(path)\n", to: .error)
                return .proceed
            }
            runScript(Source(name: path, text: String(decoding: data, as: UTF8.self)))
        case .load(let directory):
            load(directory)
        case .asOf(let date):
            if let date { session.setAsOf(date.dayNumber) }
            write("as of \(CivilDate(dayNumber: session.context.asOf).iso)\n", to: .output)
            if date != nil, let note = DataHorizon.note(for: session) {
                write(note + "\n", to: .error)
            }
        case .kpis:
            guard let script = configuration.kpiScript() else {
                write("error: the KPI pack is not available in this build\n", to: .error)
                return .proceed
            }
            runScript(script)
        case .last:
            guard let lastResult else {
                write("error: there is no result yet\n", to: .error)
                return .proceed
            }
            show(lastResult, percentages: percentageColumns[Self.lastResultName] ?? [])
        case .output(let path):
            redirect(to: path)
        case .quit:
            return .quit
        }
        return .proceed
    }

    /// `.tables`: every table in scope with its size, as a result table.
    func showTables() {
        // The prelude's working tables (named with a leading `_`) are left out; its results are listed.
        let names = session.tableNames.filter { !$0.hasPrefix("_") }
        let tables = names.map { session.table(named: $0) }
        let table = Table([
            ("table", Column(type: .string, values: names.map(Value.string))),
            ("rows", Column(.int(tables.map { Int64($0?.rowCount ?? 0) }))),
            ("columns", Column(.int(tables.map { Int64($0?.columnCount ?? 0) }))),
        ])
        write(
            ResultDisplay(width: configuration.terminalWidth(), colour: configuration.colour).render(table), to: .output
        )
    }

    /// `.schema TABLE`: its columns and types; `.schema`: one line per table.
    func showSchema(_ name: String?) {
        let schemas = session.checker.tables
        guard let name else {
            for table in schemas.keys.sorted() {
                let columns = schemas[table]!.fields.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
                write("\(table): \(columns)\n", to: .output)
            }
            return
        }
        guard let schema = schemas[name] else {
            let hint = Suggestions.closest(to: name, among: Array(schemas.keys)).map { "; did you mean \($0)?" } ?? ""
            write("error: no table \(name)\(hint)\n", to: .error)
            return
        }
        let table = Table([
            ("column", Column(type: .string, values: schema.fields.map { .string($0.name) })),
            ("type", Column(type: .string, values: schema.fields.map { .string($0.type.rawValue) })),
        ])
        write(
            ResultDisplay(width: configuration.terminalWidth(), colour: configuration.colour).render(table), to: .output
        )
    }

    /// `.load DIR`: its tables replace those of the same name; `let`s stay.
    mutating func load(_ directory: String) {
        switch DataFolder.load(directory) {
        case .failure(let list):
            write(DiagnosticRenderer(colour: configuration.colour).render(list.diagnostics), to: .error)
        case .success(let data):
            session.replaceData(data.tables)
            percentageColumns = [:]
            configuration.dataFolder = directory
            let rows = data.tables.values.reduce(0) { $0 + $1.rowCount }
            write(
                "loaded \(data.tables.count) tables, \(ResultDisplay.grouped(rows)) rows from \(directory)\n",
                to: .output)
        }
    }

    /// `.output FILE` and `.output`.
    mutating func redirect(to path: String?) {
        outputFile?.close()
        outputFile = nil
        guard let path else {
            write("results go to the terminal\n", to: .output)
            return
        }
        do {
            outputFile = try OutputFile(path: path)
            write("results go to \(path) (.output alone sends them back here)\n", to: .output)
        } catch {
            write("error: \(error.message)\n", to: .error)
        }
    }
}
