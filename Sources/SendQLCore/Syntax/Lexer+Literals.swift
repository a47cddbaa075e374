/// Numbers, durations, strings, quoted names and dates.
extension Lexer {
    /// The words that make a number a duration when they follow it directly: `6 weeks`.
    static let durationUnits: [String: DurationUnit] = [
        "day": .days, "days": .days, "week": .weeks, "weeks": .weeks, "month": .months,
        "months": .months, "year": .years, "years": .years, "working_day": .workingDays,
        "working_days": .workingDays,
    ]

    /// `INT = digit { digit | "_" digit }`, `DECIMAL = INT "." INT [ ("e"|"E") ["+"|"-"] INT ]`,
    /// and `DURATION = INT unit` when a unit follows on the same line.
    mutating func lexNumber() {
        let start = position
        var isDecimal = false
        consumeDigits()
        // `5..10` is a range, so a dot makes a decimal only when a digit follows it.
        if byte(at: position) == UInt8(ascii: "."), let after = byte(at: position + 1), isDigit(after) {
            isDecimal = true
            position += 1
            consumeDigits()
        }
        if let marker = byte(at: position), marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            let signed = byte(at: position + 1) == UInt8(ascii: "+") || byte(at: position + 1) == UInt8(ascii: "-")
            if let digit = byte(at: position + (signed ? 2 : 1)), isDigit(digit) {
                isDecimal = true
                position += signed ? 2 : 1
                consumeDigits()
            }
        }
        if continuesIdentifier(at: position) {
            // `3rd`, `6weeks`, `1_`: letters glued to a number are never meant as two tokens.
            let numberEnd = position
            position = identifierEnd(from: position)
            let suffix = text(numberEnd, position)
            var notes: [String] = []
            if Lexer.durationUnits[suffix] != nil {
                notes.append("help: put a space between the number and its unit: '\(text(start, numberEnd)) \(suffix)'")
            } else if suffix.lowercased() != "e" {
                notes.append(
                    "help: names cannot start with a digit; write `\(text(start, position))` in backquotes to use it as a name"
                )
            }
            report(
                .invalidNumber, "invalid number '\(text(start, position))'", Span(start, position),
                label: "not a number", notes: notes)
            emit(.invalid, from: start)
            return
        }

