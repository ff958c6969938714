import Dispatch
import StrengthModel

/// Pure analysis: measurements in, one assessment per athlete and test date out.
public struct Analyzer: Sendable {
    public var profile: ThresholdProfile {
        didSet {
            undetailedFieldSport = Asymmetry.FieldSportRed(info: nil, profile: profile)
            undetailedNote = Self.missingDetailsNote(undetailedFieldSport.missing)
        }
    }
    /// Whether the field-sport red applies to a session that records no sex, age or sport: the same
    /// words for most sessions, written once.
    private var undetailedFieldSport: Asymmetry.FieldSportRed
    /// The note naming the details such a session lacks, written once too: built per session it was
    /// a fortieth of a squad report.
    private var undetailedNote: String
    /// Days per training-log window (`--window`); 1 judges every workout on its own.
    public var windowDays: Int

    public init(profile: ThresholdProfile = .defaultV1, windowDays: Int = 28) {
        self.profile = profile
        self.windowDays = windowDays
        undetailedFieldSport = Asymmetry.FieldSportRed(info: nil, profile: profile)
        undetailedNote = Self.missingDetailsNote(undetailedFieldSport.missing)
    }

    /// A test day, or a window of a training log.
    private struct GroupKey: Hashable {
        var athlete: String
        var date: TestDate
        var window: Int?
    }

    public func assess(_ measurements: [Measurement], sessions: [SessionKey: SessionInfo]) -> [Assessment] {
        let athletes = AthleteGrouping(measurements)
        // Athletes are independent, so both cores assess them; each result goes to its athlete's slot,
        // so the order is the same as a single-threaded run.
        let results = ResultSlots<[Assessment]>(count: athletes.count)
        Self.inParallel(count: athletes.count) { i in
            results.store(assessAthlete(athletes[i], sessions: sessions), at: i)
        }
        return results.collect().flatMap { $0 }
    }

