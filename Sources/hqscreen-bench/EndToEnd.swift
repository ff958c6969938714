// End-to-end benchmark: `hqscreen report` in every format on generated squad files, beside the
// polars/pandas job (../shared/bench/baseline.py) when python3 has them, in the same run.
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

enum EndToEnd {
    struct Run {
        var seconds: Double
        var peakMegabytes: Double
        var status: Int32
    }

    /// The squad layout of ../shared/bench/gen_team.py (its velocity column is `velocity_deg_s`):
    /// four sessions per athlete, both legs, three speeds plus eccentric hamstrings at 30°/s.
    static func generateSquad(path: String, megabytes: Int) throws {
        let target = megabytes * 1_000_000
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var buffer = "athlete_id,date,side,muscle,contraction,velocity_deg_s,peak_torque_nm\n"
        var written = 0
        var state: UInt64 = 42
        func uniform(_ low: Double, _ high: Double) -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return low + Double(state >> 11) / Double(1 << 53) * (high - low)
        }
        func fixed(_ value: Double) -> String { String(format: "%.1f", value) }
        var session = 0
        while written + buffer.utf8.count < target {
            let athlete = "A" + String(format: "%06d", session / 4)
            let date = String(format: "2024-%02d-%02d", (session % 4) * 3 + 1, session % 28 + 1)
            for side in ["L", "R"] {
                let q60 = uniform(120, 320)
                let ratio = uniform(0.45, 0.8)
                for velocity in [60, 180, 240] {
                    let q = q60 * (1 - Double(velocity) / 700)
                    buffer += "\(athlete),\(date),\(side),quadriceps,concentric,\(velocity),\(fixed(q))\n"
                    buffer += "\(athlete),\(date),\(side),hamstrings,concentric,\(velocity),\(fixed(q * ratio))\n"
                }
                let eccentric = q60 * (1 - 240.0 / 700) * uniform(0.7, 1.3)
                buffer += "\(athlete),\(date),\(side),hamstrings,eccentric,30,\(fixed(eccentric))\n"
            }
            session += 1
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                written += buffer.utf8.count
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
    }

    /// Wall time and the child's own peak resident memory (wait4's rusage, not the benchmark's).
    static func measure(_ arguments: [String]) -> Run {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ) == 0 else {
            return Run(seconds: 0, peakMegabytes: 0, status: -1)
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Run(seconds: seconds, peakMegabytes: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xFF)
    }

    static func median(_ runs: [Run]) -> Run {
        let sorted = runs.sorted { $0.seconds < $1.seconds }
        return sorted[sorted.count / 2]
    }

    static func run(_ args: [String]) throws {
        var sizes = [1, 10, 100]
        var formats = ["csv", "text", "markdown", "json", "html", "pdf"]
        var repeats = 3
        var baseline = "../shared/bench/baseline.py"
        var iterator = args.makeIterator()
        while let arg = iterator.next() {
            switch arg {
            case "--end-to-end": break
            case "--sizes": sizes = (iterator.next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--formats": formats = (iterator.next() ?? "").split(separator: ",").map(String.init)
            case "--repeats": repeats = max(1, Int(iterator.next() ?? "") ?? repeats)
            case "--baseline": baseline = iterator.next() ?? baseline
            default:
                FileHandle.standardError.write(
                    Data(
                        ("usage: hqscreen-bench --end-to-end [--sizes 1,10,100] [--formats csv,json,…] [--repeats N] "
                            + "[--baseline PATH/baseline.py]\n").utf8))
                exit(64)
            }
        }
        let hqscreen = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("hqscreen").path
        guard FileManager.default.isExecutableFile(atPath: hqscreen) else {
            FileHandle.standardError.write(Data("hqscreen-bench: build hqscreen first (\(hqscreen))\n".utf8))
            exit(66)
        }
        let python = FileManager.default.fileExists(atPath: baseline)
        let libraries =
            python ? ["polars", "pandas"].filter { measure(["python3", "-c", "import \($0)"]).status == 0 } : []
        if libraries.isEmpty {
            print("baseline: not run (needs \(baseline) and `pip install polars pandas`)")
        }
        print(
            "median of \(repeats) rounds (each runs every job once); wall seconds and the process's peak resident memory"
        )
        print("size    job                          wall      peak RSS   × polars wall   × polars RSS")
        for size in sizes {
            let path = NSTemporaryDirectory() + "hqscreen-squad-\(size)mb.csv"
            if !FileManager.default.fileExists(atPath: path) { try generateSquad(path: path, megabytes: size) }
            let output = NSTemporaryDirectory() + "hqscreen-bench-out"
            // Round by round, every job once a round: this machine's speed drifts over minutes, and
            // running one job's repeats back to back let the drift decide a ratio.
            let jobs: [(name: String, command: [String])] =
                libraries.map { ($0 + ", same job", ["python3", baseline, $0, path, output + ".baseline.csv"]) }
                + formats.map {
                    ("hqscreen --format \($0)", [hqscreen, "report", path, "--format", $0, "-o", output + "." + $0])
                }
            var runs = [[Run]](repeating: [], count: jobs.count)
            for _ in 0..<repeats {
                for (index, job) in jobs.enumerated() { runs[index].append(measure(job.command)) }
            }
            let rows = jobs.indices.map { (jobs[$0].name, median(runs[$0])) }
            let reference = rows.first { $0.0 == "polars, same job" }?.1
            for (name, run) in rows {
                var line = "\(size) MB".padding(toLength: 8, withPad: " ", startingAt: 0)
                line += name.padding(toLength: 29, withPad: " ", startingAt: 0)
                line += String(format: "%7.2f s %8.0f MB", run.seconds, run.peakMegabytes)
                if let reference {
                    line += String(
                        format: "   %10.2f×   %10.2f×", run.seconds / reference.seconds,
                        run.peakMegabytes / reference.peakMegabytes)
                }
                if run.status != 0 { line += "   (exit \(run.status))" }
                print(line)
            }
        }
    }
}
