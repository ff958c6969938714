import Dispatch
import StrengthAnalysis
import StrengthModel
import Synchronization

import class Foundation.Thread

/// A one-row-per-session output (the CSV summary) rendered on the second core while the import is
/// still reading: the parse keeps one core busy, and each athlete whose rows are all read can be
/// assessed meanwhile. What the importer hands over is a guess — a later row, another file or the
/// date column's order may change an athlete's tests — so a rendering is used only when the
/// athlete's final tests and session details are the ones it was made from; otherwise the athlete
/// is assessed again, as without it. The output is the same either way.
public final class EarlyRows: Sendable {
    public typealias Render = @Sendable ([ScreeningReport.Entry]) -> [UInt8]

    private struct Job: Sendable {
        var athlete: String
        var measurements: [Measurement]
        var sessions: [SessionInfo]
    }

    private struct Done: Sendable {
        var fingerprint: Fingerprint
        /// The details of each test date, in the order `testDates` gives them.
        var sessions: [SessionInfo?]
        var text: [UInt8]
    }

    private struct State: Sendable {
        var waiting = Queue()
        var done: [String: Done] = [:]
        var stopping = false
        /// Set by `stop(finishingWaiting: true)`: the runs waiting are rendered before the worker ends.
        var finishWaiting = false
        var offered = 0
        var used = 0
    }

    /// First in, first out, taken from the front without moving the rest: thousands of runs may wait.
    private struct Queue: Sendable {
        private var jobs: [Job?] = []
        private var head = 0

        var count: Int { jobs.count - head }
        var isEmpty: Bool { count == 0 }

        mutating func append(_ job: Job) { jobs.append(job) }

        mutating func removeFirst() -> Job {
            let job = jobs[head]!
            jobs[head] = nil
            head += 1
            if head >= 1024 && head * 2 >= jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            return job
        }

        mutating func removeAll() {
            jobs = []
            head = 0
        }
    }

    private let state = Mutex(State())
    private let work = DispatchSemaphore(value: 0)
    private let stopped = DispatchSemaphore(value: 0)
    private let analyzer: Analyzer
    private let prescriber: ProgramPrescriber
    private let render: Render
    private let maxWaiting: Int

    /// `maxWaiting` runs may queue: the parse outpaces the analysis, so the queue is full from the
    /// first seconds on, and the runs in it keep the second core busy while the import ends (merging
    /// and joining sessions on one core, a tenth of a second on the 100 MB squad). Runs beyond it are
    /// not copied; those still waiting when the report starts are dropped (2,048 runs are ~10 MB).
    public init(analyzer: Analyzer, render: @escaping Render, maxWaiting: Int = 2048) {
        self.analyzer = analyzer
        prescriber = ProgramPrescriber(retestWeeks: analyzer.profile.retestWeeks)
        self.render = render
        self.maxWaiting = maxWaiting
        // A thread of its own: a block on the global queue waited a second for a thread whenever the
        // import held the only one the pool would give (one core free, or `taskset`).
        let worker = Thread { [self] in runWorker() }
        worker.name = "hqscreen early rows"
        worker.start()
    }

    /// The CSV summary's rows.
    public static func csvSummary(analyzer: Analyzer) -> EarlyRows {
        EarlyRows(analyzer: analyzer, render: CSVSummary.rows)
    }

    public var wantsRun: Bool { state.withLock { !$0.stopping && $0.waiting.count < maxWaiting } }

    public func offer(athlete: String, measurements: [Measurement], sessions: [SessionInfo]) {
        state.withLock {
            $0.waiting.append(Job(athlete: athlete, measurements: measurements, sessions: sessions))
            $0.offered += 1
        }
        work.signal()
    }

    /// Ends the early work once the import is done: runs still waiting are dropped (the report's own
    /// pass on both cores takes them) unless `finishingWaiting`; the one being rendered is finished.
    public func stop(finishingWaiting: Bool = false) {
        let first = state.withLock { state in
            defer {
                state.stopping = true
                state.finishWaiting = finishingWaiting
            }
            return !state.stopping
        }
        guard first else { return }
        work.signal()
        stopped.wait()
    }

    /// How many runs were offered and how many renderings stood for the final tests.
    public var counts: (offered: Int, used: Int) { state.withLock { ($0.offered, $0.used) } }

    /// The early rendering of the athlete whose final tests these are, if it was made from exactly
    /// them and from the same session details; taken, so memory is given back as the report goes.
    func rows(for measurements: [Measurement], sessions: [SessionKey: SessionInfo]) -> [UInt8]? {
        guard let athlete = measurements.first?.athlete,
            let done = state.withLock({ $0.done.removeValue(forKey: athlete) }),
            done.fingerprint == Fingerprint(measurements)
        else { return nil }
        // The analysis looks up the details of each test date, and nothing else. The same tests give
        // the same dates in the same order, so the early details are compared by position.
        let dates = Self.testDates(of: measurements)
        guard dates.count == done.sessions.count,
            zip(dates, done.sessions).allSatisfy({ sessions[SessionKey(athlete: athlete, date: $0)] == $1 })
        else { return nil }
        state.withLock { $0.used += 1 }
        return done.text
    }

    /// Each offer signals once and `stop` once more, so the wait after the last run is the stop's.
    private func runWorker() {
        while true {
            work.wait()
            let job: Job? = state.withLock { state in
                guard !state.waiting.isEmpty, !state.stopping || state.finishWaiting else { return nil }
                return state.waiting.removeFirst()
            }
            guard let job else {
                if state.withLock({ $0.stopping }) { break }
                continue
            }
            // Sized once: grown from empty, the few sessions of a run rehashed the table several times.
            var sessions = [SessionKey: SessionInfo](minimumCapacity: job.sessions.count)
            for info in job.sessions { sessions.join(info) }
            let entries = SquadAnalysis.entries(
                job.measurements, sessions: sessions, analyzer: analyzer, prescriber: prescriber)
            let details = Self.testDates(of: job.measurements).map {
                sessions[SessionKey(athlete: job.athlete, date: $0)]
            }
            let done = Done(fingerprint: Fingerprint(job.measurements), sessions: details, text: render(entries))
            state.withLock { $0.done[job.athlete] = done }
        }
        state.withLock { $0.waiting.removeAll() }
        stopped.signal()
    }

    /// Each test date of an athlete's tests, once for each run of rows on that date.
    private static func testDates(of measurements: [Measurement]) -> [TestDate] {
        var dates: [TestDate] = []
        for i in measurements.indices where measurements[i].date != dates.last {
            dates.append(measurements[i].date)
        }
        return dates
    }

    /// What must match for a rendering to stand for an athlete's final tests: the count, and a hash of
    /// every field of every measurement in order. Hashes are seeded per process, so no file can
    /// arrange a collision; by chance one is a 2^-64 event per athlete.
    struct Fingerprint: Hashable, Sendable {
        var count: Int
        var hash: Int

        init(_ measurements: [Measurement]) {
            var hasher = Hasher()
            for m in measurements { hasher.combine(m) }
            count = measurements.count
            hash = hasher.finalize()
        }
    }
}