    /// Runs `body` for 0..<count on every core, in interleaved chunks so long and short athletes
    /// spread evenly.
    public static func inParallel(count: Int, _ body: @Sendable (Int) -> Void) {
        let chunks = min(count, 64)
        guard chunks > 1 else {
            for i in 0..<count { body(i) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var i = chunk
            while i < count {
                body(i)
                i += chunks
            }
        }
    }

    /// One athlete's tests and training-log windows, oldest first, each compared with the earlier ones.
    public func assessAthlete(_ measurements: [Measurement], sessions: [SessionKey: SessionInfo]) -> [Assessment] {
        let windows = TrainingWindows(days: windowDays, measurements: measurements)
        if windows.isEmpty, let days = Self.consecutiveDays(measurements) {
            // A test battery as files list it — each day's rows together, days in order — is already in
            // groups and in the order the assessments come in: no table of days, no sort.
            let athlete = measurements.first.map(\.athlete) ?? ""
            var assessments = days.map { range in
                assessGroup(
                    GroupKey(athlete: athlete, date: measurements[range.lowerBound].date, window: nil),
                    Array(measurements[range]), windows: windows, sessions: sessions)
            }
            Retest.annotate(&assessments, profile: profile)
            return assessments
        }
        // One athlete: the day (or window) alone tells the groups apart.
        struct Day: Hashable {
            var date: TestDate
            var window: Int?
        }
        var slot: [Day: Int] = [:]
        var keys: [GroupKey] = []
        var sizes: [Int] = []
        // Each row's group, then each group filled at its final size: appending row by row regrew every
        // session's array four or five times.
        var groupOf: [Int] = []
        groupOf.reserveCapacity(measurements.count)
        // A day's rows mostly follow each other: the previous row's day is compared before hashing.
        var previous: (day: Day, slot: Int)?
        for m in measurements {
            let day: Day
            if let index = windows.index(of: m) {
                day = Day(date: windows.window(athlete: m.athleteNumber, index: index).end, window: index)
            } else {
                day = Day(date: m.date, window: nil)
            }
            let i: Int
            if let previous, previous.day == day {
                i = previous.slot
            } else if let known = slot[day] {
                i = known
                previous = (day, i)
            } else {
                i = keys.count
                previous = (day, i)
                slot[day] = i
                keys.append(GroupKey(athlete: m.athlete, date: day.date, window: day.window))
                sizes.append(0)
            }
            groupOf.append(i)
            sizes[i] += 1
        }
        var groups = keys.indices.map { i in
            var rows: [Measurement] = []
            rows.reserveCapacity(sizes[i])
            return (key: keys[i], measurements: rows)
        }
        for (row, i) in groupOf.enumerated() { groups[i].measurements.append(measurements[row]) }
        var assessments = groups.map { assessGroup($0.key, $0.measurements, windows: windows, sessions: sessions) }
        assessments.sort {
            ($0.athlete, $0.date, $0.window == nil ? 0 : 1) < ($1.athlete, $1.date, $1.window == nil ? 0 : 1)
        }
        Retest.annotate(&assessments, profile: profile)
        return assessments
    }

    /// Each day's rows as one range, when every day's rows follow each other and the days come in
    /// order; nil otherwise.
    private static func consecutiveDays(_ measurements: [Measurement]) -> [Range<Int>]? {
        var days: [Range<Int>] = []
        var start = 0
        for i in measurements.indices.dropFirst() where measurements[i].date != measurements[i - 1].date {
            guard measurements[i].date > measurements[i - 1].date else { return nil }
            days.append(start..<i)
            start = i
        }
        if start < measurements.count { days.append(start..<measurements.count) }
        return days
    }

    private func assessGroup(
        _ key: GroupKey, _ group: [Measurement], windows: TrainingWindows, sessions: [SessionKey: SessionInfo]
    ) -> Assessment {
        guard let index = key.window else {
            return assess(
                athlete: key.athlete, date: key.date, measurements: group,
                info: sessions[SessionKey(athlete: key.athlete, date: key.date)])
        }
        // A window is dated by its last workout and knows the details of every workout in it.
        let workouts = Set(group.map(\.date)).sorted()
        var info: SessionInfo?
        for day in workouts.reversed() {
            guard let found = sessions[SessionKey(athlete: key.athlete, date: day)] else { continue }
            if info == nil { info = found } else { info!.fillGaps(from: found) }
        }
        let date = workouts.last!
        info?.date = date
        var assessment = assess(athlete: key.athlete, date: date, measurements: group, info: info)
        assessment.window = windows.window(athlete: key.athlete, index: index)
        assessment.workouts = workouts
        return assessment
    }

    /// One session: every measure whose protocol is present, and notes for what could not be paired.
    public func assess(athlete: String, date: TestDate, measurements: [Measurement], info: SessionInfo?) -> Assessment {
        let index = PeakIndex(measurements)
        let conventional = ConventionalRatio.findings(index, info: info, profile: profile)
        let functional = FunctionalRatio.findings(index, profile: profile)
        let isometric = IsometricRatio.findings(index, profile: profile)
        let machine = MachineRatio.findings(measurements, info: info, profile: profile)
        var findings = conventional.findings + functional.findings + isometric.findings + machine.findings
        findings += NordicForce.findings(index, info: info, profile: profile)
        findings += Asymmetry.findings(index, info: info, profile: profile, undetailed: undetailedFieldSport)
        findings += RelativeTorque.findings(index, info: info, profile: profile)
        findings += BridgeTest.findings(index, rule: profile.bridge)
        if let composite = CroisierComposite.finding(findings, index: index, rule: profile.croisier, profile: profile) {
            findings.append(composite)
        }
        var notes: [String] = conventional.notes
        notes += functional.notes
        notes += isometric.notes
        notes += machine.notes
        notes += Self.withoutVelocityNote(measurements)
        notes += unbandedNotes(findings)
        return Assessment(
            athlete: athlete, date: date, info: info, measurements: measurements, findings: findings, notes: notes)
    }

    /// Why some results carry no band, once each, and which details would let more cut-offs apply:
    /// every format shows the notes, so no finding is left unbanded without a word.
    func unbandedNotes(_ findings: [Finding]) -> [String] {
        var notes: [String] = []
        // By index: `for finding in` retains and releases every finding it passes.
        for i in findings.indices where findings[i].band == .info {
            // Compared as bytes: `hasPrefix` compares characters, and allocated for every finding.
            guard let note = findings[i].populationNote,
                note.utf8.starts(with: "No threshold".utf8) || note.utf8.starts(with: "Non-standard".utf8)
            else { continue }
            if !notes.contains(note) { notes.append(note) }
        }
        var missing: [MissingDetail] = []
        for i in findings.indices where findings[i].hasMissingDetails {
            // A session's between-leg differences mostly lack the same details.
            let details = findings[i].missingDetails
            if details == missing { continue }
            if missing.isEmpty { missing.reserveCapacity(details.count) }
            for detail in details where !missing.contains(detail) { missing.append(detail) }
        }
        if !missing.isEmpty {
            notes.append(
                missing == undetailedFieldSport.missing ? undetailedNote : Self.missingDetailsNote(missing))
        }
        return notes
    }

    static func missingDetailsNote(_ missing: [MissingDetail]) -> String {
        "More cut-offs could apply with these details: "
            + missing.map { "\($0.detail) (\($0.supply))" }.joined(separator: "; ")
    }

    /// Concentric and eccentric torques pair only at a known speed; without one they would be left
    /// out of every ratio without a word.
    static func withoutVelocityNote(_ measurements: [Measurement]) -> [String] {
        let count = measurements.count {
            $0.value.dimension == .torque && $0.contraction != .isometric && $0.velocity == nil
        }
        guard count > 0 else { return [] }
        return [
            "\(count) torque measurement\(count == 1 ? " has" : "s have") no test velocity, so no ratio could use "
                + "\(count == 1 ? "it" : "them"): add a velocity column in degrees per second, e.g. 'Velocity (deg/s)'"
        ]
    }
}

/// One slot per task, each written by exactly one worker and read after all have finished.
public final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    public init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    public func store(_ value: Value, at index: Int) { slots[index] = value }

    public func collect() -> [Value] { slots.map { $0! } }

    /// The value of one slot, moved out.
    public func take(_ index: Int) -> Value {
        defer { slots[index] = nil }
        return slots[index]!
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
}
