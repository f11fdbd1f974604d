import Metrics
import XCTest

/// Box parsing and IoU against pycocotools (`mask.iou` on xywh boxes, iscrowd 0) for every case in the vectors.
final class IoUVectorTests: XCTestCase {
    func testParsingAndIoUMatchPycocotools() throws {
        let cases = try MetricVectors.load().iou_cases
        XCTAssertGreaterThanOrEqual(cases.count, 40)
        for vector in cases {
            let parsed = BoundingBox(parsing: vector.prediction)
            XCTAssertEqual(parsed, vector.parsed.flatMap(BoundingBox.init(corners:)), "\(vector.name): parsed box")
            let reference = try XCTUnwrap(BoundingBox(corners: vector.reference), vector.name)
            let iou = BoxAccuracy.iou(vector.prediction, reference: reference)
            assertMatchesReference(iou, vector.iou ?? 0, "\(vector.name): IoU")
        }
    }

    func testIoUIsSymmetricOnTheVectorBoxes() throws {
        for vector in try MetricVectors.load().iou_cases {
            guard let prediction = BoundingBox(parsing: vector.prediction),
                  let reference = BoundingBox(corners: vector.reference) else { continue }
            assertMatchesReference(reference.intersectionOverUnion(prediction), prediction.intersectionOverUnion(reference),
                                   "\(vector.name): symmetry")
        }
    }

    func testAccuracyCountsIoUOfExactlyOneHalfAsCorrect() throws {
        let cases = try MetricVectors.load().iou_cases
        let predictions = Dictionary(uniqueKeysWithValues: cases.map { ($0.name, $0.prediction) })
        let references = Dictionary(uniqueKeysWithValues: try cases.map { ($0.name, try XCTUnwrap(BoundingBox(corners: $0.reference))) })
        let result = BoxAccuracy.score(predictions: predictions, references: references)
        let expectedHits = cases.filter { ($0.iou ?? 0) >= BoxAccuracy.iouThreshold }.count
        XCTAssertEqual(result.score, Double(expectedHits) / Double(cases.count))
        XCTAssertEqual(result.perItem["IoU exactly 0.5"], 0.5)
        XCTAssertEqual(result.perItem["unparseable: words"], 0)
    }
}
