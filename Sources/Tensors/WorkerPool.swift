import Foundation
import Synchronization

/// Persistent compute threads that spin briefly between jobs, then sleep.
///
/// Waking a sleeping thread takes longer than many of the model's GEMMs, so a worker that has
/// just finished a job keeps polling for the next one for `spinDuration` before it sleeps.
/// Nested or concurrent calls run inline on the caller, so kernels may call each other freely.
final class WorkerPool: @unchecked Sendable {
    /// How long an idle worker polls for the next job before sleeping.
    static let spinDuration: UInt64 = 2_000_000      // ns
    /// Threads that take part in a job, the caller included.
    let participants: Int

    /// One call of `run`: its own counters, so that a worker still finishing an older job can
    /// never take chunks of a newer one.
    private final class Job: @unchecked Sendable {
        /// The work; cleared by the caller once every chunk is done.
        var body: ((Int) -> Void)?
        let chunkCount: Int
        let nextChunk = Atomic<Int>(0)
        let unfinished: Atomic<Int>

        init(body: @escaping (Int) -> Void, chunkCount: Int) {
            self.body = body
            self.chunkCount = chunkCount
            unfinished = Atomic(chunkCount)
        }

        /// Takes chunks until none is left.
        func drain() {
            while true {
                let c = nextChunk.add(1, ordering: .relaxed).oldValue
                guard c < chunkCount else { return }
                body!(c)
                unfinished.subtract(1, ordering: .releasing)
            }
        }
    }

    private let generation = Atomic<Int>(0)
    private let currentJob = Mutex<Job?>(nil)
    private let busy = Atomic<Bool>(false)
    private let stopping = Atomic<Bool>(false)
    private var sleepers = 0                          // guarded by condition
    private let condition = NSCondition()
    private var threads: [Thread] = []

    /// A pool in which `participants` threads (the caller and participants − 1 workers) share each job.
    init(participants: Int) {
        self.participants = max(1, participants)
        for i in 0..<(self.participants - 1) {
            let t = Thread { self.workerLoop() }     // strong: the pool lives until its workers stop
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
            let job = Job(body: escaping, chunkCount: chunks)
            currentJob.withLock { $0 = job }
            generation.add(1, ordering: .releasing)
            condition.lock()
            if sleepers > 0 { condition.broadcast() }
            condition.unlock()
            job.drain()
            while job.unfinished.load(ordering: .acquiring) > 0 {}
            currentJob.withLock { $0 = nil }
            job.body = nil          // a late worker may still hold the job, never the closure
        }
        busy.store(false, ordering: .releasing)
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
            currentJob.withLock { $0 }?.drain()
        }
    }
}
