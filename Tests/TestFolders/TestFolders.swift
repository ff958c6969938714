import Foundation

/// Every file a test run writes goes under one folder of its own, removed when the run ends: runs
/// used to leave some seventy files and folders each in the system's temporary folder.
public enum TestFolders {
    /// `hqscreen-tests-PID` in the temporary folder, made on first use.
    public static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hqscreen-tests-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit {
            // A store closing on another thread as the run ends can add a file while the folder is
            // removed: a second pass takes what the first left.
            for _ in 0..<2 where FileManager.default.fileExists(atPath: TestFolders.root.path) {
                try? FileManager.default.removeItem(at: TestFolders.root)
            }
        }
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
