import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import SendQLCore

/// Builds the element tree of an XML file from `XMLParser`'s events, within `SEN2Limits`, and keeps the
/// first problem with its location. Byte offsets come from the parser's line and column (libxml2 counts
/// columns in characters), converted with a cursor that only moves forward, as the events do.
final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    private let bytes: [UInt8]
    private let file: OriginFile
    private let limits: SEN2Limits
    private var lineStarts: [Int] = [0]
    private var cursor = (line: 1, column: 1, offset: 0)
    private var stack: [XMLNode] = []
    private(set) var root: XMLNode?
    /// The first problem, which stops the parse.
    private(set) var problem: DataIssue?

    /// `bytes`: the file's text (after any byte order mark), as `file.source` holds it.
    init(bytes: [UInt8], file: OriginFile, limits: SEN2Limits) {
        self.bytes = bytes
        self.file = file
        self.limits = limits
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
    }

    /// The byte offset of a 1-based line and character column.
    private func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        if line != cursor.line || column < cursor.column {
            cursor = (line, 1, lineStarts[line - 1])
        }
        var offset = cursor.offset, current = cursor.column
        while current < column, offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            current += 1
        }
        cursor = (line, current, offset)
        return offset
    }

    private func fail(
        _ parser: XMLParser, _ code: DataErrorCode, at offset: Int, length: Int = 1, _ message: String,
        notes: [String] = []
    ) {
        guard problem == nil else { return }
        let start = min(offset, bytes.count)
        problem = DataIssue(
            location: file.location(of: start),
            diagnostic: Diagnostic(
                code, message, source: file.source,
                span: Span(start, min(start + length, bytes.count)), notes: notes))
        parser.abortParsing()
    }

    /// The path of the open elements, for messages.
    var openPath: String { stack.map(\.name).joined(separator: "/") }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard problem == nil else { return }
        // The parser stands on the start tag's `>` (or the `/` of `/>`).
        let end = offset(line: parser.lineNumber, column: parser.columnNumber)
        var start = min(end, bytes.count - 1)
        while start > 0, bytes[start] != UInt8(ascii: "<") { start -= 1 }
        if stack.count >= limits.maximumDepth {
            fail(
                parser, .sen2Limit, at: start, length: end + 1 - start,
                "elements nested more than \(limits.maximumDepth) deep (inside \(openPath))")
            return
        }
        let node = XMLNode(
            name: name, tagOffset: start, tagLength: end + 1 - start, valueOffset: min(end + 1, bytes.count))
        if let parent = stack.last { parent.children.append(node) } else { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard problem == nil, let node = stack.last else { return }
        node.text += string
        if node.text.utf8.count > limits.maximumValueBytes {
            fail(
                parser, .sen2Limit, at: node.valueOffset,
                "the value of \(openPath) is longer than \(limits.maximumValueBytes) bytes")
        }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard problem == nil else { return }
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuseDeclaration(parser, "entity \(name)")
    }

    func parser(
        _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?,
        systemID: String?
    ) {
        refuseDeclaration(parser, "external entity \(name)")
    }

    /// Called for a reference to an entity no DTD declares (there is never a DTD: the reader refuses one).
    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        let at = backTo(UInt8(ascii: "&"), from: offset(line: parser.lineNumber, column: parser.columnNumber))
        fail(parser, .malformedXML, at: at, length: name.utf8.count + 2, Self.undefinedEntity)
        return nil
    }

    static let undefinedEntity =
        "an entity reference the return does not define: only &amp; &lt; &gt; &quot; &apos; and &#...; are read"

    /// The offset of the nearest `byte` at or before `offset` (the start of what the parser just read).
    private func backTo(_ byte: UInt8, from offset: Int) -> Int {
        var index = min(offset, bytes.count - 1)
        while index > 0, bytes[index] != byte { index -= 1 }
        return max(index, 0)
    }

    private func refuseDeclaration(_ parser: XMLParser, _ what: String) {
        fail(
            parser, .xmlDeclaration, at: offset(line: parser.lineNumber, column: parser.columnNumber),
            "the return declares an \(what): DTDs and entities are not read")
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard problem == nil else { return }
        let at = offset(line: parser.lineNumber, column: parser.columnNumber)
        let code = (parseError as NSError).code
        let open = stack.last.map { "<\($0.name)>" }
        let message: String
        var place = at
        // libxml2's codes (xmlParserErrors), which XMLParser passes on.
        switch code {
        case _ where at >= bytes.count && !bytes.isEmpty:
            message = "the file ends inside \(open ?? "the return"): it is truncated"
        case 4:
            message = "the file holds no XML"
        case 26, 27:
            message = Self.undefinedEntity
            place = backTo(UInt8(ascii: "&"), from: at)
        case 76:
            message =
                "a closing tag that does not match \(open ?? "the open element"): expected </\(stack.last?.name ?? "")>"
            place = backTo(UInt8(ascii: "<"), from: max(at - 1, 0))
        default:
            message = "not well-formed XML (libxml2 error \(code))"
        }
        fail(parser, .malformedXML, at: place, message)
    }
}
