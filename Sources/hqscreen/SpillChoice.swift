import Foundation

/// Whether a report's measurements are kept in memory or spilled to disk while they are read.
///
/// Inputs of `HQSCREEN_SPILL_MB` megabytes or more together (default 256; 0 spills always) are
/// spilled to `TMPDIR` (default /tmp): memory then holds the names and one row per athlete rather
/// than every measurement, at the cost of writing them once and reading them back.
enum SpillChoice {
    static let defaultMegabytes = 256

    /// The folder to spill into, or nil to keep the measurements in memory.
    static func folder(for files: [String]) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let megabytes = environment["HQSCREEN_SPILL_MB"].flatMap(Int.init) ?? defaultMegabytes
        var total = 0
        for path in files where path != "-" {
            var info = stat()
            if stat(path, &info) == 0 { total += Int(info.st_size) }
        }
        guard total >= megabytes << 20 else { return nil }
        let folder = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    }
}
