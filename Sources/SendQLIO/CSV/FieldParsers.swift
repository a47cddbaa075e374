#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SendQLCore

/// Parsers that read one field's bytes straight into a value, without making a `String`.
///
/// Each returns nil when the bytes are not a value of its type; `explainDate` says why a date-shaped
/// field is still not a date, for the diagnostic's note. Values are not trimmed: ` 12` is not an int.
enum FieldParsers {
    private static let zero = UInt8(ascii: "0")
    private static let minus = UInt8(ascii: "-")
    private static let plus = UInt8(ascii: "+")
    private static let dot = UInt8(ascii: ".")
    private static let slash = UInt8(ascii: "/")

    @inline(__always) private static func digit(_ byte: UInt8) -> Int? {
        let value = byte &- zero
        return value < 10 ? Int(value) : nil
    }

    /// `[+-]?[0-9]+` that fits in 64 bits.
    static func parseInt(_ field: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if field.count > 0, field[0] == minus || field[0] == plus {
            negative = field[0] == minus
            index = 1
        }
        guard index < field.count else { return nil }
        // Accumulate negatively so Int64.min parses too.
        var value: Int64 = 0
        while index < field.count {
            let d = field[index] &- zero
            guard d < 10 else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.subtractingReportingOverflow(Int64(d))
            guard !overflow1, !overflow2 else { return nil }
            value = next
            index += 1
        }
        if negative { return value }
        let (positive, overflow) = Int64(0).subtractingReportingOverflow(value)
        return overflow ? nil : positive
    }

    /// True when the field is written as a whole number, `[+-]?[0-9]+`, whether or not it fits in 64 bits.
    static func isWholeNumber(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if field.count > 0, field[0] == minus || field[0] == plus { index = 1 }
        guard index < field.count else { return false }
        while index < field.count {
            guard digit(field[index]) != nil else { return false }
            index += 1
        }
        return true
    }

    /// Why a whole number does not fit in an int, for the note under "expected int".
    static let tooLargeNote = "number too large: an int holds \(Int64.min) to \(Int64.max)"

    /// True when the field is an unsigned or signed decimal integer written with a leading zero
    /// (`007`, `-01`): an identifier rather than a number, as far as inference is concerned.
    static func hasLeadingZero(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if field.count > 0, field[0] == minus || field[0] == plus { index = 1 }
        return field.count - index > 1 && field[index] == zero && digit(field[index + 1]) != nil
    }

