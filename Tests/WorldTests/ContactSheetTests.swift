import Tensors
import World
import XCTest

/// The PNG encoder writes a valid file and the contact sheet holds every picture.
final class ContactSheetTests: XCTestCase {
    func testChecksumsMatchKnownValues() {
        XCTAssertEqual(PNGEncoder.crc32(Array("IEND".utf8)), 0xAE42_6082)
        XCTAssertEqual(PNGEncoder.adler32(Array("Wikipedia".utf8)), 0x11E6_0398)
    }

    func testPNGStructure() {
        var image = RGBImage(width: 3, height: 2, fill: (1, 2, 3))
        image[2, 1] = (200, 100, 50)
        let png = PNGEncoder.encode(image)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(Array(png[12..<16]), Array("IHDR".utf8))
        XCTAssertEqual(Array(png[16..<24]), [0, 0, 0, 3, 0, 0, 0, 2])
        XCTAssertEqual(Array(png.suffix(8).prefix(4)), Array("IEND".utf8))
        // The stored block holds the filtered rows verbatim.
        let rows: [UInt8] = [0, 1, 2, 3, 1, 2, 3, 1, 2, 3, 0, 1, 2, 3, 1, 2, 3, 200, 100, 50]
        XCTAssertNotNil(png.firstRange(of: rows))
    }

    func testSheetContainsEveryPictureEnlarged() {
        let examples = TaskKind.ocrvqa.examples(count: 3, prefix: "x", rng: RandomStream(seed: 1))
        var sheet = ContactSheet()
        sheet.columns = 2
        let image = sheet.render(examples)
        let first = examples[0].image
        for (x, y) in [(0, 0), (5, 9), (31, 31)] {
            XCTAssertTrue(image[x * sheet.imageScale, y * sheet.imageScale] == first[x, y])
        }
        XCTAssertGreaterThan(image.height, 2 * 32 * sheet.imageScale - 1, "three examples need two rows")
    }
}
