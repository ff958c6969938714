import Foundation
import Hummingbird
import MultipartKit
import StrengthStore

/// A `multipart/form-data` upload read as it arrives: each file part straight to its own file in
/// the upload's folder, the small fields kept, the whole body limited in size.
struct MultipartUpload {
    var files: [UploadStaging.StagedFile] = []
    var fields: [String: String] = [:]

    enum Failure: Error {
        case notMultipart
        case tooLarge(limit: Int)
        case malformed(String)
    }

    /// Reads `request`'s body into `folder`; throws `tooLarge` as soon as the body passes `limit`.
    static func read(_ request: Request, into folder: URL, limit: Int) async throws -> MultipartUpload {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = boundary(in: type)
        else { throw Failure.notMultipart }
        let collector = PartCollector(folder: folder)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name, value) }
        parser.onBody = { buffer in collector.body(&buffer) }
        parser.onPartComplete = { collector.complete() }
        var received = 0
        defer { collector.close() }
        for try await buffer in request.body {
            received += buffer.readableBytes
            if received > limit { throw Failure.tooLarge(limit: limit) }
            do {
                try parser.execute(buffer)
            } catch {
                throw Failure.malformed("the upload is not a well-formed form (\(error))")
            }
            if let failure = collector.failure { throw failure }
        }
        if let failure = collector.failure { throw failure }
        var upload = MultipartUpload(files: [], fields: collector.fields)
        for file in collector.files {
            var staged = file
            staged.sha256 = FileHashes.sha256(ofFile: file.path) ?? ""
            upload.files.append(staged)
        }
        return upload
    }

    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }

    /// The `name` and `filename` of a part's Content-Disposition.
    static func disposition(_ value: String) -> (name: String?, filename: String?) {
        var name: String?
        var filename: String?
        var rest = Substring(value)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop(while: { $0 == " " })
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].lowercased()
            var after = rest[rest.index(after: equals)...]
            var parsed = ""
            if after.first == "\"" {
                // Browsers percent-encode a quote in a file name (HTML's form encoding) and send a
                // backslash as it is, so a backslash here is part of the name, not an escape.
                after = after.dropFirst()
                let end = after.firstIndex(of: "\"") ?? after.endIndex
                parsed = String(after[..<end])
                rest = end < after.endIndex ? after[after.index(after: end)...] : after[after.endIndex...]
            } else {
                let end = after.firstIndex(of: ";") ?? after.endIndex
                parsed = String(after[..<end])
                rest = after[end...]
            }
            if key == "name" { name = parsed }
            if key == "filename" { filename = parsed.replacingOccurrences(of: "%22", with: "\"") }
        }
        return (name, filename)
    }
}

/// The parser's callbacks' state: the part being read and what was read before it.
private final class PartCollector {
    let folder: URL
    var fields: [String: String] = [:]
    var files: [UploadStaging.StagedFile] = []
    var failure: MultipartUpload.Failure?
    private var headers: [(String, String)] = []
    private var fieldName: String?
    private var fieldValue: [UInt8] = []
    private var file: FileHandle?
    private var started = false

    init(folder: URL) { self.folder = folder }

    func header(_ name: String, _ value: String) {
        if started { reset() }
        headers.append((name, value))
    }

    private func reset() {
        headers = []
        fieldName = nil
        fieldValue = []
        started = false
    }

    /// Decides, at a part's first bytes, whether it is a file or a field.
    private func start() {
        started = true
        let disposition = headers.first { $0.0.lowercased() == "content-disposition" }.map(\.1) ?? ""
        let (name, filename) = MultipartUpload.disposition(disposition)
        if let filename {
            fieldName = name
            let index = files.count
            let path = folder.appendingPathComponent("\(index + 1).csv").path
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
                let handle = FileHandle(forWritingAtPath: path)
            else {
                failure = .malformed("the upload could not be kept on disk")
                return
            }
            file = handle
            let name = UploadStaging.displayName(filename, index: index, taken: Set(files.map(\.name)))
            files.append(
                UploadStaging.StagedFile(field: fieldName ?? "files", name: name, path: path, bytes: 0, sha256: ""))
        } else {
            fieldName = name
        }
    }

    func body(_ buffer: inout ByteBuffer) {
        if !started { start() }
        if let file {
            let bytes = buffer.readableBytesView
            do {
                try file.write(contentsOf: bytes)
            } catch {
                failure = .malformed("the upload could not be kept on disk (\(error))")
            }
            files[files.count - 1].bytes += bytes.count
        } else if fieldName != nil {
            // Fields are a token, a squad name, a number: a few kilobytes is plenty.
            guard fieldValue.count + buffer.readableBytes <= 4096 else {
                failure = .malformed("a form field is longer than 4 KB")
                return
            }
            fieldValue += buffer.readableBytesView
        }
    }

    func complete() {
        if !started { start() }
        if let file {
            try? file.close()
            self.file = nil
        } else if let fieldName, started {
            fields[fieldName] = String(decoding: fieldValue, as: UTF8.self)
        }
        reset()
    }

    func close() { try? file?.close() }
}
