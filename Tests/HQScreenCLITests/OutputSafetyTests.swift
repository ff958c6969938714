import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Outputs never destroy inputs, never replace devices, never lose a write error and never leave
/// temporary files behind (issue: hardening from a hostile corpus).
@Suite("Output safety")
struct OutputSafetyTests {
    static let sample = "SampleData/team_long.csv"

    @Test("an output path that is one of the inputs is refused, under any name, and the input is untouched")
    func outputIsInput() throws {
        let folder = try CLIRunner.freshFolder("same")
        let data = folder.appendingPathComponent("team.csv")
        try FileManager.default.copyItem(atPath: CLIRunner.packageRoot.path + "/" + Self.sample, toPath: data.path)
        let before = try Data(contentsOf: data)
        let link = folder.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: data)
        let mapping = folder.appendingPathComponent("layout.map")
        try Data("skip 0\n".utf8).write(to: mapping)
        for arguments in [
            ["report", data.path, "-o", data.path], ["report", data.path, "-o", link.path],
            ["report", data.path, "-o", folder.path + "/./team.csv", "--format", "json"],
            ["check", data.path, "-o", data.path],
            ["report", data.path, "--mapping", mapping.path, "-o", mapping.path],
            ["formats", "--template", data.path, "-o", data.path],
        ] {
            let result = try CLIRunner.run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains("which is one of the files being read; choose another output path"))
        }
        #expect(try Data(contentsOf: data) == before)
        #expect(try Data(contentsOf: mapping) == Data("skip 0\n".utf8))
    }

    @Test("--split names are unique ignoring case, and every athlete gets a file")
    func splitUniqueness() throws {
        let folder = try CLIRunner.freshFolder("split")
        var rows = ["athlete,date,side,muscle,contraction,velocity,torque_nm"]
        for id in ["X", "x", "x-2"] {
            rows.append("\(id),2026-01-02,left,quadriceps,concentric,60,150")
            rows.append("\(id),2026-01-02,left,hamstrings,concentric,60,\(id == "x" ? 60 : 90)")
        }
        let input = folder.appendingPathComponent("ids.csv")
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: input)
        let out = folder.appendingPathComponent("out")
        let result = try CLIRunner.run(["report", input.path, "--split", out.path, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("wrote 3 files and index.json"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == [".hqscreen-split", "index.json", "x-2-2.json", "x-2.json", "x.json"])
        // Each file holds its own athlete: X first, then x (the one with the 0.40 ratio), then x-2.
        for (name, athlete) in [("x.json", "X"), ("x-2.json", "x"), ("x-2-2.json", "x-2")] {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains("\"athlete\" : \"\(athlete)\""), "\(name)")
        }
    }

    @Test("a --split file carries only its own athlete's diagnostics")
    func splitDiagnostics() throws {
        let folder = try CLIRunner.freshFolder("split-diagnostics")
        let input = folder.appendingPathComponent("two.csv")
        try Data(
            """
            athlete,date,side,muscle,contraction,velocity,torque_nm
            Ann-7,2026-01-02,left,quadriceps,concentric,60,150
            Ann-7,2026-01-02,left,hamstrings,concentric,60,abc
            Ben-9,2026-01-02,left,quadriceps,concentric,60,150
            Ben-9,2026-01-02,left,hamstrings,concentric,60,-4

            """.utf8
        ).write(to: input)
        let out = folder.appendingPathComponent("out")
        let result = try CLIRunner.run(["report", input.path, "--split", out.path, "--format", "json"])
        #expect(result.status == 0)
        for (name, own, other) in [
            ("ann-7.json", "value 'abc' is not a number", "Ben-9"), ("ben-9.json", "value -4 is negative", "Ann-7"),
        ] {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains(own), "\(name)")
            #expect(!text.contains(other), "\(name) names \(other)")
        }
    }

    @Test("133 hostile names give 133 files, all inside the folder")
    func splitHostileNames() throws {
        let folder = try CLIRunner.freshFolder("hostile-split")
        let hostile = [
            "../../etc/passwd", "/", ".", "..", "", "CON", "nul", "a/b", "a\\b", "\u{1B}[2J", "\u{202E}evil", "Zoë",
            "ZOË", "zoe", "*", "?", "<script>", "=cmd", "-rf", "--split", " ", "\t", "x\ny",
        ]
        var rows = ["athlete,name,date,side,muscle,contraction,velocity,torque_nm"]
        for i in 0..<133 {
            let name = hostile[i % hostile.count] + (i < hostile.count ? "" : String(i / hostile.count))
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            rows.append("ID\(i),\(quoted),2026-01-02,left,quadriceps,concentric,60,150")
        }
        let input = folder.appendingPathComponent("hostile.csv")
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: input)
        let out = folder.appendingPathComponent("out")
        let result = try CLIRunner.run(["report", input.path, "--split", out.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("wrote 133 files and index.txt"))
        // The 133 athletes, the index and the hidden manifest of what this run wrote.
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0 != ".hqscreen-split" }
        #expect(names.count == 134)
        #expect(names.allSatisfy { $0.hasSuffix(".txt") && !$0.hasPrefix(".") && !$0.contains("/") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["hostile.csv", "out"])
    }

    @Test("a folder whose name starts with a dash is a folder")
    func dashFolder() throws {
        let folder = try CLIRunner.freshFolder("dash")
        let result = try CLIRunner.run([
            "report", CLIRunner.packageRoot.path + "/" + Self.sample, "--split", folder.path + "/-dir",
        ])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/-dir/alex-runner-a01.txt"))
    }

    @Test("a FIFO is written in place and stays a FIFO")
    func fifo() throws {
        let folder = try CLIRunner.freshFolder("fifo")
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = ReceivedBytes()
        let reader = Thread {
            // Opening a FIFO for reading waits for its writer, as a shell's `cat pipe` would.
            let handle = FileHandle(forReadingAtPath: fifo)
            received.set(handle?.readDataToEndOfFile() ?? Data())
        }
        reader.start()
        let result = try CLIRunner.run(["report", Self.sample, "-o", fifo])
        #expect(result.status == 0)
        for _ in 0..<500 where received.get() == nil { usleep(10_000) }
        let text = String(decoding: received.get() ?? Data(), as: UTF8.self)
        #expect(text.hasPrefix("HQScreen report · "))
        var info = stat()
        #expect(stat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["pipe"])
    }

    @Test("-o /dev/null writes nothing and leaves the device alone")
    func devNull() throws {
        let result = try CLIRunner.run(["report", Self.sample, "-o", "/dev/null", "--format", "json"])
        #expect(result.status == 0)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test("a write error on standard output is exit 74 with a message")
    func standardOutputFull() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for command in [["report", Self.sample, "--format", "json"], ["check", Self.sample], ["formats"]] {
            let result = try CLIRunner.run(command, standardOutput: full)
            #expect(result.status == 74, "\(command)")
            #expect(result.stderr == "hqscreen: cannot write standard output: the disk is full\n")
        }
    }

    @Test("a missing folder is named in words, exit 74, and no work is wasted")
    func missingFolder() throws {
        let result = try CLIRunner.run(["report", Self.sample, "--format", "pdf", "-o", "/missing/dir/x.pdf"])
        #expect(result.status == 74)
        #expect(result.stderr == "hqscreen: cannot write /missing/dir/x.pdf: the folder /missing/dir does not exist\n")
    }

    @Test("the file-size limit is a write error in words, exit 74, with no temporary file and no half-written output")
    func fileSizeLimit() throws {
        let folder = try CLIRunner.freshFolder("xfsz")
        let target = folder.appendingPathComponent("report.json").path
        let messages = try CLIRunner.freshFolder("xfsz-stderr").appendingPathComponent("stderr.txt").path
        // 1 KiB: the JSON report of the sample is far larger.
        let process = try SpawnedProcess(
            "/bin/sh",
            [
                "-c", "ulimit -f 1; exec \"$0\" report \"$1\" --format json -o \"$2\" 2>\"$3\"", CLIRunner.binary.path,
                CLIRunner.packageRoot.path + "/" + Self.sample, target, messages,
            ])
        let ended = process.wait()
        #expect(ended.signal == nil)
        #expect(ended.status == 74)
        #expect(
            try String(contentsOfFile: messages, encoding: .utf8)
                == "hqscreen: cannot write \(target): the file is larger than this system allows (a file-size limit, "
                + "ulimit -f)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test("SIGINT, SIGTERM and SIGHUP during a report leave no temporary file", arguments: [SIGINT, SIGTERM, SIGHUP])
    func interrupted(_ signal: Int32) throws {
        let folder = try CLIRunner.freshFolder("signal-\(signal)")
        // Large enough that the import takes a while after the output has been opened.
        var text = "athlete,date,side,muscle,contraction,velocity,torque_nm\n"
        for i in 0..<150_000 {
            text +=
                "A\(i % 500),2026-01-\(10 + i % 9),\(i % 2 == 0 ? "left" : "right"),quadriceps,concentric,60,\(100 + i % 50)\n"
        }
        let input = folder.appendingPathComponent("big.csv")
        try Data(text.utf8).write(to: input)
        let process = try SpawnedProcess(
            CLIRunner.binary.path, ["report", input.path, "--format", "json", "-o", folder.path + "/report.json"])
        var sawTemporary = false
        for _ in 0..<2000 where process.isRunning {
            if try FileManager.default.contentsOfDirectory(atPath: folder.path).contains(where: {
                $0.hasPrefix(".report.json.hqscreen-") && $0.hasSuffix(".tmp")
            }) {
                sawTemporary = true
                break
            }
            usleep(2_000)
        }
        #expect(sawTemporary)
        kill(process.pid, signal)
        #expect(process.wait().signal == signal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["big.csv"])
    }
}

/// Bytes handed from the FIFO reader thread to the test.
final class ReceivedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data? { lock.withLock { data } }
}
