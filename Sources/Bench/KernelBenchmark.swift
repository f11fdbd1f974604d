import Foundation
import Tensors

/// `pilot bench kernels`: GEMM at the model's shapes against the sgemm peak measured in the same
/// run, and the attention and normalisation kernels forward and backward.
public struct KernelBenchmark {
    /// Samples per measurement.
    public var iterations: Int
    /// Batch sizes whose GEMM shapes are measured (rows = batch × 64 tokens in the decoder).
    public var batches: [Int]

    /// A benchmark with the given sample count and batch sizes.
    public init(iterations: Int = 15, batches: [Int] = [8, 16, 32]) {
        self.iterations = iterations
        self.batches = batches
    }

    /// GFLOP/s (at the median) of one GEMM shape under each threading, measured alternately in
    /// rounds so that a noisy neighbour hurts both alike.
    public func gemm(m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false,
                     rounds: Int = 3) -> [BLAS.Threading: Double] {
        var rng = RandomStream(seed: 1)
        let a = Tensor.randomNormal([m * k], using: &rng), b = Tensor.randomNormal([k * n], using: &rng)
        var c = Tensor(zeros: [m * n])
        let flops = 2.0 * Double(m * n * k)
        let reps = Samples.repeats(flops: flops)
        let saved = BLAS.threading
        defer { BLAS.threading = saved }
        var times: [BLAS.Threading: [Double]] = [:]
        c.withUnsafeMutablePointer { cp in a.withUnsafePointer { ap in b.withUnsafePointer { bp in
            for _ in 0..<rounds {
                for mode in BLAS.Threading.allCases {
                    BLAS.threading = mode
                    let s = Samples.measure(warmup: 1, iterations: max(1, iterations / rounds), repeats: reps) {
                        BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                                  a: ap, lda: transposeA ? m : k, b: bp, ldb: transposeB ? k : n, c: cp, ldc: n)
                    }
                    times[mode, default: []] += s.seconds
                }
            }
        } } }
        return times.mapValues { flops / Samples(seconds: $0).median / 1e9 }
    }

    /// The best square sgemm rate of a few large sizes under either threading: the peak to compare with.
    public func peak() -> Double {
        [512, 1024, 1536].flatMap { n in gemm(m: n, n: n, k: n).values }.max() ?? .nan
    }

    /// The GEMMs of pilot-tiny's training step: forward (x Wᵀ), input gradient (dY W) and weight gradient (dYᵀ X).
    public func modelShapes() -> [(label: String, m: Int, n: Int, k: Int, ta: Bool, tb: Bool)] {
        var shapes: [(String, Int, Int, Int, Bool, Bool)] = []
        for b in batches {
            let rows = b * 64, vis = b * 16
            shapes += [
                ("llm q/k/v/o fwd B\(b)", rows, 256, 256, false, true),
                ("llm gate/up fwd B\(b)", rows, 688, 256, false, true),
                ("llm down fwd B\(b)", rows, 256, 688, false, true),
                ("llm gate/up dX B\(b)", rows, 256, 688, false, false),
                ("llm q/k/v/o dW B\(b)", 256, 256, rows, true, false),
                ("connector fc1 fwd B\(b)", vis, 256, 128, false, true),
                ("vit mlp fwd B\(b)", vis, 512, 128, false, true),
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
        progress("measuring the sgemm peak")
        let peakRate = peak()
        let pct = { (r: Double) in String(format: "%.1f", 100 * r / peakRate) }
        var gemmTable = ResultTable(header: ["GEMM", "M×N×K", "op", "panels GFLOP/s", "% of peak", "library GFLOP/s", "% of peak"])
        gemmTable.append(["sgemm peak (square 512/1024/1536, best)", "", "NN", String(format: "%.1f", peakRate), "100.0", "", ""])
        for s in modelShapes() {
            progress("GEMM \(s.label)")
            let r = gemm(m: s.m, n: s.n, k: s.k, transposeA: s.ta, transposeB: s.tb)
            let panels = r[.panels] ?? .nan, library = r[.library] ?? .nan
            gemmTable.append([s.label, "\(s.m)×\(s.n)×\(s.k)", (s.ta ? "T" : "N") + (s.tb ? "T" : "N"),
                              String(format: "%.1f", panels), pct(panels), String(format: "%.1f", library), pct(library)])
        }
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

        \(gemmTable.render())

        \(kernelTable.render())

        """
    }

    private func ms(_ s: Double) -> String { String(format: "%.3f", s * 1e3) }
}
