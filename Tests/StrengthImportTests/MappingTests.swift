import Foundation
import StrengthModel
import Testing

@testable import StrengthImport

@Suite("Mapping files")
struct MappingTests {
    static let clinic =
        "Clinic export v2\nID;Tested;Leg;Group;Torque;Remarks\nP1;14.02.2026;L;Q;150,5;ok\nP1;14.02.2026;L;H;80,0;\n"

    @Test("a mapping renames columns, fixes the dialect and adds constants")
    func mapping() throws {
        let mapping = try Mapping.parse(
            """
            # Northside export
            skip 1
            delimiter semicolon
            decimal-mark comma
            date-format dmy
            columns athlete, date, side, muscle, value, -   # Remarks ignored
            constant velocity 60
            constant contraction concentric
            unit Nm
            """, file: "n.map")
        #expect(mapping.skip == 1)
        #expect(mapping.delimiter == UInt8(ascii: ";"))
        #expect(mapping.columns == ["athlete", "date", "side", "muscle", "value", "-"])
        #expect(mapping.constants.map(\.name) == ["velocity", "contraction"])
        let result = try Importer(options: ImportOptions(mapping: mapping)).importText(Self.clinic)
        #expect(result.counts == RowCounts(rowsRead: 2, rowsImported: 2))
        #expect(result.measurements.map(\.value.si) == [150.5, 80])
        #expect(result.measurements.map(\.velocity) == [60, 60])
        #expect(result.measurements.map(\.date.description) == ["2026-02-14", "2026-02-14"])
        #expect(result.file.dialect?.headerLine == 2)
        #expect(
            result.summary.diagnostics.map(\.message).contains(
                "read with a mapping file renames 6 columns, adds 2 constant column(s)"))
    }

    @Test("constants need rows of the file's width")
    func shortRows() throws {
        let mapping = Mapping(
            skip: 1, delimiter: UInt8(ascii: ";"), columns: ["athlete", "date", "side", "muscle", "value (Nm)", "-"],
            constants: [.init(name: "velocity", value: "60")])
        let result = try Importer(options: ImportOptions(mapping: mapping)).importText(
            Self.clinic + "P1;14.02.2026;R\n")
        #expect(result.counts.rowsRejected == 1)
        #expect(result.errors.map(\.message) == ["row has 3 fields, the header has 6"])
    }

    @Test(
        "mistakes name the line",
        arguments: [
            ("skip x", "m.map:1: skip takes the number of lines before the header row, e.g. 'skip 3'"),
            ("\ndelimiter colon", "m.map:2: delimiter must be one of: comma, semicolon, tab, pipe"),
            ("unit furlongs", "m.map:1: unit must be one of: Nm, ft-lb, N, kgf, lbf, kg, lb, reps"),
            (
                "colums a, b",
                "m.map:1: unknown directive 'colums'; expected one of: skip, delimiter, decimal-mark, date-format, columns, constant, unit, training-log"
            ),
            (
                "constant velocity",
                "m.map:1: constant takes a column name and a value, e.g. 'constant contraction isometric'"
            ),
        ])
    func errors(text: String, message: String) {
        #expect(throws: MappingError.self) { try Mapping.parse(text, file: "m.map") }
        do {
            _ = try Mapping.parse(text, file: "m.map")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("the template keeps recognised columns and marks the rest")
    func template() throws {
        let path = try TemporaryFile.path("odd.csv", Self.clinic)
        let text = try MappingTemplate.make(path: path)
        #expect(text.contains("\nskip 1\ndelimiter semicolon\ndecimal-mark comma\ndate-format auto\n"))
        #expect(text.contains("\ncolumns ID, -, Leg, -, Torque, -\n"))
        #expect(text.contains("#   column 2: 'Tested'"))
        // The template parses as it is.
        let mapping = try Mapping.parse(text, file: "t.map")
        #expect(mapping.columns?.count == 6)
    }
}
