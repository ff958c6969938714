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
        // Value (a Double and a case) 0–8, seven one-byte cases 9–15, velocity and angle 16–31, athlete
        // number 32–35, date 36–39, source (UInt32 and Int) 40–55, repetitions (UInt16?) 56–58,
        // position and three flags 59–62.
        #expect(MemoryLayout<Measurement>.size == 63)
        #expect(MemoryLayout<Measurement>.stride == 64)
        #expect(MemoryLayout<Quantity>.size == 9)
        #expect(MemoryLayout<PackedOptionalDouble>.size == 8)
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

    @Test("an optional number packed in eight bytes reads back as given: nil, NaN, −0 and the largest")
    func packedOptional() {
        #expect(PackedOptionalDouble(nil).value == nil)
        #expect(PackedOptionalDouble(60).value == 60)
        #expect(PackedOptionalDouble(-0.0).value?.sign == .minus)
        #expect(PackedOptionalDouble(.greatestFiniteMagnitude).value == .greatestFiniteMagnitude)
        // A NaN, whatever its payload, is a number and not nil; like any NaN it equals nothing.
        let nan = PackedOptionalDouble(Double(bitPattern: 0x7FF8_DEAD_0000_0001))
        #expect(nan.value?.isNaN == true)
        #expect(nan != nan)
        #expect(PackedOptionalDouble(nil) == PackedOptionalDouble(nil))
        #expect(PackedOptionalDouble(nil) != PackedOptionalDouble(0))
        #expect(PackedOptionalDouble(0) == PackedOptionalDouble(-0.0))
        #expect(PackedOptionalDouble(0).hashValue == PackedOptionalDouble(-0.0).hashValue)
        var velocityless = base
        velocityless.velocity = nil
        #expect(velocityless.velocity == nil)
        velocityless.velocity = 180
        #expect(velocityless.velocity == 180)
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
