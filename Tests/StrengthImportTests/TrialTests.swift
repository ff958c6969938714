import StrengthModel
import Testing

@testable import StrengthImport

@Suite("Repeated trials")
struct TrialTests {
    static let header = "athlete_id,date,side,muscle,contraction,velocity_deg_s,peak_torque_nm\n"

    @Test("five trials of a test keep the best, the first of equal bests; every row and measurement is counted")
    func best() throws {
        let rows = [
            "A1,2026-01-12,L,hamstrings,concentric,60,101", "A1,2026-01-12,L,hamstrings,concentric,60,104",
            "A1,2026-01-12,L,quadriceps,concentric,60,200", "A1,2026-01-12,L,hamstrings,concentric,60,104",
            "A1,2026-01-12,L,hamstrings,concentric,60,99", "A1,2026-01-12,L,quadriceps,concentric,60,210",
            "A1,2026-01-12,L,hamstrings,concentric,60.0,103",
        ]
        let result = try Importer().importText(Self.header + rows.joined(separator: "\n") + "\n")
        #expect(result.counts.rowsImported == 7)
        #expect(result.file.measurements == 7)
        // Hamstrings: 104 first on line 3; quadriceps: 210 on line 7, kept where the first trial was.
        #expect(
            result.measurements.map { "\($0.muscle.rawValue) \($0.valueInSourceUnit) line \($0.source.line)" } == [
                "hamstrings 104.0 line 3", "quadriceps 210.0 line 7",
            ])
    }

    @Test("another day, side, speed or athlete is another test; gym sets and speedless torques are never folded")
    func distinct() throws {
        let rows = [
            "A1,2026-01-12,L,hamstrings,concentric,60,101", "A1,2026-01-12,R,hamstrings,concentric,60,102",
            "A1,2026-01-12,L,hamstrings,concentric,180,90", "A1,2026-02-12,L,hamstrings,concentric,60,103",
            "A2,2026-02-12,L,hamstrings,concentric,60,104", "A2,2026-02-12,L,hamstrings,concentric,,80",
            "A2,2026-02-12,L,hamstrings,concentric,,81",
        ]
        let result = try Importer().importText(Self.header + rows.joined(separator: "\n") + "\n")
        #expect(result.measurements.count == 7)
    }
}
