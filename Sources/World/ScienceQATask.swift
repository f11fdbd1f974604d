import Tensors

/// ScienceQA analog: a textual context states a fact about this world; answer the letter of the option that obeys it.
///
/// Like many ScienceQA questions, these are answered from the context: the picture comes with the
/// question but does not decide it. The options are one of the world's two option lists, always in
/// the same order, and the context names the answer in the options' own word ("a circle is hot").
/// Measured at `small` (issue 4's notes, `pilot data baselines --tasks scienceqa`): with options
/// shuffled per question pilot-tiny never learnt to point at the option that names a word (24–36 %
/// with 33 % chance, from 288 up to 4608 items); with plural contexts ("circles are hot") it learnt
/// the colour family (91 %) but not the shape family beside it (46 %). A family that needs the
/// picture ("red things are hot", which shape is hot) stayed at chance and pulled the context
/// families down with it: local clients after 6 rounds of general VQA 25–62 % with it, 34–100 % without.
public enum ScienceQATask: TaskGenerator {
    /// Question families, the categories of non-IID splits.
    public static let categories = ["shape-fact", "color-fact"]
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
        let shapeFact = categories[category] == "shape-fact"
        let options = shapeFact ? shapeOptions : colorOptions
        let right = Phrasing.pick(options, &rng)
        let (context, question) = shapeFact
            ? ("in this world , a \(right) is \(property)", "which shape is \(property)")
            : ("in this world , \(right) things are \(property)", "which color is \(property)")
        let letter = letters[options.firstIndex(of: right)!]
        let listed = Phrasing.options(options)
        let lead = Phrasing.pick(["", "use the context . ", "read the context and choose the best option . "], &rng)
        let tail = Phrasing.pick(["answer with the letter .", "answer with the option letter ."], &rng)
        let instruction = "\(lead)context : \(context) . question : \(question) ? options : \(listed) . \(tail)"
        return Example(id: id, task: .scienceqa, scene: scene, instruction: instruction, answer: letter,
                       references: [letter], category: category)
    }
}
