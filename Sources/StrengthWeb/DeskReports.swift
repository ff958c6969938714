import StrengthAnalysis
import StrengthModel
import StrengthReport
import StrengthStore

/// Reports made from the store, as `hqscreen report --db` makes them.
struct DeskReports: Sendable {
    let store: any HistoryStore
    let options: DeskOptions

    /// One squad's report (every athlete when `squad` is nil); empty when it has no tests.
    func squad(_ squad: String?) async throws -> ScreeningReport {
        try await report(athlete: nil, squad: squad)
    }

    /// One athlete's whole history; nil when the store has no test of theirs.
    func athlete(_ id: String) async throws -> ScreeningReport? {
        let report = try await report(athlete: id, squad: nil)
        return report.sessionCount == 0 ? nil : report
    }

    private func report(athlete: String?, squad: String?) async throws -> ScreeningReport {
        var stored = try await store.tests(athlete: athlete, squad: squad, since: nil)
        var measurements: [Measurement] = []
        swap(&measurements, &stored.measurements)
        return ScreeningReport.squad(
            importSummary: stored.summary, measurements: measurements, sessions: stored.sessions,
            analyzer: Analyzer(profile: options.profile, windowDays: options.windowDays),
            generator: options.generator, today: options.today())
    }
}
