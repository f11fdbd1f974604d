import Foundation
import Synchronization

/// Persistent compute threads that spin briefly between jobs, then sleep.
///
/// Waking a sleeping thread costs 70–100 µs on this project's virtual machines (measured with
/// `DispatchQueue.concurrentPerform`), longer than many of the model's GEMMs; a worker that has
/// just finished a job keeps polling for the next one for `spinDuration` before it sleeps.
/// Nested or concurrent calls run inline on the caller, so kernels may call each other freely.
final class WorkerPool: @unchecked Sendable {
    /// How long an idle worker polls for the next job before sleeping.
    static let spinDuration: UInt64 = 2_000_000      // ns
    /// Threads that take part in a job, the caller included.
    let participants: Int

    private let generation = Atomic<Int>(0)
    private let nextChunk = Atomic<Int>(0)
    private let unfinished = Atomic<Int>(0)
    private let busy = Atomic<Bool>(false)
    private let stopping = Atomic<Bool>(false)
    private var sleepers = 0                          // guarded by condition
    private let condition = NSCondition()
    /// The current job; written by the caller before `generation` is bumped, read by workers after.
    nonisolated(unsafe) private var body: ((Int) -> Void)?
    nonisolated(unsafe) private var chunkCount = 0
    private var threads: [Thread] = []

    /// A pool in which `participants` threads (the caller and participants − 1 workers) share each job.
    init(participants: Int) {
        self.participants = max(1, participants)
        for i in 0..<(self.participants - 1) {
            let t = Thread { [unowned self] in self.workerLoop() }
            t.name = "pilot-worker-\(i)"
            t.stackSize = 8 << 20
            threads.append(t)
            t.start()
        }
    }

    /// Stops the workers (they finish any job first).
    func shutdown() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        generation.add(1, ordering: .sequentiallyConsistent)
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    /// Calls `work(c)` for every c in 0..<chunks, spread over the pool; returns when all are done.
    func run(chunks: Int, _ work: (Int) -> Void) {
        guard chunks > 1, participants > 1,
              busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            for c in 0..<chunks { work(c) }
            return
        }
        withoutActuallyEscaping(work) { escaping in
            body = escaping
            chunkCount = chunks
            nextChunk.store(0, ordering: .relaxed)
            unfinished.store(chunks, ordering: .relaxed)
            generation.add(1, ordering: .releasing)
            condition.lock()
            if sleepers > 0 { condition.broadcast() }
            condition.unlock()
            drainChunks()
            while unfinished.load(ordering: .acquiring) > 0 {}
            body = nil
        }
        busy.store(false, ordering: .releasing)
    }

    /// Takes chunks of the current job until none is left.
    private func drainChunks() {
        while true {
            let c = nextChunk.add(1, ordering: .relaxed).oldValue
            guard c < chunkCount else { return }
            body!(c)
            unfinished.subtract(1, ordering: .releasing)
        }
    }

    private func workerLoop() {
        var seen = generation.load(ordering: .acquiring)
        while true {
            var current = generation.load(ordering: .acquiring)
            if current == seen {
                let start = DispatchTime.now().uptimeNanoseconds
                var polls = 0
                while current == seen {
                    polls += 1
                    if polls & 1023 == 0 && DispatchTime.now().uptimeNanoseconds - start > WorkerPool.spinDuration {
                        condition.lock()
                        sleepers += 1
                        while generation.load(ordering: .acquiring) == seen { condition.wait() }
                        sleepers -= 1
                        condition.unlock()
                    }
                    current = generation.load(ordering: .acquiring)
                }
            }
            seen = current
            if stopping.load(ordering: .acquiring) { return }
            if body != nil { drainChunks() }
        }
    }
}
