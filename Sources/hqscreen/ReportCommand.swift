import ArgumentParser
import Foundation
import StrengthAnalysis
import StrengthImport
import StrengthModel
import StrengthPDF
import StrengthProfile
import StrengthReport
import StrengthStore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Import strength tests, assess H:Q balance and print the report with the home program.")

    @OptionGroup var input: ImportArguments
    @OptionGroup var outputOptions: OutputArguments
    @OptionGroup var profileOptions: ProfileArgument

    @Option(
        help: ArgumentHelp(
            "Who the report is for: clinician (every measure, sources, notes, history) or athlete (a handout of at "
                + "most two pages per athlete: what was found in plain words, one trend, the program)."))
    var audience: AudienceArgument = .clinician

    @Option(
        help: ArgumentHelp(
            "A YAML file with the clinic's name, clinician, contact, footer note and logo (PNG or SVG), printed on "
                + "every report.", valueName: "file"))
    var clinic: String?

    @Option(help: "Paper size for html and pdf: a4 or letter.")
    var paper: Paper = .a4

    // Unconditional, so a folder whose name starts with a dash (`--split -dir`) is a folder, not an option.
    @Option(
        parsing: .unconditional,
        help: "Write one file per athlete into this folder (created if needed) instead of one report.")
    var split: String?

    @Option(
        help: ArgumentHelp(
            "Days per training-log window for gym-app exports: one assessment per window, counted back from the last "
                + "workout (1 judges every workout on its own).", valueName: "days"))
    var window: Int = 28

    @Option(
        help: ArgumentHelp(
            "The day the report is made (YYYY-MM-DD; default today): days since each test and overdue retests count "
                + "from it, so a report can be reproduced.", valueName: "date"))
    var today: DateArgument?

    @Flag(help: "With --split: write into a folder that has files, replacing those an earlier report wrote there.")
    var force = false

    @Flag(help: "CSV without the UTF-8 byte-order mark that spreadsheet apps need to show accents; for pipelines.")
    var noBOM = false

    @OptionGroup var store: StoreArgument

    @Option(help: "With the store: only the athletes of this squad (as given to `hqscreen import --squad`).")
    var squad: String?

    @Option(help: ArgumentHelp("With the store: only tests from this day on (YYYY-MM-DD).", valueName: "date"))
    var since: DateArgument?

    /// Reports read the store when `--db` is given, or when no files are (then from its default place).
    var usesStore: Bool { store.location != nil || input.files.isEmpty }

    func validate() throws {
        if input.files.isEmpty && store.location == nil
            && !FileManager.default.fileExists(atPath: HistoryStores.defaultLocation())
        {
            throw ValidationError(
                "name the CSV files to report on, or a screening history with --db (see `hqscreen import`)")
        }
        if (squad != nil || since != nil) && !usesStore {
            throw ValidationError("--squad and --since choose tests from the store: add --db")
        }
        guard (1...365).contains(window) else {
            throw ValidationError("--window takes a number of days from 1 to 365, e.g. --window 28")
        }
        if split != nil && outputOptions.output != nil {
            throw ValidationError("use either --split DIR or -o PATH, not both")
        }
        if outputOptions.format == .pdf && split == nil && outputOptions.output == nil && isatty(STDOUT_FILENO) == 1 {
            throw ValidationError("a PDF is not for the terminal: add -o report.pdf (or --split DIR)")
        }
    }

    func run() async throws {
        let profile = try profileOptions.load()
        var clinicDetails: ClinicDetails?
        if let clinic {
            do {
                clinicDetails = try ClinicFile.load(clinic)
            } catch {
                FileHandleOutput.standardError("hqscreen: \(TerminalSafe.escape(error.description))\n")
                throw ExitCode(1)
            }
        }
        // A report written to the terminal shows itself; one written to a file or pipe gets a progress line.
        let progress = isatty(STDOUT_FILENO) == 1 && outputOptions.output == nil ? nil : ProgressLine.start()
        var importer = try input.importer()
        importer.rowsRead = progress?.rowsRead
        // The files' accounting, for the problems and the exit status at the end. Without the measurements:
        // holding them here made the squad's in-place grouping copy all of them first (0.12 s and a
        // quarter of a gigabyte for the 100 MB benchmark file).
        var result: ImportResult?
        func account(_ imported: ImportResult) {
            result = ImportResult(
                measurements: [], sessions: [:], summary: imported.summary, stoppedEarly: imported.stoppedEarly)
        }
        let analyzer = Analyzer(profile: profile, windowDays: window)
        let generator = "hqscreen \(HQScreen.version)"
        var fromStore: StoredTests?
        if usesStore {
            do {
                fromStore = try await store.using {
                    try await $0.tests(athlete: input.athlete, squad: squad, since: since?.date)
                }
            } catch let error as ExitCode {
                throw error
            } catch {
                FileHandleOutput.standardError(
                    "hqscreen: cannot read the store: \(TerminalSafe.escape(StoreErrors.words(error)))\n")
                throw ExitCode(1)
            }
        }
        /// The store's tests (of `--athlete`, `--squad`, `--since`) and any files', which are not stored.
        func gather(early: EarlyRows? = nil) throws -> ImportResult {
            guard var stored = fromStore else {
                var importer = importer
                if let early { importer.athleteRuns = EarlyRowsSink(early: early) }
                // The early rows go on until the report's own pass starts (`squadReport`): the runs
                // waiting keep the second core busy while the squad is grouped on the first.
                let imported = importer.importFiles(input.files)
                account(imported)
                return imported
            }
            // Handed over once: the store's tests are not kept twice.
            fromStore = nil
            var measurements: [StrengthModel.Measurement] = []
            swap(&measurements, &stored.measurements)
            var combined = ImportResult(
                measurements: measurements, sessions: stored.sessions, summary: stored.summary,
                stoppedEarly: false)
            if !input.files.isEmpty {
                let imported = importer.importFiles(input.files)
                account(imported)
                combined.measurements += imported.measurements
                for (key, info) in imported.sessions {
                    if combined.sessions[key] == nil { combined.sessions[key] = info }
                }
                combined.summary.files += imported.summary.files
                combined.summary.diagnostics += imported.summary.diagnostics
                combined.summary.unlistedDiagnostics += imported.summary.unlistedDiagnostics
            }
            return combined
        }
        /// Every session's findings at once: what `--split` writes from.
        func build() throws -> ScreeningReport {
            let imported = try gather()
            var report = ScreeningReport.build(
                importSummary: imported.summary,
                assessments: analyzer.assess(imported.measurements, sessions: imported.sessions), profile: profile,
                generator: generator, today: today?.date ?? .today())
            report.clinic = clinicDetails
            return report
        }
        /// Athlete by athlete, so a squad's findings never all live at once; inputs too large to hold
        /// are spilled to disk as they are read.
        func squadReport() throws -> ScreeningReport {
            let today = today?.date ?? .today()
            let withSummary = outputOptions.format != .csv
            if !usesStore, let folder = SpillChoice.folder(for: input.files) {
                let spill = MeasurementSpill(folder: folder)
                var spilling = importer
                spilling.measurementSink = { spill.append($0) }
                let imported = spilling.importFiles(input.files)
                account(imported)
                guard let athletes = spill.finish() else {
                    FileHandleOutput.standardError(
                        "hqscreen: \(TerminalSafe.escape(spill.failure ?? "the spill failed"))\n")
                    throw ExitCode(74)
                }
                var report = ScreeningReport.squad(
                    importSummary: imported.summary, athletes: athletes, sessions: imported.sessions,
                    analyzer: analyzer, generator: generator, today: today, withSummary: withSummary,
                    progress: progress?.squad)
                report.clinic = clinicDetails
                return report
            }
            // One row per session is rendered as soon as an athlete's rows are read, on the core the
            // parse leaves free.
            let early = withSummary || usesStore ? nil : EarlyRows.csvSummary(analyzer: analyzer)
            defer { early?.stop() }
            var imported = try gather(early: early)
            // Handed over, not shared: the squad sorts them in place.
            var measurements: [StrengthModel.Measurement] = []
            swap(&measurements, &imported.measurements)
            var report = ScreeningReport.squad(
                importSummary: imported.summary, measurements: consume measurements, sessions: imported.sessions,
                analyzer: analyzer, generator: generator, today: today, withSummary: withSummary,
                progress: progress?.squad, early: early)
            account(imported)
            report.clinic = clinicDetails
            return report
        }
        defer { progress?.finish() }
        if let split {
            try writeSplit(try build(), into: split)
        } else {
            // The output is opened first: a path that cannot be written fails before minutes of work.
            try outputOptions.withOutput(inputs: inputFiles) { file in
                let report = try squadReport()
                // Left to the process's exit, not freed: a squad's sessions and measurements, freed one by
                // one after the last byte, kept one core busy for 20 ms (100 MB squad) while the other waited.
                if let squad = report.squad { _ = Unmanaged.passRetained(squad) }
                // Written as it is produced, in pieces of about a megabyte.
                var pending: [UInt8] = []
                pending.reserveCapacity(1 << 20 + 1 << 16)
                func flushIfFull() throws {
                    guard pending.count >= 1 << 20 else { return }
                    try file.write(pending)
                    pending.removeAll(keepingCapacity: true)
                }
                func emit(_ text: String) throws {
                    pending.append(contentsOf: text.utf8)
                    try flushIfFull()
                }
                switch outputOptions.format {
                case .json:
                    try JSONReport.write(report) { piece in
                        pending += piece
                        try flushIfFull()
                    }
                case .text:
                    try TextReport.write(
                        report, style: TextStyle(color: outputOptions.useColor), audience: audience.value, to: emit)
                case .markdown: try MarkdownReport.write(report, audience: audience.value, to: emit)
                case .html: try HTMLReport.write(report, paper: paper, audience: audience.value, to: emit)
                case .csv:
                    try CSVSummary.write(report, byteOrderMark: !noBOM) { (rows: [UInt8]) in
                        pending += rows
                        try flushIfFull()
                    }
                case .pdf: pending = try render(report, color: false)
                }
                try file.write(pending)
            }
        }
        progress?.finish()
        guard let result else { return }
        ImportProblems.printToStandardError(result.summary, limit: 10)
        if let code = ImportProblems.exitCode(for: result, strict: input.strict) { throw code }
    }
}

