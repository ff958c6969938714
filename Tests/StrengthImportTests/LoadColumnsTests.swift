import StrengthModel
import Testing

@testable import StrengthImport

@Suite("Load-based rows: both legs, repetitions, set types")
struct LoadColumnsTests {
    static let text = """
        athlete,date,side,muscle,load (kg),reps,set type
        R,2026-03-05,Both,Hamstrings,20,12,warm-up
        R,2026-03-05,both,Leg curl,30,7,normal
        R,2026-03-05,B,Quadriceps,70,8,failure
        R,2026-03-05,L,Quadriceps,35,8,
        R,2026-03-05,Both,Quadriceps,70,8.5,normal
        R,2026-03-05,Both,Quadriceps,70,8,sideways

        """

    @Test("both legs, repetitions and warm-ups are read; bad cells are rejected by column")
    func columns() throws {
        let result = try Importer().importText(Self.text)
        #expect(result.counts == RowCounts(rowsRead: 6, rowsImported: 4, rowsRejected: 2))
        #expect(result.measurements.map(\.side) == [nil, nil, nil, .left])
        #expect(result.measurements.map(\.repetitions) == [12, 7, 8, 8])
        #expect(result.measurements.map(\.isWarmUp) == [true, false, false, false])
        #expect(result.measurements.map(\.muscle) == [.hamstrings, .hamstrings, .quadriceps, .quadriceps])
        #expect(Set(result.measurements.map(\.method)) == [.machine1RM])
        #expect(
            result.errors.map { "\($0.line!):\($0.column!) \($0.message)" } == [
                "6:6 repetitions '8.5' is not a whole number from 1 to 1000",
                "7:7 set type 'sideways' is not warm-up, normal, failure or drop set",
            ])
    }
}
