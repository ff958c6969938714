import StrengthModel

/// An import's tests gathered into one pack per athlete, day and file, the packs in the order their
/// first test came (so a file read athlete by athlete keeps its order, and one that returns to an
/// athlete's day adds to that day's pack).
struct TestBatches {
    struct Batch {
        var athlete: String
        var date: TestDate
        var fileNumber: UInt32
        var pack = TestPack()
        /// Whether an earlier pack of this import holds the same athlete's same day (from another file).
        var sharesDay = false
    }

    private(set) var batches: [Batch] = []
    private var places: [Key: Int] = [:]
    private var days = Set<Day>()
    private var last: (key: Key, place: Int)?

    private struct Day: Hashable {
        var athlete: Int32
        var day: Int32
    }

    private struct Key: Hashable {
        var day: Day
        var file: UInt32
    }

    /// An import's tests, numbered in trials (`TrialNumbering`) and packed.
    init(_ measurements: [Measurement]) {
        var numbering = TrialNumbering()
        for m in measurements {
            let (identity, trial) = numbering.next(m)
            add(m, athleteNumber: numbering.athleteNumber, code: identity.code, trial: trial)
        }
    }

    /// `athleteNumber` numbers the athlete within the import (`TrialNumbering`), so the athlete's id is
    /// neither hashed nor compared for every test.
    mutating func add(_ m: Measurement, athleteNumber: Int32, code: Int64, trial: Int) {
        let key = Key(day: Day(athlete: athleteNumber, day: Int32(m.date.daysSinceEpoch)), file: m.source.fileNumber)
        let place: Int
        if let last, last.key == key {
            place = last.place
        } else if let known = places[key] {
            place = known
        } else {
            place = batches.count
            places[key] = place
            let sharesDay = !days.insert(key.day).inserted
            batches.append(Batch(athlete: m.athlete, date: m.date, fileNumber: key.file, sharesDay: sharesDay))
        }
        last = (key, place)
        batches[place].pack.append(PackedTest(m, code: code, trial: trial))
    }
}
