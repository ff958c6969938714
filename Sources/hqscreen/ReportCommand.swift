import ArgumentParser
import StrengthAnalysis
import StrengthImport
import StrengthModel
import StrengthReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Import strength tests, assess H:Q balance and print the report with the home program.")

    @OptionGroup var input: ImportArguments
    @OptionGroup var outputOptions: OutputArguments
    @OptionGroup var profileOptions: ProfileArgument

    func run() throws {
        let profile = try profileOptions.load()
        let result = try input.importer().importFiles(input.files)
        let assessments = Analyzer(profile: profile).assess(result.measurements, sessions: result.sessions)
        let report = ScreeningReport.build(
            importSummary: result.summary, assessments: assessments, profile: profile,
            generator: "hqscreen \(HQScreen.version)")
        let text: String
        switch outputOptions.format {
        case .text: text = TextReport.render(report, style: TextStyle(color: outputOptions.useColor))
        case .json: text = try JSONReport.render(report)
        }
        try outputOptions.write(text)
        ImportProblems.printToStandardError(result.summary, limit: 10)
        if let code = ImportProblems.exitCode(for: result, strict: input.strict) { throw code }
    }
}
