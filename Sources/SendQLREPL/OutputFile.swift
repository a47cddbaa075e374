import Foundation

/// The file `.output FILE` sends results to, until `.output` alone sends them back to the terminal.
final class OutputFile {
    let path: String
    private let handle: FileHandle

    /// Creates (or empties) the file.
    init(path: String) throws(OutputFileError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw OutputFileError(message: "cannot write \(path)") }
        self.path = path
        self.handle = handle
    }

    func write(_ text: String) throws(OutputFileError) {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw OutputFileError(message: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    func close() {
        try? handle.close()
    }
}

/// `.output` could not open or write its file.
struct OutputFileError: Error {
    var message: String
}
