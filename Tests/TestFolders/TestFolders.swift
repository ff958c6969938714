import Foundation

/// Every file a test run writes goes under one folder of its own, removed when the run ends: runs
/// used to leave some seventy files and folders each in the system's temporary folder.
public enum TestFolders {
    /// `hqscreen-tests-PID` in the temporary folder, made on first use.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hqscreen-tests-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestFolders.root) }
        return url
    }()

    /// An empty folder of its own for one test, `name` inside the run's folder.
    public static func fresh(_ name: String) throws -> URL {
        let url = root.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A path for a file named `name` in the run's folder (nothing is written).
    public static func file(_ name: String) -> URL { root.appendingPathComponent(name) }
}
