import StrengthModel

/// The text of `hqscreen check`: per-file accounting, then every diagnostic.
public enum CheckReport {
    public static func render(_ summary: ImportSummary, style: TextStyle) -> String {
        var lines: [String] = []
        for file in summary.files {
            let c = file.counts
            if file.failed && c.rowsRead == 0 {
                lines.append(
                    style.bold(TerminalSafe.escape(file.path)) + ": " + style.colored("not imported", as: "red"))
                continue
            }
            var line = style.bold(TerminalSafe.escape(file.path))
            if let format = file.format { line += style.dim(" [\(format)]") }
            line +=
                ": \(c.rowsRead) rows read, \(c.rowsImported) imported, \(c.rowsSkipped) skipped, \(c.rowsRejected) rejected"
            line += " (\(file.measurements) measurements)"
            if file.failed { line += " — " + style.colored("file not fully read", as: "red") }
            lines.append(line)
            if let d = file.dialect {
                var parts = [
                    "delimiter '\(d.delimiter)'", "decimal '\(d.decimalMark)'", d.encoding, d.lineEnding.uppercased(),
                ]
                if d.byteOrderMark { parts.append("BOM") }
                if d.preambleLines > 0 { parts.append("header on line \(d.headerLine)") }
                if !d.finalNewline { parts.append("no final newline") }
                lines.append(style.dim("  " + parts.joined(separator: ", ")))
            }
            lines.append(contentsOf: columnLines(file.columns, style: style))
        }
        let c = summary.counts
        lines.append(
            "Total: \(c.rowsRead) rows read = \(c.rowsImported) imported + \(c.rowsSkipped) skipped + \(c.rowsRejected) rejected"
        )
        if !summary.diagnostics.isEmpty {
            lines.append("")
            for diagnostic in summary.diagnostics {
                let label: String
                switch diagnostic.severity {
                case .error: label = style.colored("error", as: "red")
                case .warning: label = style.colored("warning", as: "amber")
                case .info: label = style.dim("info")
                }
                var place = TerminalSafe.escape(diagnostic.file)
                if let line = diagnostic.line { place += ":\(line)" }
                if let column = diagnostic.column { place += ":\(column)" }
                lines.append("\(place): \(label): \(TerminalSafe.escape(diagnostic.message))")
            }
        }
        if summary.unlistedDiagnostics > 0 {
            lines.append(
                "… and \(summary.unlistedDiagnostics) more rejected rows not listed (the first 200 per file are; "
                    + "--all lists every one).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `reads: 1 'Athlete ID' as athlete, …` and `not used: 9 'Notes'`, wrapped to the terminal.
    static func columnLines(_ columns: [ColumnReport], style: TextStyle) -> [String] {
        var lines: [String] = []
        let read = columns.filter { $0.readAs != nil }.map {
            "\($0.column) '\(TerminalSafe.escape($0.header))' as \($0.readAs!)"
        }
        let unused = columns.filter { $0.readAs == nil }.map { "\($0.column) '\(TerminalSafe.escape($0.header))'" }
        if !read.isEmpty { lines += wrapItems(read, lead: "  reads: ") }
        if !unused.isEmpty { lines += wrapItems(unused, lead: "  not used: ").map { style.colored($0, as: "amber") } }
        return lines
    }

    /// Wraps between items, never inside one, so `4 'Body mass (kg)' as body mass (kg)` stays whole.
    static func wrapItems(_ items: [String], lead: String, width: Int = 100) -> [String] {
        var lines: [String] = []
        var current = lead
        let indent = String(repeating: " ", count: lead.count)
        for (i, item) in items.enumerated() {
            let piece = item + (i == items.count - 1 ? "" : ",")
            if current.count + piece.count > width && current != lead && current != indent {
                lines.append(String(current.dropLast()))
                current = indent
            }
            current += piece + " "
        }
        lines.append(String(current.dropLast()))
        return lines
    }
}
