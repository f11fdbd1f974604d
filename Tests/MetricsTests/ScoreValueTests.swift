import Foundation
import Metrics
import XCTest

/// The JSON form `pilot score --json` prints: a number for one score, an array for BLEU-1…4.
final class ScoreValueTests: XCTestCase {
    func testEncodesAsABareNumberOrAnArray() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let values: [String: ScoreValue] = ["bleu": .numbers([1, 0.5, 0.25, 0]), "cider": .number(1.5)]
        XCTAssertEqual(String(decoding: try encoder.encode(values), as: UTF8.self), #"{"bleu":[1,0.5,0.25,0],"cider":1.5}"#)
    }

    func testValuesListsTheNumbers() {
        XCTAssertEqual(ScoreValue.number(2).values, [2])
        XCTAssertEqual(ScoreValue.numbers([1, 2]).values, [1, 2])
    }

    func testBLEUThroughTheEntryPointGivesFourNumbersPerItem() {
        let result = Metric.bleu.score(predictions: ["a": "A dog.", "b": "a cat"], references: .texts(["a": ["a dog"], "b": ["a black cat"]]))
        XCTAssertEqual(result.score.values.count, BLEU.maxOrder)
        XCTAssertEqual(result.perItem.values.map(\.values.count), [BLEU.maxOrder, BLEU.maxOrder])
    }
}
