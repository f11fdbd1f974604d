import Foundation

/// Repeated timings of one piece of work, in seconds.
public struct Samples {
    /// Every timing, in the order taken.
    public let seconds: [Double]

    /// Samples from timings (or any values whose median is wanted).
    public init(seconds: [Double]) { self.seconds = seconds }

    public var median: Double {
        let s = seconds.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : 0.5 * (s[s.count / 2 - 1] + s[s.count / 2])
    }
    public var min: Double { seconds.min() ?? .nan }
    public var max: Double { seconds.max() ?? .nan }

    /// Times `body` `iterations` times after `warmup` untimed runs; each sample repeats `body` `repeats` times.
    public static func measure(warmup: Int = 3, iterations: Int = 15, repeats: Int = 1, _ body: () -> Void) -> Samples {
        for _ in 0..<warmup { body() }
        var out: [Double] = []
        out.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<repeats { body() }
            out.append(Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9 / Double(repeats))
        }
        return Samples(seconds: out)
    }

    /// Repeats so that one sample of work costing `flops` lasts about `target` seconds at `rate` FLOP/s.
    public static func repeats(flops: Double, rate: Double = 5e10, target: Double = 0.02) -> Int {
        Swift.max(1, Int(target * rate / Swift.max(flops, 1)))
    }
}
