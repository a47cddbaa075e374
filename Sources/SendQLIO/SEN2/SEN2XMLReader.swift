import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import SendQLCore

/// Reads an SEN2 XML return (COLLECT's format) into records, safely.
///
/// Before any XML parsing: the size is checked, every byte must be UTF-8 (no NUL), and any
/// `<!DOCTYPE` or `<!ENTITY` is refused, so no DTD, external entity or entity expansion is ever
/// processed (libxml2, under Foundation's `XMLParser`, would otherwise expand internal entities).
/// The parser then runs with external entities off, within a depth and value-length limit.
enum SEN2XMLReader {
    static func read(path: String, limits: SEN2Limits) -> Result<SEN2ReturnContent, DataIssue> {
        let storage: ByteStorage
        do {
            storage = try ByteStorage.contents(ofPath: path)
        } catch {
            return .failure(
                DataIssue(
                    location: DataLocation(file: path),
                    diagnostic: Diagnostic(.unreadable, "cannot read \(path): \(error.reason)")))
        }
        if storage.buffer.count > limits.maximumFileBytes {
            return .failure(
                DataIssue(
                    location: DataLocation(file: path),
                    diagnostic: Diagnostic(
                        .sen2Limit,
                        "\(path) is \(storage.buffer.count) bytes, more than the \(limits.maximumFileBytes) an SEN2 return may be"
                    )))
        }
        let all = storage.buffer
        let start = all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF ? 3 : 0
        let bytes = Array(all[start...])
        let file = OriginFile(name: path) { Source(name: path, text: String(decoding: bytes, as: UTF8.self)) }
        if let problem = prescan(bytes, file: file) { return .failure(problem) }
        let builder = XMLTreeBuilder(bytes: bytes, file: file, limits: limits)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        _ = parser.parse()
        if let problem = builder.problem { return .failure(problem) }
        guard let root = builder.root else {
            return .failure(issue(.malformedXML, file, at: 0, length: 0, "the file holds no XML"))
        }
        return SEN2TreeReader(file: file).content(of: root)
    }

    /// The first NUL, invalid UTF-8 byte or declaration, before the parser sees any of it.
    private static func prescan(_ bytes: [UInt8], file: OriginFile) -> DataIssue? {
        let bad = bytes.withUnsafeBufferPointer { buffer -> PendingProblem? in
            BadByteScanner.badByteOffsets(in: buffer, from: 0).first.map {
                RecordProblemDescriber(bytes: buffer, maximumFieldBytes: .max).badByte(at: $0)
            }
        }
        if let bad {
            // A Source replaces bad bytes, so locate by the bytes before it, which are good.
            return issue(bad.code, file, at: bad.offset, length: 1, bad.message)
        }
        for marker in ["<!DOCTYPE", "<!ENTITY"] {
            if let offset = find(Array(marker.utf8), in: bytes) {
                return issue(
                    .xmlDeclaration, file, at: offset, length: marker.utf8.count,
                    "\(marker) is not allowed in an SEN2 return: DTDs and entities are refused unread",
                    notes: [
                        "a return from COLLECT has no DTD; entity declarations could expand without bound or read other files"
                    ])
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    static func issue(
        _ code: DataErrorCode, _ file: OriginFile, at offset: Int, length: Int, _ message: String,
        notes: [String] = [], severity: Severity = .error
    ) -> DataIssue {
        DataIssue(
            location: file.location(of: offset),
            diagnostic: Diagnostic(
                code, message, severity: severity, source: file.source, span: Span(offset, offset + length),
                notes: notes))
    }
}
