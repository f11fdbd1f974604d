import Foundation
import Report
import Tensors

/// `pilot bench kernels`: GEMM at the model's shapes against the sgemm peak measured in the same
/// run, and the attention and normalisation kernels forward and backward.
public struct KernelBenchmark {
    /// Samples per measurement.
    public var iterations: Int
    /// Batch sizes whose GEMM shapes are measured (rows = batch × 64 tokens in the decoder).
    public var batches: [Int]

    public init(iterations: Int = 15, batches: [Int] = [8, 16, 32]) {
        self.iterations = iterations
        self.batches = batches
    }

    /// Side of the square GEMM that stands for the machine's peak.
    public static let peakSize = 1024
    /// The square GEMM that stands for the machine's peak.
    static let peakShape = GEMMShape(label: "peak", m: peakSize, n: peakSize, k: peakSize, transposeA: false, transposeB: false)

    /// A GEMM shape: C[m×n] = op(A)[m×k] · op(B)[k×n].
    public struct GEMMShape {
        /// Name, extents and whether A and B are stored transposed.
        public let label: String, m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool
        /// 2·m·n·k.
        public var flops: Double { 2 * Double(m * n * k) }
    }

    /// One shape measured against the peak.
    public struct GEMMResult {
        /// Median GFLOP/s of the shape.
        public let rate: Double
        /// Median GFLOP/s of the square peak GEMM, measured in the same rounds.
        public let peak: Double
        /// Median over rounds of (shape rate / peak rate in that round): robust to a noisy neighbour.
        public let fractionOfPeak: Double
    }

    /// GFLOP/s of `samples` timed runs of one shape under the current threading.
    func rates(_ s: GEMMShape, samples: Int) -> [Double] {
        var rng = RandomStream(seed: 1)
        let a = Tensor.randomNormal([s.m * s.k], using: &rng), b = Tensor.randomNormal([s.k * s.n], using: &rng)
        var c = Tensor(zeros: [s.m * s.n])
        let reps = Samples.repeats(flops: s.flops)
        let t = c.withUnsafeMutablePointer { cp in a.withUnsafePointer { ap in b.withUnsafePointer { bp in
            Samples.measure(warmup: 1, iterations: samples, repeats: reps) {
                BLAS.gemm(transposeA: s.transposeA, transposeB: s.transposeB, m: s.m, n: s.n, k: s.k,
                          a: ap, lda: s.transposeA ? s.m : s.k, b: bp, ldb: s.transposeB ? s.k : s.n, c: cp, ldc: s.n)
            }
        } } }
        return t.seconds.map { s.flops / $0 / 1e9 }
    }

    /// Median GFLOP/s of the square peak GEMM on the current thread count under the better of the two
    /// threadings: the machine's peak that `pilot bench model` relates a training step to.
    public func peakRate(samples: Int = 5) -> Double {
        let saved = BLAS.threading
        defer { BLAS.threading = saved }
        return BLAS.Threading.allCases.map { threading in
            BLAS.threading = threading
            Thread.sleep(forTimeInterval: 0.005)    // let the other mode's idle threads go to sleep
            return Samples(seconds: rates(Self.peakShape, samples: samples)).median
        }.max()!
    }

    /// Measures `shape` and the square peak alternately, in rounds, under `threading`.
    public func gemm(_ shape: GEMMShape, threading: BLAS.Threading, rounds: Int = 5) -> GEMMResult {
        let saved = BLAS.threading
        defer { BLAS.threading = saved }
        BLAS.threading = threading
        Thread.sleep(forTimeInterval: 0.005)    // let the other mode's idle threads go to sleep
        let per = max(1, iterations / rounds)
        var shapeRates: [Double] = [], peakRates: [Double] = [], ratios: [Double] = []
        for _ in 0..<rounds {
            let p = rates(Self.peakShape, samples: per), r = rates(shape, samples: per)
            peakRates += p
            shapeRates += r
            ratios.append(Samples(seconds: r).median / Samples(seconds: p).median)
        }
        return GEMMResult(rate: Samples(seconds: shapeRates).median, peak: Samples(seconds: peakRates).median,
                          fractionOfPeak: Samples(seconds: ratios).median)
    }