extension ReportCommand {
    func render(_ report: ScreeningReport, color: Bool) throws -> [UInt8] {
        switch outputOptions.format {
        case .text:
            return Array(TextReport.render(report, style: TextStyle(color: color), audience: audience.value).utf8)
        case .json: return Array(try JSONReport.render(report).utf8)
        case .html: return Array(HTMLReport.render(report, paper: paper, audience: audience.value).utf8)
        case .markdown: return Array(MarkdownReport.render(report, audience: audience.value).utf8)
        case .csv: return Array(CSVSummary.render(report, byteOrderMark: !noBOM).utf8)
        case .pdf:
            guard let bytes = PDFReport.render(report, paper: paper, audience: audience.value) else {
                FileHandleOutput.standardError("hqscreen: cairo could not write the PDF\n")
                throw ExitCode(74)
            }
            return bytes
        }
    }

    /// Data, mapping and profile files: none of them may be overwritten by an output.
    var inputFiles: InputFiles { InputFiles(input.files + [input.mapping, profileOptions.profile, clinic]) }

    var fileExtension: String {
        switch outputOptions.format {
        case .text: "txt"
        case .json: "json"
        case .html: "html"
        case .markdown: "md"
        case .csv: "csv"
        case .pdf: "pdf"
        }
    }

