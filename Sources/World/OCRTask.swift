import Tensors

/// OCR-VQA analog: read the word written on a sign in the picture.
public enum OCRTask: TaskGenerator {
    /// Background styles, the categories of non-IID splits.
    public static let categories = BackgroundStyle.allCases.map(\.rawValue)

    /// One reading question on a scene with a sign and 0–3 objects.
    public static func example(id: String, rng: inout RandomStream) -> Example {
        let word = Phrasing.pick(Lexicon.signWords, &rng)
        let scene = SceneGenerator.scene(objectCount: rng.nextInt(below: 4), signWord: word, rng: &rng)
        let instruction = Phrasing.pick(["what word is written on the sign ?", "what does the sign say ?",
                                         "read the text in the image .", "what is written in the picture ?"], &rng)
        return Example(id: id, task: .ocrvqa, scene: scene, instruction: instruction, answer: word,
                       references: [word], category: scene.background.index)
    }
}
