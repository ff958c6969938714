#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a starting mapping file from a file's header: the dialect as sniffed, the columns
/// HQScreen recognises kept, the others marked `-` with their names in a comment.
public enum MappingTemplate {
    public static func make(path: String) throws -> String {
        let (sample, isWholeFile, _) = try Importer().readSample(path)
        var bytes = sample.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(sample.dropFirst(3)) : sample
        if bytes.withUnsafeBytes({ UTF8Check.firstInvalidByte(in: $0, allowTruncatedEnd: !isWholeFile) }) != nil {
            var decoded: [UInt8] = []
            bytes.withUnsafeBytes { Windows1252.transcode($0, into: &decoded) }
            bytes = decoded
        }
        let (terminator, _) = DialectSniffer.lineEnding(of: bytes)
        var lines = DialectSniffer.splitLines(bytes, terminator: terminator)
        if !isWholeFile && lines.count > 1 { lines.removeLast() }
        guard !lines.isEmpty else { throw FileProblem("the file is empty") }

        // The header is the early line with the most recognised columns, then the most fields.
        var best = (line: 0, delimiter: UInt8(ascii: ","), recognised: -1, fields: 0)
        for lineIndex in 0..<min(lines.count, DialectSniffer.maxPreambleLines + 1) {
            for delimiter in DialectSniffer.candidateDelimiters where lines[lineIndex].utf8.contains(delimiter) {
                let cells = DialectSniffer.splitFields(lines[lineIndex], delimiter: delimiter)
                let recognised = cells.enumerated().filter { known(HeaderColumn(index: $0.offset, text: $0.element)) }
                    .count
                if (recognised, cells.count) > (best.recognised, best.fields) {
                    best = (lineIndex, delimiter, recognised, cells.count)
                }
            }
        }
        let cells = DialectSniffer.splitFields(lines[best.line], delimiter: best.delimiter)
        let rows = lines.dropFirst(best.line + 1).prefix(200).map {
            DialectSniffer.splitFields($0, delimiter: best.delimiter)
        }
        let decimal = DialectSniffer.sniffDecimalMark(Array(rows), delimiter: best.delimiter)
        let delimiterName =
            switch best.delimiter {
            case UInt8(ascii: ";"): "semicolon"
            case 0x09: "tab"
            case UInt8(ascii: "|"): "pipe"
            default: "comma"
            }
        var names: [String] = []
        var unknown: [String] = []
        for (i, cell) in cells.enumerated() {
            let column = HeaderColumn(index: i, text: cell)
            if known(column) {
                names.append(cell.replacingCommas)
            } else {
                names.append("-")
                unknown.append("#   column \(i + 1): '\(cell)'")
            }
        }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        var out = [
            "# HQScreen mapping for \(fileName), written by `hqscreen formats --template`.",
            "# Check each line, then: hqscreen report \(fileName) --mapping THIS-FILE",
            "# Directives: skip, delimiter, decimal-mark, date-format, columns, constant, unit (docs/input-formats.md).",
            "skip \(best.line)",
            "delimiter \(delimiterName)",
            "decimal-mark \(decimal == .comma ? "comma" : "point")",
            "date-format auto",
            "# The file's columns in order. Name each with a header HQScreen knows (athlete, date, side,",
            "# muscle, contraction, velocity, angle, value (Nm), unit, reps, ...) or '-' to ignore it.",
            "columns \(names.joined(separator: ", "))",
        ]
        if !unknown.isEmpty {
            out.append("# Not recognised, marked '-':")
            out += unknown
        }
        out += [
            "# Add what every row shares, for example:",
            "# constant contraction isometric",
            "# constant angle 90",
            "# unit N",
        ]
        return out.joined(separator: "\n") + "\n"
    }

    private static func known(_ column: HeaderColumn) -> Bool {
        ColumnRole.of(column) != nil || WideColumn(column) != nil
    }
}

extension String {
    fileprivate var replacingCommas: String { String(map { $0 == "," ? ";" : $0 }) }
}
