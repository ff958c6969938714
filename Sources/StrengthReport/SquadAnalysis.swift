import StrengthAnalysis
import StrengthModel

/// A squad's report made athlete by athlete, so memory grows with athletes rather than with every
/// session's findings: a first pass assesses each athlete and keeps only what the team summary and
/// the squad percentiles need; each athlete's sessions are assessed again, the same way, when a
/// renderer reaches them, and dropped once written.
public final class SquadAnalysis: Sendable {
    /// Each athlete's measurements, athletes by id: the order of CSV rows and JSON assessments.
    let measurements: any AthleteMeasurements
    let sessions: [SessionKey: SessionInfo]
    let analyzer: Analyzer
    let prescriber: ProgramPrescriber
    /// One row per athlete, most urgent first, with the latest and previous tests cut down to what
    /// the summary shows.
    let rows: [ScreeningReport.TeamRow]
    /// The athlete (index into `measurements`) of each row.
    let rowAthlete: [Int]
    /// Per athlete, the squad standing of the latest test's findings.
    let standings: [[SquadStanding.Standing]]
    let sessionCount: Int
    /// The name the first athlete's first test gives, for a one-athlete report's title.
    let firstDisplayName: String?
    let progress: SquadProgress?
    /// No first pass: athletes are assessed only as they are written.
    let onePass: Bool
    /// Renderings made while the import was still reading, used where they stand for the final tests.
    let early: EarlyRows?

    public init(
        athletes: any AthleteMeasurements, sessions: [SessionKey: SessionInfo], analyzer: Analyzer, today: TestDate,
        withSummary: Bool = true, progress: SquadProgress? = nil, early: EarlyRows? = nil
    ) {
        self.early = withSummary ? nil : early
        let prescriber = ProgramPrescriber(retestWeeks: analyzer.profile.retestWeeks)
        self.measurements = athletes
        self.sessions = sessions
        self.analyzer = analyzer
        self.prescriber = prescriber
        self.progress = progress
        guard withSummary else {
            // One row per session needs neither the team summary nor the squad standing: one pass.
            standings = Array(repeating: [], count: athletes.count)
            rows = []
            rowAthlete = []
            sessionCount = 0
            firstDisplayName = nil
            onePass = true
            progress?.assessing(athletes.count)
            return
        }
        onePass = false
        progress?.assessing(athletes.count)
        struct FirstPass: Sendable {
            var row: ScreeningReport.TeamRow
            var keyValues: [SquadStanding.KeyValue]
            var sessions: Int
            var firstName: String
        }
        let results = ResultSlots<FirstPass>(count: athletes.count)
        Analyzer.inParallel(count: athletes.count) { i in
            let entries = Self.entries(athletes[i], sessions: sessions, analyzer: analyzer, prescriber: prescriber)
            let row = ScreeningReport.TeamRow(athleteEntries: entries, today: today)
            results.store(
                FirstPass(
                    row: row.summarised, keyValues: SquadStanding.keyValues(row.latest), sessions: entries.count,
                    firstName: entries[0].assessment.displayName),
                at: i)
            progress?.assessed()
        }
        let passes = results.collect()
        standings = SquadStanding.standings(passes.map(\.keyValues))
        let order = ScreeningReport.TeamRow.urgencyOrder(passes.map(\.row))
        rows = order.map { passes[$0].row }
        rowAthlete = order
        sessionCount = passes.reduce(0) { $0 + $1.sessions }
        firstDisplayName = passes.first?.firstName
    }

    var athleteCount: Int { measurements.count }

    /// One athlete's entries, oldest first, exactly as the first pass made them, with the squad standing.
    func entries(ofAthlete i: Int) -> [ScreeningReport.Entry] {
        entries(ofAthlete: i, measurements: measurements[i])
    }

    private func entries(ofAthlete i: Int, measurements: [Measurement]) -> [ScreeningReport.Entry] {
        var entries = Self.entries(measurements, sessions: sessions, analyzer: analyzer, prescriber: prescriber)
        if onePass { progress?.assessed() }
        progress?.written()
        if !standings[i].isEmpty, let last = entries.indices.last {
            SquadStanding.apply(standings[i], to: &entries[last].assessment)
        }
        return entries
    }

    /// One athlete rendered by `render`, which must be what `early` was made with: the early rendering
    /// when it stands for the athlete's final tests, or the athlete assessed now.
    func rendered(ofAthlete i: Int, _ render: ([ScreeningReport.Entry]) -> [UInt8]) -> [UInt8] {
        let tests = measurements[i]
        if let early, let text = early.rows(for: tests, sessions: sessions) {
            progress?.assessed()
            progress?.written()
            return text
        }
        return render(entries(ofAthlete: i, measurements: tests))
    }

    static func entries(
        _ measurements: [Measurement], sessions: [SessionKey: SessionInfo], analyzer: Analyzer,
        prescriber: ProgramPrescriber
    ) -> [ScreeningReport.Entry] {
        var entries: [ScreeningReport.Entry] = []
        for assessment in analyzer.assessAthlete(measurements, sessions: sessions) {
            let previous = entries.last?.program
            entries.append(
                ScreeningReport.Entry(
                    assessment: assessment, program: prescriber.prescribe(for: assessment, previous: previous)))
        }
        return entries
    }
}

/// What a long report tells its progress line: how many athletes there are, and each one assessed
/// (first pass) and written (second pass).
public struct SquadProgress: Sendable {
    public var assessing: @Sendable (_ athletes: Int) -> Void
    public var assessed: @Sendable () -> Void
    public var written: @Sendable () -> Void

    public init(
        assessing: @escaping @Sendable (Int) -> Void, assessed: @escaping @Sendable () -> Void,
        written: @escaping @Sendable () -> Void
    ) {
        self.assessing = assessing
        self.assessed = assessed
        self.written = written
    }
}
