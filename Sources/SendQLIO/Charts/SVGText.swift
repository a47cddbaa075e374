/// Fixed formatting for SVG: numbers with at most one decimal and no locale, escaped text.
enum SVGText {
    /// A coordinate: rounded to 0.1, without a trailing `.0` (`12`, `12.5`, `-3.1`).
    static func number(_ value: Double) -> String {
        fixed(value, decimals: 1, dropZeros: true)
    }

    /// `value` rounded to `decimals` places; `dropZeros` drops a fractional part that is all zeros.
    static func fixed(_ value: Double, decimals: Int, dropZeros: Bool = false) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        let negative = scaled < 0
        let magnitude = UInt64(abs(scaled))
        let factor = UInt64(scale)
        var text = String(magnitude / factor)
        if decimals > 0 {
            var fraction = String(magnitude % factor)
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
            if !(dropZeros && fraction.allSatisfy { $0 == "0" }) { text += "." + fraction }
        }
        return negative && magnitude != 0 ? "-" + text : text
    }

    /// A whole number with thousands separators: `1,234`.
    static func grouped(_ value: Double, decimals: Int) -> String {
        let text = fixed(value, decimals: decimals)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole.removeLast(3)
        }
        groups.insert(whole, at: 0)
        let joined = groups.joined(separator: ",") + (parts.count > 1 ? "." + parts[1] : "")
        return negative ? "-" + joined : joined
    }

    /// Text escaped for element content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and line breaks are not allowed in XML.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A rough width in pixels of `text` in a sans-serif font of `size` (for layout only).
    static func width(_ text: String, size: Double) -> Double {
        var units = 0.0
        for character in text {
            switch character {
            // Measured on DejaVu Sans, the sans-serif of Debian's renderers (the widest common one), so a
            // label laid out by these widths never runs into the next in any of them.
            case "i", "l", "j", "'", ".", ",", ":", ";", "|", "!", "I": units += 0.3
            case " ", "(", ")", "/", "-", "t", "f", "r": units += 0.4
            case "m", "w", "M", "W", "%", "@": units += 0.95
            case "A"..."Z": units += 0.72
            case "0"..."9": units += 0.64
            default: units += 0.61
            }
        }
        return units * size
    }
}
