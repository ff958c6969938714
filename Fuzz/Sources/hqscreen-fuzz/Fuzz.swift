import Foundation
import StrengthImport

/// libFuzzer entry point: any bytes, as a CSV file, must import without crashing and with the
/// accounting balanced.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let path = FuzzFile.path
    let bytes = Data(bytes: data, count: size)
    guard (try? bytes.write(to: URL(fileURLWithPath: path))) != nil else { return 0 }
    let result = Importer().importFiles([path])
    precondition(result.summary.counts.isBalanced, "row accounting does not add up")
    return 0
}

enum FuzzFile {
    static let path = NSTemporaryDirectory() + "hqscreen-fuzz-\(getpid()).csv"
}
