import Foundation
import StrengthImport
import StrengthModel
import TestFolders

/// Writes test input to a fresh file and removes it afterwards.
enum TemporaryFile {
    static let directory: URL = {
        let url = TestFolders.file("import")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func path(_ name: String, bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(UUID().uuidString + "-" + name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func path(_ name: String, _ text: String) throws -> String {
        try path(name, bytes: Array(text.utf8))
    }
}

extension Importer {
    /// Imports one in-memory file.
    func importText(_ text: String, name: String = "input.csv") throws -> ImportResult {
        importFiles([try TemporaryFile.path(name, text)])
    }

    func importBytes(_ bytes: [UInt8], name: String = "input.csv") throws -> ImportResult {
        importFiles([try TemporaryFile.path(name, bytes: bytes)])
    }
}

extension ImportResult {
    var counts: RowCounts { summary.counts }
    var file: FileImportSummary { summary.files[0] }
    var errors: [Diagnostic] { summary.diagnostics.filter { $0.severity == .error } }
    func values(_ muscle: MuscleGroup, _ side: Side) -> [Double] {
        measurements.filter { $0.muscle == muscle && $0.side == side }.map(\.value.si)
    }
}
