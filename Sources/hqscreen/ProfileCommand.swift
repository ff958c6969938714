import ArgumentParser
import StrengthAnalysis
import StrengthProfile
import StrengthReport

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile", abstract: "Show, copy or check threshold profiles.",
        subcommands: [Show.self, Init.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Print every threshold with its source (the default profile, or --profile FILE after checking it).")

        @OptionGroup var profile: ProfileArgument

        func run() throws {
            try FileHandleOutput.standardOutput(ProfileText.render(try profile.load()))
        }
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an editable copy of the default profile to FILE.")

        @Argument(help: "Where to write the YAML profile.")
        var file: String

        @Flag(help: "Replace FILE if it exists.")
        var force = false

        func run() throws {
            if !force && FileManager.default.fileExists(atPath: file) {
                throw ValidationError("\(file) exists; pass --force to replace it")
            }
            try OutputArguments.deliver(to: file, inputs: InputFiles([])) {
                try $0.write(ProfileFile.render(.defaultV1))
            }
            FileHandleOutput.standardError("wrote \(file); use it with --profile \(file)\n")
        }
    }
}

/// `--profile FILE`, shared by `report` and `profile show`.
struct ProfileArgument: ParsableArguments {
    @Option(help: "A threshold profile (YAML) to use instead of default-v1; `hqscreen profile init` writes one.")
    var profile: String?

    func load() throws -> ThresholdProfile {
        guard let profile else { return .defaultV1 }
        guard let data = FileManager.default.contents(atPath: profile) else {
            FileHandleOutput.standardError("hqscreen: cannot read the profile \(profile)\n")
            throw ExitCode(1)
        }
        do {
            return try ProfileFile.parse(String(decoding: data, as: UTF8.self), file: profile)
        } catch {
            FileHandleOutput.standardError("hqscreen: \(error.description)\n")
            throw ExitCode(1)
        }
    }
}
