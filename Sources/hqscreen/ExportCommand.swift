import ArgumentParser
import StrengthStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the stored tests as a generic long CSV, which `hqscreen import` reads back to the same tests.")

    @OptionGroup var store: StoreArgument

    @Option(help: "Only this athlete's tests.") var athlete: String?
    @Option(help: "Only the tests of this squad's athletes.") var squad: String?
    @Option(help: "csv, the only format (the generic long layout).") var format: ExportFormat = .csv

    @Option(
        name: [.short, .long], parsing: .unconditional,
        help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    enum ExportFormat: String, CaseInsensitiveArgument {
        case csv
    }

    func run() async throws {
        try await store.using { opened in
            try await OutputArguments.deliver(to: output, inputs: InputFiles([opened.location])) { file in
                try await opened.export(athlete: athlete, squad: squad) { try file.write(Array($0.utf8)) }
            }
        }
    }
}
