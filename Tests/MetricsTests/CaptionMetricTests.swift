import Metrics
import XCTest

/// Hand-checked properties of the caption tokenizer, CIDEr-D and BLEU, including pycocoevalcap's surprises.
final class CaptionMetricTests: XCTestCase {
    func testTokenizerLowercasesAndStripsPunctuationAtWordEnds() {
        XCTAssertEqual(CaptionTokenizer.tokenize("A Man, riding a WAVE."), "a man riding a wave")
        XCTAssertEqual(CaptionTokenizer.tokenize("  \"Hello\" -- (world)!  "), "hello world")
        XCTAssertEqual(CaptionTokenizer.tokenize("a t-shirt, the dog's 3.5 toys"), "a t-shirt the dog's 3.5 toys")
        XCTAssertEqual(CaptionTokenizer.tokenize("... ! ?"), "")
        XCTAssertEqual(CaptionTokenizer.words("Two\tcats\nsleep"), ["two", "cats", "sleep"])
    }

    func testPerfectShortHypothesisGetsTheFloorNotZeroForHigherOrders() throws {
        let result = BLEU.score(predictions: ["x": "a red car"], references: ["x": ["a red car"]])
        let perItem = try XCTUnwrap(result.perItem["x"])
        // Three words: orders 1–3 are perfect up to the floors, order 4 has 0 of 0 n-grams → (1e-15)/(1e-9).
        XCTAssertEqual(perItem[0], 1, accuracy: 1e-9)
        XCTAssertEqual(perItem[2], 1, accuracy: 1e-9)
        XCTAssertEqual(perItem[3], pow(1e-6, 0.25), accuracy: 1e-9)
        XCTAssertLessThan(perItem[0], 1, "the floors keep even a perfect match just below 1")
    }

    func testBLEUBrevityPenaltyByHand() throws {
        // Hypothesis "a dog" (2 words) against one 4-word reference containing it: precisions 1, BP = exp(1 − 4/2).
        let result = BLEU.score(predictions: ["x": "a dog"], references: ["x": ["a dog is here"]])
        XCTAssertEqual(try XCTUnwrap(result.perItem["x"])[0], exp(1 - 4.0 / 2.0), accuracy: 1e-9)
        XCTAssertEqual(result.score[0], exp(1 - 4.0 / 2.0), accuracy: 1e-9)
    }

    func testBLEUOfAnEmptyHypothesisIsZero() {
        let result = BLEU.score(predictions: ["x": ""], references: ["x": ["a dog"]])
        XCTAssertEqual(result.perItem["x"], [0, 0, 0, 0])
    }

    func testCIDErDOfAOneImageCorpusIsZero() {
        let result = CIDErD.score(predictions: ["x": "a dog"], references: ["x": ["a dog"]])
        XCTAssertEqual(result.score, 0)
    }

    func testCIDErDOfPerfectTwoWordCaptionsWithUniqueNGrams() {
        // Every n-gram occurs in one image of two: idf log 2 everywhere, cosine 1, no length penalty.
        let result = CIDErD.score(predictions: ["x": "red car", "y": "blue boat"],
                                  references: ["x": ["red car"], "y": ["blue boat"]])
        XCTAssertEqual(result.score, 10 * 2.0 / 4.0, accuracy: 1e-12, "only orders 1 and 2 exist: the mean over 4 orders halves it")
    }
}
