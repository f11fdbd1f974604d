import Metrics
import XCTest

/// Answer normalisation (LLaVA's GQA conversion plus whitespace collapsing) and exact-match accuracy, checked by hand.
final class ExactMatchTests: XCTestCase {
    func testNormalizationStripsTrailingFullStopsLowercasesAndCollapsesWhitespace() {
        XCTAssertEqual(AnswerNormalizer.normalize("Yes."), "yes")
        XCTAssertEqual(AnswerNormalizer.normalize("  Red Car...  "), "red car")
        XCTAssertEqual(AnswerNormalizer.normalize("left\t side\n"), "left side")
        XCTAssertEqual(AnswerNormalizer.normalize("yes ."), "yes")
        XCTAssertEqual(AnswerNormalizer.normalize("..."), "")
        XCTAssertEqual(AnswerNormalizer.normalize(""), "")
    }

    func testNormalizationKeepsOtherPunctuationAndArticles() {
        XCTAssertEqual(AnswerNormalizer.normalize("The dog's ball!"), "the dog's ball!")
        XCTAssertEqual(AnswerNormalizer.normalize("3.5"), "3.5")
        XCTAssertEqual(AnswerNormalizer.normalize(".5"), ".5", "only trailing full stops are removed")
    }

    func testAPredictionIsCorrectWhenItMatchesAnyReference() {
        XCTAssertTrue(ExactMatch.isCorrect("Blue.", references: ["red", "blue"]))
        XCTAssertTrue(ExactMatch.isCorrect("no", references: ["No."]))
        XCTAssertFalse(ExactMatch.isCorrect("a blue", references: ["blue"]))
        XCTAssertFalse(ExactMatch.isCorrect("blue", references: []))
    }

    func testAccuracyIsTheFractionCorrectWithOneOrZeroPerItem() {
        let result = ExactMatch.score(predictions: ["q1": "Yes", "q2": "two", "q3": "left."],
                                      references: ["q1": ["yes"], "q2": ["2"], "q3": ["Left"]])
        XCTAssertEqual(result.perItem, ["q1": 1, "q2": 0, "q3": 1])
        XCTAssertEqual(result.score, 2.0 / 3.0, accuracy: 1e-15)
    }
}
