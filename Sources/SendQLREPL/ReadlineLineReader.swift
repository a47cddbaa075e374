import CReadline
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines through GNU readline: Emacs keys, Ctrl-R, tab completion and a persistent history.
///
/// It uses readline's callback interface so it can wait on the terminal and on the Ctrl-C pipe at the
/// same time: Ctrl-C abandons the line at once (as in a shell) instead of waiting for the next key.
public final class ReadlineLineReader: LineReader {
    let interrupts: InterruptSignal?
    let historyPath: String?
    let historyLimit: Int

    /// Set by the line handler readline calls when a line is complete.
    nonisolated(unsafe) static var finished = false
    nonisolated(unsafe) static var line: String?

    /// A reader keeping its history in `historyPath` (nil: none), that stops a line on `interrupts`.
    public init(historyPath: String?, historyLimit: Int = HistoryFile.defaultLimit, interrupts: InterruptSignal?) {
        self.interrupts = interrupts
        self.historyPath = historyPath
        self.historyLimit = historyLimit
        // `$if sendql` in ~/.inputrc applies to this program. Ctrl-C is handled through the interrupt
        // pipe, not readline's own handlers. Timestamps in the history file keep multi-line entries whole.
        sendql_rl_setup(strdup("sendql"))
        ReadlineCompletion.install()
        stifle_history(Int32(historyLimit))
        if let historyPath {
            if access(historyPath, F_OK) != 0 {
                // append_history only appends to a file that exists.
                write_history(historyPath)
            }
            read_history(historyPath)
        }
    }

    public func readLine(prompt: String) -> LineInput {
        Self.finished = false
        Self.line = nil
        rl_callback_handler_install(prompt) { ReadlineLineReader.handleLine($0) }
        while !Self.finished {
            var descriptors = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0)]
            if let interrupts { descriptors.append(pollfd(fd: interrupts.readEnd, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                rl_callback_handler_remove()
                return .end
            }
            if descriptors.count > 1, descriptors[1].revents != 0 {
                interrupts?.clear()
                abandonLine()
                return .interrupt
            }
            if descriptors[0].revents != 0 { rl_callback_read_char() }
        }
        guard let line = Self.line else {
            // Ctrl-D: leave the shell's next prompt on a line of its own.
            sendql_rl_write("\n")
            return .end
        }
        return .line(line)
    }

    /// Drops the line being edited after Ctrl-C, the way Python's readline module does, and moves to a fresh line.
    func abandonLine() {
        sendql_rl_abandon_line()
    }

    /// readline's line handler (`rl_vcpfunc_t`): takes the line (nil at end of input) and frees it.
    static func handleLine(_ raw: UnsafeMutablePointer<CChar>?) {
        line = raw.map { String(cString: $0) }
        free(raw)
        finished = true
        // Removing the handler here stops readline from showing the prompt again before we are ready.
        rl_callback_handler_remove()
    }

    public func addHistory(_ entry: String) {
        add_history(entry)
        guard let historyPath else { return }
        // Written as we go, so a crash or a killed terminal keeps everything typed so far.
        append_history(1, historyPath)
        history_truncate_file(historyPath, Int32(historyLimit * 2))
    }

    public var hasPendingInput: Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    public func setCompleter(_ completer: Completer) {
        ReadlineCompletion.completer = completer
    }
}
