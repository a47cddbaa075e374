import SendQLCore

/// A file SEN2 values were read from (the XML return, or one Blade CSV file), for locating problems.
///
/// Its `Source` is built only when a problem is reported, once.
final class OriginFile: @unchecked Sendable {
    /// The file as messages name it.
    let name: String
    private let makeSource: () -> Source
    private var cachedSource: Source?

    init(name: String, source: @escaping () -> Source) {
        self.name = name
        makeSource = source
    }

    /// The file's text, that spans point into.
    var source: Source {
        if let cachedSource { return cachedSource }
        let source = makeSource()
        cachedSource = source
        return source
    }

    /// The line and column of a byte offset into `source`.
    func location(of offset: Int) -> DataLocation {
        let (line, column) = source.location(of: offset)
        return DataLocation(file: name, line: line, column: column)
    }
}

/// Where one value of an SEN2 return came from: a file, a byte range of its text, and the element path
/// (`Message/Persons/Person[2]/Requests[1]/ReceivedDate`) or Blade column that held it.
struct FieldOrigin: @unchecked Sendable {
    let file: OriginFile
    /// Byte offset into the file's `source` text.
    let offset: Int
    let length: Int
    /// The element path (XML) or `file column` (Blade) named in notes.
    let path: String

    var location: DataLocation { file.location(of: offset) }

    /// The same place, for a value that is absent: named by the path it would have had.
    func absent(_ name: String) -> FieldOrigin {
        FieldOrigin(file: file, offset: offset, length: 0, path: path + "/" + name + " (absent)")
    }
}
