import Foundation
import Tensors

/// RefCOCO analog: a referring expression → the object's box `[x1, y1, x2, y2]`, normalised, 2 decimals.
public enum GroundingTask: TaskGenerator {
    /// Background styles, the categories of non-IID splits.
    public static let categories = BackgroundStyle.allCases.map(\.rawValue)

    /// One grounding example on a scene of 2–4 objects.
    public static func example(id: String, rng: inout RandomStream) -> Example {
        let scene = SceneGenerator.scene(objectCount: 2 + rng.nextInt(below: 3), rng: &rng)
        let object = Phrasing.pick(scene.objects, &rng)
        let expression = Phrasing.pick(expressions(for: object, in: scene), &rng)
        let instruction = Phrasing.pick(["where is the \(expression) ? answer with a box .", "give the bounding box of the \(expression) .",
                                         "locate the \(expression) in the image .", "find the \(expression) and give its box ."], &rng)
        let answer = box(of: object)
        return Example(id: id, task: .refcoco, scene: scene, instruction: instruction, answer: answer,
                       references: [answer], category: scene.background.index)
    }

    /// The referring expressions that name `object` and nothing else in `scene`.
    static func expressions(for object: SceneObject, in scene: Scene) -> [String] {
        let candidates: [(String, (SceneObject) -> Bool)] = [
            ("\(object.color.rawValue) \(object.shape.rawValue)", { $0.color == object.color && $0.shape == object.shape }),
            ("\(object.size.rawValue) \(object.shape.rawValue)", { $0.size == object.size && $0.shape == object.shape }),
            ("\(object.color.rawValue) object", { $0.color == object.color }),
            ("\(object.shape.rawValue) at the \(object.cell.phrase)", { $0.cell == object.cell }),
            ("\(object.fullName)", { $0.color == object.color && $0.shape == object.shape && $0.size == object.size }),
        ]
        let unique = candidates.filter { scene.objects.filter($0.1).count == 1 }.map(\.0)
        return unique.isEmpty ? ["\(object.shape.rawValue) at the \(object.cell.phrase)"] : unique
    }

    /// "[x1, y1, x2, y2]" of the object's pixel box divided by the image side, two decimals.
    public static func box(of object: SceneObject) -> String {
        let b = object.pixelBox, side = Double(Scene.side)
        let values = [b.x1, b.y1, b.x2, b.y2].map { String(format: "%.2f", Double($0) / side) }
        return "[" + values.joined(separator: ", ") + "]"
    }
}
