import SendQLCore

/// Turns an XML element tree into SEN2 records, checking each module sits under its parent.
struct SEN2TreeReader {
    let file: OriginFile
    private var notes: [DataIssue] = []

    init(file: OriginFile) { self.file = file }

    func content(of root: XMLNode) -> Result<SEN2ReturnContent, DataIssue> {
        var reader = self
        do throws(DataIssue) {
            return .success(try reader.read(root))
        } catch {
            return .failure(error)
        }
    }

    private mutating func read(_ root: XMLNode) throws(DataIssue) -> SEN2ReturnContent {
        guard root.name == "Message" else {
            throw structure(root, "the root element is <\(root.name)>; an SEN2 return's is <Message>")
        }
        var content = SEN2ReturnContent()
        content.files = Dictionary(uniqueKeysWithValues: SEN2Module.allCases.map { ($0, file.name) })
        for header in root.children where header.name == "Header" {
            for part in header.children {
                for item in part.children where item.children.isEmpty { content.header[item.name] = item.value }
            }
        }
        let persons = root.children.filter { $0.name == "Persons" }
        guard let list = persons.first else {
            throw XMLIssue.make(
                .sen2MissingModule, file, root,
                "the return has no <Persons> module (Message/Persons): no person, request or plan can be read")
        }
        if persons.count > 1 { throw structure(persons[1], "<Persons> appears twice in <Message>; a return has one") }
        for other in root.children where !["Header", "Persons"].contains(other.name) {
            try place(other, in: "Message", parentModule: nil)
        }
        var ordinals: [String: Int] = [:]
        for child in list.children {
            ordinals[child.name, default: 0] += 1
            let path = "Message/Persons/\(child.name)[\(ordinals[child.name]!)]"
            if child.name == SEN2Module.person.element {
                content.people.append(try record(child, .person, path: path))
            } else {
                try place(child, in: "Message/Persons", parentModule: nil)
            }
        }
        content.notes = notes
        return content
    }

    /// One module's record, its items and the records under it.
    private mutating func record(_ node: XMLNode, _ module: SEN2Module, path: String) throws(DataIssue) -> SEN2Record {
        var record = SEN2Record(
            module: module,
            origin: FieldOrigin(
                file: file, offset: node.tagOffset, length: node.tagLength, path: path))
        var ordinals: [String: Int] = [:]
        for child in node.children {
            ordinals[child.name, default: 0] += 1
            let childPath = "\(path)/\(child.name)"
            if let childModule = SEN2Module.module(element: child.name), childModule.parent == module {
                if childModule.isSingle, ordinals[child.name]! > 1 {
                    throw structure(
                        child, "<\(child.name)> appears twice in \(path); a <\(module.element)> has at most one")
                }
                record.children.append(
                    try self.record(child, childModule, path: "\(childPath)[\(ordinals[child.name]!)]"))
            } else if module.items.contains(child.name) {
                guard child.children.isEmpty else {
                    throw structure(child.children[0], "<\(child.name)> holds elements; it should hold a value")
                }
                guard record.items[child.name] == nil else {
                    throw structure(child, "<\(child.name)> appears twice in \(path)")
                }
                let text = child.value
                let leading = child.text.utf8.count - child.text.drop { $0.isWhitespace }.utf8.count
                record.items[child.name] = SEN2Record.Item(
                    text: text,
                    origin: FieldOrigin(
                        file: file, offset: child.valueOffset + leading, length: max(text.utf8.count, 1),
                        path: childPath))
            } else {
                try place(child, in: path, parentModule: module)
            }
        }
        return record
    }

    /// An element that does not belong where it is: a module under the wrong parent is an error,
    /// anything else a note that it was not read.
    private mutating func place(_ node: XMLNode, in path: String, parentModule: SEN2Module?) throws(DataIssue) {
        if let module = SEN2Module.module(element: node.name) {
            let expected = module.parent.map { "<\($0.element)>" } ?? "<Persons>"
            let found =
                path.split(separator: "/").last.map { "<\($0.split(separator: "[").first ?? $0)>" } ?? "<Message>"
            throw structure(node, "<\(node.name)> must be inside \(expected), found inside \(found) (\(path))")
        }
        notes.append(
            XMLIssue.make(
                .sen2NotRead, file, node, "<\(node.name)> in \(path) is not an SEN2 item sendql reads; it was not read",
                severity: .note))
    }

    private func structure(_ node: XMLNode, _ message: String) -> DataIssue {
        XMLIssue.make(.sen2Structure, file, node, message)
    }
}

/// Located problems with an element.
enum XMLIssue {
    static func make(
        _ code: DataErrorCode, _ file: OriginFile, _ node: XMLNode, _ message: String,
        severity: Severity = .error
    ) -> DataIssue {
        SEN2XMLReader.issue(code, file, at: node.tagOffset, length: node.tagLength, message, severity: severity)
    }
}
