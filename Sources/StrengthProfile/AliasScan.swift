/// Finds YAML anchors (`&name`) and aliases (`*name`) before the document is composed.
///
/// A profile never needs them, and nested aliases used as mapping keys make composing a few
/// hundred bytes cost billions of steps (a "billion laughs"). Refusing them up front bounds the
/// work by the size of the text.
enum AliasScan {
    /// The 1-based line and the character of the first anchor or alias, if any.
    static func first(in text: String) -> (line: Int, marker: Character)? {
        var line = 1
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { line += 1 }
            var quote: Character?
            var previous: Character = " "
            var iterator = rawLine.makeIterator()
            while let c = iterator.next() {
                defer { previous = c }
                if let open = quote {
                    if c == open { quote = nil }
                    continue
                }
                switch c {
                case "\"", "'":
                    // A quote opens a quoted scalar only where a value starts.
                    if startsNode(after: previous) { quote = c }
                case "#" where previous == " " || previous == "\t":
                    break
                case "&", "*":
                    guard startsNode(after: previous) else { continue }
                    // An anchor or alias is the marker followed directly by its name.
                    var lookahead = iterator
                    if let next = lookahead.next(), !next.isWhitespace { return (line, c) }
                default:
                    continue
                }
                if c == "#" && (previous == " " || previous == "\t") { break }
            }
        }
        return nil
    }

    private static func startsNode(after previous: Character) -> Bool {
        previous == " " || previous == "\t" || previous == "[" || previous == "{" || previous == ","
            || previous == ":" || previous == "-" || previous == "?"
    }
}
