/// An 8-bit RGB picture, row-major with interleaved channels.
public struct RGBImage: Codable, Hashable, Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// [height, width, 3] bytes.
    public var pixels: [UInt8]

    /// A picture filled with one colour.
    public init(width: Int, height: Int, fill: (UInt8, UInt8, UInt8) = (0, 0, 0)) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) { pixels[3 * i] = fill.0; pixels[3 * i + 1] = fill.1; pixels[3 * i + 2] = fill.2 }
    }

    /// The colour at (x, y).
    public subscript(x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
        get { let i = 3 * (y * width + x); return (pixels[i], pixels[i + 1], pixels[i + 2]) }
        set { let i = 3 * (y * width + x); pixels[i] = newValue.0; pixels[i + 1] = newValue.1; pixels[i + 2] = newValue.2 }
    }

    /// Sets (x, y) when it lies inside the picture; ignores it otherwise.
    public mutating func plot(_ x: Int, _ y: Int, _ color: (UInt8, UInt8, UInt8)) {
        if x >= 0, y >= 0, x < width, y < height { self[x, y] = color }
    }

    /// Channel-first floats in [-1, 1]: [3, height, width], the encoder's input layout.
    public func channelFirst() -> [Float] {
        var out = [Float](repeating: 0, count: pixels.count)   // [3, H, W]
        let plane = width * height
        for i in 0..<plane {
            for c in 0..<3 { out[c * plane + i] = Float(pixels[3 * i + c]) / 127.5 - 1 }
        }
        return out
    }
}
