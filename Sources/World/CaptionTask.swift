import Tensors

/// COCO Caption analog: describe a scene of 1–3 objects; five reference captions in different wordings.
public enum CaptionTask: TaskGenerator {
    /// Background styles, the categories of non-IID splits.
    public static let categories = BackgroundStyle.allCases.map(\.rawValue)

    /// One captioning example; the training target is one of its references, chosen at random.
    public static func example(id: String, rng: inout RandomStream) -> Example {
        let scene = SceneGenerator.scene(objectCount: 1 + rng.nextInt(below: 3), rng: &rng)
        let references = captions(of: scene)
        let instruction = Phrasing.pick(["describe the image briefly .", "write a short caption for the image .",
                                         "what does the picture show ?", "give a brief description of the scene ."], &rng)
        return Example(id: id, task: .coco, scene: scene, instruction: instruction,
                       answer: Phrasing.pick(references, &rng), references: references, category: scene.background.index)
    }

    /// Five captions of `scene`, each a different way people would say it.
    public static func captions(of scene: Scene) -> [String] {
        let objects = scene.objects
        let count = Phrasing.numbers[objects.count]
        let background = Phrasing.background(scene.background)
        let plain = objects.map { "a \($0.color.rawValue) \($0.shape.rawValue)" }
        let sized = objects.map { "a \($0.fullName)" }
        let placed = objects.map { "a \($0.color.rawValue) \($0.shape.rawValue) at the \($0.cell.phrase)" }
        let noun = objects.count == 1 ? "object" : "objects"
        return [
            "\(Phrasing.list(sized)) on a \(background) background",
            "\(count) \(noun) : \(Phrasing.list(plain))",
            "there is \(Phrasing.list(placed))",
            "a picture of \(Phrasing.list(plain)) on \(background) ground",
            "\(Phrasing.list(sized.reversed())) in front of a \(background) background",
        ]
    }
}
