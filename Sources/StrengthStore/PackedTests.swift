import Foundation
import StrengthModel

/// One stored test as the SQLite store keeps it (schema v4): what is not its athlete, day or file.
/// The protocol is the identity's code (`TestIdentity`), which holds side, muscle, contraction,
/// method, dimension, position, machine and the kind of row exactly; speed and angle are kept as
/// given, the code holding them only rounded.
struct PackedTest: Equatable {
    var code: Int64
    var trial: Int
    var valueSI: Double
    var unit: MeasurementUnit
    var velocity: Double?
    var angle: Double?
    var gravityCorrected: Bool?
    var repetitions: UInt16?
    var line: Int

    init(_ m: Measurement, code: Int64, trial: Int) {
        self.code = code
        self.trial = trial
        valueSI = m.value.si
        unit = m.sourceUnit
        velocity = m.velocity
        angle = m.angle
        gravityCorrected = m.gravityCorrected
        repetitions = m.repetitions
        line = m.source.line
    }

    init(
        code: Int64, trial: Int, valueSI: Double, unit: MeasurementUnit, velocity: Double?, angle: Double?,
        gravityCorrected: Bool?, repetitions: UInt16?, line: Int
    ) {
        self.code = code
        self.trial = trial
        self.valueSI = valueSI
        self.unit = unit
        self.velocity = velocity
        self.angle = angle
        self.gravityCorrected = gravityCorrected
        self.repetitions = repetitions
        self.line = line
    }

    /// The test again, with the athlete, day and file its row gives; nil when its code names what
    /// this version does not know.
    func measurement(athleteNumber: UInt32, date: TestDate, fileNumber: UInt32) -> Measurement? {
        guard let words = ProtocolWords(code) else { return nil }
        return Measurement(
            athleteNumber: athleteNumber, date: date, side: words.side, muscle: words.muscle,
            contraction: words.contraction,
            velocity: velocity, angle: angle, value: Quantity(dimension: words.dimension, si: valueSI),
            sourceUnit: unit, method: words.method, gravityCorrected: gravityCorrected, repetitions: repetitions,
            isWarmUp: words.warmUp, position: words.position,
            source: SourceLocation(fileNumber: fileNumber, line: line),
            isDropSet: words.dropSet, fromTrainingLog: words.trainingLog, machine: words.machine)
    }
}

/// What makes a test the same within one athlete's day.
struct TestKey: Hashable {
    var code: Int64
    var trial: Int
}

/// What an identity's code says, read back field by field (the layout `TestIdentity` writes).
struct ProtocolWords {
    var side: Side?
    var muscle: MuscleGroup
    var contraction: Contraction
    var method: TestMethod
    var dimension: PhysicalDimension
    var position: BodyPosition?
    var machine: MachineVariant?
    var trainingLog: Bool
    var warmUp: Bool
    var dropSet: Bool

    init?(_ code: Int64) {
        /// The case at a field's ordinal (1-based, 0 for none); `.none` for 0, nil when out of range.
        func field<T>(_ cases: [T], _ shift: Int64, _ bits: Int64) -> T?? {
            let ordinal = Int((code >> shift) & ((1 << bits) - 1))
            if ordinal == 0 { return .some(nil) }
            return ordinal <= cases.count ? .some(cases[ordinal - 1]) : nil
        }
        typealias Cases = TestIdentity.Cases
        guard let side = field(Cases.sides, 0, 2), let muscle = field(Cases.muscles, 2, 2) ?? nil,
            let contraction = field(Cases.contractions, 4, 2) ?? nil, let method = field(Cases.methods, 6, 4) ?? nil,
            let dimension = field(Cases.dimensions, 10, 3) ?? nil, let position = field(Cases.positions, 13, 3),
            let machine = field(Cases.machines, 16, 3)
        else { return nil }
        self.side = side
        self.muscle = muscle
        self.contraction = contraction
        self.method = method
        self.dimension = dimension
        self.position = position
        self.machine = machine
        trainingLog = (code >> 19) & 1 == 1
        warmUp = (code >> 20) & 1 == 1
        dropSet = (code >> 21) & 1 == 1
    }
}

