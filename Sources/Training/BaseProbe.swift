import Foundation
import Metrics
import Models
import Tensors
import World

/// What a pretrained base has learnt, measured on held-out samples of its own corpus.
///
/// The tasks' tuning can only build on skills the base has: reading an object's attributes,
/// placing it in the grid and boxing it, reading a sign, pointing at an option. The probe asks the corpus's own
/// kinds of question about pictures the base never saw and scores each skill separately.
public struct BaseProbe: Codable, Hashable, Sendable {
    /// Share of "what is at the <cell> ?" answered exactly (object or "nothing").
    public var cellAccuracy: Double
    /// Share of "box of the … ?" answers whose IoU with the object's box reaches `BoxAccuracy.iouThreshold`.
    public var boxAccuracy: Double
    /// Share of object records ("circle : red , small , top left") reproduced exactly in descriptions.
    public var objectRecordRecall: Double
    /// Share of descriptions with a sign whose sign record names the right word.
    public var signAccuracy: Double
    /// Share of "list the text in the picture ." answered exactly ("sign: book." or "no text.").
    public var readingAccuracy: Double
    /// Share of text-only option-pointing items answered with the right letter.
    public var choiceAccuracy: Double
    /// Share of descriptions naming the right background.
    public var backgroundAccuracy: Double
    /// Held-out samples asked.
    public var samples: Int

    /// Where held-out samples start in the corpus stream, far beyond any pretraining step's samples.
    static let heldOutOffset = 1 << 40

    /// Probes `model` on `count` held-out samples of the corpus of `config`.
    public static func measure(_ model: MultimodalModel, config: PretrainConfig, count: Int = 256) -> BaseProbe {
        let corpus = DataSetStreams.pretraining(seed: config.seed)
        let samples = (0..<count).map { PretrainCorpus.sample(heldOutOffset + $0, rng: corpus) }
        let evaluator = Evaluator()
        let data = EncodedDataSet(samples, tokenizer: evaluator.tokenizer)
        let answers = evaluator.decode(model, prompts: samples.map { EncodedSample($0, tokenizer: evaluator.tokenizer).prompt },
                                       features: data.images.encoded(by: model),
                                       maxNewTokens: { evaluator.tokenizer.encode(samples[$0].answer).count + 4 })
        var cells = Tally(), boxes = Tally(), records = Tally(), signs = Tally(), backgrounds = Tally(), reading = Tally(), choices = Tally()
        for (sample, answer) in zip(samples, answers) {
            switch sample.kind {
            case .cell: cells.add(answer == sample.answer)
            case .box: boxes.add(BoxAccuracy.iou(answer, reference: BoundingBox(parsing: sample.answer)!) >= BoxAccuracy.iouThreshold)
            case .optionPointing: choices.add(answer == sample.answer)
            case .reading: reading.add(answer == sample.answer)
            case .description:
                let said = Set(parts(of: answer))
                backgrounds.add(said.contains(parts(of: sample.answer)[0]))
                for object in sample.scene.objects { records.add(said.contains(PretrainCorpus.record(of: object))) }
                if let sign = sample.scene.sign { signs.add(said.contains("sign: \(sign.word)")) }
            }
        }
        return BaseProbe(cellAccuracy: cells.share, boxAccuracy: boxes.share, objectRecordRecall: records.share,
                         signAccuracy: signs.share, readingAccuracy: reading.share, choiceAccuracy: choices.share, backgroundAccuracy: backgrounds.share, samples: count)
    }

    /// The records of a canonical description: "background: noisy. circle: red, small, top left." → ["background: noisy", "circle: red, small, top left"].
    static func parts(of description: String) -> [String] {
        description.components(separatedBy: ". ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ". ")) }
    }

    /// One line for logs: every skill in percent.
    public var summary: String {
        func pct(_ x: Double) -> String { String(format: "%.0f%%", 100 * x) }
        return "held-out probe (\(samples) samples): cell \(pct(cellAccuracy)), box IoU≥\(BoxAccuracy.iouThreshold) \(pct(boxAccuracy)), "
            + "object records \(pct(objectRecordRecall)), sign word \(pct(signAccuracy)), background \(pct(backgroundAccuracy)), "
            + "reading \(pct(readingAccuracy)), option pointing \(pct(choiceAccuracy))"
    }
}

/// Counts of right answers among those asked.
private struct Tally {
    var right = 0, asked = 0
    mutating func add(_ ok: Bool) { asked += 1; if ok { right += 1 } }
    var share: Double { asked == 0 ? 0 : Double(right) / Double(asked) }
}
