import StrengthModel
import Testing

@testable import StrengthImport

@Suite("Date columns")
struct DateInferenceTests {
    func dates(_ cells: [String], order: DateOrder = .auto) throws -> ImportResult {
        var text = "athlete,date,side,muscle,velocity,torque (Nm)\n"
        for cell in cells { text += "A,\(cell),L,Q,60,100\n" }
        return try Importer(options: ImportOptions(dateOrder: order)).importText(text)
    }

    @Test("a first part above 12 settles day-first for the whole column")
    func dayFirst() throws {
        let result = try dates(["03/04/2024", "14/03/2024"])
        #expect(result.measurements.map(\.date.description) == ["2024-04-03", "2024-03-14"])
    }

    @Test("a second part above 12 settles month-first")
    func monthFirst() throws {
        let result = try dates(["03/04/2024", "1/20/2026"])
        #expect(result.measurements.map(\.date.description) == ["2024-03-04", "2026-01-20"])
    }

    @Test("ISO dates, dotted dates, and times after the date")
    func shapes() throws {
        let result = try dates(["2024-03-14", "2024/3/15 18:08:00", "16.03.2024", "2024-03-17T10:00:00Z"])
        #expect(
            result.measurements.map(\.date.description) == ["2024-03-14", "2024-03-15", "2024-03-16", "2024-03-17"])
    }

    @Test("undecidable dates are rejected with a way out; same-number dates pass")
    func ambiguous() throws {
        let result = try dates(["03/04/2024", "05/05/2024", "06/07/2024"])
        #expect(result.counts == RowCounts(rowsRead: 3, rowsImported: 1, rowsRejected: 2))
        #expect(result.measurements.map(\.date.description) == ["2024-05-05"])
        #expect(
            result.errors.map(\.message) == [
                "rejected 2 rows whose dates (like the one on this line) read as either day/month or month/day, "
                    + "and no date in the column 'date' settles which; pass --date-format dmy or --date-format mdy"
            ])
        #expect(result.errors.first?.line == 2)
        #expect(result.errors.first?.column == 2)
    }

    @Test("--date-format forces the order")
    func forced() throws {
        let dmy = try dates(["03/04/2024", "06/07/2024"], order: .dayMonthYear)
        #expect(dmy.measurements.map(\.date.description) == ["2024-04-03", "2024-07-06"])
        let mdy = try dates(["03/04/2024", "13/01/2024"], order: .monthDayYear)
        #expect(mdy.measurements.map(\.date.description) == ["2024-03-04"])
        #expect(mdy.errors.map(\.message) == ["date '13/01/2024' does not exist when read month-first"])
        let iso = try dates(["2024-03-04", "03/04/2024"], order: .iso)
        #expect(iso.counts.rowsRejected == 1)
        #expect(iso.errors.map(\.message) == ["date '03/04/2024' is not YYYY-MM-DD (--date-format iso)"])
    }

    @Test("a column that mixes both orders is a warning naming both lines; only the undecidable row is rejected")
    func contradictory() throws {
        let result = try dates(["13/01/2024", "01/13/2024", "02/03/2024"])
        #expect(result.counts.rowsRejected == 1)
        // Both kept rows are trials of one test on 2024-01-13: the better one stands for them, both are counted.
        #expect(result.measurements.map(\.date.description) == ["2024-01-13"])
        #expect(result.summary.files[0].measurements == 2)
        #expect(
            result.summary.diagnostics.filter { $0.severity == .warning }.map(\.message)
                == [
                    "the date column 'date' mixes day-first dates (line 2) and month-first dates (line 3); fix the file or pass --date-format dmy or mdy"
                ])
        #expect(result.errors.map(\.line) == [4])
    }
}
