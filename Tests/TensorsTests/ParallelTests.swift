import Synchronization
import Tensors
import XCTest

/// The worker pool runs every chunk exactly once, job after job, nested or not.
final class ParallelTests: XCTestCase {
    func testManyBackToBackJobsRunEveryChunkOnce() {
        let saved = Parallel.threadCount
        defer { Parallel.threadCount = saved }
        for threads in [2, 3] {
            Parallel.threadCount = threads
            let counts = UnsafeMutablePointer<Int>.allocate(capacity: 8)
            defer { counts.deallocate() }
            for job in 0..<5000 {
                let chunks = 2 + job % 7
                counts.initialize(repeating: 0, count: 8)
                Parallel.run(chunks: chunks) { c in counts[c] += 1 }
                XCTAssertTrue((0..<chunks).allSatisfy { counts[$0] == 1 }, "job \(job) with \(threads) threads")
            }
        }
    }

    func testNestedCallsRunInline() {
        let total = Atomic<Int>(0)
        Parallel.run(chunks: 4) { _ in
            Parallel.run(chunks: 3) { _ in total.add(1, ordering: .relaxed) }
        }
        XCTAssertEqual(total.load(ordering: .relaxed), 12)
    }
}
