import Tensors
import World
import XCTest

/// The vocabulary is small and fixed, every text of the world round-trips, unknown words are marked.
final class TokenizerTests: XCTestCase {
    let tokenizer = Tokenizer()

    func testVocabularyFitsTheModelAndIsDeterministic() {
        XCTAssertLessThanOrEqual(tokenizer.count, 512)
        XCTAssertEqual(tokenizer.vocabulary, Tokenizer().vocabulary)
        XCTAssertEqual(Array(tokenizer.vocabulary.prefix(4)), ["<pad>", "<unk>", "<answer>", "<end>"])
        XCTAssertEqual(tokenizer.id(of: "<end>"), Tokenizer.end)
        for c in ["0.00", "0.07", "0.50", "1.00"] { XCTAssertNotNil(tokenizer.id(of: c), c) }
    }

    func testPieces() {
        XCTAssertEqual(Tokenizer.pieces("[0.31, 0.06, 0.50, 1.00]"), ["[", "0.31", ",", "0.06", ",", "0.50", ",", "1.00", "]"])
        XCTAssertEqual(Tokenizer.pieces("what is it? (A) red"), ["what", "is", "it", "?", "(", "A", ")", "red"])
        XCTAssertEqual(Tokenizer.pieces("  0.5.  "), ["0.5", "."])
        XCTAssertEqual(Tokenizer.pieces(""), [])
    }

    func testEveryGeneratedTextRoundTripsWithoutUnknownWords() {
        for task in TaskKind.allCases {
            for example in task.examples(count: 400, prefix: "t", rng: RandomStream(seed: 3).split(7)) {
                for text in [example.instruction, example.answer] + example.references {
                    XCTAssertEqual(tokenizer.unknownPieces(text), [], "\(task): \(text)")
                    XCTAssertEqual(tokenizer.decode(tokenizer.encode(text)), text, "\(task) does not round-trip")
                }
            }
        }
        let corpus = DataSetStreams.pretraining(seed: 0)
        for i in 0..<400 {
            let sample = PretrainCorpus.sample(i, rng: corpus)
            XCTAssertEqual(tokenizer.decode(tokenizer.encode(sample.answer)), sample.answer)
            XCTAssertEqual(tokenizer.unknownPieces(sample.instruction + " " + sample.answer), [])
        }
    }

    func testUnknownWordsAndCase() {
        XCTAssertEqual(tokenizer.encode("zebra"), [Tokenizer.unknown])
        XCTAssertEqual(tokenizer.encode("Circle"), tokenizer.encode("circle"))
        XCTAssertNotEqual(tokenizer.encode("A"), tokenizer.encode("a"), "option letter A and the article a are different tokens")
        XCTAssertEqual(tokenizer.decode(tokenizer.encode("a zebra")), "a <unk>")
        XCTAssertEqual(tokenizer.unknownPieces("a zebra 0.123"), ["zebra", "0.123"])
    }

    func testEncodedSampleAlignsTargetsWithTheAnswer() {
        let example = TaskKind.gqa.examples(count: 1, prefix: "t", rng: RandomStream(seed: 1))[0]
        let encoded = EncodedSample(example, tokenizer: tokenizer)
        XCTAssertEqual(encoded.prompt.last, Tokenizer.answerStart)
        XCTAssertEqual(encoded.answer.last, Tokenizer.end)
        XCTAssertEqual(encoded.inputs.count, encoded.targets.count)
        // From <answer> on, position t predicts input t + 1; the last predicts <end>.
        let first = encoded.prompt.count - 1
        XCTAssertTrue(encoded.targets[..<first].allSatisfy { $0 == nil })
        XCTAssertEqual(encoded.targets[first...].map { $0! }, encoded.answer)
        XCTAssertEqual(tokenizer.decode(encoded.answer), example.answer)
    }
}
