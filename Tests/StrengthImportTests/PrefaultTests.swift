import Testing

@testable import StrengthImport

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Prefault: the measurements' buffer mapped ahead of its writes")
struct PrefaultTests {
    @Test("maps the next 4 MB of capacity, not beyond it, and leaves what is written as it was")
    func mapsAhead() {
        var values: [Int] = []
        // 40 MB: above glibc's largest mmap threshold, so the pages are fresh and not yet mapped.
        values.reserveCapacity(5_000_000)
        values.append(contentsOf: 0..<1000)
        #if canImport(Glibc)
            #expect(residentPages(of: values, from: 1000, to: 1000 + 524_288) != .all)
        #endif
        var prefault = Prefault()
        prefault.ahead(of: &values)
        // 4 MB of 8-byte elements past the 1,000 written.
        #expect(prefault.mappedElements == 1000 + 524_288)
        #expect(values == Array(0..<1000))
        #if canImport(Glibc)
            if prefault.kernelMapped {
                #expect(residentPages(of: values, from: 1000, to: 1000 + 524_288) == .all)
            }
        #endif
        // Nothing more is asked until the writes reach what is mapped.
        values.append(contentsOf: 1000..<500_000)
        prefault.ahead(of: &values)
        #expect(prefault.mappedElements == 1000 + 524_288)
        values.append(contentsOf: 500_000..<600_000)
        prefault.ahead(of: &values)
        #expect(prefault.mappedElements == 600_000 + 524_288)
        #expect(values.count == 600_000 && values[599_999] == 599_999 && values[1000] == 1000)
    }

    @Test("stops at the capacity, and goes on in the larger buffer the array moves to")
    func stopsAtCapacity() {
        var values: [UInt8] = []
        values.reserveCapacity(10_000)
        let capacity = values.capacity
        var prefault = Prefault()
        prefault.ahead(of: &values)
        #expect(prefault.mappedElements == capacity)
        values.append(contentsOf: repeatElement(7, count: capacity))
        prefault.ahead(of: &values)
        #expect(prefault.mappedElements == capacity + 1)
        values.append(8)
        #expect(values.capacity > capacity)
        prefault.ahead(of: &values)
        #expect(prefault.mappedElements == values.capacity)
        #expect(values.dropLast().allSatisfy { $0 == 7 } && values.last == 8)
    }

    #if canImport(Glibc)
        enum Residency: Equatable {
            case all
            case some(Int)
        }

        /// Which pages of the elements `from..<to` the kernel has mapped, asked with mincore(2).
        private func residentPages(of values: [Int], from: Int, to: Int) -> Residency {
            values.withUnsafeBufferPointer { buffer in
                let page = 4096
                let first = UInt(bitPattern: buffer.baseAddress! + from) & ~UInt(page - 1)
                let last = UInt(bitPattern: buffer.baseAddress! + to) & ~UInt(page - 1)
                let pages = Int(last - first) / page
                var vector = [UInt8](repeating: 0, count: pages)
                guard mincore(UnsafeMutableRawPointer(bitPattern: first), pages * page, &vector) == 0 else {
                    return .some(-1)
                }
                let resident = vector.filter { $0 & 1 == 1 }.count
                return resident == pages ? .all : .some(resident)
            }
        }
    #endif
}
