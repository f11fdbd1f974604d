import Autodiff
import Models
import NN
import Tensors
import TestSupport
import XCTest

/// Pilot stage 1's difference loss in both forms against the formulas written out by hand.
final class DifferenceLossTests: XCTestCase {
    /// ht, hc: [B = 3, tokens = 2, width = 4]
    let ht = randn([3, 2, 4], seed: 11), hc = randn([3, 2, 4], seed: 12)

    func connector(_ form: PilotStage1Connector.DifferenceForm) -> PilotStage1Connector {
        var rng = RandomStream(seed: 1)
        return PilotStage1Connector(initialisedFrom: MLPAdapter(inputs: 4, hidden: 3, outputs: 4, rng: &rng), form: form)
    }

    /// Rows of `x` ([rows, n] in row-major order) divided by their norms.
    func normalisedRows(_ x: [Float], n: Int) -> [Double] {
        stride(from: 0, to: x.count, by: n).flatMap { start -> [Double] in
            let row = x[start..<(start + n)].map(Double.init)
            let norm = row.map { $0 * $0 }.reduce(0, +).squareRoot()
            return row.map { $0 / norm }
        }
    }

    /// Σ_ij (Σ_r a[r, i] b[r, j])² over [rows, n] matrices.
    func squaredCorrelation(_ a: [Double], _ b: [Double], rows: Int, n: Int) -> Double {
        var total = 0.0
        for i in 0..<n { for j in 0..<n {
            let c = (0..<rows).map { a[$0 * n + i] * b[$0 * n + j] }.reduce(0, +)
            total += c * c
        } }
        return total
    }

    func testSampleCorrelationIsTheReleasedCodesMeanOverTheBatchCorrelation() {
        // FedMIT's DiffLoss: each sample flattened to one row, rows normalised, mean((N_tᵀN_c)²).
        let nt = normalisedRows(ht.scalars, n: 8), nc = normalisedRows(hc.scalars, n: 8)
        let expected = squaredCorrelation(nt, nc, rows: 3, n: 8) / 64
        let loss = connector(.sampleCorrelation).differenceLoss(Variable(ht), Variable(hc), on: Tape()).value.scalars[0]
        XCTAssertEqual(Double(loss), expected, accuracy: 1e-6 * expected)
    }

    func testTokenGramIsThePerSampleSumOverTokenRowsAveragedOverTheBatch() {
        var expected = 0.0
        for b in 0..<3 {
            let nt = normalisedRows(Array(ht.scalars[(b * 8)..<(b * 8 + 8)]), n: 4)
            let nc = normalisedRows(Array(hc.scalars[(b * 8)..<(b * 8 + 8)]), n: 4)
            expected += squaredCorrelation(nt, nc, rows: 2, n: 4) / 3
        }
        let loss = connector(.tokenGram).differenceLoss(Variable(ht), Variable(hc), on: Tape()).value.scalars[0]
        XCTAssertEqual(Double(loss), expected, accuracy: 1e-6 * expected)
    }

    func testSampleCorrelationGradientTreatsTheSampleNormsAsConstants() {
        // L = (1/E) Σ_bb' G_t[b,b'] G_c[b,b'] with G = N Nᵀ, N = H / ‖H‖ (norm detached):
        // ∂L/∂H_t[b] = (2/E) Σ_b' G_c[b,b'] N_t[b'] / ‖H_t[b]‖.
        let tape = Tape()
        let vt = Variable(ht, requiresGrad: true), vc = Variable(hc, requiresGrad: true)
        tape.backward(connector(.sampleCorrelation).differenceLoss(vt, vc, on: tape))
        let nt = normalisedRows(ht.scalars, n: 8), nc = normalisedRows(hc.scalars, n: 8)
        let h = ht.scalars.map(Double.init)
        func row(_ x: [Double], _ b: Int) -> ArraySlice<Double> { x[(b * 8)..<(b * 8 + 8)] }
        func dot(_ a: ArraySlice<Double>, _ b: ArraySlice<Double>) -> Double { zip(a, b).map { $0 * $1 }.reduce(0, +) }
        let analytic = try! XCTUnwrap(vt.grad).scalars
        for b in 0..<3 {
            let norm = dot(row(h, b), row(h, b)).squareRoot()
            for i in 0..<8 {
                var sum = 0.0
                for b2 in 0..<3 { sum += dot(row(nc, b), row(nc, b2)) * nt[b2 * 8 + i] }
                let expected = 2.0 / 64 * sum / norm
                XCTAssertEqual(Double(analytic[b * 8 + i]), expected, accuracy: 1e-6 + 1e-4 * abs(expected), "sample \(b), element \(i)")
            }
        }
    }

    func testTokenGramGradientMatchesFiniteDifferences() {
        let c = connector(.tokenGram)
        assertGradientsMatch([ht, hc]) { tape, v in c.differenceLoss(v[0], v[1], on: tape) }
    }

    func testTheReleasedFormIsTinyAndThePerTokenFormLargeWhenBothAdaptersAgree() {
        // Stage 1 starts with A_t = A_c (both copies of the connector): the released form is bounded
        // by B²/(tokens·width)², the per-token form is Σ over token pairs of cos², here ≥ tokens.
        let released = connector(.sampleCorrelation).differenceLoss(Variable(ht), Variable(ht), on: Tape()).value.scalars[0]
        let perToken = connector(.tokenGram).differenceLoss(Variable(ht), Variable(ht), on: Tape()).value.scalars[0]
        XCTAssertLessThanOrEqual(released, 9.0 / 64 + 1e-6)
        XCTAssertGreaterThanOrEqual(perToken, 2 - 1e-5)
    }
}