    /// Powers of ten exactly representable as doubles, for the exact fast path.
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// `[+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?`, correctly rounded.
    static func parseDouble(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if field.count > 0, field[0] == minus || field[0] == plus {
            negative = field[0] == minus
            index = 1
        }
        var mantissa: UInt64 = 0
        var mantissaDigits = 0
        var digitCount = 0
        var decimalExponent = 0
        var exact = true
        while index < field.count, let d = digit(field[index]) {
            if mantissaDigits < 19 {
                if mantissa != 0 || d != 0 { mantissaDigits += 1 }
                mantissa = mantissa * 10 + UInt64(d)
            } else {
                exact = false
                decimalExponent += 1
            }
            digitCount += 1
            index += 1
        }
        if index < field.count, field[index] == dot {
            index += 1
            while index < field.count, let d = digit(field[index]) {
                if mantissaDigits < 19 {
                    if mantissa != 0 || d != 0 { mantissaDigits += 1 }
                    mantissa = mantissa * 10 + UInt64(d)
                    decimalExponent -= 1
                } else {
                    exact = false
                }
                digitCount += 1
                index += 1
            }
        }
        guard digitCount > 0 else { return nil }
        if index < field.count, field[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < field.count, field[index] == minus || field[index] == plus {
                exponentNegative = field[index] == minus
                index += 1
            }
            var exponent = 0
            var exponentDigits = 0
            while index < field.count, let d = digit(field[index]) {
                exponent = min(exponent * 10 + d, 100_000)
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        guard index == field.count else { return nil }
        // Clinger's fast path: a mantissa below 2^53 times an exact power of ten rounds once.
        if exact, mantissa < (1 << 53), abs(decimalExponent) <= 22 {
            var value = Double(mantissa)
            if decimalExponent < 0 {
                value /= exactPowersOfTen[-decimalExponent]
            } else {
                value *= exactPowersOfTen[decimalExponent]
            }
            return negative ? -value : value
        }
        return slowParseDouble(field)
    }

    /// The C library's correctly rounded conversion, for the rare values the fast path cannot do.
    /// The syntax was already checked, so `strtod`'s extras (hex, `inf`, spaces) never apply.
    private static func slowParseDouble(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: field.count + 1) { buffer in
            for (offset, byte) in field.enumerated() { buffer[offset] = CChar(bitPattern: byte) }
            buffer[field.count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }

    /// `true/false`, `yes/no`, `y/n`, `1/0`, any case.
    static func parseBool(_ field: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch field.count {
        case 1:
            switch asciiLowercased(field[0]) {
            case UInt8(ascii: "1"), UInt8(ascii: "y"): return true
            case UInt8(ascii: "0"), UInt8(ascii: "n"): return false
            default: return nil
            }
        case 2: return matches(field, "no") ? false : nil
        case 3: return matches(field, "yes") ? true : nil
        case 4: return matches(field, "true") ? true : nil
        case 5: return matches(field, "false") ? false : nil
        default: return nil
        }
    }

    /// True when the field equals the lower-case ASCII `word` ignoring case.
    @inline(__always) private static func matches(_ field: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard field.count == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        for offset in 0..<field.count where asciiLowercased(field[offset]) != expected[offset] { return false }
        return true
    }

    /// The day number of an ISO `YYYY-MM-DD` or UK `DD/MM/YYYY` date (day and month may have one
    /// digit), or nil when it is not one or the day does not exist.
    static func parseDate(_ field: UnsafeBufferPointer<UInt8>) -> Int32? {
        // Fast path: an ISO date from 1900 to 2099, by a table of month starts.
        if field.count == 10, field[4] == minus, field[7] == minus,
            let year = number(field, 0, 4), let month = number(field, 5, 7), let day = number(field, 8, 10),
            year >= 1900, year < 2100, month >= 1, month <= 12, day >= 1
        {
            let index = (year - 1900) * 12 + month - 1
            let start = monthStarts[index]
            guard Int32(day) <= monthStarts[index + 1] - start else { return nil }
            return start + Int32(day) - 1
        }
        guard let (year, month, day) = dateParts(field),
            let date = CivilDate.valid(year: year, month: month, day: day)
        else { return nil }
        return date.dayNumber
    }

    /// Why a field that looks like a date is not one (`February 2019 has 28 days`), or nil when it
    /// does not look like a date at all.
    static func explainDate(_ field: UnsafeBufferPointer<UInt8>) -> String? {
        guard let (year, month, day) = dateParts(field) else { return nil }
        if !(1...12).contains(month) { return "there is no month \(month)" }
        if !(1...9999).contains(year) { return "years run from 1 to 9999" }
        if day < 1 { return "there is no day 0" }
        let length = CivilDate.daysInMonth(year: year, month: month)
        if day > length { return "\(monthNames[month - 1]) \(year) has \(length) days" }
        return nil
    }

    /// The day number of the first of every month from January 1900 to January 2100.
    private static let monthStarts: [Int32] = (0...(200 * 12)).map { index in
        CivilDate(year: 1900 + index / 12, month: index % 12 + 1, day: 1).dayNumber
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// The numbers of a field shaped like `YYYY-MM-DD` or `D[D]/M[M]/YYYY`, unvalidated.
    private static func dateParts(_ field: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        if field.count == 10, field[4] == minus, field[7] == minus {
            guard let year = number(field, 0, 4), let month = number(field, 5, 7),
                let day = number(field, 8, 10)
            else { return nil }
            return (year, month, day)
        }
        guard (8...10).contains(field.count), field[field.count - 5] == slash else { return nil }
        guard let year = number(field, field.count - 4, field.count) else { return nil }
        let dayAndMonthEnd = field.count - 5
        guard let firstSlash = (1...2).first(where: { $0 < dayAndMonthEnd && field[$0] == slash }),
            let day = number(field, 0, firstSlash),
            dayAndMonthEnd - firstSlash - 1 >= 1, dayAndMonthEnd - firstSlash - 1 <= 2,
            let month = number(field, firstSlash + 1, dayAndMonthEnd)
        else { return nil }
        return (year, month, day)
    }

    /// The decimal number written in `field[start..<end]`, or nil when a byte is not a digit.
    @inline(__always) private static func number(_ field: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int?
    {
        var value = 0
        for index in start..<end {
            guard let d = digit(field[index]) else { return nil }
            value = value * 10 + d
        }
        return value
    }
}