    /// The GEMMs of pilot-tiny's training step: forward (x Wᵀ), input gradient (dY W) and weight gradient (dYᵀ X).
    public func modelShapes() -> [GEMMShape] {
        var shapes: [GEMMShape] = []
        for b in batches {
            let rows = b * 64, vis = b * 16
            shapes += [
                GEMMShape(label: "llm q/k/v/o fwd B\(b)", m: rows, n: 256, k: 256, transposeA: false, transposeB: true),
                GEMMShape(label: "llm gate/up fwd B\(b)", m: rows, n: 688, k: 256, transposeA: false, transposeB: true),
                GEMMShape(label: "llm down fwd B\(b)", m: rows, n: 256, k: 688, transposeA: false, transposeB: true),
                GEMMShape(label: "llm gate/up dX B\(b)", m: rows, n: 256, k: 688, transposeA: false, transposeB: false),
                GEMMShape(label: "llm q/k/v/o dW B\(b)", m: 256, n: 256, k: rows, transposeA: true, transposeB: false),
                GEMMShape(label: "connector fc1 fwd B\(b)", m: vis, n: 256, k: 128, transposeA: false, transposeB: true),
                GEMMShape(label: "vit mlp fwd B\(b)", m: vis, n: 512, k: 128, transposeA: false, transposeB: true),
            ]
        }
        return shapes
    }

    /// Times attention forward and backward at the decoder's shape (T = 64, 4 heads of 64) for batch `b`.
    public func attention(batch b: Int, tokens t: Int = 64, heads h: Int = 4, headDim hd: Int = 64) -> (forward: Samples, backward: Samples, flops: Double) {
        var rng = RandomStream(seed: 2)
        let n = b * t * h * hd
        let q = Tensor.randomNormal([n], using: &rng), k = Tensor.randomNormal([n], using: &rng), v = Tensor.randomNormal([n], using: &rng)
        let dout = Tensor.randomNormal([n], using: &rng)
        var out = Tensor(zeros: [n]), probs = Tensor(zeros: [b * h * t * t])
        var dq = Tensor(zeros: [n]), dk = Tensor(zeros: [n]), dv = Tensor(zeros: [n])
        let flops = 4.0 * Double(b * h * t * t * hd)
        var fwd = Samples(seconds: []), bwd = Samples(seconds: [])
        q.withUnsafePointer { qp in k.withUnsafePointer { kp in v.withUnsafePointer { vp in dout.withUnsafePointer { gp in
            out.withUnsafeMutablePointer { op in probs.withUnsafeMutablePointer { pp in
                fwd = Samples.measure(iterations: iterations) {
                    Attention.forward(q: qp, k: kp, v: vp, out: op, probs: pp, batch: b, queries: t, keys: t, heads: h, headDim: hd, causal: true)
                }
                dq.withUnsafeMutablePointer { dqp in dk.withUnsafeMutablePointer { dkp in dv.withUnsafeMutablePointer { dvp in
                    bwd = Samples.measure(iterations: iterations) {
                        Attention.backward(q: qp, k: kp, v: vp, probs: pp, dout: gp, dq: dqp, dk: dkp, dv: dvp,
                                           accumulate: (false, false, false), batch: b, queries: t, keys: t, heads: h, headDim: hd)
                    }
                } } }
            } }
        } } } }
        return (fwd, bwd, flops)
    }

