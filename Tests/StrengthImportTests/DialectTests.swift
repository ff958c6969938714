import Foundation
import StrengthModel
import Testing

@testable import StrengthImport

/// One fixture per file quirk the sniffer must handle.
@Suite("Dialect sniffing")
struct DialectTests {
    let importer = Importer()
    static let header = "athlete,date,side,muscle,velocity,torque (Nm)"
    static let rows = ["A1,2024-03-01,L,Q,60,150.5", "A1,2024-03-01,L,H,60,90"]

    func plain(_ separator: String = "\n", final: Bool = true) -> String {
        ([Self.header] + Self.rows).joined(separator: separator) + (final ? separator : "")
    }

    @Test("LF with a final newline")
    func lf() throws {
        let result = try importer.importText(plain())
        let dialect = try #require(result.file.dialect)
        #expect(dialect.lineEnding == "lf")
        #expect(dialect.finalNewline)
        #expect(dialect.delimiter == ",")
        #expect(result.counts == RowCounts(rowsRead: 2, rowsImported: 2))
        #expect(result.values(.quadriceps, .left) == [150.5])
    }

    @Test("CRLF without a final newline")
    func crlf() throws {
        let result = try importer.importText(plain("\r\n", final: false))
        let dialect = try #require(result.file.dialect)
        #expect(dialect.lineEnding == "crlf")
        #expect(!dialect.finalNewline)
        #expect(result.counts.rowsImported == 2)
        #expect(result.values(.hamstrings, .left) == [90])
        #expect(result.measurements.map(\.source.line) == [2, 3])
    }

    @Test("old Mac CR line endings")
    func cr() throws {
        let result = try importer.importText(plain("\r"))
        #expect(result.file.dialect?.lineEnding == "cr")
        #expect(result.counts.rowsImported == 2)
        #expect(result.measurements.map(\.source.line) == [2, 3])
    }

    @Test("UTF-8 byte order mark is stripped before the header")
    func bom() throws {
        let result = try importer.importBytes([0xEF, 0xBB, 0xBF] + Array(plain().utf8))
        #expect(result.file.dialect?.byteOrderMark == true)
        #expect(result.file.format == "generic-long")
        #expect(result.counts.rowsImported == 2)
    }

    @Test("semicolons with decimal commas")
    func semicolonDecimalComma() throws {
        let text = """
            athlete;date;side;muscle;velocity;torque (Nm)
            A1;2024-03-01;L;Q;60;150,5
            A1;2024-03-01;L;H;60;90,25

            """
        let result = try importer.importText(text)
        let dialect = try #require(result.file.dialect)
        #expect(dialect.delimiter == ";")
        #expect(dialect.decimalMark == ",")
        #expect(result.values(.quadriceps, .left) == [150.5])
        #expect(result.values(.hamstrings, .left) == [90.25])
    }

    @Test("tab and pipe delimiters", arguments: ["\t", "|"])
    func otherDelimiters(delimiter: String) throws {
        let text = plain().replacingOccurrences(of: ",", with: delimiter)
        let result = try importer.importText(text)
        #expect(result.file.dialect?.delimiter == (delimiter == "\t" ? "\\t" : "|"))
        #expect(result.counts.rowsImported == 2)
    }

    @Test("preamble lines before the header")
    func preamble() throws {
        let text = "Northside Physio, knee screening\nExported 2024-03-02 by IsoExport\n\n" + plain()
        let result = try importer.importText(text)
        let dialect = try #require(result.file.dialect)
        #expect(dialect.headerLine == 4)
        #expect(dialect.preambleLines == 3)
        #expect(result.counts.rowsRead == 2)
        #expect(result.measurements.map(\.source.line) == [5, 6])
    }

    @Test("trailing empty columns from a spreadsheet")
    func trailingEmptyColumns() throws {
        let text = Self.header + ",,,\n" + Self.rows.map { $0 + ",,," }.joined(separator: "\n") + "\n"
        let result = try importer.importText(text)
        #expect(result.counts == RowCounts(rowsRead: 2, rowsImported: 2))
    }

    @Test("blank lines are not rows, and do not shift line numbers")
    func blankLines() throws {
        let text = Self.header + "\n\n" + Self.rows[0] + "\n   \n" + Self.rows[1] + "\n\n"
        let result = try importer.importText(text)
        #expect(result.counts.rowsRead == 2)
        #expect(result.measurements.map(\.source.line) == [3, 5])
    }

    @Test("quoted fields with delimiters, doubled quotes and line breaks")
    func quoting() throws {
        let text =
            [
                "athlete,name,date,side,muscle,velocity,torque (Nm)",
                #"A1,"Smith, Jo ""JJ""",2024-03-01,L,Q,60,150"#,
                #"A1,"Smith, Jo ""JJ""",2024-03-01,L,H,60,"90""#,
                "A2,\"Line one\nline two\",2024-03-01,R,Q,60,120",
            ].joined(separator: "\n") + "\n"
        let result = try importer.importText(text)
        #expect(result.counts == RowCounts(rowsRead: 3, rowsImported: 3))
        let key = SessionKey(athlete: "A1", date: TestDate(year: 2024, month: 3, day: 1)!)
        #expect(result.sessions[key]?.name == "Smith, Jo \"JJ\"")
        #expect(result.measurements.map(\.source.line) == [2, 3, 4])
    }

    @Test("Windows-1252 text is decoded, and said so")
    func windows1252() throws {
        var bytes = Array("athlete,name,date,side,muscle,velocity,torque (Nm)\nA1,Ren".utf8)
        bytes += [0xE9] + Array("e M".utf8) + [0xFC] + Array("ller,2024-03-01,L,Q,60,150\n".utf8)
        let result = try importer.importBytes(bytes)
        #expect(result.file.dialect?.encoding == "windows-1252")
        let key = SessionKey(athlete: "A1", date: TestDate(year: 2024, month: 3, day: 1)!)
        #expect(result.sessions[key]?.name == "Renée Müller")
        #expect(result.summary.diagnostics.map(\.severity) == [.info])
    }

    @Test("UTF-16 is refused with a way out")
    func utf16() throws {
        let result = try importer.importBytes([0xFF, 0xFE, 0x61, 0x00])
        #expect(result.file.failed)
        #expect(result.errors.map(\.message) == ["the file is UTF-16 text; save it as 'CSV UTF-8' and try again"])
    }
}
