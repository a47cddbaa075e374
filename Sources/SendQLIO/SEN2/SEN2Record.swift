/// One record of an SEN2 module (a Person, a Requests, ...) as read from the XML or a Blade export:
/// its items by element name, with where each came from, and the records that hang off it.
struct SEN2Record: Sendable {
    /// One item's text (trimmed) and where it was read.
    struct Item: Sendable {
        var text: String
        var origin: FieldOrigin
    }

    var module: SEN2Module
    /// The record itself: its start tag, or its Blade row.
    var origin: FieldOrigin
    /// Items by element name (`ReceivedDate`), as the module lists them.
    var items: [String: Item] = [:]
    var children: [SEN2Record] = []

    init(module: SEN2Module, origin: FieldOrigin) {
        self.module = module
        self.origin = origin
    }

    /// An item's text, nil when absent or empty.
    func text(_ name: String) -> String? {
        guard let text = items[name]?.text, !text.isEmpty else { return nil }
        return text
    }

    /// An item as a mapped field: its text and origin, or nil text at the record when absent.
    func field(_ name: String) -> (String?, FieldOrigin) {
        guard let item = items[name] else { return (nil, origin.absent(name)) }
        return (item.text.isEmpty ? nil : item.text, item.origin)
    }

    /// The records of `module` hanging off this one.
    func children(_ module: SEN2Module) -> [SEN2Record] { children.filter { $0.module == module } }
}

/// A whole return: the header's items and the people, each with their records beneath.
struct SEN2ReturnContent: Sendable {
    /// Header items by name: `Collection`, `Year`, `ReferenceDate`, `LEA`, ...
    var header: [String: String] = [:]
    var people: [SEN2Record] = []
    /// Notes about what was not read (unknown elements or columns).
    var notes: [DataIssue] = []
    /// The file (or first file) the return was read from, named in summaries per module.
    var files: [SEN2Module: String] = [:]
}
