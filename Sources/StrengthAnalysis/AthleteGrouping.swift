import StrengthModel

/// A squad's measurements sorted by athlete id in place, each athlete's rows in file order, with
/// each athlete's range: grouping by copying into one array per athlete held every measurement
/// twice at the peak.
public struct AthleteGrouping: Sendable {
    public private(set) var measurements: [Measurement]
    /// Per athlete, in id order, the range of their rows in `measurements`.
    public let ranges: [Range<Int>]

    public init(_ measurements: consuming [Measurement]) {
        var rows = consume measurements
        // Team exports mostly list each athlete's rows together, athletes in id order: then the runs
        // are the groups, found in one pass with a string compare per athlete, not per row.
        if let runs = Self.runsInIdOrder(rows) {
            self.measurements = rows
            ranges = runs
            return
        }
        // Athletes numbered by first appearance, then ranked by id.
        var ordinalOf: [UInt32: Int32] = [:]
        var numbers: [UInt32] = []
        var ordinals: [Int32] = []
        ordinals.reserveCapacity(rows.count)
        // Rows of one athlete mostly follow each other: the previous row's athlete is compared before
        // hashing.
        var previous: (athlete: UInt32, ordinal: Int32)?
        for m in rows {
            let athlete = m.athleteNumber
            if let previous, previous.athlete == athlete {
                ordinals.append(previous.ordinal)
            } else if let ordinal = ordinalOf[athlete] {
                ordinals.append(ordinal)
                previous = (athlete, ordinal)
            } else {
                let ordinal = Int32(numbers.count)
                ordinalOf[athlete] = ordinal
                numbers.append(athlete)
                ordinals.append(ordinal)
                previous = (athlete, ordinal)
            }
        }
        ordinalOf = [:]
        let names = numbers.map(AthleteNames.name)
        let byId = names.indices.sorted { names[$0] < names[$1] }
        var rank = [Int](repeating: 0, count: names.count)
        for (position, ordinal) in byId.enumerated() { rank[ordinal] = position }
        // A counting sort gives every row its place: stable, so each athlete keeps the file's order.
        var starts = [Int](repeating: 0, count: names.count + 1)
        for ordinal in ordinals { starts[rank[Int(ordinal)] + 1] += 1 }
        for i in names.indices { starts[i + 1] += starts[i] }
        ranges = names.indices.map { starts[$0]..<starts[$0 + 1] }
        var next = starts
        var destination = ordinals  // reused: each row's place, as Int32
        for i in destination.indices {
            let r = rank[Int(ordinals[i])]
            destination[i] = Int32(next[r])
            next[r] += 1
        }
        ordinals = []
        // The permutation applied in place, one cycle at a time.
        rows.withUnsafeMutableBufferPointer { rows in
            destination.withUnsafeMutableBufferPointer { destination in
                for i in rows.indices {
                    while Int(destination[i]) != i {
                        let j = Int(destination[i])
                        rows.swapAt(i, j)
                        destination.swapAt(i, j)
                    }
                }
            }
        }
        self.measurements = rows
    }

    /// Each athlete's rows as one run, when every athlete has a single run and the runs come in id
    /// order; nil otherwise.
    private static func runsInIdOrder(_ rows: [Measurement]) -> [Range<Int>]? {
        var runs: [Range<Int>] = []
        var start = 0
        var athlete: UInt32?
        var previousName: String?
        for i in rows.indices where rows[i].athleteNumber != athlete {
            if let athlete {
                runs.append(start..<i)
                let name = AthleteNames.name(athlete)
                if let previousName, !(previousName < name) { return nil }
                previousName = name
            }
            athlete = rows[i].athleteNumber
            start = i
        }
        if let athlete {
            runs.append(start..<rows.count)
            if let previousName, !(previousName < AthleteNames.name(athlete)) { return nil }
        }
        return runs
    }

    public var count: Int { ranges.count }

    /// One athlete's rows, in file order.
    public subscript(athlete: Int) -> [Measurement] { Array(measurements[ranges[athlete]]) }
}
