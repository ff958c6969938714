import StrengthModel

/// What the sniffer decided about a file before the real read.
struct SniffedFile {
    var encoding: TextEncoding
    var byteOrderMark: Bool
    var lineTerminator: UInt8
    var lineEnding: String
    var delimiter: UInt8
    var decimalMark: DecimalMark
    /// 1-based line of the header row.
    var headerLine: Int
    var header: [HeaderColumn]
    var adapter: any LayoutAdapter.Type
    /// Lines above the header, split with the file's delimiter.
    var preamble: [[String]]

    func dialect(finalNewline: Bool) -> DialectDescription {
        DialectDescription(
            delimiter: delimiter == 0x09 ? "\\t" : String(UnicodeScalar(delimiter)),
            decimalMark: decimalMark.rawValue, encoding: encoding.rawValue, byteOrderMark: byteOrderMark,
            lineEnding: lineEnding, finalNewline: finalNewline, preambleLines: headerLine - 1, headerLine: headerLine)
    }
}

/// Why a whole file cannot be read. Each message says what the user can do.
public struct FileProblem: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int?
    public var column: Int?

    public var description: String { message }

    init(_ message: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.line = line
        self.column = column
    }
}

/// Decides encoding, BOM, line ending, delimiter, preamble, header row and decimal mark from the
/// first part of a file, then which adapter reads it.
enum DialectSniffer {
    static let sampleSize = 256 * 1024
    /// How far the sample grows to take in a very long header line.
    static let maxSampleSize = 64 * 1024 * 1024
    static let candidateDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]
    /// How far down a header may sit below titles and export notes.
    static let maxPreambleLines = 30

    static func sniff(
        sample: [UInt8], isWholeFile: Bool, options: ImportOptions, forcedAdapter: (any LayoutAdapter.Type)?
    ) throws(FileProblem) -> SniffedFile {
        guard !sample.isEmpty else { throw FileProblem("the file is empty") }
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
            throw FileProblem("the file is UTF-16 text; save it as 'CSV UTF-8' and try again")
        }
        if let order = utf16WithoutBOM(sample) {
            throw FileProblem(
                "the file is UTF-16 text (\(order), without a byte-order mark); save it as 'CSV UTF-8' and try again")
        }
        let hasBOM = sample.starts(with: [0xEF, 0xBB, 0xBF])
        var bytes = hasBOM ? Array(sample.dropFirst(3)) : sample
        if let zero = bytes.firstIndex(of: 0) {
            throw FileProblem(
                "the file is not text (a NUL byte at offset \(zero + (hasBOM ? 3 : 0))); is it a spreadsheet (.xlsx) rather than a CSV?"
            )
        }
        let encoding = try detectEncoding(&bytes, isWholeFile: isWholeFile)
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw FileProblem("the file has no text, only blank lines")
        }

        let (terminator, ending) = lineEnding(of: bytes)
        var lines = splitLines(bytes, terminator: terminator)
        if !isWholeFile && lines.count > 1 { lines.removeLast() }

        let lineCount = lines.last?.isEmpty == true ? lines.count - 1 : lines.count
        if let skip = options.mapping?.skip, skip >= lineCount {
            throw FileProblem(
                isWholeFile
                    ? "the mapping file says 'skip \(skip)', but the file has only \(lineCount) line\(lineCount == 1 ? "" : "s"); "
                        + "the header row would be line \(skip + 1). Fix 'skip' in the mapping file"
                    : "the mapping file says 'skip \(skip)', but line \(skip + 1) is not within the first "
                        + "\(bytes.count / 1024) KB of the file. Fix 'skip' in the mapping file")
        }
        let headerChoice = chooseHeader(lines: lines, forcedAdapter: forcedAdapter, mapping: options.mapping)
        guard let headerChoice else { throw explainUnrecognised(lines: lines) }
        if let named = options.mapping?.columns?.count, named > headerChoice.fileColumns {
            throw FileProblem(
                "the mapping file names \(named) columns, but the header row has \(headerChoice.fileColumns); "
                    + "fix 'columns' in the mapping file (use - for a column to ignore)",
                line: headerChoice.lineIndex + 1)
        }
        let dataLines = lines.dropFirst(headerChoice.lineIndex + 1).prefix(200)
        let decimalMark =
            options.decimalMark
            ?? sniffDecimalMark(
                dataLines.map { splitFields($0, delimiter: headerChoice.delimiter) }, delimiter: headerChoice.delimiter)
        return SniffedFile(
            encoding: encoding, byteOrderMark: hasBOM, lineTerminator: terminator, lineEnding: ending,
            delimiter: headerChoice.delimiter, decimalMark: decimalMark, headerLine: headerChoice.lineIndex + 1,
            header: headerChoice.header, adapter: headerChoice.adapter,
            preamble: lines.prefix(headerChoice.lineIndex).map { splitFields($0, delimiter: headerChoice.delimiter) })
    }

    /// UTF-16 text of mostly Latin characters has a NUL in every other byte: at odd offsets for
    /// little-endian, even for big-endian. A binary file has NULs all over.
    static func utf16WithoutBOM(_ sample: [UInt8]) -> String? {
        let probe = sample.prefix(4096)
        guard probe.count >= 8 else { return nil }
        var zeros = (even: 0, odd: 0)
        for (offset, byte) in probe.enumerated() where byte == 0 {
            if offset % 2 == 0 { zeros.even += 1 } else { zeros.odd += 1 }
        }
        let half = probe.count / 2
        if zeros.odd * 10 >= half * 7 && zeros.even * 20 <= half { return "little-endian" }
        if zeros.even * 10 >= half * 7 && zeros.odd * 20 <= half { return "big-endian" }
        return nil
    }

    private static func detectEncoding(_ bytes: inout [UInt8], isWholeFile: Bool) throws(FileProblem) -> TextEncoding {
        let invalid = bytes.withUnsafeBytes { UTF8Check.firstInvalidByte(in: $0, allowTruncatedEnd: !isWholeFile) }
        let controls = bytes.lazy.filter { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }.count
        if controls * 100 > bytes.count {
            throw FileProblem(
                "the file is not text (\(controls) control bytes in the first \(bytes.count)); is it a CSV?")
        }
        guard invalid != nil else { return .utf8 }
        var decoded: [UInt8] = []
        bytes.withUnsafeBytes { Windows1252.transcode($0, into: &decoded) }
        bytes = decoded
        return .windows1252
    }

    static func lineEnding(of bytes: [UInt8]) -> (UInt8, String) {
        if let lf = bytes.firstIndex(of: 0x0A) {
            return (0x0A, lf > 0 && bytes[lf - 1] == 0x0D ? "crlf" : "lf")
        }
        if bytes.contains(0x0D) { return (0x0D, "cr") }
        return (0x0A, "none")
    }

    static func splitLines(_ bytes: [UInt8], terminator: UInt8) -> [String] {
        bytes.split(separator: terminator, omittingEmptySubsequences: false).map { line in
            var slice = line[...]
            if terminator == 0x0A, slice.last == 0x0D { slice = slice.dropLast() }
            return String(decoding: slice, as: UTF8.self)
        }
    }

    /// Splits one physical line the way libcsv will: quotes group, `""` escapes, spaces trimmed.
    static func splitFields(_ line: String, delimiter: UInt8) -> [String] {
        let delim = Character(UnicodeScalar(delimiter))
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var wasQuoted = false
        var iterator = Array(line)
        var i = 0
        while i < iterator.count {
            let c = iterator[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < iterator.count && iterator[i + 1] == "\"" {
                        current.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    current.append(c)
                }
            } else if c == "\"" && current.trimmingSpaces.isEmpty && !wasQuoted {
                inQuotes = true
                wasQuoted = true
                current = ""
            } else if c == delim {
                fields.append(wasQuoted ? current : current.trimmingSpaces)
                current = ""
                wasQuoted = false
            } else if !(wasQuoted && (c == " " || c == "\t")) {
                current.append(c)
            }
            i += 1
        }
        fields.append(wasQuoted ? current : current.trimmingSpaces)
        iterator.removeAll()
        return fields
    }

    private struct HeaderChoice {
        var lineIndex: Int
        var delimiter: UInt8
        var header: [HeaderColumn]
        var adapter: any LayoutAdapter.Type
        var confidence: Int
        var consistentRows: Int
        /// Fields on the header line itself, before a mapping renames or adds any.
        var fileColumns: Int
    }

    /// Tries every delimiter on every early line; the surest adapter wins, then the delimiter
    /// under which the following rows agree with the header's field count.
    private static func chooseHeader(lines: [String], forcedAdapter: (any LayoutAdapter.Type)?, mapping: Mapping?)
        -> HeaderChoice?
    {
        var best: HeaderChoice?
        let adapters = forcedAdapter.map { [$0] } ?? AdapterRegistry.all
        // A mapping file fixes the header line and the delimiter, and may rename the columns.
        let lineRange =
            mapping?.skip.map { $0..<min(lines.count, $0 + 1) } ?? 0..<min(lines.count, maxPreambleLines + 1)
        let delimiters = mapping?.delimiter.map { [$0] } ?? candidateDelimiters
        for lineIndex in lineRange {
            for delimiter in delimiters where lines[lineIndex].utf8.contains(delimiter) || mapping?.delimiter != nil {
                var cells = splitFields(lines[lineIndex], delimiter: delimiter)
                let fileColumns = cells.count
                if let mapping {
                    cells = mapping.header(replacing: cells)
                } else {
                    guard cells.count >= 2 else { continue }
                }
                let header = cells.enumerated().map { HeaderColumn(index: $0.offset, text: $0.element) }
                for adapter in adapters {
                    let identification = adapter.identify(header)
                    guard identification.confidence > 0, identification.missing.isEmpty else { continue }
                    let following = lines.dropFirst(lineIndex + 1).prefix(20).filter { !$0.trimmingSpaces.isEmpty }
                    let consistent = following.filter { splitFields($0, delimiter: delimiter).count >= cells.count }
                        .count
                    let candidate = HeaderChoice(
                        lineIndex: lineIndex, delimiter: delimiter, header: header, adapter: adapter,
                        confidence: identification.confidence, consistentRows: consistent, fileColumns: fileColumns)
                    if let current = best {
                        if (candidate.confidence, candidate.consistentRows) > (
                            current.confidence, current.consistentRows
                        ) {
                            best = candidate
                        }
                    } else {
                        best = candidate
                    }
                }
            }
            // The first line that fully identifies is the header; lines below are data.
            if best != nil { return best }
        }
        return best
    }

    /// Builds the message for a file no adapter reads: which line looked most like a header,
    /// what each layout was missing.
    private static func explainUnrecognised(lines allLines: [String]) -> FileProblem {
        let lines = allLines.last?.isEmpty == true ? Array(allLines.dropLast()) : allLines
        var bestLine = 0
        var bestDelimiter = UInt8(ascii: ",")
        var bestScore = -1
        var bestReport: [String] = []
        for lineIndex in 0..<min(lines.count, maxPreambleLines + 1) {
            for delimiter in candidateDelimiters {
                let cells = splitFields(lines[lineIndex], delimiter: delimiter)
                guard cells.count >= 2 else { continue }
                let header = cells.enumerated().map { HeaderColumn(index: $0.offset, text: $0.element) }
                var report: [String] = []
                var score = 0
                for adapter in AdapterRegistry.all {
                    let identification = adapter.identify(header)
                    score = max(score, identification.confidence)
                    // Name the generic layouts always, and any other format the header partly matched.
                    guard identification.confidence > 0 || adapter.name.hasPrefix("generic") else { continue }
                    report.append("\(adapter.name) needs \(identification.missing.joined(separator: ", "))")
                }
                if score > bestScore {
                    bestScore = score
                    bestLine = lineIndex
                    bestDelimiter = delimiter
                    bestReport = report
                }
            }
        }
        guard bestScore >= 0 else {
            return FileProblem(
                "no header row found: no line in the first \(min(lines.count, maxPreambleLines + 1)) has two or more "
                    + "fields separated by a comma, semicolon, tab or pipe")
        }
        let cells = splitFields(lines[bestLine], delimiter: bestDelimiter)
        var columns = cells.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
        if cells.count > 12 { columns += " and \(cells.count - 12) more" }
        return FileProblem(
            "no known layout: the likeliest header row has columns \(columns); \(bestReport.joined(separator: "; ")). "
                + "Rename the columns as described in docs/input-formats.md, or describe the layout in a mapping file "
                + "(hqscreen formats --template FILE writes one)",
            line: bestLine + 1)
    }

    /// With `;`, tab or pipe delimiters, `102,5` is a decimal comma. With `,` it cannot be, unquoted.
    static func sniffDecimalMark(_ rows: [[String]], delimiter: UInt8) -> DecimalMark {
        var commas = 0
        var points = 0
        for row in rows {
            for field in row {
                switch numberShape(field) {
                case .comma: commas += 1
                case .point: points += 1
                case .other: break
                }
            }
        }
        if delimiter == UInt8(ascii: ",") { return commas > 0 && points == 0 ? .comma : .point }
        return commas > points ? .comma : .point
    }

    private enum NumberShape { case comma, point, other }

    private static func numberShape(_ field: String) -> NumberShape {
        var digitsBefore = 0
        var digitsAfter = 0
        var mark: Character?
        for (i, c) in field.enumerated() {
            if c.isASCII && c.isNumber {
                if mark == nil { digitsBefore += 1 } else { digitsAfter += 1 }
            } else if (c == "," || c == ".") && mark == nil && digitsBefore > 0 {
                mark = c
            } else if i == 0 && (c == "-" || c == "+") {
                continue
            } else {
                return .other
            }
        }
        guard let mark, digitsBefore > 0, digitsAfter > 0 else { return .other }
        // 1,234 and 1.234 could be thousands separators; they do not vote.
        if digitsAfter == 3 { return .other }
        return mark == "," ? .comma : .point
    }
}
