import StrengthModel

/// One athlete's rows that followed each other in a file, handed on while the file is still being
/// read so their analysis can start on another core before the import ends.
///
/// A run is a guess, not a result: a later row of the same athlete, another file, the date column's
/// day/month order or an adapter's last word may still change the athlete's tests. Whoever uses a run
/// checks it against the finished import and redoes the work if it differs.
public struct AthleteRun: Sendable {
    public var athlete: String
    /// After trial folding, in file order: what the import would give if nothing later changed them.
    public var measurements: [Measurement]
    /// The details of the run's sessions as read so far, made as the finished import makes them.
    public var sessions: [SessionInfo]
}

/// Where finished athlete runs go while a file is read. Called on the importing thread.
public protocol AthleteRunSink: Sendable {
    /// Asked before a run is copied out: false when the runs already waiting are enough, so a parse
    /// that outpaces the analysis does not copy every measurement for nothing.
    var wantsRun: Bool { get }
    func take(_ run: AthleteRun)
}

/// Follows the athlete of each imported row and hands the previous athlete's rows to the sink when
/// the athlete changes.
final class AthleteRunHandOff {
    private let sink: any AthleteRunSink
    private let sessions: (ArraySlice<SessionDraft>) -> [SessionInfo]
    private var current: (athlete: UInt32, start: Int, draftStart: Int)?

    init(sink: any AthleteRunSink, sessions: @escaping (ArraySlice<SessionDraft>) -> [SessionInfo]) {
        self.sink = sink
        self.sessions = sessions
    }

    func rowImported(measurements: [Measurement], rowStart: Int, drafts: [SessionDraft], rowDraftStart: Int) {
        guard rowStart < measurements.count else { return }
        let athlete = measurements[rowStart].athleteNumber
        if let current, current.athlete == athlete { return }
        if let current, current.start < rowStart, sink.wantsRun {
            sink.take(
                AthleteRun(
                    athlete: AthleteNames.name(current.athlete),
                    measurements: Array(measurements[current.start..<rowStart]),
                    sessions: sessions(drafts[current.draftStart..<rowDraftStart])))
        }
        current = (athlete, rowStart, rowDraftStart)
    }
}
