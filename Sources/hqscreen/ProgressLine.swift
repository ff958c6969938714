import Dispatch
import Foundation
import StrengthImport
import StrengthReport

/// One line on standard error while a long report runs: rows read, athletes assessed and written,
/// and the time left. Only at a terminal, and only once the job has run a second (quick jobs and
/// pipelines see nothing); the line is cleared before anything else is printed.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var rows = 0
    private var athletes = 0
    private var assessed = 0
    private var written = 0
    private var writingStarted: Double?
    private var assessingStarted: Double?
    private var shown = false
    private var finished = false
    private let started = ProgressLine.now()
    private let delay: Double
    private let timer: DispatchSourceTimer

    /// nil when standard error is not a terminal. `HQSCREEN_PROGRESS_DELAY` (seconds, default 1)
    /// lets tests see the line on a quick job.
    static func start() -> ProgressLine? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let delay = ProcessInfo.processInfo.environment["HQSCREEN_PROGRESS_DELAY"].flatMap(Double.init) ?? 1
        return ProgressLine(delay: delay)
    }

    private init(delay: Double) {
        self.delay = delay
        timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + .milliseconds(Int(delay * 1000)), repeating: .milliseconds(250))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
    }

    var squad: SquadProgress {
        SquadProgress(
            assessing: { [self] total in
                update {
                    athletes = total
                    assessingStarted = Self.now()
                }
                draw()
            },
            assessed: { [self] in update { assessed += 1 } },
            written: { [self] in
                var first = false
                update {
                    if writingStarted == nil {
                        writingStarted = Self.now()
                        first = true
                    }
                    written += 1
                }
                if first { draw() }
            })
    }

    var rowsRead: @Sendable (Int) -> Void { { [self] n in update { rows += n } } }

    private func update(_ change: () -> Void) {
        lock.lock()
        change()
        lock.unlock()
    }

    /// Clears the line; nothing is drawn after.
    func finish() {
        timer.cancel()
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        if shown { FileHandleOutput.standardError("\r\u{1B}[K") }
    }

    /// Drawn by the timer, and at once when a pass starts, once the delay has passed.
    private func draw() {
        lock.lock()
        defer { lock.unlock() }
        let now = Self.now()
        guard !finished, now - started >= delay else { return }
        let text = Self.text(
            rows: rows, athletes: athletes, assessed: assessed, written: written,
            secondsLeft: secondsLeft(now: now))
        FileHandleOutput.standardError("\r\u{1B}[K" + text)
        shown = true
    }

    /// The writing pass assesses every athlete again and renders them: it is expected to take at
    /// least as long as the first pass did.
    private func secondsLeft(now: Double) -> Double? {
        guard athletes > 0 else { return nil }
        if let writingStarted, written > 0 {
            let rate = (now - writingStarted) / Double(written)
            return rate * Double(max(0, athletes - written))
        }
        guard let assessingStarted, assessed > 0 else { return nil }
        let rate = (now - assessingStarted) / Double(assessed)
        return rate * Double(athletes - assessed) + rate * Double(athletes)
    }

    static func text(rows: Int, athletes: Int, assessed: Int, written: Int, secondsLeft: Double?) -> String {
        var parts = ["hqscreen: \(grouped(rows)) rows read"]
        if athletes > 0 {
            parts.append("\(grouped(assessed)) of \(grouped(athletes)) athletes assessed")
            if written > 0 { parts.append("\(grouped(min(written, athletes))) written") }
        }
        if let secondsLeft {
            parts.append(
                secondsLeft < 60
                    ? "about \(Int(secondsLeft.rounded(.up))) s left"
                    : "about \(Int((secondsLeft / 60).rounded(.up))) min left")
        }
        return parts.joined(separator: " · ")
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
