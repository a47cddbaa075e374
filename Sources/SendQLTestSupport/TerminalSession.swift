import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// The built `sendql` running in a real pseudo-terminal, driven through tmux: keys go in with
/// `send-keys`, the screen comes back with `capture-pane`.
///
/// Each session has its own tmux server (a unique `-L` socket), a temporary HOME holding the history
/// file, `NO_COLOR=1` unless asked otherwise, and a fixed size. Waits poll the screen until the text
/// appears or a timeout passes, so a slow machine makes a test slower, not flaky. `close()` kills the
/// server and removes the temporary folder.
public final class TerminalSession {
    /// A tmux command failed, or the screen never showed what a test waited for.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    /// Where tmux is, or nil when it is not installed (`scripts/setup` installs it).
    public static var tmux: URL? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].map(URL.init(fileURLWithPath:))
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    public let socket = "sendql-test-\(UUID().uuidString.prefix(8))"
    /// A temporary folder used as HOME; it holds the history file unless another one is given.
    public let home: URL
    /// The history file (`SENDQL_HISTORY`).
    public let historyFile: URL
    let tmux: URL
    var closed = false
    /// Removed on close only when this session made it.
    let ownsHome: Bool

    /// Starts `sendql ARGUMENTS` in a `width`×`height` terminal in `directory`.
    public init(
        arguments: [String] = ["--data", RepositoryPaths.sampleArea.path, "--as-of", "2024-12-31"],
        width: Int = 120, height: Int = 50, colour: Bool = false, historyFile: URL? = nil,
        directory: URL = RepositoryPaths.root, environment: [String: String] = [:]
    ) throws {
        guard let tmux = Self.tmux else { throw Failure(description: "tmux is not installed; run scripts/setup") }
        self.tmux = tmux
        home = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        ownsHome = true
        self.historyFile = historyFile ?? home.appendingPathComponent(".sendql_history")
        let configuration = home.appendingPathComponent("tmux.conf")
        // remain-on-exit keeps the pane after sendql exits, so a test can read its last screen and status.
        try "set -g remain-on-exit on\nset -g status off\nset -g history-limit 10000\n"
            .write(to: configuration, atomically: true, encoding: .utf8)
        var variables = [
            "HOME": home.path, "SENDQL_HISTORY": self.historyFile.path, "TERM": "screen", "INPUTRC": "/dev/null",
        ]
        for (key, value) in environment { variables[key] = value }
        let assignments = variables.sorted { $0.key < $1.key }.map { Self.quoted("\($0.key)=\($0.value)") }
        let command =
            "cd \(Self.quoted(directory.path)) && exec env \(colour ? "-u NO_COLOR" : "NO_COLOR=1") "
            + assignments.joined(separator: " ") + " "
            + ([RepositoryPaths.binary.path] + arguments).map(Self.quoted).joined(separator: " ")
        try startServer([
            "-f", configuration.path, "new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height),
            command,
        ])
    }

    /// Runs the `new-session` client that starts the tmux server, as a shell would.
    ///
    /// Two things differ from `ProcessRunner`: the server inherits the client's standard streams and
    /// keeps them open, so they go to /dev/null rather than pipes that would never close; and the
    /// test runner's threads block most signals, a mask children inherit, so the client starts with
    /// none blocked and default handlers (else Ctrl-C in the pane could never reach sendql).
    func startServer(_ arguments: [String]) throws {
        let status = try Self.spawnWithSignalsUnblocked(tmux.path, ["-L", socket] + arguments)
        guard status == 0 else { throw Failure(description: "tmux new-session failed with status \(status)") }
    }

    /// Runs a program to its end with no signal blocked and default handlers, its output to
    /// `outputPath` (else /dev/null), and returns its wait status.
    static func spawnWithSignalsUnblocked(
        _ executable: String, _ arguments: [String], outputPath: String? = nil
    ) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for descriptor: Int32 in [1, 2] {
            posix_spawn_file_actions_addopen(
                &actions, descriptor, outputPath ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o600)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return status
    }

    deinit { close() }

    /// Kills the tmux server and removes its socket and the temporary HOME.
    public func close() {
        guard !closed else { return }
        closed = true
        let socketPath = (try? run(["display-message", "-p", "#{socket_path}"]))?.trimmingCharacters(
            in: .whitespacesAndNewlines)
        _ = try? run(["kill-server"])
        // tmux leaves the socket file behind; one per test would pile up in /tmp/tmux-UID.
        if let socketPath, !socketPath.isEmpty { try? FileManager.default.removeItem(atPath: socketPath) }
        if ownsHome { try? FileManager.default.removeItem(at: home) }
    }

    /// Types text exactly as given (no key names).
    public func type(_ text: String) throws {
        try run(["send-keys", "-t", "main", "-l", text])
    }

    /// Presses keys by tmux name: `Enter`, `Tab`, `C-c`, `C-d`, `Up`, `C-r`.
    public func press(_ keys: String...) throws {
        try run(["send-keys", "-t", "main"] + keys)
    }

    /// Pastes text as a terminal paste: with bracketed-paste markers when the program asked for them.
    public func paste(_ text: String) throws {
        let file = home.appendingPathComponent("paste.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        try run(["load-buffer", "-b", "paste", file.path])
        try run(["paste-buffer", "-p", "-d", "-b", "paste", "-t", "main"])
    }

    /// The whole screen and its scrollback, wrapped lines joined, trailing blanks removed.
    public func screen(escapes: Bool = false) throws -> String {
        let text = try run(["capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", "main"] + (escapes ? ["-e"] : []))
        var lines = text.components(separatedBy: "\n").map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Waits until the screen satisfies `condition`, and returns it.
    @discardableResult
    public func waitUntil(
        _ what: String, timeout: TimeInterval = 30, escapes: Bool = false, _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(escapes: escapes)
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "timed out after \(Int(timeout)) s waiting for \(what); the screen was:\n\(last)")
    }

    /// Waits until `text` is on the screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 30) throws -> String {
        try waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until `text` is on the screen somewhere after the last `marker`.
    @discardableResult
    public func waitFor(_ text: String, after marker: String, timeout: TimeInterval = 30) throws -> String {
        try waitUntil("\"\(text)\" after \"\(marker)\"", timeout: timeout) { screen in
            guard let range = screen.range(of: marker, options: .backwards) else { return false }
            return screen[range.upperBound...].contains(text)
        }
    }

    /// Waits until the screen shows `count` prompts (`sendql> ` at the start of a line).
    @discardableResult
    public func waitForPrompts(_ count: Int, timeout: TimeInterval = 30) throws -> String {
        try waitUntil("prompt number \(count)", timeout: timeout) { Self.promptCount($0) >= count }
    }

    /// How many primary prompts a screen shows.
    public static func promptCount(_ screen: String) -> Int {
        screen.components(separatedBy: "\n").filter { $0.hasPrefix("sendql>") }.count
    }

    /// Types a line and presses Enter, then waits for the prompt after it; returns the screen.
    @discardableResult
    public func enter(_ line: String, timeout: TimeInterval = 30) throws -> String {
        let before = Self.promptCount(try screen())
        try type(line)
        try press("Enter")
        return try waitForPrompts(before + 1, timeout: timeout)
    }

    /// The exit status once the program has ended, else nil.
    public func exitStatus() throws -> Int32? {
        // Three fields when dead ("1 <status> <pid>"); the status can be missing for a moment.
        let fields = try run(["display-message", "-p", "-t", "main", "#{pane_dead}|#{pane_dead_status}|#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|", omittingEmptySubsequences: false)
        guard fields.count == 3 else { return nil }
        if fields[0] == "1", let status = Int32(fields[1]) { return status }
        // Now and then the tmux server sees the terminal close but does not reap the program for a
        // long while (seen for over 90 s): the pane is dead with no status, the program a zombie. It
        // has ended all the same, and its exit status is in /proc while it waits to be reaped.
        return Int32(fields[2]).flatMap(Self.zombieExitStatus)
    }

    /// What the kernel says of each thread of a process: its stat line and kernel stack.
    static func kernelView(_ pid: String) -> String {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.sorted().map { task in
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8)) ?? "?"
            let stack = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stack", encoding: .utf8)) ?? "?"
            return "task \(task): \(stat)\n\(stack)"
        }.joined(separator: "\n")
    }

    /// The exit status of a process that has ended but not been reaped, from `/proc/<pid>/stat`
    /// (state `Z`, and the wait status as its 52nd field); nil while it runs.
    public static func zombieExitStatus(_ pid: Int32) -> Int32? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // The fields after the command name, which is in brackets and may hold spaces: state is field 3.
        let rest = stat[stat.index(after: close)...].split(separator: " ")
        guard rest.first == "Z", rest.count >= 50,
            let wait = Int32(rest[49].trimmingCharacters(in: .whitespacesAndNewlines))
        else { return nil }
        return (wait >> 8) & 0xFF
    }

    /// Waits for the program to end and returns its exit status.
    public func waitForExit(timeout: TimeInterval = 90) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = try exitStatus() { return status }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(
            description: "sendql did not exit within \(Int(timeout)) s; the screen was:\n\(try screen())"
                + "\nits threads were:\n\(threadStacks())")
    }

    /// Every thread's stack in the program, through gdb when it is installed: what a program that
    /// will not exit is waiting for. (gdb is started with no signal blocked; the test runner's
    /// blocked signals, inherited, keep it from attaching.)
    func threadStacks() -> String {
        let gdb = "/usr/bin/gdb"
        let output = home.appendingPathComponent("gdb.txt").path
        guard FileManager.default.isExecutableFile(atPath: gdb),
            let pid = try? run(["display-message", "-p", "-t", "main", "#{pane_pid}"])
                .trimmingCharacters(in: .whitespacesAndNewlines), !pid.isEmpty,
            (try? Self.spawnWithSignalsUnblocked(
                gdb, ["-p", pid, "-batch", "-ex", "thread apply all bt 20"],
                outputPath: output)) != nil,
            let text = try? String(contentsOfFile: output, encoding: .utf8)
        else { return "(gdb is not available)" }
        let stacks = text.split(separator: "\n").filter { $0.hasPrefix("#") || $0.hasPrefix("Thread") }
        return stacks.isEmpty
            ? "(gdb could not attach to \(pid):\n\(text))\n" + Self.kernelView(pid)
            : "process \(pid):\n" + stacks.joined(separator: "\n")
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try ProcessRunner.run(tmux, ["-L", socket] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout
    }

    /// A shell word in single quotes.
    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
