import ArgumentParser
import StrengthImport
import StrengthModel
import StrengthReport

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Import files and print only the accounting of rows and the diagnostics.",
        discussion: "Exits 1 when any row was rejected or any file could not be read, so it can gate a screening.")

    @OptionGroup var input: ImportArguments
    @OptionGroup var outputOptions: OutputArguments

    @Flag(help: "List every rejected row, not only the first 200 per file.")
    var all = false

    func validate() throws {
        if input.files.isEmpty { throw ValidationError("name the CSV files to check, e.g. hqscreen check tests.csv") }
    }

    func run() throws {
        var importer = try input.importer()
        importer.keepsMeasurements = false
        if all { importer.options.diagnosticLimitPerFile = Int.max }
        guard outputOptions.format == .text || outputOptions.format == .json else {
            throw ValidationError("check writes text or json")
        }
        var summary = ImportSummary(files: [], diagnostics: [])
        try outputOptions.withOutput(inputs: input.inputFiles) { file in
            summary = importer.importFiles(input.files).summary
            switch outputOptions.format {
            case .json: try file.write(try JSONReport.renderImport(summary, generator: "hqscreen \(HQScreen.version)"))
            default: try file.write(CheckReport.render(summary, style: TextStyle(color: outputOptions.useColor)))
            }
        }
        if summary.counts.rowsRejected > 0 || !summary.failedFiles.isEmpty { throw ExitCode(1) }
    }
}
