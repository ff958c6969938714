import ArgumentParser

@main
struct HQScreen: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "hqscreen",
        abstract: "Screen hamstring-to-quadriceps strength balance and prescribe a home program.",
        discussion: """
            Reads CSV exports of knee strength tests, computes hamstring:quadriceps ratios, bands them against \
            an evidence-cited profile and prescribes hip raises and leg curls. Exit codes: 0 success, \
            1 input problems (see docs/cli.md), 64 usage error, 74 output could not be written.
            """,
        // The allocator is part of what a speed figure depends on, so `--version` names it.
        version: version + (Allocator.description.map { " (\($0))" } ?? ""),
        subcommands: [
            ReportCommand.self, CheckCommand.self, ImportCommand.self, AthletesCommand.self, ExportCommand.self,
            ServeCommand.self, PasswordHashCommand.self,
            FormatsCommand.self,
            ProfileCommand.self,
        ],
        defaultSubcommand: nil)
}
