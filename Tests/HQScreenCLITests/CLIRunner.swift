import Foundation
import TestFolders

/// Runs the built `hqscreen` binary, as a user would.
struct CLIRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The test bundle sits next to the products it depends on.
    static let binary: URL = {
        if let override = ProcessInfo.processInfo.environment["HQSCREEN_BIN"] { return URL(fileURLWithPath: override) }
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = me.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("hqscreen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/hqscreen")
    }()

    /// Runs the binary; `standardOutput` replaces the captured pipe (e.g. `/dev/full`), leaving `stdout` empty.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], standardOutput: FileHandle? = nil,
        standardInput: FileHandle? = nil
    ) throws -> Output {
        try runProgram(
            binary.path, arguments, environment: environment, standardOutput: standardOutput,
            standardInput: standardInput)
    }

    static func runProgram(
        _ program: String, _ arguments: [String], environment: [String: String] = [:],
        standardOutput: FileHandle? = nil, standardInput: FileHandle? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = err
        if let standardInput { process.standardInput = standardInput }
        try process.run()
        try? out.fileHandleForWriting.close()
        let outData = standardOutput == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// An empty folder of its own for one test.
    static func freshFolder(_ name: String) throws -> URL {
        try TestFolders.fresh("cli-\(name)")
    }

    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let directory = TestFolders.file("cli")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

/// A child process started with no blocked signals and default dispositions. Foundation's
/// `Process` passes on the test runner's signal mask, under which SIGTERM would never arrive.
struct SpawnedProcess {
    let pid: pid_t

    /// Paths in `arguments` must be absolute: the child runs in the test's working folder.
    init(_ executable: String, _ arguments: [String]) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGXFSZ, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child = pid_t()
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
        pid = child
    }

    var isRunning: Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == 0
    }

    /// The signal that ended the process, or nil when it exited; with the exit status.
    func wait() -> (signal: Int32?, status: Int32) {
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let signal = status & 0x7F
        return signal != 0 ? (signal, 0) : (nil, (status >> 8) & 0xFF)
    }
}
