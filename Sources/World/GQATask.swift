import Foundation
import Tensors

/// GQA analog: compositional questions about attributes, existence, counts and relations; one-word answers.
public enum GQATask: TaskGenerator {
    /// Question types, the categories of non-IID splits.
    public static let categories = ["color", "shape", "exist", "count", "relation"]

    /// One question on a fresh scene of 2–4 objects.
    public static func example(id: String, rng: inout RandomStream) -> Example {
        let scene = SceneGenerator.scene(objectCount: 2 + rng.nextInt(below: 3), rng: &rng)
        let category = rng.nextInt(below: categories.count)
        let (question, answer): (String, String)
        switch category {
        case 0: (question, answer) = colorQuestion(scene, &rng)
        case 1: (question, answer) = shapeQuestion(scene, &rng)
        case 2: (question, answer) = existQuestion(scene, &rng)
        case 3: (question, answer) = countQuestion(scene, &rng)
        default: (question, answer) = relationQuestion(scene, &rng)
        }
        return Example(id: id, task: .gqa, scene: scene, instruction: question + " answer with one word .",
                       answer: answer, references: [answer], category: category)
    }

    /// Colour of an object named by its shape (or size and shape when the shape alone is ambiguous).
    static func colorQuestion(_ scene: Scene, _ rng: inout RandomStream) -> (String, String) {
        let object = Phrasing.pick(scene.objects, &rng)
        let name = scene.objects(shape: object.shape).count == 1 ? object.shape.rawValue : "\(object.shape.rawValue) at the \(object.cell.phrase)"
        let q = Phrasing.pick(["what color is the \(name) ?", "what is the color of the \(name) ?", "which color does the \(name) have ?"], &rng)
        return (q, object.color.rawValue)
    }

    /// Shape of an object named by its colour (or colour and place).
    static func shapeQuestion(_ scene: Scene, _ rng: inout RandomStream) -> (String, String) {
        let object = Phrasing.pick(scene.objects, &rng)
        let name = colorName(object, in: scene)
        let q = Phrasing.pick(["what shape is the \(name) ?", "what is the shape of the \(name) ?", "which shape does the \(name) have ?"], &rng)
        return (q, object.shape.rawValue)
    }

    /// Whether a colour–shape pair is present; half of the time it is.
    static func existQuestion(_ scene: Scene, _ rng: inout RandomStream) -> (String, String) {
        var color: ObjectColor, shape: ObjectShape
        if rng.nextInt(below: 2) == 0 {
            let object = Phrasing.pick(scene.objects, &rng)
            (color, shape) = (object.color, object.shape)
        } else {
            repeat {
                color = Phrasing.pick(ObjectColor.allCases, &rng)
                shape = Phrasing.pick(ObjectShape.allCases, &rng)
            } while !scene.objects(color: color, shape: shape).isEmpty
        }
        let q = Phrasing.pick(["is there a \(color.rawValue) \(shape.rawValue) ?", "does the image contain a \(color.rawValue) \(shape.rawValue) ?",
                               "can you see a \(color.rawValue) \(shape.rawValue) ?"], &rng)
        return (q, scene.objects(color: color, shape: shape).isEmpty ? "no" : "yes")
    }

    /// How many objects have a colour, or a shape.
    static func countQuestion(_ scene: Scene, _ rng: inout RandomStream) -> (String, String) {
        let anchor = Phrasing.pick(scene.objects, &rng)
        if rng.nextInt(below: 2) == 0 {
            let q = Phrasing.pick(["how many \(anchor.shape.plural) are there ?", "what is the number of \(anchor.shape.plural) ?"], &rng)
            return (q, Phrasing.numbers[scene.objects(shape: anchor.shape).count])
        }
        let q = Phrasing.pick(["how many \(anchor.color.rawValue) objects are there ?", "what is the number of \(anchor.color.rawValue) objects ?"], &rng)
        return (q, Phrasing.numbers[scene.objects(color: anchor.color).count])
    }

    /// Whether one object is left of / right of / above / below another; half of the time it is.
    static func relationQuestion(_ scene: Scene, _ rng: inout RandomStream) -> (String, String) {
        let pair = Phrasing.shuffled(scene.objects, &rng).prefix(2)
        let a = pair.first!, b = pair.last!
        let relations: [(String, Bool)] = [
            ("to the left of", a.cell.column < b.cell.column), ("to the right of", a.cell.column > b.cell.column),
            ("above", a.cell.row < b.cell.row), ("below", a.cell.row > b.cell.row),
        ]
        let wanted = rng.nextInt(below: 2) == 0
        let matching = relations.filter { $0.1 == wanted }
        let (relation, truth) = matching.isEmpty ? Phrasing.pick(relations, &rng) : Phrasing.pick(matching, &rng)
        let q = "is the \(name(a, in: scene)) \(relation) the \(name(b, in: scene)) ?"
        return (q, truth ? "yes" : "no")
    }

    /// "red object", or "red object at the top left" when another object shares the colour: a name that leaves the shape to the picture.
    static func colorName(_ object: SceneObject, in scene: Scene) -> String {
        scene.objects(color: object.color).count == 1 ? "\(object.color.rawValue) object" : "\(object.color.rawValue) object at the \(object.cell.phrase)"
    }

    /// The shortest of "color shape" / "size color shape" / "... at the place" that names only `object`.
    static func name(_ object: SceneObject, in scene: Scene) -> String {
        if scene.objects(color: object.color, shape: object.shape).count == 1 { return "\(object.color.rawValue) \(object.shape.rawValue)" }
        if scene.objects.filter({ $0.color == object.color && $0.shape == object.shape && $0.size == object.size }).count == 1 { return object.fullName }
        return "\(object.color.rawValue) \(object.shape.rawValue) at the \(object.cell.phrase)"
    }
}
