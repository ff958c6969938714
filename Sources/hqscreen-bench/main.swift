// Import throughput benchmark. Run a release build:
//   swift run -c release hqscreen-bench [--megabytes 100] [--file PATH]
//   swift run -c release hqscreen-bench --end-to-end   (every format, beside polars and pandas)
// Every figure is compared with libcsv parsing the same file in the same run.
import CLibCSV
import Foundation
import StrengthImport

#if canImport(Glibc)
    import Glibc
#endif

struct Arguments {
    var megabytes = 100
    var file: String?
    var repeats = 3

    init(_ args: [String]) {
        var iterator = args.dropFirst().makeIterator()
        while let arg = iterator.next() {
            switch arg {
            case "--megabytes": megabytes = Int(iterator.next() ?? "") ?? megabytes
            case "--file": file = iterator.next()
            case "--repeats": repeats = Int(iterator.next() ?? "") ?? repeats
            default:
                FileHandle.standardError.write(
                    Data(
                        ("usage: hqscreen-bench [--megabytes N] [--file PATH] [--repeats N]   (the import)\n"
                            + "       hqscreen-bench --end-to-end [--sizes 1,10,100] [--formats csv,json,…] "
                            + "[--repeats N] [--baseline PATH/baseline.py]\n").utf8))
                exit(64)
            }
        }
    }
}

/// A team-screening file in the generic long layout: athletes in blocks, two dates, three speeds.
func generateLongFile(path: String, megabytes: Int) throws -> Int {
    let target = megabytes * 1_000_000
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    var buffer =
        "Athlete ID,Name,Test date,Side,Muscle,Contraction,Velocity (deg/s),Peak torque (Nm),Gravity corrected\n"
    var written = 0
    var athlete = 0
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func noise() -> Double {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Double(state % 1000) / 1000
    }
    while written < target {
        athlete += 1
        let id = "T\(100_000 + athlete)"
        let name = "Athlete \(athlete)"
        for date in ["2026-01-12", "2026-02-23"] {
            for side in ["L", "R"] {
                for velocity in [60, 180, 300] {
                    let quad = 120 + 100 * noise()
                    let ratio = 0.45 + 0.35 * noise()
                    let q = Double(Int(quad * 10)) / 10
                    let h = Double(Int(quad * ratio * 10)) / 10
                    buffer += "\(id),\(name),\(date),\(side),Quadriceps,Concentric,\(velocity),\(q),yes\n"
                    buffer += "\(id),\(name),\(date),\(side),Hamstrings,Concentric,\(velocity),\(h),yes\n"
                }
            }
        }
        if buffer.utf8.count > 1 << 20 {
            handle.write(Data(buffer.utf8))
            written += buffer.utf8.count
            buffer = ""
        }
    }
    handle.write(Data(buffer.utf8))
    return written + buffer.utf8.count
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// libcsv alone: fields counted in the callback, nothing built. The ceiling for any importer.
/// With `perLine`, fed one physical line per call, as the importer does to know each record's line.
func libcsvFieldCount(path: String, perLine: Bool = false) -> Int {
    var parser = csv_parser()
    _ = csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
    defer { csv_free(&parser) }
    var count = 0
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    withUnsafeMutablePointer(to: &count) { counter in
        let onField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
            _, _, context in
            context!.assumingMemoryBound(to: Int.self).pointee += 1
        }
        while true {
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if got <= 0 { break }
            buffer.withUnsafeBytes { raw in
                let base = raw.baseAddress!
                var offset = 0
                while offset < got {
                    let end =
                        perLine
                        ? memchr(base + offset, 0x0A, got - offset).map { base.distance(to: UnsafeRawPointer($0)) + 1 }
                            ?? got : got
                    _ = csv_parse(&parser, base + offset, end - offset, onField, nil, counter)
                    offset = end
                }
            }
        }
        csv_fini(&parser, onField, nil, counter)
    }
    return count
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

if CommandLine.arguments.contains("--end-to-end") {
    try EndToEnd.run(Array(CommandLine.arguments.dropFirst()))
    exit(0)
}
let arguments = Arguments(CommandLine.arguments)
let path = arguments.file ?? (NSTemporaryDirectory() + "hqscreen-bench-\(arguments.megabytes)mb.csv")
var size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
if arguments.file == nil && size < arguments.megabytes * 1_000_000 {
    print("generating \(path) …")
    size = try generateLongFile(path: path, megabytes: arguments.megabytes)
}
let megabytes = Double(size) / 1e6
print("file: \(path) (\(String(format: "%.1f", megabytes)) MB)")

var best: [String: Double] = [:]
var fields = 0
var imported = 0
for _ in 0..<arguments.repeats {
    let baseline = seconds { fields = libcsvFieldCount(path: path) }
    best["libcsv", default: .infinity] = min(best["libcsv", default: .infinity], baseline)
    let perLine = seconds { _ = libcsvFieldCount(path: path, perLine: true) }
    best["perLine", default: .infinity] = min(best["perLine", default: .infinity], perLine)
    let full = seconds {
        let result = Importer().importFiles([path])
        imported = result.measurements.count
        precondition(result.summary.counts.isBalanced)
    }
    best["import", default: .infinity] = min(best["import", default: .infinity], full)
}
let libcsv = best["libcsv"]!
let importTime = best["import"]!
print(
    "libcsv alone (baseline): \(String(format: "%.3f", libcsv)) s, \(String(format: "%.0f", megabytes / libcsv)) MB/s, \(fields) fields"
)
print(
    "libcsv one line per call: \(String(format: "%.3f", best["perLine"]!)) s (\(String(format: "%.2f", best["perLine"]! / libcsv))× baseline)"
)
print(
    "hqscreen import:         \(String(format: "%.3f", importTime)) s, \(String(format: "%.0f", megabytes / importTime)) MB/s, "
        + "\(imported) measurements")
print("import / libcsv time:    \(String(format: "%.2f", importTime / libcsv))×")
print("peak resident memory:    \(String(format: "%.0f", peakResidentMegabytes())) MB")
