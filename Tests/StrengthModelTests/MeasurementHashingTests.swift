import StrengthModel
import Testing

@Suite("Measurement hashing")
struct MeasurementHashingTests {
    private let base = Measurement(
        athlete: "A000007", date: TestDate(year: 2025, month: 3, day: 14)!, side: .left, muscle: .hamstrings,
        contraction: .concentric, velocity: 60, value: Quantity(112.5, .newtonMetre), sourceUnit: .newtonMetre,
        method: .isokinetic, source: SourceLocation(file: "hashing.csv", line: 9))

    @Test("every stored field is one the hash reads: a new field must be added to MeasurementHashing")
    func fieldCount() {
        #expect(Mirror(reflecting: base).children.count == 18)
    }

    @Test("a measurement holds no reference (the athlete is a number), so copying one copies bytes")
    func plainBytes() {
        #expect(_isPOD(Measurement.self))
        // Athlete number 0–3, date 4–7, value (a Double and a case) 8–16, repetitions (UInt16?) 18–20,
        // side, muscle and contraction 21–23, velocity (Double?, 9 bytes) 24–32, seven one-byte cases
        // and flags 33–39, angle (Double?) 40–48, position 49, source (UInt32 and Int) 56–71.
        #expect(MemoryLayout<Measurement>.size == 72)
        #expect(MemoryLayout<Quantity>.size == 9)
        #expect(base.athlete == "A000007")
        #expect(base.athleteNumber == AthleteNames.number("A000007"))
        var renamed = base
        renamed.athlete = "B1"
        #expect(renamed.athlete == "B1")
        #expect(renamed.athleteNumber != base.athleteNumber)
    }

    @Test("changing any one field changes the hash; equal measurements hash alike")
    func everyFieldCounts() {
        let changes: [(String, (inout Measurement) -> Void)] = [
            ("athlete", { $0.athlete = "A000008" }),
            ("date", { $0.date = TestDate(year: 2025, month: 3, day: 15)! }),
            ("side", { $0.side = nil }),
            ("muscle", { $0.muscle = .quadriceps }),
            ("contraction", { $0.contraction = .eccentric }),
            ("source unit", { $0.sourceUnit = .footPound }),
            ("method", { $0.method = .handHeld }),
            ("gravity", { $0.gravityCorrected = false }),
            ("warm-up", { $0.isWarmUp = true }),
            ("drop set", { $0.isDropSet = true }),
            ("training log", { $0.fromTrainingLog = true }),
            ("machine", { $0.machine = .seated }),
            ("position", { $0.position = .prone }),
            ("repetitions", { $0.repetitions = 0 }),
            ("velocity", { $0.velocity = nil }),
            ("angle", { $0.angle = 0 }),
            ("value", { $0.value = Quantity(112.6, .newtonMetre) }),
            ("dimension", { $0.value = Quantity(dimension: .force, si: 112.5) }),
            ("file", { $0.source.file = "other.csv" }),
            ("line", { $0.source.line = 10 }),
        ]
        for (name, change) in changes {
            var changed = base
            change(&changed)
            #expect(changed != base, "\(name)")
            #expect(changed.hashValue != base.hashValue, "\(name)")
        }
        let copy = Measurement(
            athlete: String(decoding: Array("A000007".utf8), as: UTF8.self), date: base.date, side: .left,
            muscle: .hamstrings, contraction: .concentric, velocity: 60, value: Quantity(112.5, .newtonMetre),
            sourceUnit: .newtonMetre, method: .isokinetic, source: SourceLocation(file: "hashing.csv", line: 9))
        #expect(copy.hashValue == base.hashValue)
    }

    @Test("an angle of −0° equals 0° and hashes alike")
    func signedZero() {
        var zero = base
        zero.angle = 0
        var negativeZero = base
        negativeZero.angle = -0.0
        #expect(zero == negativeZero)
        #expect(zero.hashValue == negativeZero.hashValue)
    }
}
