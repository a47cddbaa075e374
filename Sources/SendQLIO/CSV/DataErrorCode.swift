import SendQLCore

/// The stable codes of problems found in data files (the `E07xx` range), explained in `docs/errors.md`.
///
/// Every diagnostic the CSV reader and the data-contract loader produce carries one of these, so
/// tests, scripts and the documentation can refer to a kind of problem without quoting its wording.
public enum DataErrorCode: String, Sendable, Hashable, CaseIterable {
    /// A data folder or file that cannot be read (missing, a directory, no permission).
    case unreadable = "E0700"
    /// A file with no header row.
    case emptyFile = "E0701"
    /// Bytes that are not UTF-8.
    case invalidUTF8 = "E0702"
    /// A NUL byte, which no text export contains.
    case nulByte = "E0703"
    /// A quoted field still open at the end of the file.
    case unterminatedQuote = "E0704"
    /// A row with more or fewer fields than the header.
    case fieldCount = "E0705"
    /// Two header columns with the same name.
    case duplicateColumn = "E0706"
    /// A header column with no name.
    case emptyColumnName = "E0707"
    /// A `"` in the middle of an unquoted field.
    case quoteInUnquotedField = "E0708"
    /// Text between a closing quote and the next separator.
    case textAfterClosingQuote = "E0709"
    /// A value that does not parse as its column's type.
    case badValue = "E0710"
    /// A value outside its column's code list.
    case notInCodeList = "E0711"
    /// A number outside its column's range.
    case outOfRange = "E0712"
    /// An empty field in a column the contract requires a value in.
    case missingValue = "E0713"
    /// A required column missing from a contract table's header.
    case missingColumn = "E0714"
    /// A key value seen on an earlier row of the same table.
    case duplicateKey = "E0715"
    /// A reference to a key that no row of the target table has.
    case danglingReference = "E0716"
    /// A field longer than the reader's maximum (64 MiB unless set otherwise).
    case fieldTooLong = "E0717"
    /// Dates in an order that cannot happen (a finding, not fatal).
    case dateOrder = "E0720"
    /// A contract table whose file is absent (a note).
    case absentFile = "E0721"
    /// A CSV file in the data folder that is not a contract table (a note).
    case unknownFile = "E0722"
    /// A reference that could not be checked because its target table failed to load (a note).
    case referenceNotChecked = "E0723"
    /// A published statistics cell read against the publisher's guidance: an unlisted marker read as
    /// a symbol, or a text that keeps a column of numbers as text (a warning).
    case dfeOddCell = "E0724"
    /// An SEN2 XML return that is not well-formed XML (a truncated file, a mismatched tag, an undefined entity).
    case malformedXML = "E0740"
    /// A DTD or entity declaration in an SEN2 XML return, refused unread.
    case xmlDeclaration = "E0741"
    /// An SEN2 return past a reader limit: its size, its nesting depth or the length of one value.
    case sen2Limit = "E0742"
    /// An SEN2 record in the wrong place: under the wrong parent, repeated where one is allowed,
    /// or (Blade) naming a parent row that is not there.
    case sen2Structure = "E0743"
    /// An SEN2 return missing a module: no `Persons` element, or no Blade file for a module.
    case sen2MissingModule = "E0744"
    /// An element or Blade column that sendql does not read (a note).
    case sen2NotRead = "E0745"
    /// A contract table given twice: by the SEN2 return and by its own CSV file beside it.
    case sen2TableTwice = "E0746"
    /// A return that would publish a surprising figure (a warning from `sendql sen2-check`).
    case sen2Surprising = "E0747"
}

extension Diagnostic {
    /// A diagnostic with one of the data error codes.
    init(
        _ code: DataErrorCode, _ message: String, severity: Severity = .error,
        source: Source? = nil, span: Span? = nil, notes: [String] = []
    ) {
        self.init(severity, code: code.rawValue, message: message, source: source, span: span, notes: notes)
    }
}
