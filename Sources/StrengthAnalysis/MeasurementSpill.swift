import StrengthModel

#if canImport(Glibc)
    import Glibc
#endif

/// Each athlete's measurements, athletes in id order: in memory (`AthleteGrouping`) or on disk
/// (`MeasurementSpill`).
public protocol AthleteMeasurements: Sendable {
    var count: Int { get }
    /// One athlete's rows, in file order.
    subscript(athlete: Int) -> [Measurement] { get }
}

extension AthleteGrouping: AthleteMeasurements {}

/// A squad's measurements kept on disk instead of in memory, for files too large to hold: each
/// measurement is written as a 64-byte record into one of 64 bucket files by athlete; `finish`
/// sorts the buckets one at a time into a single file with each athlete's records together, and
/// an athlete's rows are read back when analysed. Memory holds the athlete and file names, one
/// range per athlete and one bucket while sorting. The files are unlinked as soon as they are
/// open, so nothing is left behind, whatever happens to the process.
public final class MeasurementSpill: @unchecked Sendable {
    // Written by one thread (the importer reads files one after another), then read through `finish`.
    static let recordSize = 64
    static let bucketCount = 64
    private static let flushBytes = 1 << 18

    /// The spill's own dense numbers (they pick the bucket), by `AthleteNames` number.
    private var athleteIndex: [UInt32: UInt32] = [:]
    /// `AthleteNames` numbers, by the spill's number.
    private var athletes: [UInt32] = []
    private var buckets: [Int32] = []
    private var pending: [[UInt8]]
    private var counts: [Int]
    public private(set) var measurementCount = 0
    /// Why the spill could not be written (the temporary folder is full or missing); nil if it works.
    public private(set) var failure: String?
    let folder: String

    public init(folder: String) {
        self.folder = folder
        pending = Array(repeating: [], count: Self.bucketCount)
        counts = Array(repeating: 0, count: Self.bucketCount)
        for _ in 0..<Self.bucketCount {
            let fd = Self.anonymousFile(in: folder)
            if fd < 0 && failure == nil {
                failure = "cannot make a temporary file in \(folder): \(Self.describeErrno())"
            }
            buckets.append(fd)
        }
    }

    deinit {
        for fd in buckets where fd >= 0 { close(fd) }
    }

    public func append(_ m: Measurement) {
        guard failure == nil else { return }
        let athlete: UInt32
        if let known = athleteIndex[m.athleteNumber] {
            athlete = known
        } else {
            athlete = UInt32(athletes.count)
            athleteIndex[m.athleteNumber] = athlete
            athletes.append(m.athleteNumber)
        }
        let bucket = Int(athlete) % Self.bucketCount
        // The file's number is this process's, and so is the spill.
        MeasurementRecord.encode(m, athlete: athlete, file: m.source.fileNumber, into: &pending[bucket])
        counts[bucket] += 1
        measurementCount += 1
        if pending[bucket].count >= Self.flushBytes { flush(bucket) }
    }

    private func flush(_ bucket: Int) {
        guard failure == nil, !pending[bucket].isEmpty else { return }
        if let problem = Self.writeAll(buckets[bucket], pending[bucket]) { failure = problem }
        pending[bucket].removeAll(keepingCapacity: true)
    }

