import SendQLCore

/// Where an SEN2 return is, given what `--data` names: an XML file, or a folder holding one XML
/// return or a Blade export (`Blade-Export_<DD-MM-YYYY>_<module>.csv` files).
public struct SEN2Return: Sendable {
    public enum Format: Sendable, Equatable {
        /// The XML return at this path.
        case xml(String)
        /// Blade export files in the folder, by module (`person`, `requests`, ..., `sen2`).
        case blade([String: String])
    }

    public var format: Format
    /// The folder the area's own CSV files for the other tables are read from.
    public var folder: String

    /// The return `path` names, or nil when it names none (a folder of contract CSV files).
    public static func locate(_ path: String) -> Result<SEN2Return, DataIssue>? {
        if FileSystem.isFile(path) {
            guard path.lowercased().hasSuffix(".xml") else { return nil }
            let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            return .success(
                SEN2Return(format: .xml(path), folder: folder.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : folder))
        }
        guard FileSystem.isDirectory(path) else { return nil }
        let names = FileSystem.names(in: path).sorted()
        let xml = names.filter { $0.lowercased().hasSuffix(".xml") }
        let blade = names.filter { SEN2BladeReader.module(ofFileName: $0) != nil }
        if xml.count + (blade.isEmpty ? 0 : 1) > 1 {
            let found = xml + (blade.isEmpty ? [] : ["a Blade export"])
            return .failure(
                DataIssue(
                    location: DataLocation(file: path),
                    diagnostic: Diagnostic(
                        .sen2TableTwice, "\(path) holds more than one SEN2 return: \(found.joined(separator: ", "))",
                        notes: ["keep one return in the data folder"])))
        }
        if let name = xml.first { return .success(SEN2Return(format: .xml(TableLoad.join(path, name)), folder: path)) }
        guard !blade.isEmpty else { return nil }
        var files: [String: String] = [:]
        for name in blade {
            let module = SEN2BladeReader.module(ofFileName: name)!
            if let other = files[module] {
                return .failure(
                    DataIssue(
                        location: DataLocation(file: TableLoad.join(path, name)),
                        diagnostic: Diagnostic(
                            .sen2TableTwice,
                            "two Blade files for the \(module) module: \(other) and \(TableLoad.join(path, name))")))
            }
            files[module] = TableLoad.join(path, name)
        }
        return .success(SEN2Return(format: .blade(files), folder: path))
    }

    /// Reads the return's records.
    func read(limits: SEN2Limits) -> Result<SEN2ReturnContent, DataIssue> {
        switch format {
        case .xml(let path): SEN2XMLReader.read(path: path, limits: limits)
        case .blade(let files): SEN2BladeReader(files: files, folder: folder, limits: limits).read()
        }
    }

    /// The return's files, as messages name them.
    var description: String {
        switch format {
        case .xml(let path): path
        case .blade: "the Blade export in \(folder)"
        }
    }
}

/// How an SEN2 return is read.
public struct SEN2Options: Sendable, Hashable {
    /// Read the items that identify a child (UPN, ULN, surname, forename, postcode) into `people` as
    /// `upn`, `uln`, `surname`, `forename` and `postcode`. Off unless asked for (`--sen2-identifiers`);
    /// `--publish` refuses every one of those columns.
    public var identifiers = false
    public var limits = SEN2Limits()

    public init(identifiers: Bool = false, limits: SEN2Limits = SEN2Limits()) {
        self.identifiers = identifiers
        self.limits = limits
    }
}
