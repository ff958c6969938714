/// ANSI styling for terminals; plain text when colour is off (not a TTY, or NO_COLOR is set).
public struct TextStyle: Sendable {
    public var color: Bool

    public init(color: Bool) { self.color = color }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }

    func band(_ band: BandLabel) -> String { colored(band.text, as: band.band) }

    /// Text in the colour of a band: red, amber, green, anything else cyan.
    func colored(_ text: String, as band: String) -> String {
        switch band {
        case "red": wrap(text, "1;31")
        case "amber": wrap(text, "1;33")
        case "green": wrap(text, "32")
        default: wrap(text, "36")
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// A band as shown in text: upper case for the ones that need attention.
public struct BandLabel {
    public var band: String
    public var text: String

    public init(_ band: String) {
        self.band = band
        switch band {
        case "red": text = "RED"
        case "amber": text = "AMBER"
        case "green": text = "green"
        default: text = "info"
        }
    }
}

/// Greedy word wrap for terminal paragraphs.
enum TextWrap {
    static func wrap(_ text: String, width: Int, indent: String, firstIndent: String? = nil) -> [String] {
        var lines: [String] = []
        var current = firstIndent ?? indent
        var currentHasWord = false
        for word in text.split(separator: " ") {
            if currentHasWord && current.count + 1 + word.count > width {
                lines.append(current)
                current = indent + word
            } else {
                current += (currentHasWord ? " " : "") + word
            }
            currentHasWord = true
        }
        if currentHasWord { lines.append(current) }
        return lines
    }
}
