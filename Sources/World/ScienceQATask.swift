import Tensors

/// ScienceQA analog: answer the letter of the option that a textual context, or the picture, decides.
///
/// Two families are answered from the context, as many ScienceQA questions are: the context states a fact
/// in the options' own word ("a circle is hot") and the picture does not matter. The third, a third of the
/// items, needs the picture, as the image questions of the real data set (SQA-IMG) do: "look at the
/// picture . which shape is the red object ?". The options are one of the world's two option lists,
/// always in the same order. Tables report the families apart (`pictureCategories`).
public enum ScienceQATask: TaskGenerator {
    /// Question families, the categories of non-IID splits: two answered from the context, one from the picture.
    public static let categories = ["shape-fact", "color-fact", "shape-picture"]
    /// The families whose answer depends on the picture.
    public static let pictureCategories: Set<Int> = [2]
    /// Option letters.
    public static let letters = Lexicon.letters
    /// The colours the colour questions offer, in their listed order (the world has more colours than letters).
    public static let optionColors: [ObjectColor] = [.red, .green, .blue, .yellow]
    /// The shape questions' options, in their listed order.
    public static let shapeOptions = ObjectShape.allCases.map(\.rawValue)
    /// The colour questions' options, in their listed order.
    public static let colorOptions = optionColors.map(\.rawValue)
    /// The world's option lists, each always listed in this order: the four shapes and the four option colours.
    public static let optionLists: [[String]] = [shapeOptions, colorOptions]
    /// Properties the facts hand out.
    static let properties = ["hot", "cold", "heavy", "magnetic", "soft", "wet", "sweet", "loud"]

    /// One multiple-choice question with four options.
    public static func example(id: String, rng: inout RandomStream) -> Example {
        let property = Phrasing.pick(properties, &rng)
        let category = rng.nextInt(below: categories.count)
        let scene = SceneGenerator.scene(objectCount: 2 + rng.nextInt(below: 3), rng: &rng)
        let options: [String], right: String, context: String, question: String
        switch categories[category] {
        case "shape-fact":
            options = shapeOptions
            right = Phrasing.pick(options, &rng)
            (context, question) = ("in this world , a \(right) is \(property)", "which shape is \(property)")
        case "color-fact":
            options = colorOptions
            right = Phrasing.pick(options, &rng)
            (context, question) = ("in this world , \(right) things are \(property)", "which color is \(property)")
        default:
            options = shapeOptions
            let object = Phrasing.pick(scene.objects, &rng)
            right = object.shape.rawValue
            (context, question) = ("look at the picture", "which shape is the \(GQATask.colorName(object, in: scene))")
        }
        let letter = letters[options.firstIndex(of: right)!]
        let listed = Phrasing.options(options)
        let lead = Phrasing.pick(["", "use the context . ", "read the context and choose the best option . "], &rng)
        let tail = Phrasing.pick(["answer with the letter .", "answer with the option letter ."], &rng)
        let instruction = "\(lead)context : \(context) . question : \(question) ? options : \(listed) . \(tail)"
        return Example(id: id, task: .scienceqa, scene: scene, instruction: instruction, answer: letter,
                       references: [letter], category: category)
    }
}
