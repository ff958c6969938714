import Foundation
import StrengthAnalysis
import StrengthModel

/// How the desk runs: the thresholds it applies, how large an upload may be, where uploads wait for
/// confirmation, and what day it is.
public struct DeskOptions: Sendable {
    public var profile: ThresholdProfile
    /// All files of one upload together, in bytes.
    public var maxUploadBytes: Int
    /// Uploads wait here (owner-only folders) between the preview and the confirmation.
    public var stagingFolder: URL
    public var generator: String
    public var windowDays: Int
    public var today: @Sendable () -> TestDate
    /// Nil: no login (this machine only).
    public var login: DeskLogin?

    public init(
        profile: ThresholdProfile = .defaultV1, maxUploadBytes: Int = 200 << 20,
        stagingFolder: URL = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hqscreen-uploads-\(getpid())"),
        generator: String, windowDays: Int = 28, today: @escaping @Sendable () -> TestDate = { .today() },
        login: DeskLogin? = nil
    ) {
        self.login = login
        self.profile = profile
        self.maxUploadBytes = maxUploadBytes
        self.stagingFolder = stagingFolder
        self.generator = generator
        self.windowDays = windowDays
        self.today = today
    }
}
