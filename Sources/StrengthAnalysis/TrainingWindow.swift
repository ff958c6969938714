import StrengthModel

/// The days a training-log assessment summarises: from `start` to `end`, both included.
public struct DateWindow: Sendable, Hashable {
    public var start: TestDate
    public var end: TestDate

    public init(start: TestDate, end: TestDate) {
        self.start = start
        self.end = end
    }

    public var days: Int { end.daysSinceEpoch - start.daysSinceEpoch + 1 }
}

/// Cuts an athlete's training log into windows of `days`, counted back from the last workout with
/// knee work: [last − days + 1, last], the `days` before that, and so on. Gym sets are a history,
/// not a pile of tests: curls on Monday and extensions on Thursday belong to one window.
struct TrainingWindows {
    let days: Int
    /// The last training-log date of each athlete.
    private var last: [UInt32: Int] = [:]

    init(days: Int, measurements: [Measurement]) {
        self.days = max(1, days)
        for m in measurements where m.fromTrainingLog {
            let day = m.date.daysSinceEpoch
            if day > last[m.athleteNumber, default: Int.min] { last[m.athleteNumber] = day }
        }
    }

    /// No training-log rows: every measurement belongs to its test day.
    var isEmpty: Bool { last.isEmpty }

    /// Which window a training-log measurement falls in, 0 for the latest; nil for a test-day measurement.
    func index(of m: Measurement) -> Int? {
        guard m.fromTrainingLog, let last = last[m.athleteNumber] else { return nil }
        return (last - m.date.daysSinceEpoch) / days
    }

    func window(athlete: String, index: Int) -> DateWindow {
        window(athlete: AthleteNames.number(athlete), index: index)
    }

    func window(athlete: UInt32, index: Int) -> DateWindow {
        let end = last[athlete, default: 0] - index * days
        return DateWindow(start: TestDate(daysSinceEpoch: end - days + 1), end: TestDate(daysSinceEpoch: end))
    }
}
