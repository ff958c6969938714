import StrengthModel

/// A measurement as 64 bytes for `MeasurementSpill`: the athlete and file as numbers into the
/// spill's name tables, enums by their position in `allCases` (0 for none), numbers as they are.
enum MeasurementRecord {
    // Byte offsets; the athlete comes first so sorting reads only it.
    private static let athlete = 0, file = 4, line = 8, value = 16, velocity = 24, angle = 32
    private static let year = 40, month = 42, day = 43, repetitions = 44
    private static let side = 46, muscle = 47, contraction = 48, sourceUnit = 49, method = 50, gravity = 51
    private static let flags = 52, machine = 53, position = 54, dimension = 55, present = 56

    private static func code<T: CaseIterable & Equatable>(_ value: T?) -> UInt8
    where T.AllCases: RandomAccessCollection {
        guard let value, let i = T.allCases.firstIndex(of: value) else { return 0 }
        return UInt8(T.allCases.distance(from: T.allCases.startIndex, to: i) + 1)
    }

    private static func value<T: CaseIterable>(_ code: UInt8) -> T? where T.AllCases: RandomAccessCollection {
        guard code > 0 else { return nil }
        let all = T.allCases
        let offset = Int(code) - 1
        guard offset < all.count else { return nil }
        return all[all.index(all.startIndex, offsetBy: offset)]
    }

    static func encode(_ m: Measurement, athlete: UInt32, file: UInt32, into out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: MeasurementSpill.recordSize))
        out.withUnsafeMutableBytes { raw in
            let r = UnsafeMutableRawBufferPointer(rebasing: raw[start..<start + MeasurementSpill.recordSize])
            r.storeBytes(of: athlete, toByteOffset: Self.athlete, as: UInt32.self)
            r.storeBytes(of: file, toByteOffset: Self.file, as: UInt32.self)
            r.storeBytes(of: Int64(m.source.line), toByteOffset: line, as: Int64.self)
            r.storeBytes(of: m.value.si, toByteOffset: value, as: Double.self)
            r.storeBytes(of: m.velocity ?? 0, toByteOffset: velocity, as: Double.self)
            r.storeBytes(of: m.angle ?? 0, toByteOffset: angle, as: Double.self)
            r.storeBytes(of: UInt16(m.date.year), toByteOffset: year, as: UInt16.self)
            r[month] = UInt8(m.date.month)
            r[day] = UInt8(m.date.day)
            r.storeBytes(of: m.repetitions ?? 0, toByteOffset: repetitions, as: UInt16.self)
            r[side] = code(m.side)
            r[muscle] = code(m.muscle)
            r[contraction] = code(m.contraction)
            r[sourceUnit] = code(m.sourceUnit)
            r[method] = code(m.method)
            r[gravity] = m.gravityCorrected.map { $0 ? 2 : 1 } ?? 0
            r[flags] = (m.isWarmUp ? 1 : 0) | (m.isDropSet ? 2 : 0) | (m.fromTrainingLog ? 4 : 0)
            r[machine] = code(m.machine)
            r[position] = code(m.position)
            r[dimension] = code(m.value.dimension)
            r[present] = (m.velocity != nil ? 1 : 0) | (m.angle != nil ? 2 : 0) | (m.repetitions != nil ? 4 : 0)
        }
    }

    static func decode(_ raw: UnsafeRawBufferPointer, at offset: Int, athleteNumber: UInt32) -> Measurement {
        let r = UnsafeRawBufferPointer(rebasing: raw[offset..<offset + MeasurementSpill.recordSize])
        let present = r[Self.present]
        let flags = r[Self.flags]
        return Measurement(
            athleteNumber: athleteNumber,
            date: TestDate(
                year: Int(r.loadUnaligned(fromByteOffset: year, as: UInt16.self)), month: Int(r[month]),
                day: Int(r[day]))!,
            side: value(r[side]), muscle: value(r[muscle])!, contraction: value(r[contraction])!,
            velocity: present & 1 != 0 ? r.loadUnaligned(fromByteOffset: velocity, as: Double.self) : nil,
            angle: present & 2 != 0 ? r.loadUnaligned(fromByteOffset: angle, as: Double.self) : nil,
            value: Quantity(
                dimension: value(r[dimension])!, si: r.loadUnaligned(fromByteOffset: Self.value, as: Double.self)),
            sourceUnit: value(r[sourceUnit])!, method: value(r[method])!,
            gravityCorrected: r[gravity] == 0 ? nil : r[gravity] == 2,
            repetitions: present & 4 != 0 ? r.loadUnaligned(fromByteOffset: repetitions, as: UInt16.self) : nil,
            isWarmUp: flags & 1 != 0, position: value(r[position]),
            source: SourceLocation(
                fileNumber: r.loadUnaligned(fromByteOffset: file, as: UInt32.self),
                line: Int(r.loadUnaligned(fromByteOffset: line, as: Int64.self))),
            isDropSet: flags & 2 != 0, fromTrainingLog: flags & 4 != 0, machine: value(r[machine]))
    }
}
