import StrengthModel
import Testing

@testable import StrengthImport

@Suite("Row accounting")
struct AccountingTests {
    static let mixed = """
        athlete,date,side,muscle,contraction,velocity,torque (Nm)
        A1,2024-03-01,L,Quadriceps,con,60,150
        A1,2024-03-01,X,Q,con,60,150
        A1,2024-03-01,L,Q,con,abc,150
        A1,2024-03-01,L,Q,con,60,-5
        A1,2024-03-01,L,Banana,con,60,5
        A1,2024-02-30,L,Q,con,60,5
        A1,2024-03-01,L,Q
        A1,2024-03-01,L,Q,con,60,150,extra
        A1,2024-03-01,L,Hip adductors,iso,0,210
        A1,2024-03-01,L,Calf,iso,0,300
        A1,2024-03-01,L,Hamstrings,sideways,60,80
        A1,2024-03-01,R,Knee flexors,eccentric,30,NA
        ,2024-03-01,R,H,con,60,80
        A1,2024-03-01,R,Hams,ecc,30,0
        A1,2024-03-01,R,Hams,ecc,30,120.5

        """

    @Test("every row is imported, skipped or rejected, with file, line, column and reason")
    func identity() throws {
        let result = try Importer().importText(Self.mixed, name: "mixed.csv")
        #expect(result.counts == RowCounts(rowsRead: 15, rowsImported: 2, rowsSkipped: 3, rowsRejected: 10))
        #expect(result.counts.isBalanced)
        let errors = result.errors.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
        #expect(
            errors == [
                "3:3 unknown side 'X' (expected L, R, left, right or both)",
                "4:6 velocity 'abc' is not a number of degrees per second",
                "5:7 value -5 is negative",
                "6:4 unknown muscle 'Banana' (expected quadriceps or hamstrings)",
                "7:2 date '2024-02-30' does not exist",
                "8:0 row has 4 fields, the header has 7",
                "9:8 row has 8 fields, the header has 7 (is there an unquoted delimiter inside a value?)",
                "12:5 unknown contraction 'sideways' (expected concentric, eccentric or isometric)",
                "13:7 value is 'NA', which means no result",
                "14:1 athlete is empty",
            ])
        let warnings = result.summary.diagnostics.filter { $0.severity == .warning }.map {
            "\($0.line ?? 0) \($0.message)"
        }
        #expect(
            warnings == [
                "10 skipped 1 row: not a knee extensor or flexor test (muscle 'Hip adductors')",
                "11 skipped 1 row: not a knee extensor or flexor test (muscle 'Calf')",
                "15 skipped 1 row: value is 0 (test not performed?)",
            ])
        #expect(result.summary.diagnostics.allSatisfy { $0.file.hasSuffix("mixed.csv") })
        let eccentric = try #require(result.measurements.last)
        #expect(
            (eccentric.contraction, eccentric.velocity, eccentric.value.si, eccentric.source.line) == (
                .eccentric, 30, 120.5, 16
            ))
    }

    @Test("--strict stops at the first rejection")
    func strict() throws {
        let result = try Importer(options: ImportOptions(strict: true)).importText(Self.mixed)
        #expect(result.stoppedEarly)
        #expect(result.counts == RowCounts(rowsRead: 2, rowsImported: 1, rowsRejected: 1))
        #expect(result.errors.count == 1)
    }

    @Test("the diagnostic list is capped per file, the counts are not")
    func cap() throws {
        var text = "athlete,date,side,muscle,velocity,torque (Nm)\n"
        for _ in 0..<250 { text += "A,2024-01-01,Z,Q,60,1\n" }
        let result = try Importer(options: ImportOptions(diagnosticLimitPerFile: 200)).importText(text)
        #expect(result.counts.rowsRejected == 250)
        #expect(result.errors.count == 200)
        #expect(result.summary.unlistedDiagnostics == 50)
    }

    @Test("counts add up across files")
    func severalFiles() throws {
        let a = try TemporaryFile.path(
            "a.csv", "athlete,date,side,muscle,velocity,torque (Nm)\nA,2024-01-01,L,Q,60,100\n")
        let b = try TemporaryFile.path(
            "b.csv", "athlete,date,side,muscle,velocity,torque (Nm)\nB,2024-01-01,L,Q,60,x\nB,2024-01-01,L,Calf,60,1\n")
        let result = Importer().importFiles([a, b])
        #expect(result.summary.files.map(\.counts.rowsRead) == [1, 2])
        #expect(result.counts == RowCounts(rowsRead: 3, rowsImported: 1, rowsSkipped: 1, rowsRejected: 1))
    }
}

@Suite("Plausibility")
struct PlausibilityTests {
    @Test("values no knee produces are imported but flagged once per file, naming the first")
    func implausible() throws {
        let result = try Importer().importText(
            "athlete,date,side,muscle,velocity,torque (Nm)\nA,2024-01-01,L,Q,60,1500\nA,2024-01-01,L,H,60,80\nA,2024-01-01,R,H,60,0.5\n"
        )
        #expect(result.counts == RowCounts(rowsRead: 3, rowsImported: 3))
        let warnings = result.summary.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.line) == [2])
        #expect(
            warnings.map(\.message) == [
                "2 values are outside what knee tests produce (2–700 Nm), the first here: 1500 Nm; check the unit or a misplaced decimal mark"
            ])
    }
}
