/// One element of an XML file as the SEN2 reader keeps it: its name, where its start tag and its
/// text are, its text, and its child elements.
final class XMLNode {
    let name: String
    /// Byte offset of the `<` that opens the start tag (into the origin file's text).
    let tagOffset: Int
    let tagLength: Int
    /// Byte offset just after the start tag: where a value's text begins.
    let valueOffset: Int
    var text = ""
    var children: [XMLNode] = []

    init(name: String, tagOffset: Int, tagLength: Int, valueOffset: Int) {
        self.name = name
        self.tagOffset = tagOffset
        self.tagLength = tagLength
        self.valueOffset = valueOffset
    }

    /// The element's value, without surrounding white space.
    var value: String { text.trimmingXMLSpace() }
}

extension String {
    /// Without leading and trailing XML white space (space, tab, CR, LF).
    func trimmingXMLSpace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
