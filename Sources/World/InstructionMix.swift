import Tensors

/// The data of the base's optional instruction stage, the analog of LLaVA-1.5's 665k instruction mix.
///
/// The paper tunes LLaVA-1.5, whose own instruction data already hold GQA, OCR-VQA, RefCOCO and
/// captions (TextCaps, and LLaVA-Instruct on COCO pictures), but no ScienceQA; its clients start from a
/// model that answers in those tasks' formats. Half of this mix is therefore items of those four tasks,
/// drawn by the tasks' own generators from a stream of the base's seed (never a client's data), and half
/// the alignment corpus (`PretrainCorpus`), which stands for the mix's conversations and region data and
/// keeps the base's generic skills. ScienceQA is left out, as LLaVA-1.5 leaves it out.
public enum InstructionMix {
    /// One item of the mix.
    public struct Item: InstructionSample, Hashable, Sendable {
        public let scene: Scene
        public let instruction: String
        public let answer: String
        /// The task it was drawn from; nil for an alignment-corpus item.
        public let task: TaskKind?
    }

    /// The tasks of LLaVA-1.5's mix that have an analog here; a task item draws one of them uniformly.
    public static let tasks: [TaskKind] = [.gqa, .coco, .refcoco, .ocrvqa]

    /// The mix's stream under base seed `seed`: disjoint from every task's streams and from the alignment corpus's.
    public static func stream(seed: UInt64) -> RandomStream { RandomStream(seed: seed).split(0x1_57A6E) }

    /// Where the mix's alignment-corpus items start in the corpus stream: beyond any alignment step's
    /// samples, below the probe's held-out ones (`BaseProbe`).
    static let corpusOffset = 1 << 32

    /// Item `index` of the mix of stream `rng`: a task item (tasks drawn uniformly) or, with
    /// probability one half, an alignment-corpus item of `corpus` that the alignment stage never saw.
    public static func item(_ index: Int, rng: RandomStream, corpus: RandomStream) -> Item {
        var stream = rng.split(UInt64(index))
        guard stream.nextInt(below: 2) == 0 else {
            let sample = PretrainCorpus.sample(corpusOffset + index, rng: corpus)
            return Item(scene: sample.scene, instruction: sample.instruction, answer: sample.answer, task: nil)
        }
        let task = tasks[stream.nextInt(below: tasks.count)]
        let example = task.generator.example(id: "mix-\(index)", rng: &stream)
        return Item(scene: example.scene, instruction: example.instruction, answer: example.answer, task: task)
    }
}
