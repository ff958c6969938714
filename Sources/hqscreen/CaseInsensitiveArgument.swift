import ArgumentParser
import Foundation

/// Option values in any case — `--format PDF`, `--paper A4`, `--sex Female` — since nobody should
/// have to guess which case a tool wants. A wrong value still lists the accepted ones.
protocol CaseInsensitiveArgument: RawRepresentable, CaseIterable, ExpressibleByArgument where RawValue == String {}

extension CaseInsensitiveArgument {
    public init?(argument: String) {
        let wanted = argument.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else { return nil }
        self = match
    }
}
