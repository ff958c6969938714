import ArgumentParser
import Foundation
import StrengthAnalysis
import StrengthImport
import StrengthModel
import StrengthReport
import StrengthStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Store strength tests in the screening history, each test once (docs/store.md).",
        discussion: """
            Importing the same file again, or a later export that repeats earlier months, stores nothing twice. \
            A different value for a test the store already has is a conflict: the stored value is kept, both \
            sources are named, and the exit status is 1.
            """)

    @OptionGroup var input: ImportArguments
    @OptionGroup var store: StoreArgument

    @Option(help: "The squad the files' athletes belong to, for `report --db … --squad NAME`.")
    var squad: String?

    func validate() throws {
        if input.files.isEmpty { throw ValidationError("name the CSV files to import, e.g. hqscreen import tests.csv") }
    }

    func run() async throws {
        var importer = try input.importer()
        importer.foldsTrials = false
        let result = importer.importFiles(input.files)
        let (location, outcome) = try await store.using { opened in
            do {
                let outcome = try await opened.store(
                    result.measurements, sessions: result.sessions, files: result.summary.files, squad: squad)
                return (opened.location, outcome)
            } catch {
                FileHandleOutput.standardError(
                    "hqscreen: the store \(TerminalSafe.escape(opened.location)) refused the import: "
                        + "\(TerminalSafe.escape(StoreErrors.words(error)))\n")
                throw ExitCode(74)
            }
        }
        var lines = [TextReport.importLine(result.summary)]
        lines.append(
            "Stored \(TextReport.plural(outcome.stored, "new test")), \(outcome.alreadyStored) already stored, "
                + "\(TextReport.plural(outcome.conflicts.count, "conflict")) in \(TerminalSafe.escape(location))."
        )
        print(lines.joined(separator: "\n"))
        ImportProblems.printToStandardError(result.summary, limit: 10)
        for conflict in outcome.conflicts.prefix(20) {
            FileHandleOutput.standardError("hqscreen: \(TerminalSafe.escape(Self.describe(conflict)))\n")
        }
        if outcome.conflicts.count > 20 {
            FileHandleOutput.standardError("hqscreen: … and \(outcome.conflicts.count - 20) more conflicts\n")
        }
        if !outcome.conflicts.isEmpty { throw ExitCode(1) }
        if let code = ImportProblems.exitCode(for: result, strict: input.strict) { throw code }
    }

    static func describe(_ c: StoreImportOutcome.Conflict) -> String {
        "conflict: \(c.athlete) \(c.date) \(c.test): stored \(Formatting.fixed(c.storedValue, digits: 1)) \(c.unit) "
            + "(\(c.storedSource.file):\(c.storedSource.line)), this import \(Formatting.fixed(c.newValue, digits: 1)) "
            + "\(c.unit) (\(c.newSource.file):\(c.newSource.line)); kept the stored value"
    }
}

/// `--db`: where the screening history is.
struct StoreArgument: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The screening history: a SQLite file, created on first use, or postgres://USER@HOST[:PORT]/DATABASE "
                + "(default: $HQSCREEN_DB, else hqscreen.sqlite in the current folder).", valueName: "location"))
    var location: String?

    /// Opens the store, runs `body` with it and lets it go; a store that cannot be opened is exit status 1.
    func using<Result: Sendable>(_ body: (any HistoryStore) async throws -> Result) async throws -> Result {
        let opened: any HistoryStore
        do {
            opened = try await HistoryStores.open(location ?? HistoryStores.defaultLocation())
        } catch {
            FileHandleOutput.standardError("hqscreen: \(TerminalSafe.escape(StoreErrors.words(error)))\n")
            throw ExitCode(1)
        }
        do {
            let result = try await body(opened)
            await opened.close()
            return result
        } catch {
            await opened.close()
            throw error
        }
    }
}
