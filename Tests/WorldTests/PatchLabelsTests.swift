import Tensors
import World
import XCTest

/// Patch labels say what each 8×8 patch shows: the object over it, the letters on it, the background.
final class PatchLabelsTests: XCTestCase {
    private let none = { (group: PatchLabels.Group) in Int32(group.classes - 1) }

    func testAnObjectLabelsTheFourPatchesItsBoxOverlapsAndNothingElse() {
        // A large blue cross at pixels x 5..<15, y 5..<15 overlaps patches (0,0), (1,0), (0,1), (1,1).
        let cross = SceneObject(shape: .cross, color: .blue, size: .large, cell: GridCell(column: 0, row: 0), x: 5, y: 5)
        let labels = PatchLabels(scene: scene([cross]), patch: 8)
        XCTAssertEqual(labels.grid, 4)
        for patch in 0..<16 {
            let covered = [0, 1, 4, 5].contains(patch)
            XCTAssertEqual(labels[.color][patch], covered ? Int32(ObjectColor.allCases.firstIndex(of: .blue)!) : none(.color), "patch \(patch)")
            XCTAssertEqual(labels[.shape][patch], covered ? Int32(ObjectShape.allCases.firstIndex(of: .cross)!) : none(.shape))
            XCTAssertEqual(labels[.size][patch], covered ? Int32(ObjectSize.allCases.firstIndex(of: .large)!) : none(.size))
            XCTAssertEqual(labels[.cell][patch], covered ? 0 : none(.cell))
            XCTAssertEqual(labels[.background][patch], Int32(BackgroundStyle.stripes.index))
            XCTAssertEqual(labels[.leftGlyph][patch], none(.leftGlyph))
        }
    }

    func testWhereTwoObjectsMeetThePatchGoesToTheOneCoveringMoreOfIt() {
        // Patch (1,0) spans x 8..<16: the red square covers 2 columns of it, the green circle 6.
        let red = SceneObject(shape: .square, color: .red, size: .large, cell: GridCell(column: 0, row: 0), x: 0, y: 0)
        let green = SceneObject(shape: .circle, color: .green, size: .small, cell: GridCell(column: 1, row: 0), x: 10, y: 1)
        let labels = PatchLabels(scene: scene([red, green]), patch: 8)
        XCTAssertEqual(labels[.color][1], Int32(ObjectColor.allCases.firstIndex(of: .green)!))
        XCTAssertEqual(labels[.cell][1], 1)
        XCTAssertEqual(labels[.color][0], Int32(ObjectColor.allCases.firstIndex(of: .red)!))
    }

    func testEachLetterOfASignLabelsTheHalfPatchHoldingItsCentreInEveryPatchRowItTouches() {
        // Plate at x 7, y 12: letters start at x 8, 12, 16, 20 (centres 9, 13, 17, 21) on rows 13...17,
        // which straddle patch rows 1 (8..<16) and 2 (16..<24).
        let labels = PatchLabels(scene: scene([], sign: Sign(word: "king", x: 7, y: 12)), patch: 8)
        let letter = { (c: Character) in Int32(PatchLabels.letters.firstIndex(of: c)!) }
        for row in [1, 2] {
            XCTAssertEqual(labels[.leftGlyph][row * 4 + 1], letter("k"))
            XCTAssertEqual(labels[.rightGlyph][row * 4 + 1], letter("i"))
            XCTAssertEqual(labels[.leftGlyph][row * 4 + 2], letter("n"))
            XCTAssertEqual(labels[.rightGlyph][row * 4 + 2], letter("g"))
        }
        for patch in [0, 3, 4, 7, 8, 11, 12, 13, 14, 15] {
            XCTAssertEqual(labels[.leftGlyph][patch], none(.leftGlyph), "patch \(patch)")
            XCTAssertEqual(labels[.rightGlyph][patch], none(.rightGlyph), "patch \(patch)")
        }
    }

    func testEveryGeneratedSceneGetsALabelInRangeForEveryPatch() {
        var rng = RandomStream(seed: 3)
        for i in 0..<50 {
            let scene = SceneGenerator.scene(objectCount: 1 + i % 3, signWord: i % 2 == 0 ? "moon" : nil, rng: &rng)
            let labels = PatchLabels(scene: scene, patch: 8)
            for group in PatchLabels.Group.allCases {
                XCTAssertEqual(labels[group].count, 16)
                XCTAssertTrue(labels[group].allSatisfy { (0..<Int32(group.classes)).contains($0) }, "\(group)")
            }
            let labelled = (labels[.leftGlyph] + labels[.rightGlyph]).filter { $0 != none(.leftGlyph) }
            if i % 2 == 0 {
                let letters = Set(labelled.map { PatchLabels.letters[Int($0)] })
                XCTAssertEqual(letters, Set("moon"), "every letter of a sign labels at least one patch")
            } else {
                XCTAssertTrue(labelled.isEmpty, "no sign, no letters")
            }
        }
    }

    private func scene(_ objects: [SceneObject], sign: Sign? = nil) -> Scene {
        Scene(background: .stripes, backgroundTint: [20, 20, 20], textureSeed: 1, objects: objects, sign: sign)
    }
}
