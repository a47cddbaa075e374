/// The resolve stage, between the parser and the checker: expands `include` (reading and parsing
/// the named scripts, refusing a cycle) and reads the files `load` names, so that the checker only
/// checks. Everything it reads comes through a `ResourceLoader`.
struct Resolver {
    let resources: (any ResourceLoader)?
    /// False for a script that does not parse: it will not run, so its `load`s are not read.
    let readsTables: Bool
    /// The most files an `include` chain may nest.
    static let maximumIncludeDepth = 32

    private var resolution = Resolution()
    /// The scripts being included, outermost first, to refuse a cycle.
    private var stack: [String] = []

    init(resources: (any ResourceLoader)?, readsTables: Bool) {
        self.resources = resources
        self.readsTables = readsTables
    }

    /// What `script` and the scripts it includes name.
    static func resolve(_ script: Script, resources: (any ResourceLoader)?, readsTables: Bool) -> Resolution {
        var resolver = Resolver(resources: resources, readsTables: readsTables)
        resolver.walk(script)
        return resolver.resolution
    }

    private mutating func walk(_ script: Script) {
        let name = script.source.name
        for statement in script.statements {
            let key = Resolution.Key(source: name, offset: statement.span.start)
            switch statement.kind {
            case .include(let path): resolution.includes[key] = include(path, from: name)
            case .load(let path, let table): resolution.loads[key] = load(path, as: table, from: script.source)
            default: break
            }
        }
    }

    private mutating func include(_ path: StringLiteral, from base: String) -> Resolution.Include {
        guard let resources else { return .failed(.badInclude, "include is not available here", notes: []) }
        let included: Source
        do {
            included = try resources.readScript(path.value, relativeTo: base)
        } catch {
            return .failed(.badInclude, "cannot include \"\(path.value)\": \(error.message)", notes: [])
        }
        if stack.contains(included.name) || included.name == base {
            return .failed(
                .badInclude, "\"\(path.value)\" includes itself",
                notes: ["note: the chain is " + (stack + [base, included.name]).joined(separator: " -> ")])
        }
        guard stack.count < Self.maximumIncludeDepth else {
            return .failed(.badInclude, "includes nest deeper than \(Self.maximumIncludeDepth) files", notes: [])
        }
        let (script, diagnostics) = Parser.parse(included)
        resolution.diagnostics += diagnostics
        stack.append(base)
        walk(script)
        stack.removeLast()
        return .script(script)
    }

    private mutating func load(_ path: StringLiteral, as name: Identifier, from source: Source) -> Resolution.Load {
        guard let resources else { return .unavailable }
        guard readsTables else { return .notRead }
        do {
            return .table(try resources.loadTable(path.value, relativeTo: source.name))
        } catch {
            var diagnostic = error
            diagnostic.notes.append("note: while loading \"\(path.value)\" as \(name.name)")
            resolution.diagnostics.append(diagnostic)
            return .failed
        }
    }
}