        let digits = text(start, position).filter { $0 != "_" }
        if isDecimal {
            guard let value = Double(digits), value.isFinite else {
                report(
                    .invalidNumber, "number '\(text(start, position))' is too large", Span(start, position),
                    label: "too large")
                emit(.invalid, from: start)
                return
            }
            if let (unitText, unitEnd) = durationUnitAfter(position) {
                position = unitEnd
                report(
                    .fractionalDuration, "a duration needs a whole number, found '\(text(start, position))'",
                    Span(start, position), label: "fractional \(unitText)",
                    notes: ["help: use a smaller unit, for example '10 days' instead of '1.5 weeks'"])
                emit(.invalid, from: start)
                return
            }
            emit(.decimal(value), from: start)
            return
        }
        guard let value = Int64(digits) else {
            report(
                .invalidNumber, "integer '\(text(start, position))' is too large", Span(start, position),
                label: "larger than \(Int64.max)")
            emit(.invalid, from: start)
            return
        }
        if let (unitText, unitEnd) = durationUnitAfter(position), let unit = Lexer.durationUnits[unitText] {
            position = unitEnd
            emit(.duration(amount: value, unit: unit), from: start)
            return
        }
        emit(.integer(value), from: start)
    }

    /// Digits with single underscores between them (`1_000_000`).
    mutating func consumeDigits() {
        while let current = byte(at: position) {
            if isDigit(current) {
                position += 1
            } else if current == UInt8(ascii: "_"), position > 0, isDigit(bytes[position - 1]),
                let after = byte(at: position + 1), isDigit(after)
            {
                position += 1
            } else {
                break
            }
        }
    }

    /// A duration unit after spaces or tabs (never across a line break), with the offset after it.
    /// Only a unit directly after a number counts: elsewhere `days` is an ordinary column name.
    func durationUnitAfter(_ offset: Int) -> (String, Int)? {
        var cursor = offset
        while let blank = byte(at: cursor), blank == UInt8(ascii: " ") || blank == UInt8(ascii: "\t") {
            cursor += 1
        }
        guard cursor > offset, startsIdentifier(at: cursor) else { return nil }
        let end = identifierEnd(from: cursor)
        let word = text(cursor, end)
        return Lexer.durationUnits[word] != nil ? (word, end) : nil
    }

    /// `STRING = '"' { char | escape } '"' | "'" { char | escape } "'"`, escapes `\" \' \\ \n \t`.
    ///
    /// A string may run over several lines. One that never closes is reported at its opening
    /// quote; the lexer then resumes on the next line so that later errors are still found.
    mutating func lexString() {
        let start = position
        let quote = bytes[position]
        position += 1
        var value: [UInt8] = []
        while position < bytes.count {
            let current = bytes[position]
            if current == quote {
                position += 1
                emit(.string(String(decoding: value, as: UTF8.self)), from: start)
                return
            }
            if current == UInt8(ascii: "\\"), position + 1 < bytes.count {
                let escaped = bytes[position + 1]
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): value.append(escaped)
                case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
                default:
                    let length = scalar(at: position + 1).length
                    report(
                        .unknownEscape, "unknown escape sequence '\(text(position, position + 1 + length))'",
                        Span(position, position + 1 + length), label: "not an escape",
                        notes: ["help: the escapes are \\\" \\' \\\\ \\n \\t; write \\\\ for a backslash"])
                    // Keep the character itself so the rest of the string still reads sensibly.
                    value.append(contentsOf: bytes[(position + 1)..<(position + 1 + length)])
                    position += 1 + length
                    continue
                }
                position += 2
                continue
            }
            value.append(current)
            position += 1
        }
        // Never closed. Claim only the rest of the opening line, so the lines after it are still
        // lexed (and their errors reported) as ordinary text.
        let quoteText = quote == UInt8(ascii: "\"") ? "\"" : "'"
        report(
            .unterminatedString, "unterminated string: no closing \(quoteText) before the end of input",
            Span(start, start + 1), label: "this string is never closed")
        if unterminatedStringStart == nil { unterminatedStringStart = start }
        position = start + 1
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
        emit(.invalid, from: start)
    }

    /// `` QUOTED_NAME = "`" { any character except "`" and line break } "`" ``: an identifier that
    /// may hold spaces, punctuation or a reserved word.
    mutating func lexQuotedName() {
        let start = position
        position += 1
        while position < bytes.count, bytes[position] != UInt8(ascii: "`"), bytes[position] != UInt8(ascii: "\n") {
            position += 1
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "`") else {
            report(
                .unterminatedQuotedName, "unterminated quoted name: no closing ` on this line",
                Span(start, start + 1), label: "this name is never closed")
            emit(.invalid, from: start)
            return
        }
        let name = text(start + 1, position)
        position += 1
        if name.isEmpty {
            report(
                .emptyQuotedName, "empty quoted name", Span(start, position),
                label: "a name needs at least one character")
            emit(.invalid, from: start)
            return
        }
        emit(.identifier(name), from: start)
    }

    /// `DATE = "@" YYYY "-" MM "-" DD`, checked against the calendar.
    mutating func lexDate() {
        let start = position
        position += 1
        while let current = byte(at: position),
            isDigit(current) || isASCIILetter(current) || current == UInt8(ascii: "-") || current == UInt8(ascii: "_")
        {
            position += 1
        }
        let written = text(start, position)
        let body = text(start + 1, position)
        let span = Span(start, position)
        let example = "help: write a date as @YYYY-MM-DD, for example @2019-03-31"
        if body.isEmpty {
            report(.invalidDate, "expected a date after '@'", span, label: "expected a date", notes: [example])
            emit(.invalid, from: start)
            return
        }
        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else {
            report(.invalidDate, "invalid date literal '\(written)'", span, label: "not a date", notes: [example])
            emit(.invalid, from: start)
            return
        }
        guard let date = CivilDate.valid(year: year, month: month, day: day) else {
            report(
                .invalidDate,
                "invalid date literal '\(written)': \(Lexer.whyNotADate(year: year, month: month, day: day))",
                span, label: "no such date")
            emit(.invalid, from: start)
            return
        }
        emit(.date(date.dayNumber), from: start)
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// Why a well-formed `YYYY-MM-DD` is not a real date, in words.
    static func whyNotADate(year: Int, month: Int, day: Int) -> String {
        if year < 1 { return "there is no year 0" }
        guard (1...12).contains(month) else { return "there is no month \(month)" }
        let days = CivilDate.daysInMonth(year: year, month: month)
        if day < 1 { return "days start at 01" }
        return "\(monthNames[month - 1]) \(year) has \(days) days"
    }
}
