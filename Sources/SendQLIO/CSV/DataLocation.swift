/// Where something sits in a data file: the file as named to the user, a 1-based physical line and a
/// 1-based character column.
///
/// A problem with a whole file (or folder) has line and column 0 and prints as the file alone.
///
/// The line is the physical line on which the field (or row) starts, so line breaks inside quoted
/// fields of earlier rows count. The column counts Unicode characters from the start of that line to
/// the first character of the field (its opening quote, when quoted), so an editor's "go to line and
/// column" lands on the field.
public struct DataLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file as messages name it.
    public var file: String
    /// 1-based physical line (0 for a whole file).
    public var line: Int
    /// 1-based character column (0 for a whole file).
    public var column: Int

    /// A place in a file.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location of a whole file or folder, with no line.
    public init(file: String) {
        self.init(file: file, line: 0, column: 0)
    }

    /// True when the location names a whole file rather than a place in it.
    public var isWholeFile: Bool { line == 0 }

    /// `file:line:column`, or `file` for a whole file.
    public var description: String { isWholeFile ? file : "\(file):\(line):\(column)" }

    /// `file:line`, for a whole row.
    public var lineText: String { isWholeFile ? file : "\(file):\(line)" }

    /// File order: by file name, then line, then column.
    public static func < (lhs: DataLocation, rhs: DataLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
