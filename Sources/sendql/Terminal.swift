#if canImport(Glibc)
    import Glibc
#endif
import Foundation
import SendQLCore
import SendQLIO
import SendQLREPL

/// Writing a job's output and leaving with its status: the only place the program prints and exits.
enum Terminal {
    static func finish(_ output: JobOutput) -> Never {
        FileHandle.standardOutput.write(Data(output.stdout.utf8))
        FileHandle.standardError.write(Data(output.stderr.utf8))
        exit(output.status.rawValue)
    }

    static func isTerminal(fileDescriptor: Int32) -> Bool { isatty(fileDescriptor) == 1 }

    /// The terminal's width in columns, or nil when the descriptor is not a terminal.
    static func width(fileDescriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    static func isColourful(fileDescriptor: Int32) -> Bool {
        isTerminal(fileDescriptor: fileDescriptor) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

/// Reading a script file, or standard input for `-`.
enum ScriptFile {
    static func read(_ path: String) -> Source? {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return Source(name: "<stdin>", text: String(decoding: data, as: UTF8.self))
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return Source(name: path, text: String(decoding: data, as: UTF8.self))
    }
}

/// The REPL's output: results to standard output, errors to standard error, written at once.
final class StandardStreams: REPLOutput {
    func write(_ text: String, to stream: REPLStream) {
        let handle = stream == .output ? FileHandle.standardOutput : FileHandle.standardError
        handle.write(Data(text.utf8))
    }
}

/// Stands in when the Ctrl-C pipe could not be made: Ctrl-C then ends the program, as it would anyway.
struct NoInterrupts: InterruptSource {
    var isRaised: Bool { false }
    func clear() {}
}
