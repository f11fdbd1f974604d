import Tensors
import XCTest

/// GEMM correctness in every transpose combination and both threadings, and the core-type decision.
final class BLASTests: XCTestCase {
    func naive(_ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, ta: Bool, tb: Bool) -> [Float] {
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n {
            var s: Float = 0
            for p in 0..<k { s += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]) }
            c[i * n + j] = s
        } }
        return c
    }

    func testPanelsAndLibraryThreadingAgreeWithNaiveProduct() {
        var rng = RandomStream(seed: 1)
        let (m, n, k) = (160, 96, 70)       // large enough to be split into panels
        let a = (0..<(m * k)).map { _ in rng.nextNormal() }, b = (0..<(k * n)).map { _ in rng.nextNormal() }
        let saved = (BLAS.threading, Parallel.threadCount)
        defer { BLAS.threading = saved.0; Parallel.threadCount = saved.1 }
        Parallel.threadCount = 2
        for threading in BLAS.Threading.allCases {
            BLAS.threading = threading
            XCTAssertEqual(BLAS.threadCount, threading == .library ? 2 : 1, "OpenBLAS threads under \(threading)")
            for ta in [false, true] { for tb in [false, true] {
                var c = [Float](repeating: 0, count: m * n)
                BLAS.gemm(transposeA: ta, transposeB: tb, m: m, n: n, k: k, a: a, lda: ta ? m : k, b: b, ldb: tb ? k : n, c: &c, ldc: n)
                let want = naive(a, b, m: m, n: n, k: k, ta: ta, tb: tb)
                let err = zip(c, want).map { abs($0 - $1) }.max()!
                XCTAssertLessThan(err, 1e-3, "\(threading) \(ta) \(tb)")
            } }
        }
    }

    func testPanelSplitAlongColumnsWhenWide() {
        var rng = RandomStream(seed: 2)
        let (m, n, k) = (20, 300, 64)
        let a = (0..<(m * k)).map { _ in rng.nextNormal() }, b = (0..<(k * n)).map { _ in rng.nextNormal() }
        var c = [Float](repeating: 1, count: m * n)
        BLAS.gemm(m: m, n: n, k: k, alpha: 2, a: a, lda: k, b: b, ldb: n, beta: 1, c: &c, ldc: n)
        let want = naive(a, b, m: m, n: n, k: k, ta: false, tb: false).map { 2 * $0 + 1 }
        XCTAssertLessThan(zip(c, want).map { abs($0 - $1) }.max()!, 1e-3)
    }

    func testWideProductsWithEnoughRowsSplitAlongRowsInEveryTranspose() {
        var rng = RandomStream(seed: 3)
        let (m, n, k) = (130, 300, 40)      // wider than tall, yet ≥ 64 rows per panel on 2 threads; 130 not a panel multiple
        let a = (0..<(m * k)).map { _ in rng.nextNormal() }, b = (0..<(k * n)).map { _ in rng.nextNormal() }
        let saved = (BLAS.threading, Parallel.threadCount)
        defer { BLAS.threading = saved.0; Parallel.threadCount = saved.1 }
        BLAS.threading = .panels
        Parallel.threadCount = 2
        for ta in [false, true] { for tb in [false, true] {
            var c = [Float](repeating: 0, count: m * n)
            BLAS.gemm(transposeA: ta, transposeB: tb, m: m, n: n, k: k, a: a, lda: ta ? m : k, b: b, ldb: tb ? k : n, c: &c, ldc: n)
            let want = naive(a, b, m: m, n: n, k: k, ta: ta, tb: tb)
            XCTAssertLessThan(zip(c, want).map { abs($0 - $1) }.max()!, 1e-3, "\(ta) \(tb)")
        } }
    }

    func testProductsAreBitIdenticalWhateverTheThreadCount() {
        // The model's shapes (ViT MLP, LLM projections over a batch, attention-sized and wide products), every transpose:
        // a run must give the same bytes with --threads 1, 2 or 3 (`pilot study run --jobs` trains on 1 thread each).
        var rng = RandomStream(seed: 4)
        let saved = (BLAS.threading, Parallel.threadCount)
        defer { BLAS.threading = saved.0; Parallel.threadCount = saved.1 }
        BLAS.threading = .panels
        for (m, n, k) in [(256, 512, 128), (1024, 256, 256), (130, 300, 40), (20, 300, 64), (448, 128, 512), (128, 256, 256), (256, 256, 256),
                          (256, 128, 256), (256, 384, 256), (384, 256, 256), (256, 1024, 256), (512, 256, 1024),
                          (256, 8, 640), (8, 256, 640), (640, 8, 256), (256, 16, 1024)] {   // the last four: LoRA products (rank 8)
            let a = (0..<(m * k)).map { _ in rng.nextNormal() }, b = (0..<(k * n)).map { _ in rng.nextNormal() }
            for ta in [false, true] { for tb in [false, true] {
                var results: [[Float]] = []
                for threads in [1, 2, 3] {
                    Parallel.threadCount = threads
                    var c = [Float](repeating: 0.5, count: m * n)
                    BLAS.gemm(transposeA: ta, transposeB: tb, m: m, n: n, k: k, a: a, lda: ta ? m : k, b: b, ldb: tb ? k : n,
                              beta: 1, c: &c, ldc: n)
                    results.append(c)
                }
                XCTAssertEqual(results[0].map(\.bitPattern), results[1].map(\.bitPattern), "\(m)×\(n)×\(k) \(ta) \(tb): 1 vs 2 threads")
                XCTAssertEqual(results[1].map(\.bitPattern), results[2].map(\.bitPattern), "\(m)×\(n)×\(k) \(ta) \(tb): 2 vs 3 threads")
            } }
        }
    }

    func testCoreTypeDecision() {
        let avx512: Set<String> = ["avx2", "fma", "avx512f", "avx512bw", "avx512vl"]
        XCTAssertEqual(BLASEnvironment.recommendedCoreType(cpuFlags: avx512, chosenCore: "Prescott"), "SkylakeX")
        XCTAssertEqual(BLASEnvironment.recommendedCoreType(cpuFlags: avx512, chosenCore: "Haswell"), "SkylakeX")
        XCTAssertNil(BLASEnvironment.recommendedCoreType(cpuFlags: avx512, chosenCore: "SkylakeX"))
        XCTAssertEqual(BLASEnvironment.recommendedCoreType(cpuFlags: avx512, chosenCore: "Cooperlake"), "SkylakeX")
        // With bf16 always Cooperlake, whether OpenBLAS recognised the CPU or fell back.
        let bf16 = avx512.union(["avx512_bf16"])
        XCTAssertNil(BLASEnvironment.recommendedCoreType(cpuFlags: bf16, chosenCore: "Cooperlake"))
        XCTAssertEqual(BLASEnvironment.recommendedCoreType(cpuFlags: bf16, chosenCore: "Prescott"), "Cooperlake")
        XCTAssertEqual(BLASEnvironment.recommendedCoreType(cpuFlags: bf16, chosenCore: "SkylakeX"), "Cooperlake")
        // AVX2 without AVX-512 (this project's AMD machines): SkylakeX would crash; Haswell only replaces a fallback.
        XCTAssertEqual(BLASEnvironment.recommendedCoreType(cpuFlags: ["avx2", "fma"], chosenCore: "Prescott"), "Haswell")
        XCTAssertNil(BLASEnvironment.recommendedCoreType(cpuFlags: ["avx2", "fma"], chosenCore: "Zen"))
        XCTAssertNil(BLASEnvironment.recommendedCoreType(cpuFlags: ["sse2"], chosenCore: "Prescott"))
    }

    func testCorrectionRespectsTheUserAndNeverLoops() {
        let flags: Set<String> = ["avx512f", "avx512bw", "avx512vl"]
        let fix = BLASEnvironment.correction(environment: [:], cpuFlags: flags, chosenCore: "Prescott")
        XCTAssertEqual(fix?["OPENBLAS_CORETYPE"], "SkylakeX")
        XCTAssertNotNil(fix?["OPENBLAS_THREAD_TIMEOUT"])
        XCTAssertNotNil(fix?["PILOT_BLAS_REEXEC"])
        XCTAssertNil(BLASEnvironment.correction(environment: ["PILOT_BLAS_REEXEC": "1"], cpuFlags: flags, chosenCore: "Prescott"))
        let userChoice = BLASEnvironment.correction(environment: ["OPENBLAS_CORETYPE": "Haswell"], cpuFlags: flags, chosenCore: "Haswell")
        XCTAssertNil(userChoice?["OPENBLAS_CORETYPE"])
        XCTAssertNil(BLASEnvironment.correction(environment: ["OPENBLAS_CORETYPE": "Haswell", "OPENBLAS_THREAD_TIMEOUT": "4"],
                                                cpuFlags: flags, chosenCore: "Haswell"))
    }

    func testParallelChunksCoverEveryIndexOnce() {
        let saved = Parallel.threadCount
        defer { Parallel.threadCount = saved }
        Parallel.threadCount = 3
        let n = 10_007
        let hits = UnsafeMutablePointer<Int32>.allocate(capacity: n)
        hits.initialize(repeating: 0, count: n)
        defer { hits.deallocate() }
        Parallel.forEachChunk(n, grain: 100) { r in for i in r { hits[i] += 1 } }
        XCTAssertTrue((0..<n).allSatisfy { hits[$0] == 1 })
    }
}
