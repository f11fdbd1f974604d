import Metrics
import XCTest

/// Box parsing and IoU, checked by hand.
final class BoundingBoxTests: XCTestCase {
    func testParsingToleratesWhitespace() {
        let expected = BoundingBox(x1: 1, y1: 2, x2: 3, y2: 4)
        for text in ["[1, 2, 3, 4]", "[1,2,3,4]", "  [ 1 ,2,  3 , 4 ]\n", "[1.0, 2e0, +3, 4.]"] {
            XCTAssertEqual(BoundingBox(parsing: text), expected, text)
        }
        XCTAssertEqual(BoundingBox(parsing: "[-0.5, .25, 1E2, 0]"), BoundingBox(x1: -0.5, y1: 0.25, x2: 100, y2: 0))
    }

    func testParsingRejectsAnythingButFourFiniteNumbersInBrackets() {
        for text in ["", "[]", "[1, 2, 3]", "[1, 2, 3, 4, 5]", "1, 2, 3, 4", "[1, 2, 3, 4", "[1, 2, 3, 4]!",
                     "box: [1, 2, 3, 4]", "[1, 2, 3, nan]", "[inf, 2, 3, 4]", "[1e999, 2, 3, 4]", "[0x10, 2, 3, 4]",
                     "[1, 2, 3, four]", "[1 2 3 4]", "[1,,3,4]", "[1, 2, 3, 4,]", "[--1, 2, 3, 4]", "[1e, 2, 3, 4]"] {
            XCTAssertNil(BoundingBox(parsing: text), text)
        }
    }

    func testCornersInitializerRejectsWrongCountsAndNonFiniteValues() {
        XCTAssertNil(BoundingBox(corners: [1, 2, 3]))
        XCTAssertNil(BoundingBox(corners: [1, 2, 3, .infinity]))
        XCTAssertNil(BoundingBox(corners: [.nan, 2, 3, 4]))
        XCTAssertEqual(BoundingBox(corners: [4, 3, 2, 1]), BoundingBox(x1: 4, y1: 3, x2: 2, y2: 1), "corners are taken as given")
    }

    func testIoUByHand() {
        let unit = BoundingBox(x1: 0, y1: 0, x2: 2, y2: 2)
        XCTAssertEqual(unit.intersectionOverUnion(unit), 1)
        XCTAssertEqual(unit.intersectionOverUnion(BoundingBox(x1: 1, y1: 0, x2: 3, y2: 2)), 2.0 / 6.0, accuracy: 1e-15)
        XCTAssertEqual(unit.intersectionOverUnion(BoundingBox(x1: 0, y1: 0, x2: 1, y2: 1)), 0.25)
        XCTAssertEqual(unit.intersectionOverUnion(BoundingBox(x1: 2, y1: 0, x2: 4, y2: 2)), 0, "touching edges")
        XCTAssertEqual(unit.intersectionOverUnion(BoundingBox(x1: 5, y1: 5, x2: 6, y2: 6)), 0, "disjoint")
    }

    func testDegenerateAndReversedBoxesScoreZero() {
        let unit = BoundingBox(x1: 0, y1: 0, x2: 2, y2: 2)
        let reversed = BoundingBox(x1: 2, y1: 2, x2: 0, y2: 0)
        XCTAssertEqual(reversed.area, 0)
        XCTAssertEqual(unit.intersectionOverUnion(reversed), 0)
        XCTAssertEqual(reversed.intersectionOverUnion(reversed), 0)
        let line = BoundingBox(x1: 1, y1: 0, x2: 1, y2: 2)
        XCTAssertEqual(line.intersectionOverUnion(unit), 0)
        XCTAssertEqual(line.intersectionOverUnion(line), 0)
    }

    func testAccuracyThresholdIsInclusive() {
        let reference = BoundingBox(x1: 0, y1: 0, x2: 10, y2: 10)
        let result = BoxAccuracy.score(predictions: ["half": "[0, 0, 10, 5]", "less": "[0, 0, 10, 4.9]", "junk": "none"],
                                       references: ["half": reference, "less": reference, "junk": reference])
        XCTAssertEqual(result.perItem["half"], 0.5)
        XCTAssertEqual(result.perItem["junk"], 0)
        XCTAssertEqual(result.score, 1.0 / 3.0, accuracy: 1e-15)
    }
}
