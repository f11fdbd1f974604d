import Foundation
import XCTest

/// The reference vectors `scripts/make_metric_vectors.py` computed with pycocoevalcap and pycocotools.
struct MetricVectors: Decodable {
    /// One caption corpus and what pycocoevalcap scored it.
    struct CaptionCorpus: Decodable {
        struct Scores<Value: Decodable>: Decodable {
            let score: Value
            let per_item: [String: Value]
        }
        let name: String
        let predictions: [String: String]
        let references: [String: [String]]
        let tokenized_predictions: [String: String]
        let tokenized_references: [String: [String]]
        let cider: Scores<Double>
        let bleu: Scores<[Double]>
    }

    /// One box string against one reference box, and pycocotools' IoU (nil when the string does not parse).
    struct IoUCase: Decodable {
        let name: String
        let prediction: String
        let reference: [Double]
        let parsed: [Double]?
        let iou: Double?
    }

    let caption_corpora: [CaptionCorpus]
    let iou_cases: [IoUCase]

    /// The committed vectors.
    static func load() throws -> MetricVectors {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "metric_vectors", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(MetricVectors.self, from: Data(contentsOf: url))
    }
}

/// Agreement with the Python reference: both compute in float64 and differ only in summation order and libm
/// rounding (observed: at most a few units in the last place, ~1e-15 relative), so 1e-12 leaves ample room.
let referenceRelativeTolerance = 1e-12

/// Asserts `actual` is within `referenceRelativeTolerance` of `expected`, relative to `expected` (exactly equal when it is 0).
func assertMatchesReference(_ actual: Double, _ expected: Double, _ message: String,
                            file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertLessThanOrEqual(abs(actual - expected), referenceRelativeTolerance * abs(expected),
                             "\(message): got \(actual), reference \(expected)", file: file, line: line)
}

/// `assertMatchesReference` element by element, after checking the lengths agree.
func assertMatchesReference(_ actual: [Double], _ expected: [Double], _ message: String,
                            file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "\(message): length", file: file, line: line)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        assertMatchesReference(a, e, "\(message) [\(index)]", file: file, line: line)
    }
}
