import Dispatch
import Foundation

/// Splits element-wise work across the compute threads, and holds their number.
public enum Parallel {
    /// Threads that kernels (ours and OpenBLAS's) may use; set once at start-up by `Runtime.configure`.
    nonisolated(unsafe) public static var threadCount: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Calls `body` on disjoint chunks covering 0..<count, concurrently when there is enough work.
    ///
    /// `grain` is the smallest chunk worth a thread of its own; below two grains it runs inline.
    @inlinable
    public static func forEachChunk(_ count: Int, grain: Int, _ body: (Range<Int>) -> Void) {
        let chunks = min(threadCount, count / max(grain, 1))
        if chunks <= 1 {
            if count > 0 { body(0..<count) }
            return
        }
        let per = (count + chunks - 1) / chunks
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let start = c * per
            let end = min(count, start + per)
            if start < end { body(start..<end) }
        }
    }
}
