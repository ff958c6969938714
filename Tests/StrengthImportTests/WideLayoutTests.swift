import StrengthModel
import Testing

@testable import StrengthImport

@Suite("Generic wide layout")
struct WideLayoutTests {
    @Test("each cell becomes a measurement, converted to SI")
    func cells() throws {
        let text = """
            Athlete,Date,Body mass (lb),Quad L 60 [ft-lb],Quad R 60 [ft-lb],Ham L 60 [ft-lb],Ham R 60 [ft-lb],Ham L Ecc 30 [ft-lb]
            A1,2024-03-01,165,100,110,55,,80
            A2,2024-03-01,150,,,,,

            """
        let result = try Importer().importText(text)
        #expect(result.counts == RowCounts(rowsRead: 2, rowsImported: 1, rowsSkipped: 1))
        #expect(result.measurements.count == 4)
        #expect(abs(result.values(.quadriceps, .left)[0] - 135.58179) < 1e-9)
        #expect(abs(result.values(.hamstrings, .left).sorted()[0] - 74.5699845) < 1e-9)
        let eccentric = try #require(result.measurements.first { $0.contraction == .eccentric })
        #expect((eccentric.velocity, eccentric.sourceUnit, eccentric.method) == (30, .footPound, .isokinetic))
        let key = SessionKey(athlete: "A1", date: TestDate(year: 2024, month: 3, day: 1)!)
        #expect(abs(result.sessions[key]!.bodyMassKg! - 74.84274105) < 1e-9)
    }

    @Test("unitless columns inherit the one unit their siblings state")
    func inheritedUnit() throws {
        let text = "Athlete,Date,Quad L 60 (Nm),Hamstrings Left Con 60\nA,2024-01-01,100,50\n"
        let result = try Importer().importText(text)
        #expect(result.measurements.map(\.sourceUnit) == [.newtonMetre, .newtonMetre])
    }

    @Test("no unit anywhere is refused, naming the columns")
    func noUnit() throws {
        let result = try Importer().importText("Athlete,Date,Quad L 60,Ham L 60\nA,2024-01-01,100,50\n")
        #expect(result.file.failed)
        #expect(
            result.errors.map(\.message) == [
                "no unit for 'Quad L 60', 'Ham L 60'; add it to the header, e.g. 'Quad L 60 [Nm]', or pass --unit"
            ])
    }

    @Test("a bad cell rejects the row naming its column")
    func badCell() throws {
        let result = try Importer().importText("Athlete,Date,Quad L 60 (Nm),Ham L 60 (Nm)\nA,2024-01-01,100,5O\n")
        #expect(result.counts.rowsRejected == 1)
        #expect(result.errors.map { "\($0.column!) \($0.message)" } == ["4 Ham L 60 (Nm): value '5O' is not a number"])
    }

    @Test("the SampleData clinic export: preamble, semicolons, decimal commas, day-first dates")
    func sampleClinic() throws {
        let path = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        let result = Importer().importFiles(["/" + path + "/SampleData/clinic_wide.csv"])
        let dialect = try #require(result.file.dialect)
        #expect(
            (dialect.delimiter, dialect.decimalMark, dialect.headerLine, dialect.lineEnding) == (";", ",", 3, "crlf"))
        #expect(result.counts == RowCounts(rowsRead: 4, rowsImported: 4))
        #expect(result.measurements.count == 40)
        let noorFirst = result.measurements.filter { $0.athlete == "P-101" }.map(\.date.description)
        #expect(Set(noorFirst) == ["2026-02-03", "2026-03-17"])
        let quad = result.measurements.first { $0.athlete == "P-101" && $0.muscle == .quadriceps && $0.side == .left }
        #expect(quad?.value.si == 150.2)
    }
}
