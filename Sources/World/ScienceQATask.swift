import Tensors

/// ScienceQA analog: a textual context states a rule, the picture says which option obeys it; answer an option letter.
public enum ScienceQATask: TaskGenerator {
    /// Question families, the categories of non-IID splits.
    public static let categories = ["color-rule", "shape-rule", "place-rule", "text-rule", "present-color"]
    /// Option letters.
    public static let letters = ["A", "B", "C", "D"]
    /// Properties the rules hand out.
    static let properties = ["hot", "cold", "heavy", "magnetic", "soft", "wet", "sweet", "loud"]

    /// One multiple-choice question with 3 or 4 options.
    public static func example(id: String, rng: inout RandomStream) -> Example {
        let property = Phrasing.pick(properties, &rng)
        let optionCount = 3 + rng.nextInt(below: 2)
        let category = rng.nextInt(below: categories.count)
        while true {
            let scene = SceneGenerator.scene(objectCount: 2 + rng.nextInt(below: 3), rng: &rng)
            guard let (rule, question, right, wrong) = item(category, scene, property, &rng) else {
                continue                                              // no unique answer in this scene: draw another
            }
            let options = Phrasing.shuffled([right] + Array(Phrasing.shuffled(wrong, &rng).prefix(optionCount - 1)), &rng)
            let letter = letters[options.firstIndex(of: right)!]
            let listed = options.enumerated().map { "(\(letters[$0.offset])) \($0.element)" }.joined(separator: " ")
            let lead = Phrasing.pick(["", "use the context . ", "read the context and choose the best option . "], &rng)
            let tail = Phrasing.pick(["answer with the letter .", "answer with the option letter ."], &rng)
            let instruction = "\(lead)context : \(rule) . question : \(question) ? options : \(listed) . \(tail)"
            return Example(id: id, task: .scienceqa, scene: scene, instruction: instruction, answer: letter,
                           references: [letter], category: category)
        }
    }

    /// The rule, question, right option and wrong options of a family on a scene, or nil when the scene has no unique answer.
    static func item(_ family: Int, _ scene: Scene, _ property: String, _ rng: inout RandomStream)
        -> (String, String, String, [String])? {
        switch family {
        case 0:
            guard let target = uniqueObject(in: scene, &rng) else { return nil }
            return ("in this world , \(target.color.rawValue) things are \(property)", "which shape is \(property)",
                    target.shape.rawValue, ObjectShape.allCases.map(\.rawValue).filter { $0 != target.shape.rawValue })
        case 1:
            guard let target = uniqueObject(in: scene, &rng) else { return nil }
            return ("in this world , \(target.shape.plural) are \(property)", "which color is \(property)",
                    target.color.rawValue, ObjectColor.allCases.map(\.rawValue).filter { $0 != target.color.rawValue })
        case 3:
            // Answerable from the context alone, as many ScienceQA questions are.
            let shapes = Phrasing.shuffled(ObjectShape.allCases, &rng)
            let other = Phrasing.pick(properties.filter { $0 != property }, &rng)
            return ("in this world , \(shapes[0].plural) are \(property) and \(shapes[1].plural) are \(other)", "which shape is \(property)",
                    shapes[0].rawValue, shapes.dropFirst().map(\.rawValue))
        case 4:
            let present = Set(scene.objects.map(\.color))
            let absent = ObjectColor.allCases.filter { !present.contains($0) }
            guard absent.count >= letters.count - 1 else { return nil }
            let target = Phrasing.pick(scene.objects, &rng).color
            return ("look at the picture", "which color can you see", target.rawValue, absent.map(\.rawValue))
        default:
            let sides: [(String, (SceneObject) -> Bool)] = [
                ("top", { $0.cell.row == 0 }), ("bottom", { $0.cell.row == 2 }),
                ("left", { $0.cell.column == 0 }), ("right", { $0.cell.column == 2 }),
            ]
            let usable = sides.filter { side in scene.objects.filter(side.1).count == 1 }
            guard !usable.isEmpty, scene.objects.count >= 2 else { return nil }
            let (side, test) = Phrasing.pick(usable, &rng)
            let target = scene.objects.first(where: test)!
            let names = scene.objects.map { "\($0.color.rawValue) \($0.shape.rawValue)" }
            let right = "\(target.color.rawValue) \(target.shape.rawValue)"
            guard names.filter({ $0 == right }).count == 1 else { return nil }
            var wrong = Array(Set(names.filter { $0 != right })).sorted()
            while wrong.count < letters.count - 1 {                 // pad with objects that are not in the picture
                let absent = "\(Phrasing.pick(ObjectColor.allCases, &rng).rawValue) \(Phrasing.pick(ObjectShape.allCases, &rng).rawValue)"
                if !names.contains(absent) && !wrong.contains(absent) { wrong.append(absent) }
            }
            return ("things at the \(side) are \(property)", "which object is \(property)", right, wrong)
        }
    }

    /// A random object whose colour and shape are both unique in `scene` (the colour and shape rules need one).
    static func uniqueObject(in scene: Scene, _ rng: inout RandomStream) -> SceneObject? {
        let candidates = scene.objects.filter { scene.objects(color: $0.color).count == 1 && scene.objects(shape: $0.shape).count == 1 }
        return candidates.isEmpty ? nil : Phrasing.pick(candidates, &rng)
    }
}
