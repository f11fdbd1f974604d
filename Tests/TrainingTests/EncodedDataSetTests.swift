import Models
import Tensors
import Training
import World
import XCTest

/// Pictures and token batches built from examples line up with what the model expects.
final class EncodedDataSetTests: XCTestCase {
    func testBatchesPadOnTheRightAndTargetOnlyTheAnswer() {
        let examples = TrainingFixtures.examples(.gqa, 3)
        let data = EncodedDataSet(examples, tokenizer: Tokenizer())
        let batch = data.tokenBatch([2, 0])
        let lengths = [2, 0].map { data.samples[$0].inputs.count }
        XCTAssertEqual(batch.length, lengths.max())
        for (b, index) in [2, 0].enumerated() {
            let sample = data.samples[index]
            let row = Array(batch.tokens[(b * batch.length)..<((b + 1) * batch.length)])
            let targets = Array(batch.targets[(b * batch.length)..<((b + 1) * batch.length)])
            XCTAssertEqual(Array(row.prefix(sample.inputs.count)), sample.inputs)
            XCTAssertTrue(row.dropFirst(sample.inputs.count).allSatisfy { $0 == Tokenizer.pad })
            XCTAssertEqual(targets.filter { $0 != CrossEntropy.ignoreIndex }, sample.answer, "targets are the answer and <end>")
        }
        XCTAssertEqual(data.targetCount([2, 0]), data.samples[2].answer.count + data.samples[0].answer.count)
    }

    func testImagesAreTheRenderedPicturesChannelFirst() {
        let examples = TrainingFixtures.examples(.coco, 2)
        let data = EncodedDataSet(examples, tokenizer: Tokenizer())
        XCTAssertEqual(data.images.shape, [2, 3, 32, 32])
        let picture = examples[1].image
        let (r, g, b) = picture[7, 5]
        let plane = 32 * 32
        let base = plane * 3 + 5 * 32 + 7
        XCTAssertEqual(data.images[flat: base], Float(r) / 127.5 - 1)
        XCTAssertEqual(data.images[flat: base + plane], Float(g) / 127.5 - 1)
        XCTAssertEqual(data.images[flat: base + 2 * plane], Float(b) / 127.5 - 1)
        XCTAssertEqual(data.images.rows([1]).scalars, Array(data.images.scalars[(3 * plane)...]))
    }
}
