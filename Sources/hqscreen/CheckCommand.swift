import ArgumentParser
import Foundation
import StrengthImport
import StrengthModel
import StrengthReport
import StrengthStore

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Import files and print only the accounting of rows and the diagnostics.",
        discussion: """
            Exits 1 when any row was rejected or any file could not be read, so it can gate a screening. With \
            --db, the accounting of the stored imports the chosen tests came from (the store keeps the counts; the \
            rejected rows themselves are named by checking the file again).
            """)

    @OptionGroup var input: ImportArguments
    @OptionGroup var outputOptions: OutputArguments

    @Flag(help: "List every rejected row, not only the first 200 per file.")
    var all = false

    @OptionGroup var store: StoreArgument

    @Option(help: "With the store: only the athletes of this squad (as given to `hqscreen import --squad`).")
    var squad: String?

    @Option(help: ArgumentHelp("With the store: only tests from this day on (YYYY-MM-DD).", valueName: "date"))
    var since: DateArgument?

    func validate() throws {
        if input.files.isEmpty && store.location == nil {
            throw ValidationError("name the CSV files to check, e.g. hqscreen check tests.csv, or a store with --db")
        }
        if (squad != nil || since != nil) && store.location == nil {
            throw ValidationError("--squad and --since choose tests from the store: add --db")
        }
    }

    func run() async throws {
        // The stored imports' accounting first, as a report from the store and the files lists them.
        var stored: ImportSummary?
        if store.location != nil {
            do {
                stored = try await store.using {
                    try await $0.tests(athlete: input.athlete, squad: squad, since: since?.date).summary
                }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                FileHandleOutput.standardError(
                    "hqscreen: cannot read the store: \(TerminalSafe.escape(StoreErrors.words(error)))\n")
                throw ExitCode(1)
            }
        }
        var importer = try input.importer()
        importer.keepsMeasurements = false
        if all { importer.options.diagnosticLimitPerFile = Int.max }
        guard outputOptions.format == .text || outputOptions.format == .json else {
            throw ValidationError("check writes text or json")
        }
        var summary = stored ?? ImportSummary(files: [], diagnostics: [])
        try outputOptions.withOutput(inputs: input.inputFiles) { file in
            if !input.files.isEmpty {
                let checked = importer.importFiles(input.files).summary
                summary.files += checked.files
                summary.diagnostics += checked.diagnostics
                summary.unlistedDiagnostics += checked.unlistedDiagnostics
            }
            switch outputOptions.format {
            case .json: try file.write(try JSONReport.renderImport(summary, generator: "hqscreen \(HQScreen.version)"))
            default: try file.write(CheckReport.render(summary, style: TextStyle(color: outputOptions.useColor)))
            }
        }
        if summary.counts.rowsRejected > 0 || !summary.failedFiles.isEmpty { throw ExitCode(1) }
    }
}
