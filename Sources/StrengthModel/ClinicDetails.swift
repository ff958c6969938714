/// What a clinic prints on every report: its name, the clinician, how to reach them, a footer note
/// and a logo.
public struct ClinicDetails: Sendable, Hashable {
    public enum LogoKind: String, Sendable, Hashable { case png, svg }

    public var name: String
    public var clinician: String?
    public var contact: String?
    public var footer: String?
    public var logo: [UInt8]?
    public var logoKind: LogoKind?

    public init(
        name: String, clinician: String? = nil, contact: String? = nil, footer: String? = nil, logo: [UInt8]? = nil,
        logoKind: LogoKind? = nil
    ) {
        self.name = name
        self.clinician = clinician
        self.contact = contact
        self.footer = footer
        self.logo = logo
        self.logoKind = logoKind
    }

    /// `Northside Physio · Jo Smith, physiotherapist · 020 7946 0000`.
    public var line: String { [name, clinician, contact].compactMap { $0 }.joined(separator: " · ") }
}
