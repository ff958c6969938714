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

    func run() throws {
        var importer = try input.importer()
        if all { importer.options.diagnosticLimitPerFile = Int.max }
        let result = importer.importFiles(input.files)
        let text: String
        switch outputOptions.format {
        case .text: text = CheckReport.render(result.summary, style: TextStyle(color: outputOptions.useColor))
        case .json: text = try JSONReport.renderImport(result.summary, generator: "hqscreen \(HQScreen.version)")
        default: throw ValidationError("check writes text or json")
        }
        try outputOptions.write(text, inputs: input.inputFiles)
        let counts = result.summary.counts
        if counts.rowsRejected > 0 || !result.summary.failedFiles.isEmpty { throw ExitCode(1) }
    }
}
