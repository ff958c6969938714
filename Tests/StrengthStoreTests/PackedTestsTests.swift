import Foundation
import StrengthModel
import Testing

@testable import StrengthStore

@Suite("Tests packed for the SQLite store")
struct PackedTestsTests {
    private static func measurement(
        side: Side? = .left, muscle: MuscleGroup = .hamstrings, contraction: Contraction = .concentric,
        velocity: Double? = 60, angle: Double? = nil, method: TestMethod = .isokinetic,
        dimension: PhysicalDimension = .torque, unit: MeasurementUnit = .newtonMetre, gravityCorrected: Bool? = nil,
        repetitions: UInt16? = nil, warmUp: Bool = false, dropSet: Bool = false, trainingLog: Bool = false,
        position: BodyPosition? = nil, machine: MachineVariant? = nil, line: Int = 2
    ) -> StrengthModel.Measurement {
        StrengthModel.Measurement(
            athlete: "A1", date: TestDate(year: 2026, month: 3, day: 2)!, side: side, muscle: muscle,
            contraction: contraction, velocity: velocity, angle: angle,
            value: Quantity(dimension: dimension, si: 123.45),
            sourceUnit: unit, method: method, gravityCorrected: gravityCorrected, repetitions: repetitions,
            isWarmUp: warmUp, position: position, source: SourceLocation(file: "a.csv", line: line),
            isDropSet: dropSet, fromTrainingLog: trainingLog, machine: machine)
    }

    /// Every case of every field at least once, and each optional both present and absent.
    static let variety: [StrengthModel.Measurement] =
        Side.allCases.map { measurement(side: $0) } + [measurement(side: nil)]
        + MuscleGroup.allCases.map { measurement(muscle: $0) }
        + Contraction.allCases.map { measurement(contraction: $0) }
        + TestMethod.allCases.map { measurement(method: $0) }
        + PhysicalDimension.allCases.map { measurement(dimension: $0) }
        + BodyPosition.allCases.map { measurement(position: $0) }
        + MachineVariant.allCases.map { measurement(machine: $0) }
        + MeasurementUnit.allCases.map { measurement(unit: $0) } + [
            measurement(velocity: nil, angle: 30.25), measurement(velocity: 59.97), measurement(gravityCorrected: true),
            measurement(gravityCorrected: false), measurement(repetitions: 0), measurement(repetitions: 65_535),
            measurement(warmUp: true), measurement(dropSet: true), measurement(trainingLog: true),
            measurement(line: 5_000_000_000), measurement(line: 127), measurement(line: 128),
        ]

    @Test("every field of every kind of test comes back as it went in, file and all")
    func roundTrip() {
        var pack = TestPack()
        for (trial, m) in Self.variety.enumerated() {
            pack.append(PackedTest(m, code: TestIdentity(m).code, trial: trial * 1_000))
        }
        #expect(pack.count == Self.variety.count)
        let tests = TestPack.tests(in: pack.bytes)
        #expect(tests.map(\.trial) == Self.variety.indices.map { $0 * 1_000 })
        let back = tests.map {
            $0.measurement(
                athleteNumber: AthleteNames.number("A1"), date: TestDate(year: 2026, month: 3, day: 2)!,
                fileNumber: SourceFiles.number("a.csv"))
        }
        #expect(back == Self.variety.map { Optional($0) })
    }

    @Test("a code naming a case this version lacks gives no test; a cut-off pack stops at its last whole test")
    func unreadable() throws {
        let m = Self.measurement()
        // Muscle is two bits: ordinal 3 names a third muscle group, which there is not.
        let unknownMuscle = (TestIdentity(m).code & ~(3 << 2)) | (3 << 2)
        #expect(
            PackedTest(m, code: unknownMuscle, trial: 1).measurement(
                athleteNumber: m.athleteNumber, date: m.date, fileNumber: 0) == nil)
        var pack = TestPack()
        pack.append(PackedTest(m, code: TestIdentity(m).code, trial: 1))
        let whole = pack.bytes.count
        pack.append(PackedTest(m, code: TestIdentity(m).code, trial: 2))
        for cut in [0, 5, whole, whole + 7, pack.bytes.count - 1] {
            #expect(TestPack.tests(in: Array(pack.bytes.prefix(cut))).count == (cut >= whole ? 1 : 0))
        }
    }

    /// The stored codes number each field's cases in this order: a new case goes at the end.
    @Test("the order of each field's cases, which stored codes depend on, is the one stores were written with")
    func caseOrder() {
        typealias Cases = TestIdentity.Cases
        #expect(Cases.sides.map(\.rawValue) == ["left", "right"])
        #expect(Cases.muscles.map(\.rawValue) == ["quadriceps", "hamstrings"])
        #expect(Cases.contractions.map(\.rawValue) == ["concentric", "eccentric", "isometric"])
        #expect(
            Cases.methods.map(\.rawValue) == [
                "isokinetic", "hand-held", "nordic", "machine-1rm", "isometric-station", "single-leg-bridge",
                "unspecified",
            ])
        #expect(Cases.dimensions.map(\.rawValue) == ["torque", "force", "mass", "count"])
        #expect(Cases.positions.map(\.rawValue) == ["seated", "prone", "supine", "standing", "kneeling"])
        #expect(Cases.machines.map(\.rawValue) == ["seated", "lying", "standing"])
    }

    @Test("an import's tests are packed by athlete, day and file, in the order each first came")
    func batches() {
        func test(_ athlete: String, _ day: Int, _ line: Int, file: String = "a.csv") -> StrengthModel.Measurement {
            var m = Self.measurement(line: line)
            m.athlete = athlete
            m.date = TestDate(year: 2026, month: 3, day: day)!
            m.source = SourceLocation(file: file, line: line)
            return m
        }
        let rows = [test("A", 1, 2), test("B", 1, 3), test("A", 1, 4), test("A", 2, 5), test("A", 1, 2, file: "b.csv")]
        let batches = TestBatches(rows).batches
        #expect(
            batches.map { "\($0.athlete) \($0.date) \(SourceFiles.name($0.fileNumber))" } == [
                "A 2026-03-01 a.csv", "B 2026-03-01 a.csv", "A 2026-03-02 a.csv", "A 2026-03-01 b.csv",
            ])
        #expect(batches.map { TestPack.tests(in: $0.pack.bytes).map(\.line) } == [[2, 4], [3], [5], [2]])
        #expect(batches.map { TestPack.tests(in: $0.pack.bytes).map(\.trial) } == [[1, 2], [1], [1], [1]])
        #expect(batches.map(\.sharesDay) == [false, false, false, true])
    }
}