    /// Times RMSNorm and LayerNorm forward and backward on [rows, width].
    public func norms(rows: Int, width: Int) -> [(label: String, samples: Samples, bytes: Double)] {
        var rng = RandomStream(seed: 3)
        let x = Tensor.randomNormal([rows * width], using: &rng), dy = Tensor.randomNormal([rows * width], using: &rng)
        let w = Tensor.randomNormal([width], using: &rng), b = Tensor.randomNormal([width], using: &rng)
        var y = Tensor(zeros: [rows * width]), dx = Tensor(zeros: [rows * width])
        var dw = Tensor(zeros: [width]), db = Tensor(zeros: [width])
        var mean = Tensor(zeros: [rows]), rstd = Tensor(zeros: [rows])
        let bytes = Double(rows * width * 4)
        var out: [(String, Samples, Double)] = []
        x.withUnsafePointer { xp in dy.withUnsafePointer { gp in w.withUnsafePointer { wp in b.withUnsafePointer { bp in
            y.withUnsafeMutablePointer { yp in dx.withUnsafeMutablePointer { dxp in dw.withUnsafeMutablePointer { dwp in
                db.withUnsafeMutablePointer { dbp in mean.withUnsafeMutablePointer { mp in rstd.withUnsafeMutablePointer { rp in
                    out.append(("rmsnorm fwd [\(rows)×\(width)]", Samples.measure(iterations: iterations) {
                        RMSNorm.forward(xp, wp, yp, rstd: rp, rows: rows, n: width, eps: 1e-6)
                    }, 2 * bytes))
                    out.append(("rmsnorm bwd [\(rows)×\(width)]", Samples.measure(iterations: iterations) {
                        RMSNorm.backward(xp, wp, rstd: rp, gp, dx: dxp, accumulate: false, dw: dwp, rows: rows, n: width)
                    }, 3 * bytes))
                    out.append(("layernorm fwd [\(rows)×\(width)]", Samples.measure(iterations: iterations) {
                        LayerNorm.forward(xp, wp, bp, yp, mean: mp, rstd: rp, rows: rows, n: width, eps: 1e-5)
                    }, 2 * bytes))
                    out.append(("layernorm bwd [\(rows)×\(width)]", Samples.measure(iterations: iterations) {
                        LayerNorm.backward(xp, wp, mean: mp, rstd: rp, gp, dx: dxp, accumulate: false, dw: dwp, db: dbp, rows: rows, n: width)
                    }, 3 * bytes))
                } } }
            } } }
        } } } }
        return out
    }

    /// Runs everything and returns the report: the GEMM table (with % of peak) and the kernel table.
    public func run(commandLine: String, progress: (String) -> Void = { _ in }) -> String {
        var gemmTable = ResultTable(header: ["GEMM", "M×N×K", "op", "GFLOP/s", "peak GFLOP/s", "% of peak",
                                             "library GFLOP/s", "% of peak"])
        let f1 = { (x: Double) in String(format: "%.1f", x) }
        var panelShares: [Double] = []
        for shape in modelShapes() {
            progress("GEMM \(shape.label)")
            let panels = gemm(shape, threading: .panels)
            let library = gemm(shape, threading: .library)
            if shape.m >= 256 { panelShares.append(panels.fractionOfPeak) }
            gemmTable.append([shape.label, "\(shape.m)×\(shape.n)×\(shape.k)", (shape.transposeA ? "T" : "N") + (shape.transposeB ? "T" : "N"),
                              f1(panels.rate), f1(max(panels.peak, library.peak)), f1(100 * panels.fractionOfPeak),
                              f1(library.rate), f1(100 * library.fractionOfPeak)])
        }
        let worst = panelShares.min() ?? .nan
        let medianShare = Samples(seconds: panelShares).median
        var kernelTable = ResultTable(header: ["kernel", "median ms", "min ms", "rate"])
        for b in batches {
            progress("attention B\(b)")
            let a = attention(batch: b)
            kernelTable.append(["attention fwd causal B\(b) T64 H4 hd64", ms(a.forward.median), ms(a.forward.min),
                                String(format: "%.1f GFLOP/s", a.flops / a.forward.median / 1e9)])
            kernelTable.append(["attention bwd B\(b) T64 H4 hd64", ms(a.backward.median), ms(a.backward.min),
                                String(format: "%.1f GFLOP/s", 2 * a.flops / a.backward.median / 1e9)])
        }
        for b in batches {
            progress("norms B\(b)")
            for n in norms(rows: b * 64, width: 256) {
                kernelTable.append([n.label, ms(n.samples.median), ms(n.samples.min),
                                    String(format: "%.1f GB/s", n.bytes / n.samples.median / 1e9)])
            }
        }
        return """
        # pilot bench kernels
        command: \(commandLine)
        setup: \(Runtime.summary); \(iterations) samples each, medians

        GEMM: C = op(A)·op(B) at the model's shapes with our panel threading (the default) and with
        OpenBLAS's own threads ("library"); "% of peak" is the median over 5 rounds of the shape's rate
        divided by a \(KernelBenchmark.peakSize)³ sgemm measured in the same round under the same threading.
        Shapes with M ≥ 256: median \(f1(100 * medianShare)) % of peak, worst \(f1(100 * worst)) %.

        \(gemmTable.render())

        \(kernelTable.render())

        """
    }

    private func ms(_ s: Double) -> String { String(format: "%.3f", s * 1e3) }
}
