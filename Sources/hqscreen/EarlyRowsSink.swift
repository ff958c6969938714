import StrengthImport
import StrengthReport

/// Hands the importer's athlete runs to the CSV summary's early rendering.
struct EarlyRowsSink: AthleteRunSink {
    let early: EarlyRows

    var wantsRun: Bool { early.wantsRun }

    func take(_ run: AthleteRun) {
        early.offer(athlete: run.athlete, measurements: run.measurements, sessions: run.sessions)
    }
}
