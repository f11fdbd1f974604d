import CBLAS


/// The one doorway to OpenBLAS: single-precision GEMM and the library's thread and core controls.
///
/// OpenBLAS itself runs single-threaded (`Runtime.configure`); `gemm` splits a large product
/// into two row or column panels and runs them on up to two of the compute threads (more threads
/// serve the kernels that run many products side by side, such as attention over batch × heads;
/// more cores serve more runs at once: `pilot study run --jobs`). That is faster than
/// OpenBLAS's own threading at this model's shapes (a few hundred rows), and it lets other kernels
/// (attention over batch × heads) run many small GEMMs side by side.
///
/// The split depends on the product's shape only, never on the thread count: OpenBLAS rounds a
/// skinny product (a LoRA gradient, n = 8) differently for different panel heights, so a split
/// that followed the threads would make a run's bytes depend on `--threads` and `--jobs`.
public enum BLAS {
    /// How a product uses several threads.
    public enum Threading: String, CaseIterable, Sendable {
        /// OpenBLAS's own threads inside one call.
        case library
        /// Our panels, each a single-threaded OpenBLAS call, side by side.
        case panels
    }

    /// The threading used by `gemm` (panels unless a benchmark compares the two).
    nonisolated(unsafe) public static var threading: Threading = .panels {
        didSet { applyThreading() }
    }

    /// Gives OpenBLAS `Parallel.threadCount` threads under `.library`, one under `.panels`;
    /// call again after the thread count changes.
    public static func applyThreading() {
        openblas_set_num_threads(Int32(threading == .library ? Parallel.threadCount : 1))
    }

    /// Products below this many FLOPs run on one thread: splitting costs more than it saves.
    public static let parallelThreshold = 1 << 21
    /// Panels are cut at multiples of this many rows or columns (the micro-kernel's block).
    static let panelQuantum = 16
    /// Panels a large product is cut into, whatever the thread count (one thread computes them in turn).
    static let panelCount = 2

    /// `C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C`, all row-major; `op` transposes in place of a copy.
    ///
    /// `lda`, `ldb`, `ldc` are the row strides of A, B, C as stored (before `op`).
    public static func gemm(transposeA: Bool = false, transposeB: Bool = false,
                            m: Int, n: Int, k: Int, alpha: Float = 1,
                            a: UnsafePointer<Float>, lda: Int,
                            b: UnsafePointer<Float>, ldb: Int,
                            beta: Float = 0,
                            c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0, n > 0 else { return }
        _ = threadingApplied
        if k == 0 {
            // BLAS leaves C untouched for k == 0 only when beta == 1; make the result well defined.
            for i in 0..<m { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        guard threading == .panels, 2 * m * n * k >= parallelThreshold, max(m, n) >= 2 * panelQuantum else {
            serialGemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
            return
        }
        // Rows whenever every panel keeps ≥ 64 rows, columns only for short, wide products: the row split runs nearer the sgemm peak.
        let alongRows = m >= n || m >= 4 * panelQuantum * Self.panelCount
        let extent = alongRows ? m : n
        let panels = min(Self.panelCount, extent / panelQuantum)
        let per = ((extent + panels - 1) / panels + panelQuantum - 1) / panelQuantum * panelQuantum
        Parallel.run(chunks: panels) { p in
            let start = p * per, size = min(per, extent - start)
            guard size > 0 else { return }
            if alongRows {      // rows start..<start+size of op(A) and C
                let aPanel = transposeA ? a + start : a + start * lda
                serialGemm(transposeA, transposeB, size, n, k, alpha, aPanel, lda, b, ldb, beta, c + start * ldc, ldc)
            } else {            // columns start..<start+size of op(B) and C
                let bPanel = transposeB ? b + start * ldb : b + start
                serialGemm(transposeA, transposeB, m, size, k, alpha, a, lda, bPanel, ldb, beta, c + start, ldc)
            }
        }
    }

    /// Applies the threading once, before the first product (OpenBLAS starts with all cores).
    static let threadingApplied: Void = { applyThreading() }()

    /// One `cblas_sgemm` call on the calling thread.
    static func serialGemm(_ transposeA: Bool, _ transposeB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
                           _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                           _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        cblas_sgemm(CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha,
                    a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// The number of threads OpenBLAS uses inside one call (1 under `.panels`).
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// The kernel family OpenBLAS chose for this CPU (e.g. "Haswell", "SkylakeX", "Prescott").
    public static var coreName: String { String(cString: openblas_get_corename()) }

    /// OpenBLAS's build configuration string.
    public static var configuration: String { String(cString: openblas_get_config()) }
}
