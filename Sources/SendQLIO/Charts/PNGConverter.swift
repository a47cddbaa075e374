import Foundation
import SendQLCore

/// Makes a PNG of an SVG chart with `rsvg-convert` (librsvg) when it is installed.
///
/// The SVG goes to the tool on standard input and the PNG comes back on standard output, so the
/// PNG is written through the `OutputFolder` like every other output (checked path, atomic). When
/// the tool is not on `PATH` nothing is written and the result says so; that is a note, not an
/// error, since the SVG is the figure and the PNG a convenience.
public enum PNGConverter {
    /// What happened.
    public enum Outcome: Sendable, Equatable {
        /// The PNG was written at this absolute path.
        case written(String)
        /// No PNG: the reason, worded for a note to the user.
        case unavailable(String)
    }

    /// The converter's name.
    public static let tool = "rsvg-convert"

    /// Where `rsvg-convert` is on `PATH`, or nil.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Converts `svg` to a PNG at `relativePath` in `folder`, at `zoom` times the SVG's size
    /// (2 by default, sharp enough for print).
    public static func convert(
        svg: String, to relativePath: String, in folder: OutputFolder, zoom: Double = 2,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(Diagnostic) -> Outcome {
        guard let executable = locate(environment: environment) else {
            return .unavailable(
                "no PNG for \(relativePath): \(tool) is not installed (apt-get install librsvg2-bin); the SVG was written"
            )
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--format", "png", "--zoom", SVGText.number(zoom)]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Diagnostic(.pngFailed, "cannot run \(executable) for \(relativePath): \(error)")
        }
        // Read both pipes while writing, so neither side blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var png = Data(), message = Data()
        DispatchQueue.global().async(group: group) { png = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { message = errors.fileHandleForReading.readDataToEndOfFile() }
        try? input.fileHandleForWriting.write(contentsOf: Data(svg.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        guard process.terminationStatus == 0, png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else {
            let reason = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Diagnostic(
                .pngFailed,
                "\(tool) could not make \(relativePath): \(reason.isEmpty ? "exit status \(process.terminationStatus)" : reason)"
            )
        }
        return .written(try folder.write([UInt8](png), to: relativePath))
    }
}
