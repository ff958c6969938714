import Foundation
import StrengthModel
import Yams

/// `--clinic FILE`: a small YAML file of what to print on every report.
///
/// ```yaml
/// name: Northside Physio
/// clinician: Jo Smith, physiotherapist
/// contact: 020 7946 0000 · clinic@example.org
/// footer: Results are a training guide, not a diagnosis.
/// logo: logo.png            # PNG or SVG, next to this file
/// ```
public enum ClinicFile {
    static let keys = ["name", "clinician", "contact", "footer", "logo"]
    static let maxLogoBytes = 2_000_000

    public static func load(_ path: String) throws(ProfileError) -> ClinicDetails {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProfileError(file: path, line: nil, key: "", message: "cannot read the clinic file")
        }
        let yaml = String(decoding: data, as: UTF8.self)
        if let found = AliasScan.first(in: yaml) {
            throw ProfileError(
                file: path, line: found.line, key: "", message: "YAML anchors and aliases are not allowed here")
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else {
                throw ProfileError(file: path, line: nil, key: "", message: "the file is empty")
            }
            node = composed
        } catch let error as ProfileError {
            throw error
        } catch {
            throw ProfileError(file: path, line: nil, key: "", message: "not valid YAML")
        }
        let root = NodeReader(node: node, path: "", file: path)
        let fields = try root.mapping(keys: keys)
        func text(_ key: String) throws(ProfileError) -> String? {
            guard let reader = fields[key], !reader.isNull else { return nil }
            let value = try reader.string()
            guard value.count <= 300 else { throw reader.error("must be at most 300 characters") }
            return value
        }
        guard let name = try text("name") else {
            throw ProfileError(file: path, line: nil, key: "name", message: "is missing; the clinic's name is required")
        }
        var details = ClinicDetails(
            name: name, clinician: try text("clinician"), contact: try text("contact"), footer: try text("footer"))
        if let logo = try text("logo") {
            let folder = (path as NSString).deletingLastPathComponent
            let logoPath = logo.hasPrefix("/") ? logo : (folder.isEmpty ? logo : folder + "/" + logo)
            guard let bytes = FileManager.default.contents(atPath: logoPath) else {
                throw ProfileError(
                    file: path, line: fields["logo"]?.line, key: "logo", message: "cannot read \(logoPath)")
            }
            guard bytes.count <= maxLogoBytes else {
                throw ProfileError(file: path, line: fields["logo"]?.line, key: "logo", message: "is larger than 2 MB")
            }
            let head = Array(bytes.prefix(512))
            if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
                details.logoKind = .png
            } else if String(decoding: head, as: UTF8.self).contains("<svg") {
                details.logoKind = .svg
            } else {
                throw ProfileError(
                    file: path, line: fields["logo"]?.line, key: "logo", message: "must be a PNG or an SVG image")
            }
            details.logo = Array(bytes)
        }
        return details
    }
}
