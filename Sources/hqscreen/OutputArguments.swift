import ArgumentParser

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case markdown
    case json
    case csv
    case html
    case pdf
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto
    case always
    case never
}

/// Where and how a command writes its result.
struct OutputArguments: ParsableArguments {
    @Option(help: "Output format: text, markdown, json, csv (one row per athlete-session), html or pdf (printable).")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Colour in text output: auto (only on a terminal, and not when NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    var useColor: Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            guard output == nil, format == .text else { return false }
            if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }

    /// Writes the whole result at once; a file is replaced atomically so a reader never sees half.
    func write(_ text: String) throws {
        try write(bytes: Array(text.utf8))
    }

    func write(bytes: [UInt8]) throws {
        guard let output else {
            FileHandleOutput.standardOutput(bytes)
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            FileHandleOutput.standardError("hqscreen: cannot write \(output): \(error)\n")
            throw ExitCode(74)
        }
    }
}

/// Writes to the standard streams without Glibc's `stdout`, which Swift 6 rejects as shared state.
enum FileHandleOutput {
    static func standardOutput(_ text: String) { write(Array(text.utf8), to: STDOUT_FILENO) }
    static func standardOutput(_ bytes: [UInt8]) { write(bytes, to: STDOUT_FILENO) }
    static func standardError(_ text: String) { write(Array(text.utf8), to: STDERR_FILENO) }

    private static func write(_ all: [UInt8], to fd: Int32) {
        var bytes = all[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
