import Tensors
import World
import XCTest

/// Scenes are deterministic, drawn where their objects say, and signs carry their word.
final class SceneTests: XCTestCase {
    func testSameSeedSameBytesDifferentSeedDifferentBytes() {
        func picture(_ seed: UInt64) -> [UInt8] {
            var rng = RandomStream(seed: seed)
            return SceneRenderer.render(SceneGenerator.scene(objectCount: 3, signWord: "book", rng: &rng)).pixels
        }
        XCTAssertEqual(picture(11), picture(11))
        XCTAssertNotEqual(picture(11), picture(12))
        XCTAssertEqual(picture(11).count, 32 * 32 * 3)
    }

    func testEveryObjectIsPaintedInItsColourAtItsCentreAndInsideItsCell() {
        var rng = RandomStream(seed: 5)
        for _ in 0..<300 {
            let scene = SceneGenerator.scene(objectCount: 1 + rng.nextInt(below: 4), rng: &rng)
            let image = SceneRenderer.render(scene)
            XCTAssertEqual(Set(scene.objects.map(\.cell)).count, scene.objects.count, "objects share a cell")
            for object in scene.objects {
                let b = object.pixelBox
                let c = image[(b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2]
                XCTAssertTrue(c == object.color.rgb, "\(object) centre is \(c)")
                XCTAssertTrue(b.x1 >= 0 && b.y1 >= 0 && b.x2 <= 32 && b.y2 <= 32)
                XCTAssertEqual(b.x1 >= 21 ? 2 : b.x1 >= 10 ? 1 : 0, object.cell.column, "box starts outside its column")
                XCTAssertEqual(b.y1 >= 21 ? 2 : b.y1 >= 10 ? 1 : 0, object.cell.row, "box starts outside its row")
            }
        }
    }

    func testObjectsAndSignsSitWithinOnePixelOfTheirSlotsCentre() {
        // Grounding is learnable at pilot-tiny's 8-pixel patches only if a box follows from cell and size.
        let origins = [0, 10, 21], extents = [10, 11, 11]
        var rng = RandomStream(seed: 9)
        var offsets = Set<Int>()
        for _ in 0..<300 {
            let scene = SceneGenerator.scene(objectCount: 1 + rng.nextInt(below: 3), signWord: "moon", rng: &rng)
            for object in scene.objects {
                for (start, slot) in [(object.x, object.cell.column), (object.y, object.cell.row)] {
                    let centred = Double(extents[slot] - object.size.pixels) / 2
                    let offset = Double(start - origins[slot]) - centred
                    XCTAssertLessThanOrEqual(abs(offset), Double(SceneGenerator.maxJitter), "\(object)")
                    offsets.insert(start - origins[slot])
                }
            }
            let sign = scene.sign!
            XCTAssertLessThanOrEqual(abs(Double(sign.x) - Double(32 - sign.width) / 2), Double(SceneGenerator.maxJitter))
        }
        XCTAssertGreaterThan(offsets.count, 2, "positions never vary")
    }

    func testShapesDifferInPixels() {
        // The four shapes at one place must paint four different masks, or the shape questions are unanswerable.
        var masks = Set<[Bool]>()
        for shape in ObjectShape.allCases {
            let object = SceneObject(shape: shape, color: .red, size: .small, cell: GridCell(column: 1, row: 1), x: 12, y: 12)
            let scene = Scene(background: .plain, backgroundTint: [0, 0, 0], textureSeed: 0, objects: [object], sign: nil)
            masks.insert(SceneRenderer.render(scene).pixels.map { $0 > 100 })
        }
        XCTAssertEqual(masks.count, ObjectShape.allCases.count)
    }

    func testSignWordsAreDrawnAndDistinguishable() {
        var pictures = Set<[UInt8]>()
        for word in Lexicon.signWords {
            let scene = Scene(background: .plain, backgroundTint: [30, 30, 30], textureSeed: 0, objects: [], sign: Sign(word: word, x: 2, y: 3))
            pictures.insert(SceneRenderer.render(scene).pixels)
            XCTAssertTrue(word.allSatisfy(Glyphs.has), "\(word) has a letter the font lacks")
        }
        XCTAssertEqual(pictures.count, Lexicon.signWords.count, "two sign words render identically")
    }

    func testSignsLeaveObjectsUncovered() {
        var rng = RandomStream(seed: 9)
        for _ in 0..<200 {
            let scene = SceneGenerator.scene(objectCount: 3, signWord: "milk", rng: &rng)
            let sign = scene.sign!
            XCTAssertTrue(sign.x >= 0 && sign.x + sign.width <= 32 && sign.y >= 0 && sign.y + sign.height <= 32)
            for object in scene.objects {
                let b = object.pixelBox
                let overlap = b.x1 < sign.x + sign.width && sign.x < b.x2 && b.y1 < sign.y + sign.height && sign.y < b.y2
                XCTAssertFalse(overlap, "sign covers \(object)")
            }
        }
    }

    func testGridPhrases() {
        XCTAssertEqual(GridCell(column: 0, row: 0).phrase, "top left")
        XCTAssertEqual(GridCell(column: 1, row: 1).phrase, "center")
        XCTAssertEqual(GridCell(column: 2, row: 1).phrase, "right")
        XCTAssertEqual(GridCell(column: 1, row: 2).phrase, "bottom")
    }
}
