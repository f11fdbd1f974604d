import Metrics
import XCTest

/// ScienceQA letter extraction, case by case against what LLaVA's `eval_science_qa.py` does.
final class ScienceQALetterTests: XCTestCase {
    func testTheWholeAnswerIsAnOptionLetter() {
        XCTAssertEqual(ScienceQALetter.extract(from: "C"), "C")
        XCTAssertNil(ScienceQALetter.extract(from: "F"), "only A…E are options")
        XCTAssertNil(ScienceQALetter.extract(from: "c"), "case-sensitive")
        XCTAssertNil(ScienceQALetter.extract(from: " C"), "no trimming")
    }

    func testTheAnswerStartsWithALetterFullStopAndSpace() {
        XCTAssertEqual(ScienceQALetter.extract(from: "B. a lion"), "B")
        XCTAssertEqual(ScienceQALetter.extract(from: "E. "), "E")
        XCTAssertNil(ScienceQALetter.extract(from: "B.a lion"))
        XCTAssertNil(ScienceQALetter.extract(from: "B) a lion"))
        XCTAssertNil(ScienceQALetter.extract(from: "B."), "the prefix needs its space")
    }

    func testTheAnswerIsPattern() {
        XCTAssertEqual(ScienceQALetter.extract(from: "Lions are big. The answer is A."), "A")
        XCTAssertEqual(ScienceQALetter.extract(from: "The answer is D!"), "D", "the regex's `.` is any character")
        XCTAssertEqual(ScienceQALetter.extract(from: "The answer is Apple"), "A", "the regex's `.` is any character")
        XCTAssertNil(ScienceQALetter.extract(from: "The answer is B"), "a character must follow the letter")
        XCTAssertNil(ScienceQALetter.extract(from: "The answer is B\n"), "the `.` does not match a newline")
        XCTAssertNil(ScienceQALetter.extract(from: "The answer is A. The answer is A."), "exactly one match is required")
        XCTAssertNil(ScienceQALetter.extract(from: "The answer is G."), "G matches [A-Z] but is not an option")
        XCTAssertNil(ScienceQALetter.extract(from: "the answer is A."), "case-sensitive")
        XCTAssertNil(ScienceQALetter.extract(from: "I think it is B"))
        XCTAssertNil(ScienceQALetter.extract(from: ""))
    }

    func testScoringComparesTheExtractedLetterWithTheReference() {
        let result = ScienceQALetter.score(
            predictions: ["1": "A", "2": "The answer is C.", "3": "B. no", "4": "maybe D"],
            references: ["1": ["A"], "2": ["B"], "3": ["B"], "4": ["D"]])
        XCTAssertEqual(result.perItem, ["1": 1, "2": 0, "3": 1, "4": 0])
        XCTAssertEqual(result.score, 0.5)
    }
}
