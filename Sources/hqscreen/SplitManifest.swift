import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The files a `--split` run wrote into its folder, so a later run with `--force` removes only its
/// own stale files and never anything else that lives there.
enum SplitManifest {
    static let name = ".hqscreen-split"

    static func read(_ folder: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return [] }
        // Only plain names: a manifest can never point outside its folder.
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { !$0.isEmpty && !$0.contains("/") && $0 != "." && $0 != ".." }
    }

    static func write(_ folder: String, files: [String]) {
        try? Data((files.joined(separator: "\n") + "\n").utf8).write(
            to: URL(fileURLWithPath: folder + "/" + name), options: .atomic)
    }
}

extension Folder {
    /// The names in a folder, hidden ones (the manifest) left out.
    static func contents(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }
    }
}
