import Foundation
import SendQLCore
import SendQLIO

/// A REPL command: a line starting with `.`.
public enum DotCommand: Sendable, Equatable {
    case help(topic: String?)
    case tables
    case schema(table: String?)
    /// nil shows the current mode.
    case mode(ResultFormat?)
    /// nil shows whether the timer is on.
    case timer(Bool?)
    case read(path: String)
    case load(directory: String)
    /// nil shows the current as-of date.
    case asOf(CivilDate?)
    case kpis
    case last
    /// nil sends results back to the terminal.
    case output(path: String?)
    case quit

    /// One command as `.help` lists it.
    public struct Entry: Sendable {
        /// The name without its dot.
        public var name: String
        /// The arguments as `.help` shows them: `[table]`, `on|off`.
        public var arguments: String
        /// What it does, in a line.
        public var summary: String
    }

    /// Every command, in the order `.help` lists them; completion and "did you mean" use the names.
    public static let catalog: [Entry] = [
        Entry(name: "help", arguments: "[topic]", summary: "this list, or help on a topic, step or function"),
        Entry(name: "tables", arguments: "", summary: "the tables in scope, with their rows and columns"),
        Entry(name: "schema", arguments: "[table]", summary: "the columns and types of a table (or of every table)"),
        Entry(name: "mode", arguments: "table|csv|json|markdown", summary: "how results are shown"),
        Entry(name: "timer", arguments: "on|off", summary: "show how long each entry took"),
        Entry(name: "read", arguments: "FILE", summary: "run a script file in this session"),
        Entry(
            name: "load", arguments: "DIR",
            summary: "load another data folder (its tables replace those of the same name)"),
        Entry(name: "asof", arguments: "[YYYY-MM-DD]", summary: "show or change the as-of date"),
        Entry(name: "kpis", arguments: "", summary: "run the standard KPI pack at the current as-of date"),
        Entry(name: "last", arguments: "", summary: "show the previous result again; `from _` queries it"),
        Entry(name: "output", arguments: "[FILE]", summary: "send results to FILE; with no FILE, back to the terminal"),
        Entry(name: "quit", arguments: "", summary: "leave (so do .exit and Ctrl-D)"),
    ]

    /// The commands whose argument is a file or folder name.
    static let pathCommands = ["read", "load", "output"]

    /// Reads a dot-command line; the error says what is wrong with it.
    public static func parse(_ line: String) -> Result<DotCommand, DotCommandError> {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let name = String(trimmed.dropFirst().prefix { !$0.isWhitespace })
        let argument = unquoted(String(trimmed.dropFirst(1 + name.count)).trimmingCharacters(in: .whitespaces))
        let hasArgument = !argument.isEmpty
        func noArgument(_ command: DotCommand) -> Result<DotCommand, DotCommandError> {
            hasArgument ? .failure(DotCommandError(".\(name) takes no argument")) : .success(command)
        }
        func needsArgument(_ what: String, _ make: (String) -> DotCommand) -> Result<DotCommand, DotCommandError> {
            hasArgument ? .success(make(expandingTilde(argument))) : .failure(DotCommandError(".\(name) needs \(what)"))
        }
        switch name {
        case "help": return .success(.help(topic: hasArgument ? argument : nil))
        case "tables": return noArgument(.tables)
        case "schema": return .success(.schema(table: hasArgument ? argument : nil))
        case "mode":
            guard hasArgument else { return .success(.mode(nil)) }
            guard let format = ResultFormat(rawValue: argument) else {
                let names = ResultFormat.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(DotCommandError(".mode must be one of \(names); found \"\(argument)\""))
            }
            return .success(.mode(format))
        case "timer":
            switch argument {
            case "": return .success(.timer(nil))
            case "on": return .success(.timer(true))
            case "off": return .success(.timer(false))
            default: return .failure(DotCommandError(".timer takes on or off; found \"\(argument)\""))
            }
        case "read": return needsArgument("a script file: .read FILE") { .read(path: $0) }
        case "load": return needsArgument("a data folder: .load DIR") { .load(directory: $0) }
        case "asof":
            guard hasArgument else { return .success(.asOf(nil)) }
            guard let date = CivilDate(iso: argument) else {
                return .failure(DotCommandError(".asof needs a date as YYYY-MM-DD; found \"\(argument)\""))
            }
            return .success(.asOf(date))
        case "kpis": return noArgument(.kpis)
        case "last": return noArgument(.last)
        case "output": return .success(.output(path: hasArgument ? expandingTilde(argument) : nil))
        case "quit", "exit": return noArgument(.quit)
        default:
            let names = catalog.map(\.name)
            let hint =
                Suggestions.closest(to: name, among: names).map { "; did you mean .\($0)?" } ?? "; .help lists them"
            return .failure(DotCommandError("unknown command .\(name)\(hint)"))
        }
    }

    /// An argument without the quotes around it, so `.read "my script.sendql"` works.
    static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else {
            return text
        }
        return String(text.dropFirst().dropLast())
    }

    static func expandingTilde(_ path: String) -> String { (path as NSString).expandingTildeInPath }
}

/// What is wrong with a dot-command line.
public struct DotCommandError: Error, Sendable, Equatable {
    /// The message shown after `error: `.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }
}
