import CJemalloc
import Testing

@testable import hqscreen

@Suite("The command's allocator")
struct AllocatorTests {
    @Test("hqscreen --version names jemalloc")
    func version() throws {
        let output = try CLIRunner.run(["--version"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("0.1.0 (jemalloc 5."))
        #expect(Allocator.description?.hasPrefix("jemalloc 5.") == true)
    }

    @Test("malloc is jemalloc's wherever the command's code is linked")
    func mallocIsJemalloc() throws {
        func allocated() -> UInt64 {
            var bytes: UInt64 = 0
            var size = MemoryLayout<UInt64>.size
            #expect(mallctl("thread.allocated", &bytes, &size, nil, 0) == 0)
            return bytes
        }
        let before = allocated()
        let block = try #require(malloc(1 << 20))
        defer { free(block) }
        #expect(allocated() - before >= 1 << 20)
    }
}
