import Crypto
import Foundation
import StrengthModel

typealias Measurement = StrengthModel.Measurement

/// What an import did to the store.
public struct StoreImportOutcome: Sendable, Equatable {
    /// Tests the store did not have.
    public var stored = 0
    /// Tests it already had, with the same value: a repeated file or an export that repeats months.
    public var alreadyStored = 0
    public var conflicts: [Conflict] = []

    /// The same test (athlete, day, protocol, trial) with another value than the stored one.
    public struct Conflict: Sendable, Equatable {
        public var athlete: String
        public var date: TestDate
        public var test: String
        public var storedValue: Double
        public var storedSource: SourceLocation
        public var newValue: Double
        public var newSource: SourceLocation
        public var unit: String
    }
}

extension StoreImportOutcome {
    /// Whether a value is the stored one, within the rounding of a unit conversion: the rule for a
    /// repeated test on import and for a shared test when two ids are merged.
    static func sameValue(_ stored: Double, _ other: Double) -> Bool {
        abs(stored - other) <= 1e-9 * max(1, abs(stored))
    }

    /// Counts a test the store already had under the same identity: the same value (within rounding
    /// of a unit conversion) is already stored; another value is a conflict, and the stored one stays.
    mutating func compare(
        _ m: Measurement, identity: TestIdentity, trial: Int, storedValue: Double, storedSource: SourceLocation
    ) {
        if Self.sameValue(storedValue, m.value.si) {
            alreadyStored += 1
        } else {
            conflicts.append(
                Conflict(
                    athlete: m.athlete, date: m.date, test: identity.words + (trial > 1 ? ", trial \(trial)" : ""),
                    storedValue: storedValue, storedSource: storedSource, newValue: m.value.si, newSource: m.source,
                    unit: m.value.dimension.siSymbol))
        }
    }
}

/// A test's trial number: its place among the same athlete's same test that day, in its file. Counted
/// per file, athletes numbered as they come (rows of one athlete follow each other, so the id is
/// compared with the last one before it is hashed).
///
/// The counts of the athlete-day being read are a short list searched in place; a day is filed away
/// by (athlete, day) when the rows move on, and taken back if the file returns to it. One counter per
/// test in a single hash map was a seventh of a 100 MB import: millions of entries, each a cache miss.
struct TrialNumbering {
    private var athleteNumbers: [String: Int32] = [:]
    private var currentFile: UInt32?
    private var last: (athlete: String, number: Int32)?
    private var currentDay: AthleteDay?
    /// The current athlete-day's tests and how many trials of each were read: as many entries as
    /// distinct protocols that day, a handful.
    private var counts: [(test: Int64, trials: Int)] = []
    private var filedDays: [AthleteDay: [(test: Int64, trials: Int)]] = [:]
    /// The number of the last test's athlete (athletes numbered as they come in the import).
    private(set) var athleteNumber: Int32 = 0

    private struct AthleteDay: Hashable {
        var athlete: Int32
        var day: Int32
    }

    mutating func next(_ m: Measurement) -> (identity: TestIdentity, trial: Int) {
        if m.source.fileNumber != currentFile {
            currentFile = m.source.fileNumber
            filedDays.removeAll(keepingCapacity: true)
            currentDay = nil
            counts = []
        }
        let number: Int32
        if let last, last.athlete == m.athlete {
            number = last.number
        } else {
            number = athleteNumbers[m.athlete] ?? Int32(athleteNumbers.count)
            athleteNumbers[m.athlete] = number
            last = (m.athlete, number)
        }
        athleteNumber = number
        let day = AthleteDay(athlete: number, day: Int32(m.date.daysSinceEpoch))
        if day != currentDay {
            if let currentDay { filedDays[currentDay] = counts }
            counts = filedDays.removeValue(forKey: day) ?? []
            currentDay = day
        }
        let identity = TestIdentity(m)
        if let i = counts.firstIndex(where: { $0.test == identity.code }) {
            counts[i].trials += 1
            return (identity, counts[i].trials)
        }
        counts.append((identity.code, 1))
        return (identity, 1)
    }
}

