import ArgumentParser
import StrengthImport
import StrengthModel
import StrengthReport

/// How import problems reach the user of `report`: on standard error, and in the exit status.
enum ImportProblems {
    static func printToStandardError(_ summary: ImportSummary, limit: Int) {
        let errors = summary.diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return }
        var lines = errors.prefix(limit).map { "hqscreen: \(TerminalSafe.escape($0.formatted))" }
        let more = errors.count - min(errors.count, limit) + summary.unlistedDiagnostics
        if more > 0 { lines.append("hqscreen: … and \(more) more; run `hqscreen check --all` to list them") }
        FileHandleOutput.standardError(lines.joined(separator: "\n") + "\n")
    }

    /// 1 when a file could not be read at all, or when `--strict` met a rejected row.
    static func exitCode(for result: ImportResult, strict: Bool) -> ExitCode? {
        if !result.summary.failedFiles.isEmpty { return ExitCode(1) }
        if strict && result.summary.counts.rowsRejected > 0 { return ExitCode(1) }
        return nil
    }
}