    /// The athletes, sorted into one file; nil (with `failure`) when the disk would not take it.
    public func finish() -> SpilledAthletes? {
        for bucket in 0..<Self.bucketCount { flush(bucket) }
        pending = []
        athleteIndex = [:]
        guard failure == nil else { return nil }
        let output = Self.anonymousFile(in: folder)
        guard output >= 0 else {
            failure = "cannot make a temporary file in \(folder): \(Self.describeErrno())"
            return nil
        }
        let names = athletes.map(AthleteNames.name)
        let byId = names.indices.sorted { names[$0] < names[$1] }
        var rank = [Int](repeating: 0, count: athletes.count)
        for (position, athlete) in byId.enumerated() { rank[athlete] = position }
        // By rank: the athletes in id order.
        var ranges = [Range<Int>](repeating: 0..<0, count: athletes.count)
        var written = 0
        // Bucket b holds the athletes whose number is b modulo the bucket count; written bucket by
        // bucket, each athlete's records end up together, and the ranges say where.
        for bucket in 0..<Self.bucketCount where counts[bucket] > 0 {
            var bytes = [UInt8](repeating: 0, count: counts[bucket] * Self.recordSize)
            if let problem = Self.readAll(buckets[bucket], into: &bytes, at: 0) {
                failure = problem
                close(output)
                return nil
            }
            close(buckets[bucket])
            buckets[bucket] = -1
            let records = counts[bucket]
            let order = bytes.withUnsafeBytes { raw in
                (0..<records).sorted { i, j in
                    let a = rank[Int(raw.loadUnaligned(fromByteOffset: i * Self.recordSize, as: UInt32.self))]
                    let b = rank[Int(raw.loadUnaligned(fromByteOffset: j * Self.recordSize, as: UInt32.self))]
                    return a != b ? a < b : i < j
                }
            }
            var sorted = [UInt8]()
            sorted.reserveCapacity(bytes.count)
            var previous: UInt32?
            var start = written
            for i in order {
                let offset = i * Self.recordSize
                let athlete = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
                if athlete != previous {
                    if let previous { ranges[rank[Int(previous)]] = start..<written }
                    previous = athlete
                    start = written
                }
                sorted.append(contentsOf: bytes[offset..<offset + Self.recordSize])
                written += 1
            }
            if let previous { ranges[rank[Int(previous)]] = start..<written }
            if let problem = Self.writeAll(output, sorted) {
                failure = problem
                close(output)
                return nil
            }
        }
        return SpilledAthletes(
            fd: output, athletes: byId.map { athletes[$0] }, ranges: ranges)
    }

    static func anonymousFile(in folder: String) -> Int32 {
        var template = Array((folder + "/hqscreen-spill-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return -1 }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return fd
    }

    static func describeErrno() -> String { String(cString: strerror(errno)) }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return "cannot write a temporary file: \(describeErrno())"
            }
            done += n
        }
        return nil
    }
}

/// The spilled measurements, athletes in id order, each read from disk when asked for.
public final class SpilledAthletes: AthleteMeasurements, @unchecked Sendable {
    // Immutable after init; `pread` takes its own offset, so threads may read at once.
    private let fd: Int32
    /// `AthleteNames` numbers, in id order.
    private let athletes: [UInt32]
    private let ranges: [Range<Int>]

    init(fd: Int32, athletes: [UInt32], ranges: [Range<Int>]) {
        self.fd = fd
        self.athletes = athletes
        self.ranges = ranges
    }

    deinit { close(fd) }

    public var count: Int { ranges.count }

    public subscript(athlete: Int) -> [Measurement] {
        let range = ranges[athlete]
        var bytes = [UInt8](repeating: 0, count: range.count * MeasurementSpill.recordSize)
        // The file was written and read back whole moments ago; a failure here is the disk failing.
        guard MeasurementSpill.readAll(fd, into: &bytes, at: range.lowerBound * MeasurementSpill.recordSize) == nil
        else { return [] }
        return bytes.withUnsafeBytes { raw in
            (0..<range.count).map { i in
                MeasurementRecord.decode(
                    raw, at: i * MeasurementSpill.recordSize, athleteNumber: athletes[athlete])
            }
        }
    }
}

extension MeasurementSpill {
    static func readAll(_ fd: Int32, into bytes: inout [UInt8], at offset: Int) -> String? {
        var done = 0
        let total = bytes.count
        while done < total {
            let n = bytes.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress! + done, total - done, off_t(offset + done))
            }
            if n < 0 {
                if errno == EINTR { continue }
                return "cannot read a temporary file back: \(describeErrno())"
            }
            if n == 0 { return "a temporary file came back shorter than it was written" }
            done += n
        }
        return nil
    }
}
