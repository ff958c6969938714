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

    func run() throws {
        let result = try input.importer().importFiles(input.files)
        let text: String
        switch outputOptions.format {
        case .text: text = CheckReport.render(result.summary, style: TextStyle(color: outputOptions.useColor))
        case .json: text = try JSONReport.renderImport(result.summary, generator: "hqscreen \(HQScreen.version)")
        default: throw ValidationError("check writes text or json")
        }
        try outputOptions.write(text)
        let counts = result.summary.counts
        if counts.rowsRejected > 0 || !result.summary.failedFiles.isEmpty { throw ExitCode(1) }
    }
}
