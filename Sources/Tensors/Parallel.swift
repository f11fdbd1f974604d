import Foundation
import Synchronization

/// Splits element-wise work across the compute threads, and holds their number.
public enum Parallel {
    /// Threads that kernels may use (the caller included); `Runtime.configure` sets it from `--threads`.
    public static var threadCount: Int {
        get { pool.withLock { $0.participants } }
        set {
            let n = max(1, newValue)
            pool.withLock { current in
                guard current.participants != n else { return }
                current.shutdown()
                current = WorkerPool(participants: n)
            }
        }
    }

    /// The persistent compute threads.
    static let pool = Mutex(WorkerPool(participants: ProcessInfo.processInfo.activeProcessorCount))

    /// The pool to run on (read once per job).
    static var currentPool: WorkerPool { pool.withLock { $0 } }

    /// Calls `work(c)` for c in 0..<chunks on the compute threads and returns when all are done.
    public static func run(chunks: Int, _ work: (Int) -> Void) {
        currentPool.run(chunks: chunks, work)
    }

    /// Calls `body` on disjoint chunks covering 0..<count, concurrently when there is enough work.
    ///
    /// `grain` is the smallest chunk worth a thread of its own; below two grains it runs inline.
    public static func forEachChunk(_ count: Int, grain: Int, _ body: (Range<Int>) -> Void) {
        let chunks = min(threadCount, count / max(grain, 1))
        if chunks <= 1 {
            if count > 0 { body(0..<count) }
            return
        }
        let per = (count + chunks - 1) / chunks
        run(chunks: chunks) { c in
            let start = c * per
            let end = min(count, start + per)
            if start < end { body(start..<end) }
        }
    }
}