    /// One file per athlete under a name made safe from the athlete's name and id, and an index with
    /// the team summary. A folder with files in it is refused unless `--force`; then the files an
    /// earlier run wrote there (listed in its manifest) and not written again are removed.
    func writeSplit(_ report: ScreeningReport, into folder: String) throws {
        if let problem = Folder.create(folder) {
            FileHandleOutput.standardError("hqscreen: \(problem)\n")
            throw ExitCode(74)
        }
        let existing = Folder.contents(folder)
        if !existing.isEmpty && !force {
            FileHandleOutput.standardError(
                "hqscreen: the folder \(TerminalSafe.escape(folder)) already has \(existing.count) file"
                    + "\(existing.count == 1 ? "" : "s") in it; choose an empty folder, or pass --force to replace what "
                    + "an earlier report wrote there\n")
            throw ExitCode(64)
        }
        let earlier = SplitManifest.read(folder)
        let parts = report.perAthlete
        // "index" is taken first, so an athlete called Index gets index-2.
        let names = SafeFileName.unique(
            ["index"] + parts.map { SafeFileName.make($0.name == $0.athlete ? [$0.name] : [$0.name, $0.athlete]) }
        ).dropFirst()
        var written: [String] = []
        var files: [(athlete: String, file: String)] = []
        for (part, name) in zip(parts, names) {
            let file = "\(name).\(fileExtension)"
            let bytes = try render(part.report, color: false)
            try OutputArguments.deliver(to: folder + "/" + file, inputs: inputFiles) { try $0.write(bytes) }
            written.append(file)
            files.append((part.athlete, file))
        }
        let index = "index.\(fileExtension)"
        let indexBytes = try renderIndex(report, files: files)
        try OutputArguments.deliver(to: folder + "/" + index, inputs: inputFiles) { try $0.write(indexBytes) }
        written.append(index)
        for stale in earlier where !written.contains(stale) { unlink(folder + "/" + stale) }
        SplitManifest.write(folder, files: written)
        FileHandleOutput.standardError(
            "wrote \(written.count - 1) file\(written.count == 2 ? "" : "s") and \(index) to \(TerminalSafe.escape(folder))\n"
        )
    }

    /// The split's index: a linked team summary in HTML, the summary in the other formats.
    func renderIndex(_ report: ScreeningReport, files: [(athlete: String, file: String)]) throws -> [UInt8] {
        let byAthlete = Dictionary(files.map { ($0.athlete, $0.file) }, uniquingKeysWith: { first, _ in first })
        switch outputOptions.format {
        case .html: return Array(HTMLReport.index(report, paper: paper, files: byAthlete).utf8)
        case .markdown: return Array(MarkdownReport.index(report, files: byAthlete).utf8)
        case .text: return Array(TextReport.index(report, files: byAthlete, style: TextStyle(color: false)).utf8)
        case .csv: return Array(CSVSummary.render(report, byteOrderMark: !noBOM).utf8)
        case .json: return Array(try JSONReport.renderIndex(report, files: byAthlete).utf8)
        case .pdf:
            guard let bytes = PDFReport.renderIndex(report, paper: paper) else {
                FileHandleOutput.standardError("hqscreen: cairo could not write the PDF\n")
                throw ExitCode(74)
            }
            return bytes
        }
    }
}

extension Paper: CaseInsensitiveArgument {}

enum AudienceArgument: String, CaseInsensitiveArgument {
    case clinician
    case athlete

    var value: Audience { self == .athlete ? .athlete : .clinician }
}