/// The athletes an import names, each once, sorted, with the name a file gave them. A session can
/// outlive its rows (all rejected or skipped): its athlete is stored too.
enum ImportedAthletes {
    static func names(_ measurements: [Measurement], _ sessions: [SessionKey: SessionInfo]) -> [(String, String?)] {
        var athletes: [String: String?] = [:]
        // A file's rows come athlete by athlete: the id is compared with the last before it is hashed.
        var last: String?
        for m in measurements where m.athlete != last {
            last = m.athlete
            if athletes[m.athlete] == nil { athletes[m.athlete] = .some(nil) }
        }
        for info in sessions.values where athletes[info.athlete] == nil || info.name != nil {
            athletes[info.athlete] = info.name
        }
        return athletes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

public enum FileHashes {
    /// Each file's SHA-256; "" for one that cannot be read again (standard input).
    static func sha256(of files: [FileImportSummary]) -> [String: String] {
        var hashes: [String: String] = [:]
        for file in files where !file.failed { hashes[file.path] = sha256(ofFile: file.path) ?? "" }
        return hashes
    }

    /// The file's SHA-256 in hex, read in pieces; nil when it cannot be read again.
    public static func sha256(ofFile path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// Where a test's or a session's columns go, in order: a SQLite statement's parameters or a COPY row.
protocol TestColumnSink {
    mutating func text(_ value: String?)
    mutating func number(_ value: Int64?)
    mutating func number(_ value: Double?)
    mutating func flag(_ value: Bool?)
}

extension TestColumnSink {
    /// A session's columns in the order both stores list them: athlete, date, name, sex, age,
    /// bodyMassKg, sport, involvedSide, aclReconstruction, sources (one file a line).
    mutating func session(_ info: SessionInfo) {
        text(info.athlete)
        text(info.date.description)
        text(info.name)
        text(info.sex?.rawValue)
        number(info.age.map(Int64.init))
        number(info.bodyMassKg)
        text(info.sport)
        text(info.involvedSide?.rawValue)
        flag(info.aclReconstruction)
        text(info.sources.joined(separator: "\n"))
    }

    /// A test's columns in the order both stores list them: athlete, date, protocol, trial, side,
    /// muscle, contraction, velocity, angle, method, dimension, position, machine, valueSI,
    /// sourceUnit, gravityCorrected, repetitions, warmUp, dropSet, trainingLog, line, importId.
    mutating func test(_ m: Measurement, date: String, identity: TestIdentity, trial: Int, importId: Int64?) {
        text(m.athlete)
        text(date)
        number(identity.code)
        number(Int64(trial))
        text(m.side?.rawValue)
        text(m.muscle.rawValue)
        text(m.contraction.rawValue)
        number(m.velocity)
        number(m.angle)
        text(m.method.rawValue)
        text(m.value.dimension.rawValue)
        text(m.position?.rawValue)
        text(m.machine?.rawValue)
        number(m.value.si)
        text(m.sourceUnit.rawValue)
        flag(m.gravityCorrected)
        number(m.repetitions.map { Int64($0) })
        flag(m.isWarmUp)
        flag(m.isDropSet)
        flag(m.fromTrainingLog)
        number(Int64(m.source.line))
        number(importId)
    }
}

/// What makes two stored rows the same test: athlete and day (columns of their own), and this —
/// the protocol (side, muscle, contraction, speed to a tenth of a degree per second, knee angle to a
/// degree, device, what was measured, position, machine) and the kind of row (training log, warm-up,
/// drop set), packed exactly into one integer (`code`, the `protocol` column). With the trial number
/// it is the identity docs/store.md describes.
struct TestIdentity {
    var code: Int64
    private var key: ProtocolKey

    init(_ m: Measurement) {
        let key = ProtocolKey(m)
        self.key = key
        // Each enum's cases held once: `allCases` made an array for every field of every test.
        func ordinal<T: Equatable>(_ value: T?, _ cases: [T]) -> Int64 {
            guard let value, let i = cases.firstIndex(of: value) else { return 0 }
            return Int64(i + 1)
        }
        // Bits from the lowest: side 2, muscle 2, contraction 2, method 4, dimension 3, position 3,
        // machine 3, training log 1, warm-up 1, drop set 1, angle 10 (0 none, else degrees + 361),
        // speed 24 (0 none, else tenths + 1).
        var code = ordinal(key.side, Cases.sides)
        code |= ordinal(key.muscle, Cases.muscles) << 2
        code |= ordinal(key.contraction, Cases.contractions) << 4
        code |= ordinal(key.method, Cases.methods) << 6
        code |= ordinal(key.dimension, Cases.dimensions) << 10
        code |= ordinal(key.position, Cases.positions) << 13
        code |= ordinal(m.machine, Cases.machines) << 16
        code |= (m.fromTrainingLog ? 1 : 0) << 19
        code |= (m.isWarmUp ? 1 : 0) << 20
        code |= (m.isDropSet ? 1 : 0) << 21
        code |= Int64(key.angle.map { min(max($0, -360), 360) + 361 } ?? 0) << 22
        code |= Int64(key.velocityTenths.map { min(max($0, 0), (1 << 24) - 2) + 1 } ?? 0) << 32
        self.code = code
    }

    /// The cases of each field, in the order that numbers them (`ProtocolWords` reads them back).
    enum Cases {
        static let sides = Side.allCases
        static let muscles = MuscleGroup.allCases
        static let contractions = Contraction.allCases
        static let methods = TestMethod.allCases
        static let dimensions = PhysicalDimension.allCases
        static let positions = BodyPosition.allCases
        static let machines = MachineVariant.allCases
    }

    /// The test in words, for a conflict's message: made only when one is reported.
    var words: String {
        var words = [key.side.map { "\($0.rawValue) " } ?? "", "\(key.muscle.rawValue) \(key.contraction.rawValue)"]
            .joined()
        if let velocity = key.velocity {
            words += " at \(velocity.rounded() == velocity ? String(Int(velocity)) : String(velocity))°/s"
        }
        if let angle = key.angle { words += " at \(angle)°" }
        words += " (\(key.method.rawValue))"
        return words
    }
}