/// An athlete's tests of one day from one file, packed into one value (the `data` of a `testBatch`
/// row): per test, the code and the value as 8 bytes each (little-endian), a byte of flags, the
/// unit's ordinal, the trial and line as LEB128 varints, then the speed and angle (8 bytes each) and
/// repetitions (varint) when present. docs/store.md describes it.
struct TestPack {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0

    private enum Flag {
        static let velocity: UInt8 = 1
        static let angle: UInt8 = 2
        static let gravityKnown: UInt8 = 4
        static let gravityCorrected: UInt8 = 8
        static let repetitions: UInt8 = 16
    }

    private static let units = MeasurementUnit.allCases

    mutating func append(_ test: PackedTest) {
        count += 1
        append64(UInt64(bitPattern: test.code))
        append64(test.valueSI.bitPattern)
        var flags: UInt8 = 0
        if test.velocity != nil { flags |= Flag.velocity }
        if test.angle != nil { flags |= Flag.angle }
        if let corrected = test.gravityCorrected {
            flags |= Flag.gravityKnown | (corrected ? Flag.gravityCorrected : 0)
        }
        if test.repetitions != nil { flags |= Flag.repetitions }
        bytes.append(flags)
        bytes.append(UInt8(Self.units.firstIndex(of: test.unit)!))
        appendVarint(UInt64(test.trial))
        appendVarint(UInt64(test.line))
        if let velocity = test.velocity { append64(velocity.bitPattern) }
        if let angle = test.angle { append64(angle.bitPattern) }
        if let repetitions = test.repetitions { appendVarint(UInt64(repetitions)) }
    }

    private mutating func append64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func appendVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The tests packed in `bytes`, in order; stops at the first that does not read whole.
    static func forEach(in bytes: UnsafeRawBufferPointer, _ body: (PackedTest) throws -> Void) rethrows {
        var reader = Reader(bytes: bytes)
        while let test = reader.next() { try body(test) }
    }

    static func tests(in data: Data) -> [PackedTest] {
        var tests: [PackedTest] = []
        data.withUnsafeBytes { raw in forEach(in: raw) { tests.append($0) } }
        return tests
    }

    static func tests(in bytes: [UInt8]) -> [PackedTest] {
        var tests: [PackedTest] = []
        bytes.withUnsafeBytes { raw in forEach(in: raw) { tests.append($0) } }
        return tests
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        mutating func next() -> PackedTest? {
            guard let code = read64(), let value = read64(), offset + 2 <= bytes.count else { return nil }
            let flags = bytes[offset]
            let unitOrdinal = Int(bytes[offset + 1])
            offset += 2
            guard unitOrdinal < TestPack.units.count, let trial = readVarint(), let line = readVarint() else {
                return nil
            }
            var test = PackedTest(
                code: Int64(bitPattern: code), trial: Int(truncatingIfNeeded: trial),
                valueSI: Double(bitPattern: value), unit: TestPack.units[unitOrdinal], velocity: nil, angle: nil,
                gravityCorrected: nil, repetitions: nil, line: Int(truncatingIfNeeded: line))
            if flags & Flag.velocity != 0 {
                guard let velocity = read64() else { return nil }
                test.velocity = Double(bitPattern: velocity)
            }
            if flags & Flag.angle != 0 {
                guard let angle = read64() else { return nil }
                test.angle = Double(bitPattern: angle)
            }
            if flags & Flag.gravityKnown != 0 { test.gravityCorrected = flags & Flag.gravityCorrected != 0 }
            if flags & Flag.repetitions != 0 {
                guard let repetitions = readVarint() else { return nil }
                test.repetitions = UInt16(clamping: repetitions)
            }
            return test
        }

        private mutating func read64() -> UInt64? {
            guard offset + 8 <= bytes.count else { return nil }
            defer { offset += 8 }
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }

        private mutating func readVarint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count, shift < 64 {
                let byte = bytes[offset]
                offset += 1
                value |= UInt64(byte & 0x7f) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }
    }
}
