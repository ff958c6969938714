import Foundation
import StrengthImport
import StrengthStore

/// Uploads between their preview and their confirmation: each in its own owner-only folder, its
/// files under numbered names (the name the browser gave is only ever shown and recorded, never used
/// as a path), kept for an hour.
actor UploadStaging {
    struct StagedFile: Sendable {
        /// The form field it came in: `files`, or `mapping` for a mapping file.
        var field: String
        /// The name as uploaded, cleaned for display; unique within its upload.
        var name: String
        var path: String
        var bytes: Int
        var sha256: String
    }

    struct Upload: Sendable {
        var files: [StagedFile]
        var options: ImportOptions
        var squad: String?
        var created: Date
    }

    let folder: URL
    private var uploads: [String: Upload] = [:]
    static let lifetime: TimeInterval = 3600

    init(folder: URL) { self.folder = folder }

    /// A new, empty folder for an upload, and the token that names it.
    func newFolder() throws -> (token: String, folder: URL) {
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let token = CSRFProtection.newToken()
        let upload = folder.appendingPathComponent(token)
        try FileManager.default.createDirectory(
            at: upload, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return (token, upload)
    }

    func keep(_ upload: Upload, token: String) {
        expire()
        uploads[token] = upload
    }

    /// The upload, handed over once: a second confirmation finds nothing.
    func take(_ token: String) -> Upload? {
        expire()
        return uploads.removeValue(forKey: token)
    }

    func discard(_ token: String) {
        uploads[token] = nil
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(token))
    }

    private func expire() {
        let now = Date()
        for (token, upload) in uploads where now.timeIntervalSince(upload.created) > Self.lifetime {
            discard(token)
        }
    }

    /// What a browser says a file is called, fit to show and record: its last path component, no
    /// control characters, at most 120 characters, unique among `taken`.
    static func displayName(_ raw: String, index: Int, taken: Set<String>) -> String {
        var name = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        name = String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        name = String(name.trimmingCharacters(in: .whitespaces).prefix(120))
        if name.isEmpty || name == "." || name == ".." { name = "upload-\(index + 1).csv" }
        var unique = name
        var copy = 2
        while taken.contains(unique) {
            unique = "\(name) (\(copy))"
            copy += 1
        }
        return unique
    }
}
