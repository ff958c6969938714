import StrengthAnalysis

/// Renders a report's athletes on every core and hands the results on in the report's order, a
/// batch at a time, so the output is the single-threaded one and memory holds one batch.
public enum OrderedParallel {
    public static let batchSize = 128

    public static func forEach<C: RandomAccessCollection & Sendable, T>(
        _ collection: C, batch: Int = batchSize, _ transform: @Sendable (C.Element) -> T,
        consume: (T) throws -> Void
    ) rethrows where C.Index == Int {
        var start = collection.startIndex
        while start < collection.endIndex {
            let count = min(batch, collection.endIndex - start)
            let slots = ResultSlots<T>(count: count)
            let first = start
            Analyzer.inParallel(count: count) { k in slots.store(transform(collection[first + k]), at: k) }
            for k in 0..<count { try consume(slots.take(k)) }
            start += count
        }
    }
}
