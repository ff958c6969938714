import ArgumentParser

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

enum OutputFormat: String, CaseInsensitiveArgument {
    case text
    case markdown
    case json
    case csv
    case html
    case pdf
}

enum ColorChoice: String, CaseInsensitiveArgument {
    case auto
    case always
    case never
}

/// Where and how a command writes its result.
struct OutputArguments: ParsableArguments {
    @Option(help: "Output format: text, markdown, json, csv (one row per athlete-session), html or pdf (printable).")
    var format: OutputFormat = .text

    @Option(
        name: .shortAndLong, parsing: .unconditional,
        help: "Write to this file (atomically) instead of standard output.")
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

    /// Writes the result to `-o PATH` (replaced atomically) or standard output. `inputs` are the
    /// files the command reads: an output path naming one of them is refused.
    /// Opens `-o PATH` (or standard output) before `body` does the work and writes; commits after.
    func withOutput(inputs: InputFiles, _ body: (OutputFile) throws -> Void) throws {
        try Self.deliver(to: output, inputs: inputs, body)
    }

    /// Opens the destination, lets `body` write, and commits; a failure anywhere is one message on
    /// standard error and exit status 74 (64 for an output that would overwrite an input).
    static func deliver(to path: String?, inputs: InputFiles, _ body: (OutputFile) throws -> Void) throws {
        do {
            let file = try OutputFile.open(path, inputs: inputs)
            try body(file)
            try file.commit()
        } catch let error as OutputError {
            FileHandleOutput.standardError("hqscreen: \(error.message)\n")
            throw ExitCode(error.exitStatus)
        }
    }
}

extension OutputArguments {
    static func deliver(to path: String?, inputs: InputFiles, _ body: (OutputFile) async throws -> Void) async throws {
        do {
            let file = try OutputFile.open(path, inputs: inputs)
            try await body(file)
            try file.commit()
        } catch let error as OutputError {
            FileHandleOutput.standardError("hqscreen: \(error.message)\n")
            throw ExitCode(error.exitStatus)
        }
    }
}

/// Writes to the standard streams without Glibc's `stdout`, which Swift 6 rejects as shared state.
enum FileHandleOutput {
    /// Standard output is checked: a full disk or a closed stream is exit status 74, not a silent loss.
    static func standardOutput(_ text: String) throws {
        try OutputArguments.deliver(to: nil, inputs: InputFiles([])) { try $0.write(text) }
    }

    /// Standard error is best effort: there is nowhere left to report its failure.
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
